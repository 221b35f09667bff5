"""The Content Security Policy in Chromium: alliance staff sign in through the real form,
work in the admin pages the portal uses and write an article in the rich-text editor,
and no page reports a single policy violation."""

from django.core.cache import cache
from django.urls import reverse

from news.models import Article
from testing.browser import BrowserTestCase
from testing.news_factories import TemporaryMedia
from testing.roles import RolesTestCase

PASSWORD = "Lien-minh-HTX-2025-mat-khau"

# Runs in every page before its own scripts: keeps each policy violation it reports.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
    ` at ${event.sourceFile}:${event.lineNumber} (${event.sample})`);
});
"""


class ContentSecurityPolicyInBrowserTests(TemporaryMedia, BrowserTestCase):
    make_htx = classmethod(RolesTestCase.make_htx.__func__)

    def setUp(self):
        RolesTestCase.setUpTestData.__func__(type(self))
        self.alliance.set_password(PASSWORD)
        self.alliance.save()
        cache.clear()

    def watched_page(self):
        page = self.new_page()
        console = []
        page.on(
            "console",
            lambda message: (
                console.append(message.text)
                if "Content Security Policy" in message.text or "Refused to" in message.text
                else None
            ),
        )
        page.add_init_script(LISTEN)
        return page, console

    def assert_no_violation(self, page, console, name: str) -> None:
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__cspViolations")
        self.assertEqual(violations, [], f"{name}: policy violations")
        self.assertEqual(console, [], f"{name}: policy errors on the console")

    def visit(self, page, console, path: str, name: str):
        response = page.goto(f"{self.live_server_url}{path}")
        self.assertEqual(response.status, 200, path)
        policy = response.header_value("content-security-policy")
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assert_no_violation(page, console, name)
        return response

    def test_staff_work_in_the_admin_and_the_editor_without_a_violation(self):
        page, console = self.watched_page()
        page.goto(f"{self.live_server_url}/quan-tri/login/?next=/quan-tri/")
        page.fill("#id_username", "lienminh")
        page.fill("#id_password", PASSWORD)
        page.locator("input[type=submit]").click()
        page.locator("#site-name").wait_for()
        self.assertTrue(page.url.endswith("/quan-tri/"), page.url)
        self.assert_no_violation(page, console, "admin index after sign-in")

        org = self.own
        self.visit(page, console, f"/quan-tri/cooperatives/organization/{org.pk}/change/", "org")
        # The sector autocomplete (select2, fetching its choices) and a new inline row.
        page.locator(".field-sector .select2-selection").click()
        page.locator(".select2-results__option").first.wait_for()
        page.keyboard.press("Escape")
        page.locator(".add-row a").first.click()
        self.assert_no_violation(page, console, "organisation change page in use")
        self.screenshot(page, "csp-organization-change")

        self.visit(page, console, "/quan-tri/cooperatives/organization/nhap-tep/", "import page")
        self.visit(
            page, console, f"/quan-tri/cooperatives/organization/{org.pk}/history/", "history"
        )
        self.visit(page, console, "/quan-tri/cooperatives/ocopproduct/", "OCOP list")
        self.visit(page, console, "/quan-tri/axes/accesslog/", "sign-in audit")
        # The member page's personal-data tools, and the erasure's confirmation page.
        member = org.members.create(full_name="Trần Thị Mai", id_number="036190004321")
        member_page = f"/quan-tri/cooperatives/member/{member.pk}/change/"
        self.visit(page, console, member_page, "member page")
        self.assertEqual(
            page.locator(".htx-object-tool").evaluate("b => getComputedStyle(b).display"),
            "inline-block",
        )
        self.visit(page, console, f"{member_page[:-7]}xoa-theo-yeu-cau/", "erasure page")

        self.visit(page, console, "/quan-tri/news/article/add/", "article add page")
        page.fill("#id_title", "Hội nghị tổng kết kinh tế tập thể năm 2025")
        page.fill("#id_lead", "Liên minh HTX tỉnh tổng kết năm 2025.")
        editor = page.locator(".field-body [contenteditable=true]")
        editor.click()
        page.keyboard.type("Năm 2025, ")
        page.keyboard.press("Control+b")
        page.keyboard.type("kinh tế tập thể tăng trưởng")
        page.keyboard.press("Control+b")
        page.keyboard.type(" ổn định.")
        page.select_option("#id_category", index=1)
        self.assert_no_violation(page, console, "editor in use")
        self.screenshot(page, "csp-article-editor")
        page.locator("input[name=_save]").click()
        page.locator(".messagelist").wait_for()
        self.assert_no_violation(page, console, "article list after saving")
        article = Article.objects.get()
        self.assertIn("<strong>kinh tế tập thể tăng trưởng</strong>", article.body)

        self.visit(page, console, "/", "home page")
        self.visit(page, console, "/bao-cao/36/2023/6/", "report page")
        self.screenshot(page, "csp-report")
        public = [
            reverse("cooperatives:directory"),
            self.own.get_absolute_url(),
            reverse("cooperatives:ocop"),
            reverse("statistics"),
            reverse("news:list"),
        ]
        for path in public:
            self.visit(page, console, path, path)

        # Signed out, someone guesses the password: the lockout page, under the same policy.
        page.goto(f"{self.live_server_url}/quan-tri/")
        page.locator("#logout-form button").click()
        page.wait_for_load_state("networkidle")
        for _ in range(5):
            page.goto(f"{self.live_server_url}/quan-tri/login/")
            page.fill("#id_username", "lienminh")
            page.fill("#id_password", "doan-mat-khau")
            page.locator("input[type=submit]").click()
            page.wait_for_load_state("networkidle")
        self.assertEqual(
            page.get_by_role("heading", level=1).inner_text(), "Tài khoản tạm thời bị khóa"
        )
        self.assert_no_violation(page, console, "lockout page")
        self.screenshot(page, "csp-lockout")
