import datetime
import unittest

from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.urls import reverse

from cooperatives.models import Organization
from cooperatives.tests import factories as f


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        commune = f.area("13900", "Xã Yên Bằng")
        for _ in range(3):
            f.organization(commune)
        f.organization(commune, kind=Organization.Kind.CREDIT_FUND, sector_name="Tín dụng")
        f.organization(
            commune,
            status=Organization.Status.DISSOLVED,
            status_changed_on=datetime.date(2020, 1, 1),
        )
        org = Organization.objects.first()
        f.ocop(org, name="Gạo Tám xoan", stars=4, certified_on=datetime.date.today())

    def test_home_page_shows_the_registry_in_vietnamese(self):
        response = self.client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="vi">')
        self.assertContains(response, "Liên minh Hợp tác xã")
        counts = dict(response.context["kinds"])
        self.assertEqual(counts["HTX"], 3)  # the dissolved one no longer exists
        self.assertEqual(counts["Quỹ TDND"], 1)
        self.assertEqual(response.context["ocop_total"], 1)

    def test_home_page_query_count_does_not_grow(self):
        from django.test.utils import CaptureQueriesContext

        self.client.get(reverse("home"))  # the footer's site content is cached from here on
        with CaptureQueriesContext(connection) as few:
            self.client.get(reverse("home"))
        commune = Organization.objects.first().area
        for _ in range(10):
            f.ocop(f.organization(commune), name="Sản phẩm thêm", stars=3)
        with CaptureQueriesContext(connection) as many:
            self.client.get(reverse("home"))
        self.assertEqual(len(many), len(few))
        self.assertLessEqual(len(few), 4)

    def test_robots_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertContains(response, "Disallow: /quan-tri/")

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
