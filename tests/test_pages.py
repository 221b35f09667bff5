import unittest

from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.urls import reverse


class PagesTests(TestCase):
    def test_robots_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertContains(response, "Disallow: /quan-tri/")
        self.assertContains(response, "Disallow: /bao-cao/")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")

    def test_the_portal_has_an_icon(self):
        home = self.client.get("/")
        self.assertContains(
            home, '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        )
        self.assertRedirects(
            self.client.get("/favicon.ico"), "/static/favicon.svg", 301,
            fetch_redirect_response=False,
        )  # fmt: skip
        from django.contrib.staticfiles import finders

        with open(finders.find("favicon.svg"), encoding="utf-8") as icon:
            self.assertIn("<svg", icon.read())

    def test_every_page_has_a_print_style_and_a_friendly_404(self):
        page = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(page.status_code, 404)
        self.assertContains(page, "Không tìm thấy trang", status_code=404)
        self.assertContains(page, 'media="print"', status_code=404)
        self.assertContains(page, "Thống kê truy cập", status_code=404)

    def test_admin_speaks_vietnamese(self):
        response = self.client.get(reverse("admin:login"))
        self.assertContains(response, "Quản trị Cổng thông tin Liên minh HTX")
        self.assertContains(response, "Đăng nhập")


class HealthCheckTests(TestCase):
    def test_healthz_answers_when_the_database_does(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")

    def test_healthz_ignores_host_header_checks(self):
        response = self.client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
        self.assertEqual(response.status_code, 200)


@unittest.skipUnless(connection.vendor == "postgresql", "needs a server database to stop")
class HealthCheckDatabaseDownTests(TransactionTestCase):
    def test_healthz_reports_503_while_the_database_is_unreachable_then_recovers(self):
        settings = connection.settings_dict
        original_port = settings.get("PORT")
        connection.close()
        settings["PORT"] = "1"  # nothing listens there: connecting fails at once
        try:
            response = self.client.get("/healthz")
            self.assertEqual(response.status_code, 503)
            self.assertIn("Cơ sở dữ liệu", response.content.decode())
        finally:
            connection.close()
            settings["PORT"] = original_port
        self.assertEqual(self.client.get("/healthz").status_code, 200)
