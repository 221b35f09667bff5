"""The OCOP catalogue for buyers: photos, where to buy, a page per product (issue 17)."""

import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from cooperatives.models import OcopProduct
from cooperatives.services import store_ocop_photo
from core.lib.links import shop_name, web_links
from testing import factories as f
from testing import news_factories as news
from testing.roles import RolesTestCase, clear_caches, form_post_data
from testing.spreadsheets import run, xlsx

OCOP_HEADER = ["Mã số", "Tên sản phẩm", "Nhóm sản phẩm", "Số sao", "Ngày công nhận"]
BUYER_HEADER = ["Mô tả", "Điểm bán", "Điện thoại đặt hàng", "Liên kết mua hàng"]


class LinkTests(TestCase):
    def test_addresses_are_kept_in_order_once_each_and_named_by_their_marketplace(self):
        links = web_links(
            "https://postmart.vn/gao-tam ; https://www.shopee.vn/a\n"
            "https://postmart.vn/gao-tam\nhttps://htxphuvan.vn/cua-hang"
        )
        self.assertEqual(
            links,
            ["https://postmart.vn/gao-tam", "https://www.shopee.vn/a",
             "https://htxphuvan.vn/cua-hang"],
        )  # fmt: skip
        self.assertEqual(
            [shop_name(link) for link in links], ["Postmart", "Shopee", "htxphuvan.vn"]
        )

    def test_anything_else_is_refused_by_name_when_strict_and_dropped_otherwise(self):
        for bad in ("shopee", "javascript:alert(1)", "ftp://x.vn/a", "https://localhost"):
            with self.assertRaisesMessage(ValueError, f"“{bad}” không phải là địa chỉ trang web"):
                web_links(f"https://voso.vn/a; {bad}", strict=True)
            self.assertEqual(web_links(f"https://voso.vn/a; {bad}"), ["https://voso.vn/a"])
        six = "; ".join(f"https://voso.vn/{n}" for n in range(6))
        with self.assertRaisesMessage(ValueError, "Có 6 liên kết: tối đa 5."):
            web_links(six, strict=True)


