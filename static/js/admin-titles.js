// Admin lists shorten the links of their rows (names, titles, files) to one line with "…"
// (static/css/admin.css); where a link was cut, its whole text is given on hover and to
// assistive technology through its title.
document.addEventListener("DOMContentLoaded", () => {
  const cut = "#result_list th > a, #result_list td > a, " +
    "#result_list td.field-organization, #result_list td.field-user_agent";
  for (const link of document.querySelectorAll(cut)) {
    if (link.scrollWidth > link.clientWidth + 1 && !link.title) {
      link.title = link.textContent.trim();
    }
  }
});
