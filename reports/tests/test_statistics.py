import datetime

from django.core.cache import cache
from django.test import override_settings

from cooperatives.models import Organization
from cooperatives.tests.base import RolesTestCase
from reports.statistics import latest_half_year


class PublicStatisticsTests(RolesTestCase):
    def setUp(self):
        cache.clear()

    def test_anyone_sees_province_totals_without_organisations(self):
        response = self.client.get("/thong-ke/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tỉnh Nam Định")
        self.assertContains(response, "Huyện Ý Yên")
        self.assertContains(response, "HTX theo lĩnh vực")
        year = str(latest_half_year(self.province, datetime.date.today())[0])
        self.assertContains(response, f"6 tháng đầu năm {year}")  # a year, not "2.025"
        for name in Organization.objects.values_list("name", flat=True):
            self.assertNotContains(response, name)
        self.assertNotContains(response, "036090001234")

    @override_settings(PROVINCE_CODE="99")
    def test_without_the_province_it_says_so(self):
        response = self.client.get("/thong-ke/")
        self.assertContains(response, "Chưa có số liệu tổng hợp để công bố.")

    def test_latest_half_year_is_one_the_province_saw_to_its_end(self):
        self.province.valid_to = datetime.date(2025, 6, 30)
        self.assertEqual(latest_half_year(self.province, datetime.date(2026, 11, 21)), (2025, 6))
        self.province.valid_to = None
        self.assertEqual(latest_half_year(self.province, datetime.date(2026, 6, 30)), (2025, 6))
        self.assertEqual(latest_half_year(self.province, datetime.date(2026, 7, 1)), (2026, 6))
