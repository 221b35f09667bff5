"""The admin on an ordinary 1366×768 laptop (issue 16): no list and no change page
scrolls sideways, neither the page nor the list's table nor an inline's table."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from testing.browser import ARTIFACTS, BrowserTestCase
from testing.demo_data import load_demo_data

# What may scroll sideways: the page, a list's table, an inline's table, the content.
OVERFLOW = """() => {
  const found = [];
  const page = document.documentElement.scrollWidth - window.innerWidth;
  if (page > 0) found.push(`trang +${page}px`);
  for (const box of document.querySelectorAll(
      "#content-main, #changelist .results, .inline-group .tabular")) {
    const extra = box.scrollWidth - box.clientWidth;
    if (extra > 1) found.push(`${box.id || box.className} +${extra}px`);
  }
  return found;
}"""


class AdminAt1366Tests(BrowserTestCase):
    def setUp(self):
        load_demo_data()
        self.root = get_user_model().objects.create_superuser("quantri", password="x")

    def check(self, page, path: str, name: str) -> None:
        response = page.goto(f"{self.live_server_url}{path}")
        self.assertEqual(response.status, 200, path)
        self.assertEqual(page.evaluate(OVERFLOW), [], f"{path} scrolls sideways at 1366 px")
        # The screen as staff see it (a whole long page costs seconds to encode).
        page.screenshot(path=str(ARTIFACTS / f"quan-tri-{name}.png"))

    def test_every_list_and_change_page_fits(self):
        page = self.new_page(self.root, width=1366, height=768)
        checked = 0
        reverse("admin:index")  # the URLconf loaded: it takes some models off the admin
        for model, model_admin in list(admin.site._registry.items()):
            info = model._meta.app_label, model._meta.model_name
            self.check(page, reverse("admin:{}_{}_changelist".format(*info)), "-".join(info))
            first = model_admin.get_queryset(self._request()).order_by("pk").first()
            if first is not None and model_admin.has_view_permission(self._request(), first):
                change = reverse("admin:{}_{}_change".format(*info), args=[first.pk])
                self.check(page, change, "-".join(info) + "-sua")
            checked += 1
        self.assertGreaterEqual(checked, 20)
        # The organisation with the most figures: the widest inlines.
        from django.db.models import Count

        from cooperatives.models import Organization

        busiest = Organization.objects.annotate(n=Count("figures")).order_by("-n").first()
        self.check(page, reverse("admin:cooperatives_organization_change", args=[busiest.pk]),
                   "to-chuc-nhieu-so-lieu")  # fmt: skip

    def test_the_portal_look(self):
        page = self.new_page(self.root, width=1366, height=768)
        page.goto(f"{self.live_server_url}{reverse('admin:cooperatives_organization_changelist')}")
        header = page.evaluate(
            "getComputedStyle(document.querySelector('#header')).backgroundColor"
        )
        self.assertEqual(header, "rgb(8, 74, 47)")  # the portal's green, not Django's blue
        self.assertEqual(page.locator("#nav-sidebar").count(), 0)
        # The buttons above the list do not overlap its title.
        title = page.locator("#content h1").bounding_box()
        tools = page.locator("#content-main > .object-tools").bounding_box()
        self.assertGreaterEqual(tools["y"], title["y"] + title["height"])
        # A name cut to one line gives the whole name on hover.
        cut = page.evaluate(
            """() => [...document.querySelectorAll('#result_list th > a, #result_list td > a')]
                 .filter(a => a.scrollWidth > a.clientWidth + 1)
                 .map(a => [a.title, a.textContent.trim()])"""
        )
        self.assertTrue(all(title == text for title, text in cut), cut)

    def _request(self):
        from django.test import RequestFactory

        request = RequestFactory().get("/")
        request.user = self.root
        return request
