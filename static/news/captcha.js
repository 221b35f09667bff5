// "Đổi ảnh khác": a new captcha image for the readers' forms (news/questions/forms.py).
// Without JavaScript the button stays hidden; reloading the page gives a new image too.
document.querySelectorAll(".captcha-box").forEach((box) => {
  const image = box.querySelector("img.captcha");
  const button = box.querySelector(".captcha-refresh");
  const key = box.parentElement.querySelector('input[type="hidden"][name$="_0"]');
  if (!image || !button || !key) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const answer = await fetch(image.dataset.refresh, {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      });
      if (!answer.ok) return;
      const data = await answer.json();
      key.value = data.key;
      image.src = data.image_url;
      image.srcset = data.image_url.replace(/\/$/, "@2/") + " 2x";
      const input = box.parentElement.querySelector('input[type="text"][name$="_1"]');
      if (input) { input.value = ""; input.focus(); }
    } finally {
      button.disabled = false;
    }
  });
});
