/* Galleries (/thu-vien/): what JavaScript adds to pages that work without it.
   - Photo grids ([data-gallery]) open each photo in an accessible dialog instead of its
     own page: previous/next buttons, arrow keys, Esc, swiping on a touch screen.
   - A host's video ([data-embed]) plays in place: its privacy-enhanced player is put in
     the page only when the visitor clicks (without script the link reloads the page
     with ?xem=1, which renders the same player). */
(function () {
  "use strict";

  function setupViewer(grid) {
    var dialog = grid.parentElement.querySelector("[data-viewer-dialog]");
    if (!dialog || typeof dialog.showModal !== "function") return;
    var links = Array.prototype.slice.call(grid.querySelectorAll("[data-viewer]"));
    var image = dialog.querySelector("[data-viewer-image]");
    var caption = dialog.querySelector("[data-viewer-caption]");
    var count = dialog.querySelector(".viewer-count");
    var previous = dialog.querySelector("[data-viewer-previous]");
    var next = dialog.querySelector("[data-viewer-next]");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      image.removeAttribute("srcset");
      image.src = link.dataset.src;
      if (link.dataset.srcset) {
        image.srcset = link.dataset.srcset;
        // Never wider than the photo itself: a small one is not blown up.
        image.sizes = link.dataset.width ? "min(100vw, " + link.dataset.width + "px)" : "100vw";
      }
      image.alt = link.dataset.alt || "";
      if (link.dataset.width) {
        image.width = Number(link.dataset.width);
        image.height = Number(link.dataset.height);
      }
      caption.textContent = link.dataset.caption || "";
      caption.hidden = !link.dataset.caption;
      count.textContent = "Ảnh " + (current + 1) + "/" + links.length;
      previous.disabled = links.length < 2;
      next.disabled = links.length < 2;
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        dialog.querySelector("[data-viewer-close]").focus();
      });
    });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    dialog.querySelector("[data-viewer-close]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    // A click on the backdrop (outside the picture and the buttons) closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
    });
    var startX = null, startY = null;
    dialog.addEventListener("touchstart", function (event) {
      startX = event.touches[0].clientX;
      startY = event.touches[0].clientY;
    }, {passive: true});
    dialog.addEventListener("touchend", function (event) {
      if (startX === null) return;
      var dx = event.changedTouches[0].clientX - startX;
      var dy = event.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) show(current + (dx < 0 ? 1 : -1));
    }, {passive: true});
  }

  function setupEmbed(box) {
    var play = box.querySelector("[data-play]");
    if (!play) return;
    play.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = box.dataset.embed;
      frame.title = box.dataset.embedTitle;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      box.replaceChildren(frame);
      frame.focus();
    });
  }

  document.querySelectorAll("[data-gallery]").forEach(setupViewer);
  document.querySelectorAll("[data-embed]").forEach(setupEmbed);
})();
