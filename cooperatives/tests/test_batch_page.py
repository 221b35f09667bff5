"""The import batch page costs the same number of queries whatever the batch's size.

At national scale the page of a 100,000-row import ran hundreds of queries: the undo check
read every history id of the batch, and each previewed row read its previous version and
its organisation. Here a batch of 10 rows and one of 300 must cost the same.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives.models import Figures, ImportBatch, Organization
from testing.roles import RolesTestCase
from testing.spreadsheets import FIGURES_HEADER, ORG_HEADER, org_row, run, xlsx


class BatchPageQueriesTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Imported, so that each has a history and a head office: an update shows the
        # fields it changed against the version before.
        result = run(
            "organizations",
            xlsx(
                [
                    ORG_HEADER,
                    *[org_row(f"07{i:08d}", name=f"HTX Thử nghiệm {i}") for i in range(300)],
                ]
            ),
        )
        assert result.ok, [str(e) for e in result.errors[:3]]
        cls.orgs = list(Organization.objects.filter(code__startswith="07").order_by("code"))

    def setUp(self):
        self.client.force_login(self.alliance)

    def imported(self, kind: str, rows: list[list]) -> ImportBatch:
        result = run(kind, xlsx(rows), user=self.alliance)
        self.assertTrue(result.ok, [str(e) for e in result.errors[:3]])
        return result.batch

    def page(self, batch: ImportBatch):
        url = reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        self.client.get(url)  # the session and the caches warm
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response, len(queries)

    def figures_batch(self, orgs, revenue: int) -> ImportBatch:
        """Half the rows update last year's figures, half create this year's."""
        half = len(orgs) // 2
        return self.imported(
            "figures",
            [
                FIGURES_HEADER,
                *[[o.code, 2023, 12, 10, 1, revenue + i] for i, o in enumerate(orgs[:half])],
                *[[o.code, 2024, 12, 10, 1, revenue] for o in orgs[half:]],
            ],
        )

    def test_figures_batch_page_costs_the_same_for_10_and_300_rows(self):
        self.imported(
            "figures", [FIGURES_HEADER, *[[o.code, 2023, 12, 10, 1, 5] for o in self.orgs]]
        )
        small = self.figures_batch(self.orgs[:10], revenue=100)
        response, small_queries = self.page(small)
        self.assertEqual((small.created, small.updated), (5, 5))
        self.assertContains(response, "Hoàn tác lần nhập này")
        # Previous versions and organisations are still shown, read in bulk.
        self.assertContains(response, "HTX Thử nghiệm 0 – ")
        self.assertContains(response, "doanh thu (triệu đồng): 5,000000 → 100,000000")
        self.assertContains(response, "Tạo mới")

        large = self.figures_batch(self.orgs, revenue=1000)
        response, large_queries = self.page(large)
        self.assertEqual((large.created, large.updated), (150, 150))
        self.assertContains(response, "Hoàn tác lần nhập này")
        self.assertContains(response, "HTX Thử nghiệm 299 – ")
        self.assertEqual(large_queries, small_queries)

    def test_organisations_batch_page_costs_the_same_for_10_and_300_rows(self):
        def batch(orgs, suffix: str, new: int) -> ImportBatch:
            return self.imported(
                "organizations",
                [
                    ORG_HEADER,
                    *[org_row(o.code, name=f"{o.name} {suffix}") for o in orgs],
                    *[
                        org_row(f"08{suffix}{i:05d}", name=f"HTX Mới {suffix} {i}")
                        for i in range(new)
                    ],
                ],
            )

        small = batch(self.orgs[:8], "111", new=2)
        response, small_queries = self.page(small)
        self.assertContains(response, "HTX Thử nghiệm 0 → HTX Thử nghiệm 0 111")
        self.assertContains(response, "Hoàn tác lần nhập này")

        large = batch(self.orgs[:250], "222", new=50)
        response, large_queries = self.page(large)
        self.assertRegex(
            response.content.decode(), r"tên: HTX Thử nghiệm (\d+) → HTX Thử nghiệm \1 222"
        )
        self.assertContains(response, "Hoàn tác lần nhập này")
        self.assertEqual(large_queries, small_queries)

    def test_touched_records_are_counted_and_the_button_withheld(self):
        self.imported(
            "figures", [FIGURES_HEADER, *[[o.code, 2023, 12, 10, 1, 5] for o in self.orgs]]
        )
        batch = self.figures_batch(self.orgs, revenue=1000)
        for org in self.orgs[7:10]:  # three records edited after the batch, one of them twice
            figures = Figures.objects.get(organization=org, year=2023)
            figures.revenue = 1
            figures.save()
        figures.revenue = 2
        figures.save()
        response, _ = self.page(batch)
        self.assertNotContains(response, "Hoàn tác lần nhập này")
        self.assertContains(response, "3 bản ghi đã được sửa hoặc xóa sau lần nhập này")
        self.assertContains(response, "HTX Thử nghiệm 7 – ")

    def test_a_deleted_record_is_named_by_its_id(self):
        batch = self.imported("figures", [FIGURES_HEADER, ["07" + "0" * 8, 2024, 6, 5, 1, 100]])
        figures = Figures.objects.get(organization=self.orgs[0], year=2024)
        pk = figures.pk
        figures.delete()
        response, _ = self.page(batch)
        self.assertContains(response, "1 bản ghi đã được sửa hoặc xóa sau lần nhập này")
        self.assertContains(response, f"#{pk} (đã bị xóa)")

    def test_an_edit_written_while_the_batch_was_being_written_is_found(self):
        # Row locks keep other sessions' edits of the batch's rows before its first or
        # after its last history record; should one fall between, it is still found.
        batch = self.imported(
            "figures", [FIGURES_HEADER, *[[o.code, 2024, 6, 5, 1, 100] for o in self.orgs[:3]]]
        )
        first, middle, _ = Figures.history.filter(import_batch=batch).order_by("history_id")
        Figures.history.filter(history_id=middle.history_id).update(
            import_batch=None, id=first.id, organization_id=first.organization_id
        )
        response, _ = self.page(batch)
        self.assertContains(response, "1 bản ghi đã được sửa hoặc xóa sau lần nhập này")
