"""The real queue: ``manage.py run_workers`` and its ``db_worker`` processes on PostgreSQL.

Jobs run in another process and report progress the web sees while they run, even from
inside their own transaction; a worker killed mid-job is restarted and its job marked
failed; SIGTERM stops every worker.
"""

import contextlib
import datetime
import os
import signal
import tempfile
import time
import unittest
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TransactionTestCase
from django.utils import timezone

from core import jobs
from core.models import Job
from testing import queue as q
from testing.transactional import MigrationDataMixin


class QueueTests(MigrationDataMixin, TransactionTestCase):
    """One pool of workers for the class (starting one costs seconds): a default worker
    and two pdf workers."""

    @classmethod
    def setUpClass(cls):
        if connection.vendor != "postgresql":
            raise unittest.SkipTest("the workers cannot open the SQLite test database")
        super().setUpClass()
        cls.pool = contextlib.ExitStack()
        cls.workers = cls.pool.enter_context(q.running_workers(pdf_workers=2))

    @classmethod
    def tearDownClass(cls):
        cls.pool.close()
        super().tearDownClass()

    def setUp(self):
        self.user = get_user_model().objects.create_user("canbo", password="x", is_staff=True)

    def start(self, task, **kwargs) -> Job:
        return jobs.start(task, kind="test", title="Thử", user=self.user, **kwargs)

    def test_jobs_run_in_the_workers_with_progress_seen_from_outside(self):
        workers = self.workers
        job = self.start(q.count_task, steps=20, pause=0.1)
        self.assertEqual(job.status, Job.Status.QUEUED)
        self.assertTrue(job.task_id)
        seen = q.wait_for_job(job.pk, until=lambda j: 0 < j.done < 20)
        self.assertEqual(seen.status, Job.Status.RUNNING, workers.output())
        self.client.force_login(self.user)
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertIn('http-equiv="refresh"', page)
        self.assertRegex(page, r"\d+/20")
        done = q.wait_for_job(job.pk)
        self.assertEqual(done.status, Job.Status.DONE, workers.output())
        self.assertEqual(done.message, "Đã đếm xong 20 bước.")
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertNotIn('http-equiv="refresh"', page)
        self.assertIn("Đã đếm xong 20 bước.", page)

        # Progress written inside the task's own open transaction shows at once.
        flag = Path(tempfile.mkdtemp()) / "commit"
        job = self.start(q.transaction_task, flag=str(flag))
        seen = q.wait_for_job(job.pk, seconds=20, until=lambda j: j.done == 7)
        self.assertEqual((seen.done, seen.step), (7, "Đang ghi"), workers.output())
        self.assertEqual(seen.status, Job.Status.RUNNING)
        flag.touch()
        self.assertEqual(q.wait_for_job(job.pk).status, Job.Status.DONE)

        # A failure ends the job with the Vietnamese message, not the traceback.
        job = self.start(q.failing_task)
        failed = q.wait_for_job(job.pk)
        self.assertEqual(failed.status, Job.Status.FAILED)
        self.assertEqual(failed.message, jobs.FAILED_UNEXPECTEDLY)
        page = self.client.get(job.get_absolute_url()).content.decode()
        self.assertIn(jobs.FAILED_UNEXPECTEDLY, page)
        self.assertNotIn("Traceback", page)
        self.assertNotIn("RuntimeError", page)

    def test_pdf_jobs_run_at_most_as_many_at_once_as_there_are_pdf_workers(self):
        workers = self.workers
        workers.wait_for_workers(3)
        queued = [self.start(q.pdf_queue_task, pause=1.0) for _ in range(4)]
        most = 0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            states = list(Job.objects.filter(pk__in=[j.pk for j in queued]).values_list(
                "status", flat=True
            ))  # fmt: skip
            most = max(most, states.count(Job.Status.RUNNING))
            if all(s == Job.Status.DONE for s in states):
                break
            time.sleep(0.05)
        self.assertEqual(states, [Job.Status.DONE] * 4, workers.output())
        self.assertEqual(most, 2)

    def test_a_killed_worker_fails_its_job_and_is_restarted(self):
        workers = self.workers
        workers.wait_for_workers(3)
        job = self.start(q.count_task, steps=100, pause=0.1)
        q.wait_for_job(job.pk, until=lambda j: j.done > 0)
        pid = _pid_of(job)
        os.kill(pid, signal.SIGKILL)
        failed = q.wait_for_job(job.pk, seconds=15)
        self.assertEqual(failed.status, Job.Status.FAILED, workers.output())
        self.assertEqual(failed.message, jobs.WORKER_DIED)
        # A new worker took its place and runs the next job.
        deadline = time.monotonic() + 30
        while len(workers.worker_pids()) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertNotIn(pid, workers.worker_pids())
        self.assertEqual(len(workers.worker_pids()), 3)
        job = self.start(q.count_task, steps=2)
        self.assertEqual(q.wait_for_job(job.pk).status, Job.Status.DONE, workers.output())


class SupervisorTests(MigrationDataMixin, TransactionTestCase):
    def test_stale_jobs_fail_at_start_up_and_sigterm_stops_every_worker(self):
        user = get_user_model().objects.create_user("canbo", password="x", is_staff=True)
        hour_ago = timezone.now() - datetime.timedelta(hours=1)
        stale = Job.objects.create(
            kind="test", title="Mồ côi", user=user, status=Job.Status.RUNNING
        )
        Job.objects.filter(pk=stale.pk).update(heartbeat_at=hour_ago)
        with q.running_workers(pdf_workers=2, HTX_JOB_STALE_SECONDS="600") as workers:
            pids = workers.wait_for_workers(3)
            stale.refresh_from_db()
            self.assertEqual((stale.status, stale.message), (Job.Status.FAILED, jobs.WORKER_DIED))
            q.stop_workers(workers)
            self.assertEqual(workers.process.returncode, 0, workers.output())
            self.assertIn("run_workers: stopped", workers.output())
            for pid in pids:
                self.assertFalse(Path(f"/proc/{pid}").exists() and _alive(pid), pid)


def _pid_of(job: Job) -> int:
    """The process id of the worker running ``job``, from the worker id run_workers gave it
    (host-supervisor-queue-restarts) and the command lines of its children."""
    from django_tasks_db.models import DBTaskResult

    worker_id = DBTaskResult.objects.get(pk=job.task_id).worker_ids[-1]
    for pid in Path("/proc").iterdir():
        try:
            command = (pid / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if worker_id.encode() in command:
            return int(pid.name)
    raise AssertionError(f"no process runs worker {worker_id}")


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, already dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
