"""Every public page type and the report page are valid HTML for the Nu HTML Checker
(the W3C validator's engine, vnu.jar) on the demonstration province (issue 17)."""

import os
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.test import TestCase

from cooperatives.models import OcopProduct, Organization
from cooperatives.services import set_role
from core.roles import OFFICIAL
from news.models import Article, Category, Tag
from testing import nu
from testing.demo_data import load_demo_data
from testing.news_factories import TemporaryMedia


class NuHtmlCheckerTests(TemporaryMedia, TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_data(cls)
        cls.official, _ = set_role(username="lanhdao_html", role=OFFICIAL)

    def setUp(self):
        if nu.java() is None or nu.vnu_jar() is None:
            if os.environ.get("CI"):
                self.fail("CI must run the Nu HTML Checker: Java or vnu.jar is missing")
            self.skipTest("Java or vnu.jar (the npm registry) is not available")
        cache.clear()

    def public_pages(self) -> dict[str, str]:
        org = Organization.objects.filter(is_public=True, ocop_products__isnull=False).first()
        product = (
            OcopProduct.objects.filter(organization__is_public=True).exclude(photo="").first()
            or OcopProduct.objects.filter(organization__is_public=True).first()
        )
        article = Article.objects.published().exclude(cover="").first()
        tag = Tag.objects.filter(articles__in=Article.objects.published()).first()
        return {
            "trang-chu": "/",
            "danh-ba": "/hop-tac-xa/",
            "danh-ba-tim": "/hop-tac-xa/?q=tra+lu",
            "danh-ba-loc": "/hop-tac-xa/?kind=htx&status=active&page=2",
            "danh-ba-khong-thay": "/hop-tac-xa/?q=khong+co+ten+nay+xyz",
            "to-chuc": org.get_absolute_url(),
            "ocop": "/san-pham-ocop/",
            "ocop-loc": "/san-pham-ocop/?stars=4&expired=co",
            "san-pham": product.get_absolute_url(),
            "tin-tuc": "/tin-tuc/",
            "tin-tuc-tim": "/tin-tuc/?q=hop+tac+xa",
            "chuyen-muc": Category.objects.first().get_absolute_url(),
            "the": tag.get_absolute_url(),
            "bai-viet": article.get_absolute_url(),
            "thong-ke": "/thong-ke/",
            "khong-co-trang": "/trang-khong-co/",
        }

    def test_every_public_page_type_and_the_report_page_have_no_error(self):
        folder = Path(tempfile.mkdtemp(prefix="htx-nu-"))
        self.addCleanup(__import__("shutil").rmtree, folder, ignore_errors=True)
        files = []
        for name, path in self.public_pages().items():
            response = self.client.get(path)
            self.assertIn(response.status_code, (200, 404), path)
            files.append(folder / f"{name}.html")
            files[-1].write_bytes(response.content)
        self.client.force_login(self.official)
        for name, path in (("bao-cao-chon", "/bao-cao/"), ("bao-cao", "/bao-cao/36/2023/6/")):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            files.append(folder / f"{name}.html")
            files[-1].write_bytes(response.content)
        errors = [
            f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
            for m in nu.check(files)
        ]
        self.assertEqual(errors, [], "\n".join(errors))
