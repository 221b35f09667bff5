"""Large imports and every undo run as background jobs (cooperatives/tasks.py).

In one process (``HTX_TASKS=immediate``, a low ``HTX_IMPORT_BACKGROUND_ROWS``): the
preview and the confirmation of a large file go through jobs and end where the request
path ends. With the real queue (PostgreSQL, ``run_workers``): a 15,000-row file checked,
imported and undone by the workers while the progress page is polled.
"""

import datetime
import re
import time

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TransactionTestCase, override_settings
from django.urls import reverse

from cooperatives.models import Figures, ImportBatch, Organization
from core.lib.text import fold
from core.models import Job
from core.spreadsheets.tables import estimate_rows
from testing import factories as f
from testing import queue as q
from testing.roles import RolesTestCase
from testing.spreadsheets import FIGURES_HEADER, ORG_HEADER, csv_file, org_row, xlsx
from testing.transactional import MigrationDataMixin

IMPORT_URL = "/quan-tri/cooperatives/organization/nhap-tep/"
FIGURES_URL = "/quan-tri/cooperatives/figures/nhap-tep/"


class EstimateTests(RolesTestCase):
    def test_rows_are_estimated_without_parsing_cells(self):
        rows = [ORG_HEADER, *[org_row(f"06000003{i:02d}") for i in range(12)]]
        self.assertEqual(estimate_rows(xlsx(rows), "a.xlsx"), 12)
        self.assertEqual(estimate_rows(csv_file(rows), "a.csv"), 12)
        self.assertEqual(estimate_rows(b"Ma so\n1\n2", "a.csv"), 2)
        self.assertEqual(estimate_rows(b"not a workbook", "a.xlsx"), 0)


