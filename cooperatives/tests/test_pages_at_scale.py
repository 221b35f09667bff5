"""Pages that must stay fast at national scale (issue 15): what they cost must not grow
with the rows behind them. Timings are in docs/performance.md; these are the guards."""

import datetime
import itertools
import re
import unittest

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperatives import public
from cooperatives.models import Organization, Sector
from cooperatives.sitemaps import OrganizationSitemap
from core.caching import MAX_CACHED_BYTES
from core.lib.text import fold
from news.sitemaps import ArticleSitemap
from testing import factories as f
from testing import news_factories as news
from testing.roles import RolesTestCase, clear_caches

_codes = itertools.count(1)
PREFIXES = ["HTX Nông nghiệp", "HTX Dịch vụ nông nghiệp", "HTX Thủy sản", "HTX Chè",
            "HTX Mây tre đan", "Quỹ tín dụng nhân dân", "HTX Lâm nghiệp",
            "HTX Vận tải"]  # fmt: skip
PLACES = ["Nghĩa Hưng", "Phù Vân", "Yên Bằng", "Hải Phúc", "Bình Lục", "Vụ Bản",
          "Quỳnh Lưu", "Giao Thủy", "Kim Sơn", "Cờ Đỏ", "Trực Ninh", "Ý Yên"]  # fmt: skip


def many_organizations(count: int, *, public_ones: bool = True, names=None) -> None:
    """``count`` organisations in one INSERT, named like real ones unless ``names``."""
    sector = Sector.objects.first()
    if names is None:
        pairs = itertools.cycle(itertools.product(PREFIXES, PLACES))
        names = [
            f"{prefix} {place} {n}" for n, (prefix, place) in zip(range(count), pairs, strict=False)
        ]
    rows = []
    for name in names[:count]:
        number = next(_codes)
        rows.append(
            Organization(
                code=f"09{number:08d}", name=name, name_folded=fold(name), sector=sector,
                founded_on=datetime.date(2015, 1, 1), is_public=public_ones,
            )
        )  # fmt: skip
    Organization.objects.bulk_create(rows)


def queries_of(client, url: str) -> list[str]:
    clear_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in queries]


class SitemapTests(RolesTestCase):
    def test_the_index_costs_the_same_for_3_or_300_organisations_and_articles(self):
        self.client.get("/sitemap.xml")  # the area tree, loaded once per registry version
        few = queries_of(self.client, "/sitemap.xml")
        many_organizations(300)
        for number in range(20):
            news.article(f"Tin thêm {number}")
        self.client.get("/sitemap.xml")
        self.assertEqual(len(queries_of(self.client, "/sitemap.xml")), len(few))
        # The sections' dates: one MAX() each (organisations, articles, documents, albums,
        # videos, questions), no row of any table read one by one.
        latest = [sql for sql in few if "MAX(" in sql.upper()]
        self.assertEqual(len(latest), 6, latest)

    @override_settings(ALLOWED_HOSTS=["lienminhhoptacxa.namdinh.gov.vn"])
    def test_a_section_page_lists_5000_addresses_and_fits_in_the_cache(self):
        self.assertEqual(OrganizationSitemap.limit, 5000)
        self.assertLessEqual(ArticleSitemap.limit, 5000)
        many_organizations(5000)  # with the two of the cast: 5,002
        host = {"HTTP_HOST": "lienminhhoptacxa.namdinh.gov.vn", "secure": True}
        clear_caches()
        index = self.client.get("/sitemap.xml", **host).content.decode()
        self.assertIn("/sitemap-hop-tac-xa.xml?p=2<", index)
        self.assertNotIn("/sitemap-hop-tac-xa.xml?p=3<", index)
        first = self.client.get("/sitemap-hop-tac-xa.xml", **host)
        self.assertEqual(first.content.count(b"<url>"), 5000)
        self.assertEqual(self.client.get("/sitemap-hop-tac-xa.xml?p=2", **host).content.count(
            b"<url>"), 2)  # fmt: skip
        # Under the cache's limit with a real domain, so the page is built once: the
        # second visitor's request reads no organisation.
        self.assertLess(len(first.content), MAX_CACHED_BYTES)
        with CaptureQueriesContext(connection) as queries:
            again = self.client.get("/sitemap-hop-tac-xa.xml", **host)
        self.assertEqual(again.content, first.content)
        self.assertFalse([q for q in queries if "cooperatives_organization" in q["sql"]])

    def test_lastmod_is_the_newest_change_of_what_is_listed(self):
        many_organizations(20)
        newest = datetime.datetime(2026, 3, 5, 9, 30, tzinfo=datetime.UTC)
        Organization.objects.update(updated_at=newest - datetime.timedelta(days=40))
        Organization.objects.filter(code="0600000002").update(updated_at=newest)
        many_organizations(1, public_ones=False)  # a hidden one changed later: not listed
        Organization.objects.filter(is_public=False).update(
            updated_at=newest + datetime.timedelta(days=3)
        )
        # The section's date is kept per registry version, which update() leaves as it is.
        clear_caches()
        self.assertEqual(OrganizationSitemap().get_latest_lastmod(), newest)

        published = news.article("Tin đã đăng")
        scheduled = news.article(
            "Tin hẹn giờ", publish_at=timezone.now() + datetime.timedelta(days=2)
        )
        from news.models import Article

        news_time = datetime.datetime(2026, 2, 1, 8, 0, tzinfo=datetime.UTC)
        Article.objects.update(updated_at=news_time - datetime.timedelta(days=9))
        Article.objects.filter(pk=published.pk).update(updated_at=news_time)
        Article.objects.filter(pk=scheduled.pk).update(updated_at=news_time + datetime.timedelta(1))
        self.assertEqual(ArticleSitemap().get_latest_lastmod(), news_time)

        clear_caches()
        index = self.client.get("/sitemap.xml").content.decode()
        dates = dict(
            re.findall(r"<loc>[^<]*/sitemap-([a-z-]+)\.xml</loc>\s*<lastmod>([^<]+)<", index)
        )
        self.assertEqual(datetime.datetime.fromisoformat(dates["hop-tac-xa"]), newest)
        self.assertEqual(datetime.datetime.fromisoformat(dates["tin-tuc"]), news_time)
        # The page's own dates agree with the index.
        page = self.client.get("/sitemap-hop-tac-xa.xml").content.decode()
        self.assertIn("<lastmod>2026-03-05</lastmod>", page)


