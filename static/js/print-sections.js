// A printed report shows every section: the areas folded in <details> on the page are
// opened before printing, and folded again after (issue 17). No other script on the page.
(() => {
  const opened = [];
  window.addEventListener("beforeprint", () => {
    for (const section of document.querySelectorAll("main details:not([open]):not(.unfreeze)")) {
      section.open = true;
      opened.push(section);
    }
  });
  window.addEventListener("afterprint", () => {
    while (opened.length) opened.pop().open = false;
  });
})();