@override_settings(IMPORT_BACKGROUND_ROWS=2)
class BackgroundImportFlowTests(RolesTestCase):
    """The immediate backend: jobs run in the request once it commits."""

    def setUp(self):
        self.client.force_login(self.alliance)

    def upload(self, rows, name="to-chuc.xlsx", url=IMPORT_URL):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"file": SimpleUploadedFile(name, xlsx(rows))})
        job = Job.objects.filter(kind="import-preview").latest("pk")
        self.assertRedirects(response, job.get_absolute_url())
        return job

    def test_a_large_file_is_checked_then_imported_by_jobs(self):
        rows = [ORG_HEADER, org_row("0600000301"), org_row("0600000302"), org_row("0600000001")]
        rows[3][1] = "HTX Đổi Tên"
        job = self.upload(rows)
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertEqual(
            job.message,
            "Kiểm tra 3 dòng: 2 tạo mới, 1 cập nhật, 0 không thay đổi. Chưa lưu gì (chạy thử).",
        )
        self.assertEqual(job.result_url, f"{IMPORT_URL}?cong_viec={job.pk}")
        page = self.client.get(job.get_absolute_url())
        self.assertContains(page, f'href="{IMPORT_URL}?cong_viec={job.pk}"')
        self.assertFalse(Organization.objects.filter(code="0600000301").exists())

        preview = self.client.get(job.result_url)
        self.assertContains(preview, "2 tạo mới, 1 cập nhật, 0 không thay đổi")
        self.assertContains(preview, "Xác nhận nhập 3 dòng")
        # The preview names what each row does: the records created, and old → new.
        self.assertContains(preview, "<td>2</td><td>0600000301 · HTX Nông nghiệp Yên Bằng</td>")
        self.assertContains(preview, "<td>3</td><td>0600000302 · HTX Nông nghiệp Yên Bằng</td>")
        self.assertContains(preview, "<td>Tên</td><td>")
        self.assertContains(preview, "<td><strong>HTX Đổi Tên</strong></td>")
        self.assertEqual(preview.context["token"], job.key)
        # Asked for before the check has ended: back to the job's progress.
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
        self.assertRedirects(self.client.get(job.result_url), job.get_absolute_url())
        Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE)
        # Nobody else sees the preview, nor may confirm it.
        someone = self.client_class()
        someone.force_login(self.superuser)
        other = someone.get(job.result_url)
        self.assertContains(other, "Không tìm thấy kết quả kiểm tra tệp này")
        self.assertNotIn("token", other.context)
        with self.captureOnCommitCallbacks(execute=True):
            someone.post(IMPORT_URL, {"token": job.key})
        self.assertFalse(Job.objects.filter(kind="import").exists())

        with self.captureOnCommitCallbacks(execute=True):
            confirmed = self.client.post(IMPORT_URL, {"token": job.key})
        imported = Job.objects.get(kind="import")
        self.assertRedirects(confirmed, imported.get_absolute_url())
        batch = ImportBatch.objects.get()
        self.assertEqual(imported.status, Job.Status.DONE)
        self.assertEqual(
            imported.message, "Đã nhập 3 dòng: 2 tạo mới, 1 cập nhật, 0 không thay đổi."
        )
        self.assertEqual(
            imported.result_url, reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        )
        self.assertEqual((imported.done, imported.total), (3, 3))
        self.assertEqual(batch.user, self.alliance)
        self.assertTrue(Organization.objects.filter(code="0600000302").exists())
        # The token was used: a second confirmation finds nothing.
        again = self.client.post(IMPORT_URL, {"token": job.key})
        self.assertEqual(again.status_code, 302)
        self.assertEqual(Job.objects.filter(kind="import").count(), 1)

    def test_a_large_file_with_errors_lists_them_as_the_request_would(self):
        rows = [
            ORG_HEADER,
            org_row(founded="31/02/2021"),
            org_row("0600001051", area="99999"),
            org_row(),
        ]
        job = self.upload(rows)
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertTrue(job.message.startswith("Tệp có 2 lỗi; không có dữ liệu nào"), job.message)
        preview = self.client.get(job.result_url)
        self.assertContains(
            preview, "Dòng 2, cột &quot;Ngày thành lập&quot;: &quot;31/02/2021&quot;"
        )
        self.assertContains(preview, "Dòng 3, cột &quot;Địa bàn&quot;")
        self.assertNotContains(preview, "Xác nhận nhập")

    def test_a_file_whose_data_changed_before_confirmation_fails_with_its_errors(self):
        gone = f.organization(self.yen_bang, code="0600000399", name="HTX Sắp Giải Thể")
        rows = [
            FIGURES_HEADER,
            [self.own.code, 2024, 6, 5, 1, 100],
            [gone.code, 2024, 6, 5, 1, 100],
            [self.own.code, 2024, 12, 5, 1, 100],
        ]
        job = self.upload(rows, "so-lieu.xlsx", url=FIGURES_URL)
        self.assertEqual(job.status, Job.Status.DONE)
        gone.delete()  # meanwhile
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(FIGURES_URL, {"token": job.key})
        imported = Job.objects.get(kind="import")
        self.assertEqual(imported.status, Job.Status.FAILED)
        self.assertTrue(imported.message.startswith("Tệp có 1 lỗi; không có dữ liệu nào được lưu."))
        page = self.client.get(imported.get_absolute_url()).content.decode()
        self.assertIn('class="errornote">Tệp có 1 lỗi', page)
        self.assertRegex(page, r"<li>Dòng 3, cột &quot;Mã số&quot;[^<]*0600000399")
        self.assertFalse(Figures.objects.filter(year=2024).exists())

    def test_undo_of_another_areas_batch_starts_no_job(self):
        job = self.upload([ORG_HEADER, *[org_row(f"060000030{i}") for i in range(5, 8)]])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(IMPORT_URL, {"token": job.key})
        batch = ImportBatch.objects.get()
        self.client.force_login(self.area_officer)
        response = self.client.post(reverse("admin:cooperatives_importbatch_undo", args=[batch.pk]))
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(Job.objects.filter(kind="undo").exists())


