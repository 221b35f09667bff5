"""The document library in Chromium: a visitor on a phone finds Thông tư 09/2024 by typing
"thong tu 09", opens it and sees its file; the list and a document on a desktop too."""

from django.core.cache import cache

from demo.library import load_library_demo
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.news_factories import TemporaryMedia

SIZES = {"dien-thoai": (375, 812), "may-tinh": (1366, 768)}


class LibraryInBrowserTests(TemporaryMedia, AccessibilityMixin, BrowserTestCase):
    def setUp(self):
        # The demo's library alone (the whole demo province takes seconds to restore).
        load_library_demo()
        cache.clear()

    def check(self, page, name: str, size: str, axe: bool = True) -> None:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, f"{name} scrolls sideways at {size}")
        self.screenshot(page, f"van-ban-{name}-{size}")
        if axe:  # the same markup at both sizes: checked once, on the phone
            self.assert_accessible(page, f"{name} ({size})")

    def test_a_visitor_finds_thong_tu_09_by_typing_without_marks(self):
        width, height = SIZES["dien-thoai"]
        page = self.new_page(width=width, height=height)
        page.goto(f"{self.live_server_url}/")
        menu = page.get_by_role("navigation", name="Điều hướng chính")
        menu.get_by_role("link", name="Văn bản").click()
        page.get_by_role("heading", level=1, name="Văn bản").wait_for()
        self.check(page, "danh-sach", "dien-thoai")
        page.get_by_label("Số, ký hiệu hoặc trích yếu").fill("thong tu 09")
        page.get_by_role("button", name="Tìm").click()
        page.get_by_text("1 văn bản có “thong tu 09”.").wait_for()
        page.get_by_role("link", name="Thông tư 09/2024/TT-BKHĐT").click()
        self.assertEqual(page.get_by_role("heading", level=1).inner_text(),
                         "Thông tư 09/2024/TT-BKHĐT")  # fmt: skip
        self.assertTrue(page.get_by_role("link", name="(bản minh họa)").first.is_visible())
        self.check(page, "thong-tu-09", "dien-thoai")
        # The replaced law leads to the law that replaces it.
        page.goto(f"{self.live_server_url}/van-ban/luat-23-2012-qh13/")
        page.get_by_role("link", name="Luật 17/2023/QH15").first.click()
        self.assertEqual(page.get_by_role("heading", level=1).inner_text(), "Luật 17/2023/QH15")

    def test_the_list_and_a_document_on_a_desktop(self):
        width, height = SIZES["may-tinh"]
        page = self.new_page(width=width, height=height)
        page.goto(f"{self.live_server_url}/van-ban/?doc_type=luat")
        self.assertEqual(page.locator(".doc-list h2").all_inner_texts(),
                         ["Luật 17/2023/QH15", "Luật 23/2012/QH13"])  # fmt: skip
        self.check(page, "danh-sach", "may-tinh", axe=False)
        page.goto(f"{self.live_server_url}/van-ban/luat-23-2012-qh13/")
        page.get_by_text("Bị thay thế.").wait_for()
        self.check(page, "luat-2012", "may-tinh", axe=False)
