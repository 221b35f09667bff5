// The progress page of a background job (templates/jobs/job.html): asks the job's JSON
// address every REFRESH_MS and updates the bar, the count and the step in place; once the
// job has ended, reloads the page, which then shows the result. Without JavaScript the
// page reloads itself instead (a <meta http-equiv="refresh"> inside <noscript>).
(function () {
  "use strict";
  var REFRESH_MS = 1500;
  var root = document.querySelector("[data-job-json]");
  if (!root || !window.fetch) {
    return;
  }
  var url = root.getAttribute("data-job-json");
  var bar = document.getElementById("tien-do");
  var status = root.querySelector(".htx-job-status-label");
  var percent = root.querySelector(".htx-job-percent");
  var counted = root.querySelector(".htx-job-counted");
  var step = root.querySelector(".htx-job-step");
  var note = root.querySelector(".htx-job-note");

  function show(state) {
    if (status) {
      status.textContent = state.status_label.charAt(0).toUpperCase() + state.status_label.slice(1);
    }
    if (bar) {
      if (state.percent === null) {
        bar.removeAttribute("value");
      } else {
        bar.value = state.percent;
      }
      bar.textContent = state.percent_label || "Đang xử lý";
    }
    if (percent) {
      percent.textContent = state.percent_label;
    }
    if (counted) {
      counted.textContent = state.counted;
    }
    if (step) {
      step.textContent = state.step;
    }
    if (note) {
      note.textContent = state.note;
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (state) {
        if (state.status !== "queued" && state.status !== "running") {
          window.location.reload();
          return;
        }
        show(state);
        window.setTimeout(poll, REFRESH_MS);
      })
      .catch(function () {
        // The server may be restarting: try again a little later.
        window.setTimeout(poll, REFRESH_MS * 2);
      });
  }

  window.setTimeout(poll, REFRESH_MS);
})();