@unittest.skipUnless(connection.vendor == "postgresql", "trigram search is PostgreSQL's")
class TypoSearchTests(RolesTestCase):
    """Typos of real names, among more names sharing a word than a typo search ranks."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        many_organizations(700)  # 260 of them with "nghiep"
        real = ["HTX Dịch vụ nông nghiệp Xuân Trường", "HTX Chè Mường Khương",
                "Quỹ tín dụng nhân dân Thốt Nốt", "HTX Mây tre đan Phú Nghĩa"]  # fmt: skip
        many_organizations(len(real), names=real)

    def found(self, query: str):
        clear_caches()
        response = self.client.get("/hop-tac-xa/", {"q": query})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["fuzzy"], query)
        return response.context["page"].paginator.count, [
            o.name for o in response.context["organizations"]
        ]

    def test_typos_of_real_names_still_find_them_first(self):
        for query, name in [
            ("xuan trong", "HTX Dịch vụ nông nghiệp Xuân Trường"),  # a missing letter
            ("muong khong", "HTX Chè Mường Khương"),
            ("thot nt", "Quỹ tín dụng nhân dân Thốt Nốt"),
            ("may tre dan phu ngia", "HTX Mây tre đan Phú Nghĩa"),
            ("xuân trườg", "HTX Dịch vụ nông nghiệp Xuân Trường"),  # with marks
        ]:
            _count, names = self.found(query)
            self.assertIn(name, names[:5], query)

    def test_a_common_word_ranks_a_bounded_number_of_names(self):
        nghiep = Organization.objects.filter(name_folded__contains="nghiep").count()
        self.assertGreater(nghiep, public.FUZZY_CANDIDATES)
        count, names = self.found("nghim")
        self.assertEqual(count, public.FUZZY_CANDIDATES)
        # "nghiep" and "nghia" alike: each shares four of the typo's six trigrams.
        self.assertTrue(all("ngh" in fold(name) for name in names), names)

    def test_nonsense_finds_nothing(self):
        self.assertEqual(self.found("zzqxw"), (0, []))

    def test_at_most_the_first_candidates_are_ranked_never_every_name(self):
        # Ranking (similarity, then name) applies to a bounded subquery that takes the
        # first names passing the threshold operator, in no order: nothing sorts every
        # name that shares a common word.
        with CaptureQueriesContext(connection) as queries:
            self.found("nghim")
        ranked = [q["sql"] for q in queries if "WORD_SIMILARITY" in q["sql"].upper()]
        self.assertTrue(ranked)
        for sql in ranked:
            inner = sql[sql.index("IN (SELECT") : sql.index(f"LIMIT {public.FUZZY_CANDIDATES})")]
            self.assertIn("%>", inner)
            self.assertNotIn("ORDER BY", inner)


@unittest.skipUnless(connection.vendor == "postgresql", "index-only scans are PostgreSQL's")
class LocationAtDayIndexTests(RolesTestCase):
    def test_the_location_at_a_day_is_read_from_the_index_alone(self):
        from cooperatives.models import recorded_area_at

        located = Organization.objects.annotate(
            loc=recorded_area_at(datetime.date(2025, 6, 30))
        ).values("pk", "loc")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a test table is tiny
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            # Statistics left by other tests (a demo of thousands of locations, since rolled
            # back) can make a sort of a few rows look cheaper than the index's order.
            cursor.execute("SET LOCAL enable_sort = off")
            sql, params = located.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        self.assertIn("Index Only Scan using location_at_day", plan)


class FiguresListTests(RolesTestCase):
    url = "/quan-tri/cooperatives/figures/"

    def test_no_distinct_and_no_sort_by_organisation_name(self):
        self.client.force_login(self.superuser)
        sql = queries_of(self.client, self.url)
        self.assertFalse([q for q in sql if "DISTINCT" in q.upper()])
        listed = [q for q in sql if q.startswith('SELECT "cooperatives_figures"."id"')]
        self.assertEqual(len(listed), 1, sql)
        order = listed[0].split("ORDER BY")[1]
        self.assertEqual(
            re.sub(r"\s+", " ", order).strip(),
            '"cooperatives_figures"."year" DESC, "cooperatives_figures"."months" DESC, '
            '"cooperatives_figures"."organization_id" ASC',
        )
        # Asked for, the organisation column still sorts by name.
        self.assertIn(
            '"cooperatives_organization"."name_folded"',
            [
                q.split("ORDER BY")[1]
                for q in queries_of(self.client, self.url + "?o=1")
                if q.startswith('SELECT "cooperatives_figures"."id"')
            ][0],
        )

    def test_fixed_year_and_months_choices_filter(self):
        self.client.force_login(self.superuser)
        f.figures(self.own, 2019, 12)
        f.figures(self.own, 2024, 9)
        with self.settings(FIGURES_FIRST_YEAR=2020):
            response = self.client.get(self.url)
            specs = {spec.title: spec for spec in response.context["cl"].filter_specs}
            years = [c["display"] for c in specs["năm"].choices(response.context["cl"])]
            this_year = timezone.localdate().year
            self.assertEqual(years[1:3], [str(this_year), str(this_year - 1)])
            self.assertEqual(years[-2:], ["2020", "Trước năm 2020"])
            periods = [c["display"] for c in specs["kỳ báo cáo"].choices(response.context["cl"])]
            self.assertEqual(periods[1:], ["6 tháng đầu năm", "Cả năm", "Kỳ khác"])

            def rows(query):
                cl = self.client.get(self.url + query).context["cl"]
                return sorted((r.year, r.months) for r in cl.result_list)

            self.assertEqual(rows("?year__exact=truoc"), [(2019, 12)])
            self.assertEqual(rows("?year__exact=2023"), [(2023, 6), (2023, 6)])
            self.assertEqual(rows("?months__exact=khac"), [(2024, 9)])
            self.assertEqual(rows("?months__exact=12"), [(2019, 12)])
            self.assertEqual(rows("?year__exact=abc"), [])

    def test_the_list_is_counted_once_per_data_version_and_per_scope(self):
        def counts(user, query=""):
            self.client.force_login(user)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(self.url + query)
            counted = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(")]
            return response.context["cl"].result_count, len(counted)

        clear_caches()
        everything, counted = counts(self.superuser)
        self.assertEqual(counted, 1)
        self.assertEqual(counts(self.superuser), (everything, 0))  # from the cache
        own, counted = counts(self.area_officer)  # another scope: counted apart
        self.assertEqual(counted, 1)
        self.assertLess(own, everything)
        self.assertEqual(counts(self.superuser, "?year__exact=2023")[1], 1)  # another filter
        f.figures(self.own, 2019, 12)  # a save moves the figures' version on
        self.assertEqual(counts(self.superuser), (everything + 1, 1))
        self.assertEqual(counts(self.area_officer), (own + 1, 1))

    @unittest.skipUnless(connection.vendor == "postgresql", "index definitions are PostgreSQL's")
    def test_the_list_order_has_its_index(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'figures_newest_first'"
            )
            (definition,) = cursor.fetchone()
        self.assertIn("(year DESC, months DESC, organization_id)", definition)


class OrganisationPageTests(RolesTestCase):
    def count(self) -> int:
        url = reverse("admin:cooperatives_organization_change", args=[self.own.pk])
        self.client.get(url)
        return len(queries_of(self.client, url))

    def test_figures_rows_cost_no_query_each(self):
        self.client.force_login(self.alliance)
        self.own.loans.create(
            source="provincial_fund", amount=1, disbursed_on=datetime.date(2024, 1, 1)
        )
        for year in range(2010, 2014):  # with the cast's one: 5 rows
            f.figures(self.own, year, 12)
        self.assertEqual(self.own.figures.count(), 5)
        five = self.count()
        for year in range(2030, 2047):
            f.figures(self.own, year, 6)
            f.figures(self.own, year, 12)
        f.figures(self.own, 2047, 12)
        self.own.loans.create(
            source="provincial_fund", amount=2, disbursed_on=datetime.date(2024, 2, 1)
        )
        self.assertEqual(self.own.figures.count(), 40)
        self.assertEqual(self.count(), five)
