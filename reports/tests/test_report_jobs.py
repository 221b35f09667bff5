"""PDFs and national reports that miss the cache go to the ``pdf`` queue (reports/waiting.py).

Here the queue is the real database backend with no worker running, so jobs stay queued
while the pages are checked; a test that needs the work done runs the queued task in
this process (``Task.call``), as a worker would. The real workers and gunicorn are in
tests/test_pdf_server.py.
"""

from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from core.models import Job
from reports import national, pdf_cache, tasks
from testing.queue import DATABASE_TASKS
from testing.roles import RolesTestCase

PDF = "/bao-cao/36/2023/6.pdf"


def run_queued() -> None:
    """Run every queued task here, as a worker would."""
    for row in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()


@override_settings(TASKS=DATABASE_TASKS, TASKS_MODE="database", PDF_PER_USER=2)
class PdfJobTests(RolesTestCase):
    def setUp(self):
        self.client.force_login(self.alliance)

    def test_a_missing_pdf_answers_at_once_with_a_progress_page_and_one_job(self):
        for _ in range(5):
            response = self.client.get(PDF)
            self.assertEqual(response.status_code, 202)
        self.assertContains(response, "Đang dựng tệp PDF báo cáo", status_code=202)
        self.assertContains(response, "Tỉnh Nam Định, 6 tháng đầu năm 2023", status_code=202)
        self.assertContains(response, "Đang chờ", status_code=202)
        self.assertContains(
            response, f'http-equiv="refresh" content="2;url={PDF}?cho=1"', status_code=202
        )
        self.assertEqual(response["Retry-After"], "2")
        self.assertEqual(response["Cache-Control"], "no-store")
        job = Job.objects.get()
        self.assertEqual(
            (job.kind, job.user, job.status), (tasks.PDF_KIND, self.alliance, "queued")
        )
        self.assertEqual(job.key, pdf_cache.current_name(self.province, 2023, 6))
        queued = DBTaskResult.objects.get()
        self.assertEqual(queued.queue_name, "pdf")
        # Someone else asking for the same PDF waits for the same job.
        self.client.force_login(self.official)
        self.assertEqual(self.client.get(PDF).status_code, 202)
        self.assertEqual(Job.objects.count(), 1)

    def test_when_the_worker_is_done_the_pdf_is_served_from_storage(self):
        self.client.get(PDF)
        run_queued()
        job = Job.objects.get()
        self.assertEqual(job.status, "done")
        self.assertEqual(job.result_url, PDF)
        ready = self.client.get(PDF + "?cho=1")
        self.assertContains(ready, "Báo cáo đã sẵn sàng")
        self.assertContains(ready, f'href="{PDF}"')
        pdf = self.client.get(PDF)
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        self.assertTrue(pdf.getvalue().startswith(b"%PDF"))
        self.assertEqual(Job.objects.count(), 1)

    def test_a_failed_job_says_why_and_offers_to_try_again(self):
        self.client.get(PDF)
        Job.objects.update(status="failed", message="Tiến trình xử lý nền đã dừng đột ngột.")
        response = self.client.get(PDF + "?cho=1")
        self.assertContains(response, "Không dựng được báo cáo", status_code=503)
        self.assertContains(response, "Tiến trình xử lý nền đã dừng đột ngột.", status_code=503)
        self.assertContains(response, f'href="{PDF}"', status_code=503)
        # Trying again starts a new job.
        self.assertEqual(self.client.get(PDF).status_code, 202)
        self.assertEqual(Job.objects.filter(status="queued").count(), 1)

    def test_a_person_has_at_most_two_reports_building(self):
        self.assertEqual(self.client.get(PDF).status_code, 202)
        self.assertEqual(self.client.get("/bao-cao/360/2023/6.pdf").status_code, 202)
        refused = self.client.get("/bao-cao/366/2023/6.pdf")
        self.assertEqual(refused.status_code, 429)
        self.assertContains(refused, "Vui lòng chờ các báo cáo đang dựng", status_code=429)
        self.assertContains(refused, "tối đa 2 báo cáo", status_code=429)
        self.assertContains(refused, f'href="{PDF}?cho=1"', status_code=429)
        self.assertContains(refused, 'href="/bao-cao/360/2023/6.pdf?cho=1"', status_code=429)
        self.assertEqual(refused["Retry-After"], "6")
        self.assertEqual(Job.objects.count(), 2)
        # The national report counts too; asking again for a report already queued does not.
        national_json = self.client.get("/bao-cao/VN/2023/6.json")
        self.assertEqual(national_json.status_code, 429)
        self.assertIn("tối đa 2 báo cáo", national_json.json()["error"])
        self.assertEqual(
            [job["url"] for job in national_json.json()["jobs"]],
            [f"http://testserver{PDF}?cho=1", "http://testserver/bao-cao/360/2023/6.pdf?cho=1"],
        )
        self.assertEqual(self.client.get(PDF).status_code, 202)
        # Others are not held back by this person's jobs, and see who waits before them.
        self.client.force_login(self.official)
        behind = self.client.get("/bao-cao/366/2023/6.pdf")
        self.assertContains(behind, "còn 2 báo cáo khác đang chờ trước", status_code=202)
        # Once one is done, the person may ask for another.
        self.client.force_login(self.alliance)
        Job.objects.filter(key=pdf_cache.current_name(self.province, 2023, 6)).update(status="done")
        self.assertEqual(self.client.get("/bao-cao/13900/2023/6.pdf").status_code, 202)

    def test_refusals_start_no_job(self):
        self.client.force_login(self.area_officer)
        self.assertEqual(self.client.get("/bao-cao/366/2023/6.pdf").status_code, 403)
        self.assertEqual(self.client.get("/bao-cao/VN/2023/6/").status_code, 403)
        self.assertEqual(self.client.get("/bao-cao/36/1999/6.pdf").status_code, 400)
        self.assertFalse(Job.objects.exists())


