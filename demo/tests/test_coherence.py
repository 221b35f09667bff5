"""The demo hangs together (issue 17): names, sectors, products and articles agree.

A woodcraft HTX does not sell salted duck eggs, an HTX called "Cơ khí" is not a farm, an
article links the organisations it is about, and every OCOP product tells a buyer what it is.
"""

import datetime
import io
import re
import unicodedata
from collections import Counter

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from PIL import Image

from cooperatives.models import Area, OcopProduct, Organization
from core.lib.links import shop_name, web_links
from demo.building.base import _columns, activity_sectors, villages
from demo.data import FEATURED, FEATURED_OCOP, GROUP_SECTORS, HTX_SECTORS
from demo.news_content import EXTRA_ARTICLES, SEED_ARTICLES
from demo.ocop_catalogue import KINDS
from demo.product_photos import PICTURES, photo_alt, product_photo
from news.models import Article
from testing.demo_data import load_demo_data

FARM, CRAFT, TRADE = "Nông nghiệp", "Công nghiệp - TTCN", "Thương mại - Dịch vụ"
# What a sector's organisations may hold as OCOP products: food from farms, fisheries and
# processors, crafts from craft and industry, tourism from services.
GROUPS = {
    FARM: {"food", "drink", "herbal", "ornamental"},
    CRAFT: {"handicraft", "food", "drink", "herbal"},
    TRADE: {"tourism"},
}
# Words of an organisation's name and the sector they mean; where a name has several, the
# first in the name decides ("Xây dựng và thương mại" builds).
NAME_WORDS = {
    "nông nghiệp": FARM, "chăn nuôi": FARM, "thủy sản": FARM, "muối": FARM,
    "diêm nghiệp": FARM, "lúa giống": FARM, "rau": FARM, "hoa cây cảnh": FARM,
    "dược liệu": FARM, "nuôi ong": FARM, "nấm": FARM, "cơ khí": CRAFT, "mây tre đan": CRAFT,
    "thêu ren": CRAFT, "mộc": CRAFT, "chế biến": CRAFT, "đúc đồng": CRAFT,
    "thủ công mỹ nghệ": CRAFT, "dệt chiếu": CRAFT, "may mặc": CRAFT, "du lịch": TRADE,
    "thương mại": TRADE, "thu gom": TRADE, "làm đất": TRADE, "vận tải": "Vận tải",
    "xây dựng": "Xây dựng", "môi trường": "Môi trường", "điện năng": "Điện",
    "nhà ở": "Nhà ở", "nước sạch": "Khác", "quỹ tdnd": "Tín dụng",
}  # fmt: skip
# The start of a product's name and words its owner's name must have one of.
MAKERS = {
    "Gạo": ("nông nghiệp", "lúa giống"), "Muối": ("muối", "diêm nghiệp"),
    "Nước mắm": ("nước mắm", "thủy sản"), "Mắm tôm": ("nước mắm", "thủy sản"),
    "Ngao": ("thủy sản",), "Tôm": ("thủy sản",), "Trứng vịt": ("chăn nuôi",),
    "Mật ong": ("chăn nuôi",), "Nem": ("chế biến", "chăn nuôi"), "Giò": ("chế biến", "chăn nuôi"),
    "Rau": ("rau", "nông nghiệp"), "Nấm": ("rau",), "Bánh": ("chế biến",),
    "Kẹo": ("chế biến",), "Chè lam": ("chế biến",), "Miến": ("chế biến",),
    "Bột": ("chế biến",), "Dầu": ("chế biến", "nông nghiệp"),
    "Rượu": ("chế biến", "nông nghiệp"), "Trà": ("chế biến", "dược liệu"),
    "Tinh": ("chế biến", "dược liệu"), "Mây tre đan": ("mây tre đan", "thủ công mỹ nghệ"),
    "Giỏ cói": ("mây tre đan", "thủ công mỹ nghệ"), "Chiếu cói": ("thủ công mỹ nghệ",),
    "Tranh thêu": ("thêu ren", "thủ công mỹ nghệ"), "Khăn": ("thêu ren",),
    "Đồ gỗ": ("mộc",), "Hộp quà gỗ": ("mộc",), "Đồ đồng": ("đúc đồng",),
    "Cây cảnh": ("hoa cây cảnh",), "Đào": ("hoa cây cảnh",), "Hoa": ("hoa cây cảnh",),
    "Du lịch": ("du lịch",),
}  # fmt: skip


