"""The staff home (issue 16): what needs doing, per role, within the person's areas, in a
number of queries that does not grow with the rows behind it."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperatives.models import Figures, ImportBatch
from cooperatives.staff_home import RECENT_IMPORTS, current_period
from testing import factories as f
from testing.roles import RolesTestCase
from testing.spreadsheets import ORG_HEADER, org_row, run, xlsx

HOME = "/quan-tri/"


def blocks(response) -> dict:
    return {block.title: block for block in response.context["blocks"]}


class StaffHomeTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.year, cls.months = current_period(timezone.localdate())
        f.figures(cls.own, cls.year, cls.months, state=Figures.State.SUBMITTED, members=21)
        # An organisation of another district, also without figures of the period.
        cls.third = f.organization(cls.hai_phuc, code="0600000003", name="HTX Hải Phúc 2")

    def test_the_alliance_sees_the_whole_province(self):
        self.client.force_login(self.alliance)
        found = blocks(self.client.get(HOME))
        waiting = Figures.objects.filter(state=Figures.State.SUBMITTED).count()
        self.assertEqual(found["Số liệu chờ duyệt"].count, waiting)
        self.assertEqual(
            found["Số liệu chờ duyệt"].link,
            "/quan-tri/cooperatives/figures/?state__exact=submitted",
        )
        period = found[f"Số liệu {Figures(year=self.year, months=self.months).period_label}"]
        self.assertEqual(period.count, 2)  # "other" and "third"; "own" has filed
        self.assertEqual(period.note, "1 trong 3 tổ chức đã có số liệu (33,3%); 2 tổ chức chưa có.")
        self.assertEqual(
            [cells for cells, _ in period.rows],
            [["Huyện Hải Hậu", "0", "2", "0%"], ["Huyện Ý Yên", "1", "0", "100%"]],
        )
        # Its link lists those very organisations.
        listed = self.client.get(period.link).context["cl"].result_list
        self.assertEqual({o.code for o in listed}, {"0600000002", "0600000003"})
        self.assertIn("Sản phẩm OCOP hết hạn trong 90 ngày", found)
        self.assertIn("Tổ chức cần xác định địa bàn", found)
        links = dict(found["Báo cáo và trang công khai"].links)
        self.assertIn(f"/bao-cao/36/{self.year}/{self.months}/", links.values())

    def test_an_area_officer_sees_only_the_own_areas(self):
        self.client.force_login(self.area_officer)
        found = blocks(self.client.get(HOME))
        own_waiting = Figures.objects.filter(
            state=Figures.State.SUBMITTED, organization=self.own
        ).count()
        self.assertEqual(found["Số liệu chờ duyệt"].count, own_waiting)
        period = next(b for t, b in found.items() if t.startswith("Số liệu 6") or
                      t.startswith("Số liệu cả"))  # fmt: skip
        self.assertEqual(period.count, 0)
        self.assertEqual([cells[0] for cells, _ in period.rows], ["Huyện Ý Yên"])

    def test_the_latest_imports_and_which_can_be_undone(self):
        run("organizations", xlsx([ORG_HEADER, org_row("0600000501")]), user=self.alliance)
        run("organizations", xlsx([ORG_HEADER, org_row("0600000502")]), user=self.alliance)
        self.client.force_login(self.alliance)
        imports = blocks(self.client.get(HOME))["Lần nhập tệp gần đây"]
        newest, older = imports.rows[:2]
        self.assertEqual(newest[0][-1], "Hoàn tác được")  # the latest of its kind
        self.assertEqual(older[0][-1], "")
        batch = ImportBatch.objects.order_by("-pk").first()
        self.assertEqual(newest[1], f"/quan-tri/cooperatives/importbatch/{batch.pk}/change/")

    def test_an_editor_sees_the_news_and_no_registry(self):
        self.client.force_login(self.editor)
        found = blocks(self.client.get(HOME))
        self.assertEqual(
            sorted(found),
            # Readers' questions and comments (news/questions/staff_home.py) are theirs too.
            ["Bài viết nháp", "Báo cáo và trang công khai", "Bình luận chờ duyệt",
             "Câu hỏi chờ trả lời"],
        )  # fmt: skip
        from news.models import Article

        drafts = Article.objects.filter(status=Article.Status.DRAFT).count()
        self.assertEqual(found["Bài viết nháp"].count, drafts)
        self.assertEqual(found["Bài viết nháp"].link, "/quan-tri/news/article/?trang_thai=draft")
        self.assertEqual(
            [label for label, _ in found["Báo cáo và trang công khai"].links],
            ["Trang công khai của Liên minh"],
        )

    def test_an_official_reads_what_waits_and_builds_the_report(self):
        self.client.force_login(self.official)
        found = blocks(self.client.get(HOME))
        self.assertIn("Số liệu chờ duyệt", found)
        links = dict(found["Báo cáo và trang công khai"].links)
        self.assertIn(f"/bao-cao/36/{self.year}/{self.months}/", links.values())
        self.assertNotIn("Bài viết nháp", found)

    def test_the_page_costs_the_same_queries_with_more_rows(self):
        def import_figures(count):
            for _ in range(count):
                year = next(years)
                rows = [["Mã số", "Năm", "Số tháng"], ["0600000001", year, 6]]
                self.assertTrue(run("figures", xlsx(rows), user=self.alliance).ok)

        years = iter(range(2000, 2020))
        import_figures(RECENT_IMPORTS)  # the block of imports is full from the start
        for user in (self.alliance, self.area_officer):
            with self.subTest(user.username):
                self.client.force_login(user)
                self.client.get(HOME)  # area map and caches warm
                with CaptureQueriesContext(connection) as before:
                    self.assertEqual(self.client.get(HOME).status_code, 200)
                self.add_orgs(3, self.yen_bang)
                import_figures(3)
                self.client.get(HOME)
                with CaptureQueriesContext(connection) as after:
                    self.client.get(HOME)
                self.assertEqual(len(after), len(before), [q["sql"][:90] for q in after])


class CurrentPeriodTests(RolesTestCase):
    def test_the_latest_half_year_or_year_that_has_ended(self):
        self.assertEqual(current_period(datetime.date(2026, 12, 3)), (2026, 6))
        self.assertEqual(current_period(datetime.date(2026, 7, 1)), (2026, 6))
        self.assertEqual(current_period(datetime.date(2026, 6, 30)), (2025, 12))
