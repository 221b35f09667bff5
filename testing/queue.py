"""A real background queue for tests: ``manage.py run_workers`` on the test database.

    class MyTests(MigrationDataMixin, TransactionTestCase):   # or a LiveServerTestCase
        def test_it(self):
            with running_workers() as workers:
                job = jobs.start(my_task, kind=..., title=..., user=...)
                wait_for_job(job.pk)

Inside the block the test process (and a live server's thread) enqueues into the database
(``HTX_TASKS=database``), and a ``run_workers`` subprocess, with its own ``db_worker``
children, runs the tasks against the test database and the test's MEDIA_ROOT. The data a
task reads must be committed, hence transactional test cases. PostgreSQL only: on SQLite
the test database lives in the test process's memory, which no other process can open,
so the test is skipped.

The tasks below serve the queue's own tests (tests/test_jobs_queue.py).
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django_tasks import task

from core import jobs
from core.models import Job
from testing.scratch import url_for

ROOT = Path(__file__).resolve().parents[1]
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "pdf"]}
}


class Workers:
    """The running ``run_workers`` process; what it printed is in ``output()``."""

    def __init__(self, process: subprocess.Popen, log_path: Path) -> None:
        self.process = process
        self.log_path = log_path

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def worker_pids(self) -> list[int]:
        """The process ids of the ``db_worker`` children, as the kernel lists them."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def wait_for_workers(self, count: int, seconds: float = 30) -> list[int]:
        """Wait until ``count`` workers run and have loaded Django; return their pids."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"run_workers stopped:\n{self.output()}")
            pids = self.worker_pids()
            if len(pids) >= count and self.output().count("Starting worker") >= count:
                return pids
            time.sleep(0.1)
        raise AssertionError(f"{count} worker(s) not up in {seconds} s:\n{self.output()}")


def worker_environment(**extra: str) -> dict[str, str]:
    """The environment a worker process needs to reach this test's database and files."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        {
            "DJANGO_DEBUG": "1",
            "PYTHONUNBUFFERED": "1",
            "HTX_TASKS": "database",
            "DATABASE_URL": url_for(connection.settings_dict, connection.settings_dict["NAME"]),
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DJANGO_LOG_LEVEL": "INFO",
        }
    )
    env.update(extra)
    return env


@contextlib.contextmanager
def running_workers(*, pdf_workers: int = 1, **env: str):
    """Run ``manage.py run_workers`` on the test database for the block; stop it after.

    ``env`` adds environment variables for the workers (e.g. ``HTX_JOB_STALE_SECONDS``).
    """
    if connection.vendor != "postgresql":
        raise unittest.SkipTest(
            "a worker process cannot open the SQLite test database (it is in memory)"
        )
    log = tempfile.NamedTemporaryFile(prefix="htx-workers-", suffix=".log", delete=False)
    log_path = Path(log.name)
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_workers",
            "--pdf-workers",
            str(pdf_workers),
            "--interval",
            "0.2",
            "--sweep",
            "1",
            "--grace",
            "10",
        ],
        cwd=ROOT,
        env=worker_environment(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    workers = Workers(process, log_path)
    try:
        with override_settings(TASKS=DATABASE_TASKS, TASKS_MODE="database"):
            yield workers
    finally:
        stop_workers(workers)
        with contextlib.suppress(OSError):
            log_path.unlink()


def stop_workers(workers: Workers) -> None:
    """SIGTERM, as compose and ``make run`` stop it; SIGKILL if it does not end in time."""
    process = workers.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            for pid in workers.worker_pids():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            process.kill()
            process.wait()


def wait_for_job(job_id: int, *, seconds: float = 60, until=None) -> Job:
    """Poll the Job until it has ended (or ``until(job)`` holds); return it."""
    deadline = time.monotonic() + seconds
    while True:
        job = Job.objects.get(pk=job_id)
        if (until(job) if until is not None else not job.active) or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


# --- Tasks for the queue's own tests ---------------------------------------------------


@task()
def count_task(job_id: int, steps: int, pause: float = 0.0) -> None:
    """Counts to ``steps``, reporting each one, ``pause`` seconds apart."""
    with jobs.running(job_id) as job:
        for number in range(1, steps + 1):
            time.sleep(pause)
            job.progress(number, steps, f"Bước {number}")
        job.finish(f"Đã đếm xong {steps} bước.", result_url="/quan-tri/")


@task()
def failing_task(job_id: int) -> None:
    with jobs.running(job_id) as job:
        job.progress(1, 2, "Bước 1")
        raise RuntimeError("an unexpected failure")


@task()
def refusing_task(job_id: int) -> None:
    with jobs.running(job_id):
        raise jobs.JobFailed("Tệp không đọc được: thiếu cột “Mã số”.")


@task()
def transaction_task(job_id: int, flag: str) -> None:
    """Reports progress inside its own transaction, held open until ``flag`` exists."""
    with jobs.running(job_id) as job:
        with transaction.atomic():
            Job.objects.filter(pk=job_id).exists()  # the transaction has begun
            job.progress(7, 10, "Đang ghi")
            deadline = time.monotonic() + 30
            while not Path(flag).exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        job.finish("Xong.")


@task(queue_name="pdf")
def pdf_queue_task(job_id: int, pause: float) -> None:
    with jobs.running(job_id) as job:
        time.sleep(pause)
        job.finish("Xong.")