def name_sector(name: str) -> str | None:
    """The sector the first telling word of ``name`` means, or None."""
    padded = f" {name.lower()} "
    found = [(padded.find(f" {word} "), sector) for word, sector in NAME_WORDS.items()]
    found = [(at, sector) for at, sector in found if at >= 0]
    return min(found)[1] if found else None


def article_text(data) -> str:
    return " ".join((data["title"], data["lead"], data["body"]))


class CatalogueTests(SimpleTestCase):
    """The tables the demo is built from, checked without building it."""

    def test_every_kind_of_product_is_made_by_htx_activities_of_a_sector_allowed_it(self):
        sectors = activity_sectors()
        for kind in KINDS:
            self.assertEqual(kind.name.count("{}"), 1, kind.name)
            self.assertIn(kind.group, OcopProduct.Group.values, kind.name)
            self.assertTrue(kind.makers, kind.name)
            for activity in kind.makers:
                self.assertIn(kind.group, GROUPS[sectors[activity]], (kind.name, activity))
            self.assertIn(kind.picture, {"", *PICTURES}, kind.name)

    def test_every_kind_has_a_short_vietnamese_description(self):
        for kind in KINDS:
            text = kind.description
            self.assertTrue(100 <= len(text) <= 600, (kind.name, len(text)))
            self.assertEqual(text, unicodedata.normalize("NFC", text))
            self.assertRegex(text, r"[Đđ]óng|[Bb]án|[Đđ]ặt|[Gg]iao", kind.name)  # packaging

    def test_the_activities_in_names_say_their_sector(self):
        for table in (HTX_SECTORS, GROUP_SECTORS):
            for entry in re.sub(r"\n +", " ", table.strip()).splitlines():
                sector, _, activities = entry.split(": ")
                for activity in activities.replace("| ", "|").split("|"):
                    self.assertIn(name_sector(f"HTX {activity} Hải Châu"), (sector, None), activity)

    def test_featured_organisations_and_products_are_coherent(self):
        sectors, kinds = activity_sectors(), {kind.name: kind for kind in KINDS}
        owners = {}
        for name, activity, _code, _founded, _place in _columns(FEATURED):
            owners[name] = activity
            self.assertEqual(name_sector(name), sectors[activity], name)
        for owner, product, kind, stars, _when in _columns(FEATURED_OCOP):
            self.assertIn(owners[owner], kinds[kind].makers, product)
            self.assertIn(int(stars), (3, 4, 5))

    def test_articles_name_the_organisations_they_link(self):
        featured = {row[0] for row in _columns(FEATURED)}
        linking = [data for data in SEED_ARTICLES + EXTRA_ARTICLES if data.get("organizations")]
        self.assertEqual(len(linking), 5)
        for data in linking:
            for name in data["organizations"]:
                self.assertIn(name, featured)
                self.assertIn(name, article_text(data))

    def test_product_photos_are_deterministic_jpegs_of_1200_by_900(self):
        for picture in PICTURES:
            data = product_photo(picture)
            with Image.open(io.BytesIO(data)) as image:
                self.assertEqual((image.format, image.size), ("JPEG", (1200, 900)))
        self.assertEqual(product_photo("salt", 7), product_photo("salt", 7))
        self.assertNotEqual(product_photo("salt", 7), product_photo("salt", 8))
        self.assertEqual(
            photo_alt("salt", "Muối sạch Bạch Long"),
            "Ảnh minh họa sản phẩm Muối sạch Bạch Long: bát gỗ đầy muối trắng hạt to và chiếc "
            "xẻng gỗ nhỏ",
        )


