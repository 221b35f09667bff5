"""Heavy work in the background: jobs staff can watch (``core.models.Job``).

A job is a ``core.models.Job`` row (what the progress page shows) plus a django-tasks task
(what a worker runs). The pieces:

* ``start(task, kind=..., title=..., user=..., **kwargs)`` in a view: creates the Job and
  enqueues ``task(job_id=job.pk, **kwargs)``; the view then sends the person to
  ``job.get_absolute_url()``, the progress page.
* Inside the task, ``with running(job_id) as job: ... job.progress(done, total, step) ...
  job.finish(message, result_url)``.
* ``find_active`` and ``count_active`` let a view refuse duplicates and cap a person's
  jobs; ``fail_stale`` and ``fail_worker_jobs`` (``manage.py run_workers``) close the jobs
  of workers that died.

With ``HTX_TASKS=database`` the task row is written in the same transaction as the Job, so
a worker sees both or neither; with ``HTX_TASKS=immediate`` the task runs in the asking
process once that transaction commits.

**Progress inside a transaction.** An import writes its rows in one transaction; progress
written through the task's own connection would stay invisible until the commit. So while
the task is inside a transaction it did not start in (deeper than when ``running`` was
entered), progress goes through a second connection of its own (``_SideConnection``), which
commits at once and is seen by the web processes. It waits for no lock: on PostgreSQL a
``lock_timeout`` of a fraction of a second bounds it, on SQLite (one writer at a time: the
task's transaction holds the database's write lock) the attempt fails at once. Either way a
progress report that cannot be written is skipped; progress is advice, never a reason for
the job to fail. So on SQLite a job shows the progress it reported outside its write
transaction (an import's reading and checking) and then its result; on PostgreSQL it shows
every step. A process-local or Redis cache was not used: without Redis the cache is not
shared between the worker and the web processes.
"""

import contextlib
import datetime
import logging
import time
from collections.abc import Iterator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.utils import timezone

from core.models import Job

logger = logging.getLogger("htx.jobs")

FAILED_UNEXPECTEDLY = (
    "Công việc gặp lỗi ngoài dự kiến và đã dừng. Lỗi đã được ghi lại để quản trị viên "
    "kiểm tra; hãy thử lại sau."
)
WORKER_DIED = (
    "Công việc bị gián đoạn vì tiến trình xử lý nền đã dừng đột ngột, nên không hoàn thành. "
    "Hãy thực hiện lại."
)
NOT_QUEUED = "Không đưa được công việc vào hàng đợi xử lý nền. Hãy thử lại sau."
# Progress reports closer together than this are not written (a loop may report often).
PROGRESS_INTERVAL = 0.25


class JobFailed(Exception):
    """Raised inside ``running`` to end a job as failed with this Vietnamese message.

    An expected outcome (bad input, a refusal): no traceback is logged.
    """


def start(task, *, kind: str, title: str, user, key: str = "", result_url: str = "", **kwargs):
    """Create a Job and enqueue ``task`` with ``job_id=job.pk`` and ``kwargs`` (JSON values).

    Returns the Job (queued). The task runs once the surrounding transaction commits.
    """
    with transaction.atomic():
        job = Job.objects.create(
            kind=kind,
            title=title[:255],
            user=user if user is not None and user.pk else None,
            key=key[:200],
            result_url=result_url[:500],
        )
        backend = task.get_backend()
        if backend.supports_get_result:
            # A queue in the database: the task row commits (or not) with the Job.
            result = task.enqueue(job_id=job.pk, **kwargs)
            job.task_id = str(result.id)
            Job.objects.filter(pk=job.pk).update(task_id=job.task_id)
        else:
            transaction.on_commit(lambda: _enqueue_after_commit(task, job.pk, kwargs))
    return job


def _enqueue_after_commit(task, job_id: int, kwargs: dict) -> None:
    try:
        task.enqueue(job_id=job_id, **kwargs)
    except Exception:
        logger.exception("Job %s could not be enqueued", job_id)
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.FAILED, message=NOT_QUEUED, finished_at=timezone.now()
        )


def find_active(*, kind: str, key: str) -> Job | None:
    """A queued or running job of ``kind`` with ``key``, the oldest; None if there is none."""
    return Job.objects.filter(kind=kind, key=key, status__in=Job.ACTIVE).order_by("pk").first()


def count_active(*, kind: str, user) -> int:
    """How many of ``user``'s jobs of ``kind`` are queued or running."""
    if user is None or not user.pk:
        return 0
    return Job.objects.filter(kind=kind, user=user, status__in=Job.ACTIVE).count()


class _SideConnection:
    """A second connection to the default database, in autocommit, that never waits.

    Made from the default connection's own settings (so in tests it reaches the test
    database); not registered in ``django.db.connections``.
    """

    def __init__(self) -> None:
        main = connections[DEFAULT_DB_ALIAS]
        settings_dict = {**main.settings_dict, "OPTIONS": {**main.settings_dict["OPTIONS"]}}
        if main.vendor == "sqlite":
            settings_dict["OPTIONS"]["timeout"] = 0
        # Same alias: handlers of new connections (django.contrib.postgres's type look-up)
        # find the alias in ``connections``; they only read, and only once per alias.
        self.wrapper = main.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)
        self.ready = False

    def update(self, job_id: int, fields: dict) -> None:
        wrapper = self.wrapper
        ops = wrapper.ops
        columns, values = [], []
        for name, value in fields.items():
            field = Job._meta.get_field(name)
            columns.append(f"{ops.quote_name(field.column)} = %s")
            values.append(field.get_db_prep_value(value, wrapper, prepared=False))
        sql = (
            f"UPDATE {ops.quote_name(Job._meta.db_table)} SET {', '.join(columns)} "
            f"WHERE {ops.quote_name(Job._meta.pk.column)} = %s"
        )
        try:
            with wrapper.cursor() as cursor:
                if not self.ready and wrapper.vendor == "postgresql":
                    cursor.execute("SET lock_timeout = '200ms'")
                    cursor.execute("SET statement_timeout = '2s'")
                self.ready = True
                cursor.execute(sql, [*values, job_id])
        except Exception as error:  # progress is advice: never a reason to fail the job
            logger.info("Job %s: progress not written (%s)", job_id, type(error).__name__)

    def close(self) -> None:
        with contextlib.suppress(DatabaseError):
            self.wrapper.close()