@override_settings(TASKS=DATABASE_TASKS, TASKS_MODE="database")
class NationalJobTests(RolesTestCase):
    def setUp(self):
        self.client.force_login(self.alliance)

    def test_every_format_waits_for_one_computation(self):
        page = self.client.get("/bao-cao/VN/2023/6/")
        self.assertContains(page, "Đang tính báo cáo toàn quốc", status_code=202)
        self.assertContains(page, "Toàn quốc, 6 tháng đầu năm 2023", status_code=202)
        answer = self.client.get("/bao-cao/VN/2023/6.json")
        self.assertEqual(answer.status_code, 202)
        body = answer.json()
        self.assertEqual(body["job"], "http://testserver/bao-cao/VN/2023/6.json?cho=1")
        self.assertEqual((body["status"], body["status_label"]), ("queued", "đang chờ"))
        self.assertIn("Đang tính báo cáo toàn quốc", body["message"])
        self.assertEqual(self.client.get("/bao-cao/VN/2023/6.xlsx").status_code, 202)
        job = Job.objects.get()
        self.assertEqual((job.kind, job.key), (tasks.NATIONAL_KIND, national.stored_name(2023, 6)))
        self.assertIsNone(national.cached(2023, 6))
        run_queued()
        self.assertEqual(Job.objects.get().status, "done")
        self.assertIsNotNone(national.cached(2023, 6))
        report = self.client.get("/bao-cao/VN/2023/6.json?cho=1")
        self.assertEqual(report.status_code, 200)
        self.assertEqual(report.json()["indicators"]["htx_total"]["value"], 2)
        self.assertContains(self.client.get("/bao-cao/VN/2023/6/?cho=1"), "Toàn quốc")
        ready = self.client.get("/bao-cao/VN/2023/6.xlsx?cho=1")
        self.assertContains(ready, 'href="/bao-cao/VN/2023/6.xlsx"')
        self.assertEqual(self.client.get("/bao-cao/VN/2023/6.xlsx").status_code, 200)
        # The national PDF is a job of its own (its PDF is not stored yet).
        self.assertEqual(self.client.get("/bao-cao/VN/2023/6.pdf").status_code, 202)
        self.assertEqual(Job.objects.filter(kind=tasks.PDF_KIND).count(), 1)

    def test_area_reports_stay_in_the_request(self):
        self.assertEqual(self.client.get("/bao-cao/36/2023/6/").status_code, 200)
        self.assertEqual(self.client.get("/bao-cao/36/2023/6.json").status_code, 200)
        self.assertEqual(self.client.get("/bao-cao/36/2023/6.xlsx").status_code, 200)
        self.assertFalse(Job.objects.exists())