class DemoCoherenceTests(TestCase):
    """The demo as ``load_demo`` leaves it."""

    @classmethod
    def setUpTestData(cls):
        load_demo_data(cls)
        cls.products = list(
            OcopProduct.objects.select_related("organization__sector").order_by("pk")
        )

    def test_every_ocop_product_is_of_a_group_its_owners_sector_makes(self):
        for product in self.products:
            sector = product.organization.sector.name
            self.assertIn(product.group, GROUPS.get(sector, set()), (product.name, sector))
        groups = Counter(product.group for product in self.products)
        self.assertEqual(set(groups), set(OcopProduct.Group.values))

    def test_every_ocop_product_comes_from_an_htx_of_its_trade(self):
        for product in self.products:
            owner = product.organization.name.lower()
            start = max((s for s in MAKERS if product.name.startswith(s)), key=len, default="")
            self.assertTrue(start, product.name)
            self.assertTrue(any(word in owner for word in MAKERS[start]), (product.name, owner))

    def test_organisation_names_say_their_sector(self):
        told = 0
        for name, sector in Organization.objects.values_list("name", "sector__name"):
            said = name_sector(name)
            if said is not None:
                told += 1
                self.assertEqual(said, sector, name)
        self.assertGreater(told, 0.9 * Organization.objects.count())

    def test_htx_named_after_a_village_sit_in_its_commune(self):
        last_old_day = datetime.date(2025, 6, 30)
        seen = 0
        for code, found in villages().items():
            commune = Area.objects.with_code_on(code, last_old_day)
            # Or, founded since the reform, in the new commune that took it over.
            places = {commune, commune.parent, *commune.successors.all()}
            for village, _craft in found:
                named = Organization.objects.filter(name__regex=rf" {village}( \d+)?$")
                for org in named:
                    first = org.locations.order_by("valid_from").first().area
                    self.assertIn(first, places, org.name)
                    seen += 1
        self.assertGreater(seen, 5)

    def test_every_article_links_the_organisations_it_is_about(self):
        articles = Article.objects.prefetch_related("organizations")
        linked = 0
        for article in articles:
            text = " ".join((article.title, article.lead, article.body))
            for org in article.organizations.all():
                self.assertIn(org.name, text, article.title)
                self.assertTrue(org.is_public, org.name)
                linked += 1
        self.assertEqual(linked, 5)
        about = Article.objects.get(title__startswith="HTX Mộc mỹ nghệ Tân Xuyên")
        org = about.organizations.get()
        self.assertEqual((org.sector.name, org.area.name), (CRAFT, "Xã Yên Ninh"))

    def test_featured_organisations_sit_where_their_articles_say(self):
        sectors, last_old_day = activity_sectors(), datetime.date(2025, 6, 30)
        for name, activity, code, founded, _place in _columns(FEATURED):
            org = Organization.objects.get(name=name)
            self.assertEqual(org.sector.name, sectors[activity])
            self.assertEqual(org.area, Area.objects.with_code_on(code, last_old_day))
            self.assertEqual(org.founded_on.isoformat(), founded)
        for owner, product, _kind, stars, _when in _columns(FEATURED_OCOP):
            found = OcopProduct.objects.get(name=product)
            self.assertEqual((found.organization.name, found.stars), (owner, int(stars)))

    def test_every_product_has_a_description(self):
        for product in self.products:
            self.assertTrue(0 < len(product.description) <= 600, product.name)

    def test_most_products_have_a_photo_with_alt_text_and_its_sizes(self):
        with_photo = [p for p in self.products if p.photo]
        self.assertGreater(len(with_photo), len(self.products) / 2)
        self.assertLess(len(with_photo), len(self.products))
        for product in with_photo:
            self.assertTrue(product.photo_alt.startswith("Ảnh minh họa sản phẩm "), product.name)
            self.assertIn(product.name, product.photo_alt)
            self.assertEqual(len(product.photo_srcset().split(", ")), 3)
            for field in (product.photo, product.photo_list, product.photo_card):
                self.assertTrue(default_storage.exists(field.name), field.name)
        # Each product has files of its own.
        self.assertEqual(len({p.photo.name for p in with_photo}), len(with_photo))

    def test_some_products_have_buy_links_all_of_them_valid(self):
        with_links = [p for p in self.products if p.buy_links]
        self.assertGreater(len(with_links), 10)
        shops = set()
        for product in with_links:
            links = web_links(product.buy_links, strict=True)
            self.assertEqual("\n".join(links), product.buy_links)
            shops |= {shop_name(link) for link in links}
        self.assertLessEqual({"Postmart", "Voso", "Shopee"}, shops)

    def test_most_products_say_where_to_buy_and_some_say_nothing(self):
        shop = [p for p in self.products if p.shop_address and p.sales_phone]
        self.assertGreater(len(shop), len(self.products) / 2)
        silent = [p for p in self.products if not (p.shop_address or p.sales_phone or p.buy_links)]
        self.assertTrue(silent)
        active = [p for p in silent if p.organization.status == Organization.Status.ACTIVE]
        self.assertTrue(active)  # not only those of dissolved owners
        for product in shop:
            self.assertIn("tỉnh Ninh Bình", product.shop_address)  # today's units
            self.assertRegex(product.sales_phone, r"^(09\d{8}|0228\.38\d{5})$")

    def test_a_second_run_leaves_products_and_their_files_as_they_were(self):
        fields = ("name", "description", "photo", "photo_card", "photo_alt", "buy_links")
        before = list(OcopProduct.objects.order_by("pk").values_list(*fields))
        call_command("load_demo", stdout=io.StringIO())
        self.assertEqual(list(OcopProduct.objects.order_by("pk").values_list(*fields)), before)
