"""Reports in Chromium: an official on a phone picks a report; staff freeze and reopen it."""

from reports.models import FrozenReport
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.roles import RolesTestCase


class ReportsInBrowserTests(AccessibilityMixin, BrowserTestCase):
    make_htx = classmethod(RolesTestCase.make_htx.__func__)

    def setUp(self):
        # A live server needs committed rows: build the shared cast per test.
        RolesTestCase.setUpTestData.__func__(type(self))

    def test_an_official_on_a_phone_picks_the_half_year_report(self):
        page = self.new_page(self.official, width=375, height=812)
        page.goto(f"{self.live_server_url}/bao-cao/")
        page.select_option("#dia-ban", label="Tỉnh Nam Định (36)")
        page.select_option("#nam", "2023")
        page.select_option("#so-thang", "6")
        page.get_by_role("button", name="Xem báo cáo").click()
        page.get_by_role("heading", level=1).wait_for()
        self.assertIn("6 tháng đầu năm 2023", page.get_by_role("heading", level=1).inner_text())
        self.assertIn("/bao-cao/36/2023/6/", page.url)
        # Wide tables scroll inside their box; the page itself never scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0)
        self.assertEqual(page.locator("figure svg").count(), 6)
        self.assertEqual(page.get_by_role("button", name="Duyệt và chốt báo cáo").count(), 0)
        self.screenshot(page, "report-phone")
        # Its tables scroll inside a box that a keyboard can reach (axe: no serious finding).
        self.assert_accessible(page, "báo cáo trên điện thoại")
        page.goto(f"{self.live_server_url}/bao-cao/")
        self.assert_accessible(page, "chọn báo cáo trên điện thoại")

    def test_staff_freeze_and_reopen_a_report(self):
        page = self.new_page(self.alliance)
        page.goto(f"{self.live_server_url}/bao-cao/36/2023/6/")
        page.get_by_role("button", name="Duyệt và chốt báo cáo").click()
        page.get_by_text("Đã chốt báo cáo").wait_for()
        self.assertTrue(FrozenReport.objects.exists())
        page.get_by_text("Mở chốt báo cáo").click()
        page.get_by_role("button", name="Xác nhận mở chốt").click()
        page.get_by_text("Đã mở chốt").wait_for()
        self.screenshot(page, "report-reopened")
        self.assertFalse(FrozenReport.objects.exists())
