import datetime

from django.core.cache import cache
from django.test import override_settings

from cooperatives.models import Organization
from reports.statistics import latest_half_year, latest_period_with_figures
from testing.roles import RolesTestCase


class PublicStatisticsTests(RolesTestCase):
    def setUp(self):
        cache.clear()

    def test_anyone_sees_province_totals_without_organisations(self):
        response = self.client.get("/thong-ke/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tỉnh Nam Định")
        self.assertContains(response, "Huyện Ý Yên")
        self.assertContains(response, "HTX theo lĩnh vực")
        # The latest period with figures (the base data has them for H1 2023), not a
        # later half-year where nothing has been filed.
        self.assertContains(response, "6 tháng đầu năm 2023")  # a year, not "2.023"
        for name in Organization.objects.values_list("name", flat=True):
            self.assertNotContains(response, name)
        self.assertNotContains(response, "036090001234")

    def test_the_areas_chart_shows_those_with_most_htx_and_the_table_every_area(self):
        from unittest import mock

        from cooperatives.models import Area
        from testing import factories as f

        commune = f.area("14201", "Xã Hải Đông", Area.Level.COMMUNE, self.hai_hau)
        f.organization(commune, code="0600000009", name="HTX Hải Đông")
        with mock.patch("reports.views.AREAS_CHARTED", 1):
            page = self.client.get("/thong-ke/")
        charts = page.content.decode().split('<figure class="chart')[1:]
        chart = next(c for c in charts if "địa bàn có nhiều HTX nhất" in c).split("</figure>")[0]
        self.assertIn("<figcaption>1 địa bàn có nhiều HTX nhất</figcaption>", chart)
        self.assertIn("Huyện Hải Hậu", chart)  # two HTX against one
        self.assertNotIn("Huyện Ý Yên", chart)
        table = page.content.decode().split("<caption>Theo địa bàn</caption>")[1]
        self.assertIn("Huyện Ý Yên", table)

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


class StatisticsPeriodTests(RolesTestCase):
    def test_the_latest_ended_period_with_figures_not_one_under_way(self):
        org = Organization.objects.filter(kind=Organization.Kind.HTX).first()
        today = datetime.date.today()
        org.figures.create(year=2024, months=12, members=9)
        org.figures.create(year=today.year + 1, months=6, members=9)  # not ended yet
        self.assertEqual(latest_period_with_figures(self.province, today, ended=True), (2024, 12))
        self.assertEqual(latest_period_with_figures(self.province, today), (today.year + 1, 6))
        cache.clear()
        self.assertContains(self.client.get("/thong-ke/"), "năm 2024")


class StatisticsFreshnessTests(RolesTestCase):
    def setUp(self):
        cache.clear()

    def test_visitors_get_the_cached_page_until_the_registry_changes(self):
        first = self.client.get("/thong-ke/")
        self.assertIsNotNone(first.context)  # rendered
        self.assertIn("public", first["Cache-Control"])
        again = self.client.get("/thong-ke/")
        self.assertIsNone(again.context)  # served from the cache, not rendered
        self.assertEqual(again.content, first.content)

        year = 2023  # the period the page shows: the latest with figures
        commune = Organization.objects.filter(kind=Organization.Kind.HTX).first().area
        with self.captureOnCommitCallbacks(execute=True):
            Organization.objects.create(
                code="0699999999", name="HTX Mới Thành Lập", kind=Organization.Kind.HTX,
                sector=Organization.objects.first().sector, founded_on=datetime.date(year, 1, 2),
            ).locations.create(area=commune, valid_from=datetime.date(year, 1, 2))  # fmt: skip
        fresh = self.client.get("/thong-ke/")
        self.assertIsNotNone(fresh.context)  # rebuilt after the change
        self.assertEqual(
            fresh.context["stats"]["values"]["htx_total"],
            first.context["stats"]["values"]["htx_total"] + 1,
        )

    def test_an_import_moves_the_page_on(self):
        self.client.get("/thong-ke/")
        self.assertIsNone(self.client.get("/thong-ke/").context)
        from cooperatives.models import ImportBatch

        with self.captureOnCommitCallbacks(execute=True):
            ImportBatch.objects.create(kind="figures", file_name="so-lieu.xlsx", rows=0)
        self.assertIsNotNone(self.client.get("/thong-ke/").context)

    def test_signed_in_staff_get_their_own_page_never_the_shared_one(self):
        self.client.get("/thong-ke/")  # a visitor fills the cache
        self.client.force_login(self.alliance)
        response = self.client.get("/thong-ke/")
        self.assertIsNotNone(response.context)
        self.assertIn("private", response["Cache-Control"])
        self.assertContains(response, ">Quản trị<")
        self.client.logout()
        self.assertNotContains(self.client.get("/thong-ke/"), ">Quản trị<")


class HomePartsCacheTests(RolesTestCase):
    """Signed-in people never get a cached page: the home page's province figures and
    registry counts are still computed once per data version, not per visit."""

    def setUp(self):
        cache.clear()
        self.client.force_login(self.alliance)

    def home_queries(self) -> list[str]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        return [q["sql"] for q in queries if "cooperatives_organization" in q["sql"]]

    def test_the_second_home_page_reads_no_organisation_until_a_change(self):
        self.assertTrue(self.home_queries())
        self.assertEqual(self.home_queries(), [])
        first = self.client.get("/").context["stats"]["values"]["members_total"]
        org = Organization.objects.get(pk=self.own.pk)
        figures = org.figures.get(year=2023, months=6)
        figures.members += 5
        figures.save()  # a change of figures: counted again, with the new number
        self.assertTrue(self.home_queries())
        again = self.client.get("/").context["stats"]["values"]["members_total"]
        self.assertEqual(again, first + 5)
        Organization.objects.create(
            code="0699999999", name="HTX Mới thành lập", sector=org.sector,
            founded_on=datetime.date(2020, 1, 1), is_public=True,
        )  # fmt: skip
        self.assertTrue(self.home_queries())  # a change of the registry: counted again
        kinds = dict(self.client.get("/").context["kinds"])
        self.assertEqual(kinds["HTX"], Organization.objects.filter(kind="htx").count())