class JobHandle:
    """What a task holds while it runs: ``progress``, ``finish`` and ``fail``."""

    def __init__(self, job: Job, depth: int) -> None:
        self.job = job
        self.job_id = job.pk
        self._depth = depth
        self._side: _SideConnection | None = None
        self._last = 0.0
        self._last_step = None
        self._total: int | None = None
        self.finished = False

    def _write(self, fields: dict) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        if len(connection.atomic_blocks) > self._depth:
            # Inside the task's own transaction: a connection that commits at once.
            if self._side is None:
                self._side = _SideConnection()
            self._side.update(self.job_id, fields)
        else:
            Job.objects.filter(pk=self.job_id).update(**fields)

    def progress(self, done: int, total: int | None = None, step: str = "") -> None:
        """Report ``done`` of ``total`` (None: unchanged) and the current step (Vietnamese)."""
        if total is not None:
            self._total = max(0, int(total))
        now = time.monotonic()
        step_changed = step and step != self._last_step
        final = bool(self._total) and done >= self._total
        if not (step_changed or final) and now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        fields = {"done": max(0, int(done)), "heartbeat_at": timezone.now()}
        if total is not None:
            fields["total"] = self._total
        if step:
            self._last_step = step
            fields["step"] = step[:255]
        self._write(fields)

    def finish(self, message: str = "", result_url: str = "", details: dict | None = None):
        """End the job as done, with a Vietnamese message and where its result is."""
        fields = {
            "status": Job.Status.DONE,
            "message": message,
            "finished_at": timezone.now(),
            "heartbeat_at": timezone.now(),
        }
        if self._total:  # all of it: the bar ends full whatever the last report said
            fields["done"] = fields["total"] = self._total
        if result_url:
            fields["result_url"] = result_url[:500]
        if details is not None:
            fields["details"] = details
        self._write(fields)
        self.finished = True

    def fail(self, message: str, details: dict | None = None) -> None:
        """End the job as failed with a Vietnamese message (and details to show)."""
        fields = {
            "status": Job.Status.FAILED,
            "message": message,
            "finished_at": timezone.now(),
            "heartbeat_at": timezone.now(),
        }
        if details is not None:
            fields["details"] = details
        self._write(fields)
        self.finished = True

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None


class _GoneHandle:
    """The handle of a job whose row is gone (or already ended): every report is dropped."""

    job = None
    finished = True

    def progress(self, done: int, total: int | None = None, step: str = "") -> None:
        pass

    def finish(self, message: str = "", result_url: str = "", details: dict | None = None):
        pass

    def fail(self, message: str, details: dict | None = None) -> None:
        pass


@contextlib.contextmanager
def running(job_id) -> Iterator[JobHandle]:
    """Run the body as job ``job_id``: marked running, then done, or failed on an exception.

    ``JobFailed("…")`` ends the job with that message and is not raised further. Any other
    exception is logged with its traceback, the job gets a general Vietnamese message (no
    traceback is ever shown), and the exception is raised again so the task queue records
    it too. A body that ends without ``finish`` or ``fail`` leaves the job done. When the
    job's row is gone, or the job was already ended (e.g. failed as stale), the body still
    runs but its reports are dropped.
    """
    job = Job.objects.filter(pk=job_id).first() if str(job_id).isdigit() else None
    if job is None or not job.active:
        logger.warning("Job %s is gone or already ended; its reports are dropped", job_id)
        yield _GoneHandle()
        return
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now
    )
    job.status, job.started_at, job.heartbeat_at = Job.Status.RUNNING, now, now
    handle = JobHandle(job, len(connections[DEFAULT_DB_ALIAS].atomic_blocks))
    try:
        yield handle
    except JobFailed as refusal:
        handle.fail(str(refusal))
    except BaseException as error:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        if isinstance(error, Exception):
            handle.fail(FAILED_UNEXPECTEDLY)
        else:  # the worker is being stopped (SystemExit, KeyboardInterrupt)
            handle.fail(WORKER_DIED)
        raise
    else:
        if not handle.finished:
            handle.finish()
    finally:
        handle.close()


def fail_stale(now=None) -> int:
    """Fail running jobs silent for ``JOB_STALE_SECONDS`` (their worker is dead); how many."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(seconds=settings.JOB_STALE_SECONDS)
    stale = Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=limit)
    return stale.update(status=Job.Status.FAILED, message=WORKER_DIED, finished_at=now)


def fail_worker_jobs(worker_id: str) -> int:
    """Fail the tasks a dead worker was running, and their jobs; how many jobs."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    task_ids = [
        str(pk)
        for pk, worker_ids in DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING
        ).values_list("id", "worker_ids")
        if worker_ids and worker_ids[-1] == worker_id
    ]
    if not task_ids:
        return 0
    DBTaskResult.objects.filter(id__in=task_ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="core.jobs.WorkerDied",
        traceback="The worker process died while running this task.",
    )
    return Job.objects.filter(task_id__in=task_ids, status__in=Job.ACTIVE).update(
        status=Job.Status.FAILED, message=WORKER_DIED, finished_at=now
    )
