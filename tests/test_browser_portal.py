"""The public portal in Chromium on a phone and a desktop, with an accessibility check."""

from django.core.cache import cache

from cooperatives.models import OcopProduct, Organization
from news.models import Article
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.demo_data import load_demo_data
from testing.news_factories import TemporaryMedia

SIZES = {"dien-thoai": (375, 812), "may-tinh": (1366, 768)}


class PortalInBrowserTests(TemporaryMedia, AccessibilityMixin, BrowserTestCase):
    def setUp(self):
        load_demo_data()
        cache.clear()

    def visit(self, page, path: str, name: str, size: str):
        response = page.goto(f"{self.live_server_url}{path}")
        self.assertEqual(response.status, 200, path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, f"{path} scrolls sideways at {size}")
        self.screenshot(page, f"cong-{name}-{size}")
        self.assert_accessible(page, f"{path} ({size})")

    def test_every_public_page_on_a_phone_and_a_desktop(self):
        org = Organization.objects.filter(is_public=True, ocop_products__isnull=False).first()
        article = Article.objects.published().exclude(cover="").first()
        product = (
            OcopProduct.objects.filter(organization__is_public=True).exclude(photo="").first()
            or OcopProduct.objects.filter(organization__is_public=True).first()
        )
        for size, (width, height) in SIZES.items():
            page = self.new_page(width=width, height=height)
            self.visit(page, "/", "trang-chu", size)
            self.assertIn("Kinh tế tập thể trong con số", page.content())
            self.visit(page, org.get_absolute_url(), "to-chuc", size)
            self.assertEqual(page.get_by_role("heading", level=1).inner_text(), org.name)
            self.visit(page, "/san-pham-ocop/", "ocop", size)
            self.visit(page, product.get_absolute_url(), "san-pham", size)
            self.assertEqual(page.get_by_role("heading", level=1).inner_text(), product.name)
            self.visit(page, article.get_absolute_url(), "bai-viet", size)
            self.visit(page, "/tin-tuc/", "tin-tuc", size)
            self.visit(page, "/hop-tac-xa/", "danh-ba", size)
            self.visit(page, "/thong-ke/", "thong-ke", size)

    def test_the_news_grid_has_no_holes(self):
        # Three featured and six latest articles fill their rows on a phone, a tablet and a
        # desktop (a 4-column grid left a hole after 3 cards: issue 17).
        rows = """() => [...document.querySelectorAll('.cards')].map(grid => {
            const widths = {};
            for (const card of grid.children) {
                const box = card.getBoundingClientRect();
                widths[Math.round(box.top)] = (widths[Math.round(box.top)] || 0) + box.width;
            }
            const full = grid.getBoundingClientRect().width;
            return Object.values(widths).map(width => Math.round(width / full * 100));
        })"""
        for width in (375, 700, 800, 1024, 1366):
            page = self.new_page(width=width, height=900)
            page.goto(f"{self.live_server_url}/")
            filled = page.evaluate(rows)
            self.assertEqual(len(filled), 2, width)
            self.assertTrue(all(share >= 90 for grid in filled for share in grid), (width, filled))

    def test_searching_and_filtering_the_directory_without_javascript(self):
        target = Organization.objects.filter(is_public=True, kind="htx").order_by("code").first()
        words = target.name.split()[-2:]  # e.g. "Phù Vân", typed without marks
        from core.lib.text import fold

        for size, (width, height) in SIZES.items():
            context = self.browser.new_context(
                viewport={"width": width, "height": height}, java_script_enabled=False
            )
            self.addCleanup(context.close)
            page = context.new_page()
            page.goto(f"{self.live_server_url}/hop-tac-xa/")
            page.fill("input[name=q]", fold(" ".join(words)))
            # On a phone the other filters fold behind "Lọc thêm" (no script needed).
            kind = page.locator("select[name=kind]")
            self.assertEqual(kind.is_visible(), size == "may-tinh")
            if size == "dien-thoai":
                page.get_by_text("Lọc thêm").click()
            page.select_option("select[name=kind]", "htx")
            page.get_by_role("button", name="Tìm", exact=True).click()
            page.wait_for_load_state()
            self.assertIn("kind=htx", page.url)  # the filters are in the address: bookmarkable
            self.assertIn(target.name, page.locator(".org-list").inner_text())
            self.screenshot(page, f"cong-danh-ba-tim-{size}")
            stars = page.locator("select[name=stars]")
            stars.select_option("4")
            page.get_by_role("button", name="Tìm", exact=True).click()
            page.wait_for_load_state()
            self.assertIn("stars=4", page.url)
            listed = page.locator(".org-list h2").all_inner_texts()
            with_four = set(
                OcopProduct.objects.filter(stars__gte=4).values_list(
                    "organization__name", flat=True
                )
            )
            self.assertTrue(all(name in with_four for name in listed), listed)