class QueuedImportTests(MigrationDataMixin, TransactionTestCase):
    """A 15,000-row figures file through the admin, with the real workers."""

    ROWS = 15_000
    PERIODS = [(year, months) for year in range(2016, 2026) for months in (3, 6, 9)]

    def setUp(self):
        commune = f.area("13900", "Xã Yên Bằng")
        sector = f.sector()
        orgs = self.ROWS // len(self.PERIODS)
        self.orgs = Organization.objects.bulk_create(
            Organization(
                code=f"07{i:08d}",
                name=f"HTX Thử nghiệm {i}",
                name_folded=fold(f"HTX Thử nghiệm {i}"),
                kind=Organization.Kind.HTX,
                sector=sector,
                area=commune,
                founded_on=datetime.date(2015, 1, 1),
            )
            for i in range(orgs)
        )
        self.user = get_user_model().objects.create_superuser("quantri", password="x")
        self.client.force_login(self.user)

    def figures_csv(self) -> bytes:
        rows = [
            [org.code, year, months, 10 + i % 40, i % 7, 100 + i]
            for i, org in enumerate(self.orgs)
            for year, months in self.PERIODS
        ]
        self.assertEqual(len(rows), self.ROWS)
        return csv_file([FIGURES_HEADER, *rows])

    def watch(self, job_id: int, seconds: float = 120) -> tuple[Job, list[tuple]]:
        """Poll the progress page until the job ends; return it and what the pages showed."""
        seen = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            page = self.client.get(f"/cong-viec/{job_id}/").content.decode()
            value = re.search(r'<progress id="tien-do" max="100" value="(\d+)">', page)
            status = re.search(r"Trạng thái: <strong[^>]*>([^<]+)</strong>", page).group(1)
            seen.append((status, int(value.group(1)) if value else None))
            if 'http-equiv="refresh"' not in page:
                return Job.objects.get(pk=job_id), seen
            time.sleep(0.1)
        self.fail(f"job {job_id} did not end in {seconds} s: {seen[-3:]}")

    def test_a_large_import_and_its_undo_run_in_the_workers_with_progress(self):
        data = self.figures_csv()
        url = "/quan-tri/cooperatives/figures/nhap-tep/"
        with q.running_workers(pdf_workers=0) as workers:
            response = self.client.post(url, {"file": SimpleUploadedFile("so-lieu.csv", data)})
            preview = Job.objects.get(kind="import-preview")
            self.assertRedirects(response, preview.get_absolute_url())
            preview, seen = self.watch(preview.pk)
            self.assertEqual(preview.status, Job.Status.DONE, workers.output())
            self.assertIn("Kiểm tra 15.000 dòng: 15.000 tạo mới", preview.message)
            self.assertIn("Đang chạy", {status for status, _ in seen})
            page = self.client.get(preview.result_url)
            self.assertContains(page, "Xác nhận nhập 15.000 dòng")
            self.assertFalse(Figures.objects.exists())

            response = self.client.post(url, {"token": page.context["token"]})
            imported = Job.objects.get(kind="import")
            self.assertRedirects(response, imported.get_absolute_url())
            imported, seen = self.watch(imported.pk)
            self.assertEqual(imported.status, Job.Status.DONE, workers.output())
            self.assertEqual(
                imported.message,
                "Đã nhập 15.000 dòng: 15.000 tạo mới, 0 cập nhật, 0 không thay đổi.",
            )
            self.assertTrue(any(s == "Đang chạy" and v and 0 < v < 100 for s, v in seen), seen)
            batch = ImportBatch.objects.get()
            self.assertEqual(
                imported.result_url,
                reverse("admin:cooperatives_importbatch_change", args=[batch.pk]),
            )
            self.assertEqual(Figures.objects.count(), self.ROWS)
            done = self.client.get(imported.get_absolute_url())
            self.assertContains(done, f'href="{imported.result_url}"')

            started = time.monotonic()
            response = self.client.post(
                reverse("admin:cooperatives_importbatch_undo", args=[batch.pk])
            )
            undo = Job.objects.get(kind="undo")
            self.assertRedirects(response, undo.get_absolute_url())
            undo, _ = self.watch(undo.pk, seconds=60)
            seconds = time.monotonic() - started
            self.assertEqual(undo.status, Job.Status.DONE, workers.output())
            self.assertEqual(
                undo.message,
                f"Đã hoàn tác lần nhập #{batch.pk}: xóa 15.000 bản ghi tạo mới, "
                "khôi phục 0 bản ghi đã cập nhật.",
            )
            self.assertEqual((undo.done, undo.total), (self.ROWS, self.ROWS))
            self.assertLess(seconds, 20)
            self.assertFalse(Figures.objects.exists())