class OcopPageTestCase(news.TemporaryMedia, RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.owner = f.organization(
            cls.hai_phuc, code="0600000401", name="HTX Nông nghiệp Hải Phúc",
            address="Xóm 3, xã Hải Phúc", phone="0228 3870 123", email="htxhaiphuc@gmail.com",
        )  # fmt: skip
        cls.rice = f.ocop(
            cls.owner,
            name="Gạo Tám xoan Hải Hậu",
            stars=4,
            certified_on=timezone.localdate() - datetime.timedelta(days=40),
            decision_number="2150/QĐ-UBND",
            level="province",
            description="Gạo Tám xoan hạt nhỏ, thơm, dẻo; đóng túi 2 kg và 5 kg.",
            shop_address="Cửa hàng OCOP, 12 Trần Hưng Đạo, phường Nam Định",
            sales_phone="0912 345 678",
            buy_links="https://postmart.vn/gao-tam-xoan\nhttps://shopee.vn/gao-tam-hai-hau",
        )
        cls.old = f.ocop(cls.owner, name="Nước mắm Hải Phúc </script>", stars=3,
                         certified_on=datetime.date(2020, 1, 10))  # fmt: skip
        cls.hidden_product = f.ocop(
            f.organization(cls.hai_phuc, code="0600000402", name="HTX Ẩn", is_public=False),
            name="Sản phẩm ẩn",
        )

    def setUp(self):
        clear_caches()


class ProductPageTests(OcopPageTestCase):
    def test_the_page_tells_a_buyer_what_it_is_and_where_to_buy_it(self):
        url = self.rice.get_absolute_url()
        self.assertEqual(url, f"/san-pham-ocop/{self.rice.pk}/gao-tam-xoan-hai-hau/")
        page = self.client.get(url)
        self.assertContains(page, "<h1>Gạo Tám xoan Hải Hậu</h1>", html=True)
        for text in (
            "Sản phẩm OCOP 4 sao",
            "hạt nhỏ, thơm, dẻo",
            "Quyết định số 2150/QĐ-UBND",
            "còn hiệu lực đến ngày",
            "Cửa hàng OCOP, 12 Trần Hưng Đạo",
            'href="tel:0912345678"',
            '<a href="https://postmart.vn/gao-tam-xoan" rel="noopener nofollow external">'
            "Mua trên Postmart</a>",
            "Mua trên Shopee",
            "Xóm 3, xã Hải Phúc",  # the producer's public address
            "0228 3870 123",  # a landline is the organisation's, so public
        ):
            self.assertContains(page, text)
        self.assertNotContains(page, "htxhaiphuc@gmail.com")  # a personal address stays private
        # The owner's other products offered below are the valid ones: not the expired one.
        self.assertNotContains(page, "Nước mắm Hải Phúc")

    def test_structured_data_is_a_schema_org_product_that_cannot_break_the_page(self):
        page = self.client.get(self.rice.get_absolute_url()).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        self.assertEqual(len(blocks), 1)
        data = json.loads(blocks[0])
        self.assertEqual(data["@type"], "Product")
        self.assertEqual(data["name"], "Gạo Tám xoan Hải Hậu")
        self.assertEqual(data["manufacturer"]["name"], "HTX Nông nghiệp Hải Phúc")
        self.assertIn("OCOP 4 sao", data["award"])
        self.assertEqual(
            [offer["url"] for offer in data["offers"]],
            ["https://postmart.vn/gao-tam-xoan", "https://shopee.vn/gao-tam-hai-hau"],
        )
        # A name holding "</script>" stays inside its JSON, and an expired certificate is
        # no award.
        expired = self.client.get(self.old.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', expired, re.S)
        self.assertEqual(json.loads(block.group(1))["name"], "Nước mắm Hải Phúc </script>")
        self.assertNotIn("award", json.loads(block.group(1)))
        self.assertIn("Chứng nhận OCOP đã hết hạn", expired)

    def test_a_product_without_buying_details_says_whom_to_ask(self):
        page = self.client.get(self.old.get_absolute_url())
        self.assertContains(page, "Chủ thể chưa đăng ký nơi bán với Liên minh HTX")
        self.assertContains(page, 'aria-label="Chưa có ảnh sản phẩm"')

    def test_other_addresses_of_a_product_lead_to_its_own(self):
        right = self.rice.get_absolute_url()
        for wrong in (f"/san-pham-ocop/{self.rice.pk}/", f"/san-pham-ocop/{self.rice.pk}/gao/"):
            response = self.client.get(wrong)
            self.assertRedirects(response, right, status_code=301)
        self.assertEqual(
            self.client.get(f"/san-pham-ocop/{self.rice.pk + 999}/x/").status_code, 404
        )
        hidden = self.hidden_product.get_absolute_url()
        self.assertEqual(self.client.get(hidden).status_code, 404)

    def test_catalogue_and_organisation_page_link_to_the_product(self):
        catalogue = self.client.get("/san-pham-ocop/")
        self.assertContains(catalogue, f'href="{self.rice.get_absolute_url()}"')
        self.assertContains(catalogue, "Xem nơi mua")
        self.assertContains(catalogue, "hạt nhỏ, thơm, dẻo")
        org_page = self.client.get(self.owner.get_absolute_url())
        self.assertContains(org_page, f'href="{self.rice.get_absolute_url()}"')

    def test_sitemap_lists_products_of_public_organisations(self):
        index = self.client.get("/sitemap.xml").content.decode()
        self.assertIn("/sitemap-san-pham-ocop.xml", index)
        sitemap = self.client.get("/sitemap-san-pham-ocop.xml").content.decode()
        self.assertIn(f"http://testserver{self.rice.get_absolute_url()}", sitemap)
        self.assertIn(f"http://testserver{self.old.get_absolute_url()}", sitemap)
        self.assertNotIn(self.hidden_product.get_absolute_url(), sitemap)

    def test_a_products_address_is_djangos_slug_of_its_folded_name(self):
        from django.utils.text import slugify

        from cooperatives.models.records import product_slug

        for folded in ("gao tam xoan hai hau", "nuoc mam (loai 1) - 500ml", "gao_st25!!",
                       "che--lam", "  banh   gai  "):  # fmt: skip
            self.assertEqual(product_slug(folded), slugify(folded))
        self.assertEqual(product_slug("!!"), "san-pham")


def photo_with_gps(name="gạo tám.jpg") -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to view
    exif[0x8825] = {2: (21.0, 1.0, 0.0)}  # GPS latitude
    return news.image_file(name, size=(1200, 800), exif=exif.tobytes())


class PhotoTests(OcopPageTestCase):
    def change_url(self, product):
        return reverse("admin:cooperatives_ocopproduct_change", args=[product.pk])

    def post(self, product, **changes):
        page = self.client.get(self.change_url(product))
        data = form_post_data(page.context["adminform"].form)
        data["certified_on"] = product.certified_on.strftime("%d/%m/%Y")
        data["expires_on"] = product.expires_on.strftime("%d/%m/%Y")
        data.update(changes)
        return self.client.post(
            self.change_url(product), {k: v for k, v in data.items() if v is not None}
        )

    def test_staff_upload_a_photo_stored_upright_without_metadata_in_three_sizes(self):
        self.client.force_login(self.alliance)
        response = self.post(self.rice, photo=photo_with_gps(), photo_alt="Túi gạo Tám 5 kg")
        self.assertEqual(response.status_code, 302, getattr(response, "context", None) and
                         response.context["adminform"].form.errors)  # fmt: skip
        self.rice.refresh_from_db()
        with Image.open(self.rice.photo.path) as stored:
            self.assertEqual(stored.size, (800, 1200))  # turned upright
            self.assertNotIn(0x8825, stored.getexif())
        with Image.open(self.rice.photo_list.path) as small:
            self.assertEqual((small.format, small.width), ("WEBP", 480))
        self.assertIn("960w", self.rice.photo_srcset())
        page = self.client.get(self.rice.get_absolute_url())  # signed in: not cached
        self.assertContains(page, 'alt="Túi gạo Tám 5 kg"')
        self.assertContains(page, self.rice.photo_card.url)
        self.client.logout()
        clear_caches()
        catalogue = self.client.get("/san-pham-ocop/")
        self.assertContains(catalogue, f'src="{self.rice.photo_list.url}"')
        self.assertContains(catalogue, 'width="480" height="360"')

    def test_a_photo_needs_its_description_and_links_must_be_web_addresses(self):
        self.client.force_login(self.alliance)
        response = self.post(self.rice, photo=photo_with_gps(), photo_alt="",
                             buy_links="https://voso.vn/gao\nshopee gạo tám")  # fmt: skip
        self.assertEqual(response.status_code, 200)
        errors = response.context["adminform"].form.errors
        self.assertIn("Hãy mô tả ảnh sản phẩm cho người khiếm thị.", errors["photo_alt"])
        self.assertIn("“shopee” không phải là địa chỉ trang web", errors["buy_links"][0])
        self.rice.refresh_from_db()
        self.assertFalse(self.rice.photo)

    def test_removing_the_photo_removes_its_sizes(self):
        store_ocop_photo(product=self.rice, upload=photo_with_gps(), user=self.alliance)
        self.assertTrue(self.rice.photo_large)
        self.rice.photo = ""
        self.rice.save()
        self.rice.refresh_from_db()
        self.assertEqual((self.rice.photo_list.name, self.rice.photo_large.name), ("", ""))
        self.assertEqual(self.rice.photo_srcset(), "")


class ImportColumnsTests(OcopPageTestCase):
    def row(self, *buyer):
        return ["0600000401", "Chè lam Hải Phúc", "Thực phẩm", 3, "01/06/2025", *buyer]

    def test_the_buyer_columns_import_and_export(self):
        data = xlsx([
            OCOP_HEADER + BUYER_HEADER,
            self.row("Chè lam gừng, đóng hộp 250 g.", "Chợ Hải Phúc", 912345678,
                     "https://voso.vn/che-lam; https://postmart.vn/che-lam"),
        ])  # fmt: skip
        result = run("ocop", data)
        self.assertTrue(result.ok, result.errors)
        product = OcopProduct.objects.get(name="Chè lam Hải Phúc")
        self.assertEqual(product.description, "Chè lam gừng, đóng hộp 250 g.")
        self.assertEqual(product.shop_address, "Chợ Hải Phúc")
        self.assertEqual(product.sales_phone, "0912345678")  # the lost zero put back
        self.assertEqual(product.buy_links, "https://voso.vn/che-lam\nhttps://postmart.vn/che-lam")
        # A file made to the contract's columns only leaves them as they are.
        again = run("ocop", xlsx([OCOP_HEADER, self.row()]))
        self.assertTrue(again.ok, again.errors)
        product.refresh_from_db()
        self.assertEqual(product.shop_address, "Chợ Hải Phúc")

    def test_a_bad_link_refuses_the_whole_file_naming_row_column_and_link(self):
        data = xlsx([
            OCOP_HEADER + BUYER_HEADER,
            self.row("", "", "", "https://voso.vn/a"),
            ["0600000401", "Bánh gai", "Thực phẩm", 3, "01/06/2025",
             "", "", "", "voso.vn/banh-gai"],
        ])  # fmt: skip
        result = run("ocop", data)
        self.assertFalse(result.ok)
        texts = [str(error) for error in result.errors]
        self.assertTrue(
            any('Dòng 3, cột "Liên kết mua hàng"' in t and "“voso.vn/banh-gai” không phải là "
                "địa chỉ trang web" in t for t in texts), texts,
        )  # fmt: skip
        self.assertFalse(
            OcopProduct.objects.filter(name__in=["Chè lam Hải Phúc", "Bánh gai"]).exists()
        )

    def test_a_model_save_keeps_only_web_addresses(self):
        self.old.buy_links = "javascript:alert(1)\nhttps://tiki.vn/nuoc-mam"
        self.old.save()
        self.assertEqual(self.old.links(), [("https://tiki.vn/nuoc-mam", "Tiki")])
        with self.assertRaises(ValidationError):
            self.old.buy_links = "javascript:alert(1)"
            self.old.full_clean()


class HomeProductsTests(OcopPageTestCase):
    def test_among_products_of_equal_stars_the_home_page_shows_those_with_a_photo_first(self):
        newer = f.ocop(self.owner, name="Bánh gai Hải Phúc", stars=4,
                       certified_on=timezone.localdate() - datetime.timedelta(days=5))  # fmt: skip
        names = [p.name for p in self.client.get("/").context["products"]]
        self.assertEqual(names[:2], ["Bánh gai Hải Phúc", "Gạo Tám xoan Hải Hậu"])
        self.rice.photo_alt = "Túi gạo"
        store_ocop_photo(product=self.rice, upload=photo_with_gps())
        clear_caches()
        names = [p.name for p in self.client.get("/").context["products"]]
        self.assertEqual(names[:2], ["Gạo Tám xoan Hải Hậu", newer.name])
        self.assertContains(self.client.get("/"), f'src="{self.rice.photo_list.url}"')
