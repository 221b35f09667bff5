"""Background jobs in one process: the immediate backend, the progress page and its rights,
failures in Vietnamese, and the sweep of jobs whose worker died.

The real queue (``run_workers`` and its worker processes) is tested in
tests/test_jobs_queue.py.
"""

import datetime

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone

from core import jobs
from core.models import Job
from testing import queue as q

IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "pdf"],
    }
}


@override_settings(TASKS=IMMEDIATE)
class ImmediateJobTests(TestCase):
    """``HTX_TASKS=immediate``: the task runs in the asking process once it commits."""

    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_user("canbo", password="x", is_staff=True)

    def start(self, task, **kwargs) -> Job:
        with self.captureOnCommitCallbacks(execute=True):
            job = jobs.start(task, kind="test", title="Thử", user=self.user, **kwargs)
            self.assertEqual(Job.objects.get(pk=job.pk).status, Job.Status.QUEUED)
        job.refresh_from_db()
        return job

    def test_a_job_runs_at_commit_and_ends_done_with_its_result(self):
        job = self.start(q.count_task, steps=3)
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertEqual((job.done, job.total, job.step), (3, 3, "Bước 3"))
        self.assertEqual(job.message, "Đã đếm xong 3 bước.")
        self.assertEqual(job.result_url, "/quan-tri/")
        self.assertIsNotNone(job.started_at)
        self.assertIsNotNone(job.finished_at)
        self.assertEqual(job.percent, 100)

    def test_an_unexpected_error_fails_the_job_with_a_vietnamese_message(self):
        with self.assertLogs("htx.jobs", "ERROR") as logs:
            job = self.start(q.failing_task)
        self.assertEqual(job.status, Job.Status.FAILED)
        self.assertEqual(job.message, jobs.FAILED_UNEXPECTEDLY)
        self.assertNotIn("RuntimeError", job.message)
        self.assertIn("RuntimeError", "\n".join(logs.output))  # the traceback is logged

    def test_a_refusal_ends_the_job_with_its_own_message_and_no_traceback(self):
        job = self.start(q.refusing_task)
        self.assertEqual(job.status, Job.Status.FAILED)
        self.assertEqual(job.message, "Tệp không đọc được: thiếu cột “Mã số”.")

    def test_nothing_runs_when_the_transaction_rolls_back(self):
        from django.db import transaction

        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            with self.assertRaises(ZeroDivisionError), transaction.atomic():
                jobs.start(q.count_task, kind="test", title="Đếm", user=self.user, steps=1)
                raise ZeroDivisionError
        self.assertEqual(callbacks, [])
        self.assertFalse(Job.objects.exists())

    def test_a_job_whose_row_is_gone_runs_quietly(self):
        q.count_task.call(job_id=987654, steps=2)  # no exception, nothing written
        self.assertFalse(Job.objects.exists())


class JobBookkeepingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.owner = users.create_user("chu", password="x", is_staff=True)
        cls.other = users.create_user("khac", password="x", is_staff=True)
        cls.boss = users.create_superuser("quantri", password="x")

    def job(self, **fields) -> Job:
        values = {"kind": "import", "title": "Nhập tệp “so-lieu.xlsx”", "user": self.owner}
        return Job.objects.create(**{**values, **fields})

    def test_find_and_count_active_jobs(self):
        running = self.job(key="a", status=Job.Status.RUNNING)
        self.job(key="a", status=Job.Status.DONE)
        self.job(key="b", kind="pdf")
        self.assertEqual(jobs.find_active(kind="import", key="a"), running)
        self.assertIsNone(jobs.find_active(kind="import", key="b"))
        self.assertEqual(jobs.count_active(kind="import", user=self.owner), 1)
        self.assertEqual(jobs.count_active(kind="pdf", user=self.owner), 1)
        self.assertEqual(jobs.count_active(kind="import", user=self.other), 0)

    def test_only_the_owner_and_superusers_see_a_job(self):
        job = self.job()
        url = job.get_absolute_url()
        self.assertEqual(url, f"/cong-viec/{job.pk}/")
        self.client.force_login(self.other)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get(f"/cong-viec/{job.pk}.json").status_code, 404)
        self.assertEqual(self.client.get("/cong-viec/999999/").status_code, 404)
        for user in (self.owner, self.boss):
            self.client.force_login(user)
            self.assertEqual(self.client.get(url).status_code, 200)
        self.client.logout()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/quan-tri/login/", response["Location"])

    def test_a_running_job_shows_its_progress_and_reloads(self):
        job = self.job(status=Job.Status.RUNNING, done=1264, total=3000, step="Đang đọc tệp")
        self.client.force_login(self.owner)
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertIn('<noscript><meta http-equiv="refresh" content="2"></noscript>', page)
        self.assertIn('<script src="/static/js/job-progress.js" defer></script>', page)
        self.assertIn(f'data-job-json="/cong-viec/{job.pk}.json"', page)
        self.assertIn('<progress id="tien-do" max="100" value="42">', page)
        self.assertIn("1.264/3.000", page)
        self.assertIn("42%", page)
        self.assertIn("Đang đọc tệp", page)
        self.assertIn("Đang chạy", page)
        state = self.client.get(f"/cong-viec/{job.pk}.json").json()
        self.assertEqual(state["counted"], "1.264/3.000")
        self.assertEqual((state["percent"], state["status"]), (42, "running"))

    def test_a_job_queued_for_long_says_the_workers_may_be_down(self):
        job = self.job()
        self.client.force_login(self.owner)
        self.assertNotIn("run_workers", self.client.get(job.get_absolute_url()).content.decode())
        Job.objects.filter(pk=job.pk).update(
            created_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        self.assertIn("run_workers", self.client.get(job.get_absolute_url()).content.decode())
        self.assertIn("run_workers", self.client.get(f"/cong-viec/{job.pk}.json").json()["note"])

    def test_a_finished_job_shows_its_result_and_stops_reloading(self):
        job = self.job(
            status=Job.Status.DONE,
            message="Đã nhập 2.312 dòng: 2.312 tạo mới.",
            result_url="/quan-tri/cooperatives/importbatch/7/change/",
        )
        self.client.force_login(self.owner)
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertNotIn("http-equiv", page)
        self.assertIn("Đã nhập 2.312 dòng: 2.312 tạo mới.", page)
        self.assertIn('href="/quan-tri/cooperatives/importbatch/7/change/"', page)

    def test_a_failed_job_shows_its_reason_and_its_errors(self):
        job = self.job(
            status=Job.Status.FAILED,
            message="Tệp có 2 lỗi; không có dữ liệu nào được lưu.",
            details={"errors": ["Dòng 3, cột “Mã số”: bỏ trống.", "Dòng 9: trùng dòng 4."]},
            result_url="/quan-tri/cooperatives/importbatch/7/change/",
        )
        self.client.force_login(self.owner)
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertIn('class="errornote">Tệp có 2 lỗi', page)
        self.assertIn("<li>Dòng 3, cột “Mã số”: bỏ trống.</li>", page)
        self.assertNotIn("Xem kết quả", page)  # nothing came of it: only the way back
        self.assertIn('href="/quan-tri/cooperatives/importbatch/7/change/">Quay lại', page)
        self.assertIn("Thất bại", page)

    @override_settings(JOB_STALE_SECONDS=600)
    def test_running_jobs_silent_too_long_are_failed(self):
        now = timezone.now()
        stale = self.job(
            status=Job.Status.RUNNING, heartbeat_at=now - datetime.timedelta(seconds=601)
        )
        alive = self.job(
            status=Job.Status.RUNNING, heartbeat_at=now - datetime.timedelta(seconds=30)
        )
        queued = self.job(created_at=now - datetime.timedelta(days=1))
        self.assertEqual(jobs.fail_stale(now), 1)
        stale.refresh_from_db()
        self.assertEqual((stale.status, stale.message), (Job.Status.FAILED, jobs.WORKER_DIED))
        for job in (alive, queued):
            job.refresh_from_db()
            self.assertTrue(job.active)

    def test_the_admin_lists_jobs_read_only_in_vietnamese(self):
        self.job(status=Job.Status.RUNNING, done=5, total=10)
        self.job(user=self.other, title="Việc của người khác")
        self.client.force_login(self.boss)
        page = self.client.get("/quan-tri/core/job/").content.decode()
        self.assertIn("Công việc nền", page)
        self.assertIn("5/10 (50%)", page)
        self.assertIn("Việc của người khác", page)
        self.assertNotIn("/quan-tri/core/job/add/", page)
        self.assertEqual(self.client.get("/quan-tri/django_tasks_db/").status_code, 404)
