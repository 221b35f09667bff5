"""Start and watch the background workers (django-tasks-db's ``db_worker``), one process each.

One worker for the "default" queue (imports, undo) and ``HTX_PDF_MAX_PARALLEL`` for "pdf",
so that a machine builds at most that many PDFs at once. A worker that exits on its own
(a crash, the kernel's OOM killer, ``kill -9``) has the task it was running marked failed,
with its job (core/jobs.py: ``fail_worker_jobs``), and is started again. At start-up and
then every ``--sweep`` seconds, running jobs silent for ``HTX_JOB_STALE_SECONDS`` are
marked failed (their worker died with its machine or its supervisor).

Every task named in ``settings.PERIODIC_TASKS`` (dotted path: minutes, 0 = never) is
enqueued at start-up and then every so many minutes: the apps' recurring work (the
cooperatives' reminder mails) needs no cron. Core names none of them itself.

SIGTERM or SIGINT stops every worker: each finishes the task it is running, for up to
``--grace`` seconds, then is stopped with the task marked failed. The workers run in their
own session (a Ctrl-C in the terminal reaches this supervisor, not them) and, on Linux, get
SIGTERM from the kernel if this supervisor dies without stopping them.
"""

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connections
from django.utils.module_loading import import_string

from core import jobs

logger = logging.getLogger("htx.jobs")
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


@dataclass
class Worker:
    queue: str
    number: int
    process: subprocess.Popen | None = None
    worker_id: str = ""
    started: float = 0.0
    restarts: int = 0
    quick_deaths: int = 0
    next_start: float = 0.0
    stopping: bool = field(default=False)


@dataclass
class Periodic:
    path: str
    task: object
    seconds: float
    next_run: float = 0.0  # time.monotonic(); 0: at once


def periodic_tasks() -> list[Periodic]:
    """The tasks of ``settings.PERIODIC_TASKS`` to enqueue (those with 0 minutes are off);
    a path that does not import stops the start, rather than never running."""
    found = []
    for path, minutes in getattr(settings, "PERIODIC_TASKS", {}).items():
        if minutes <= 0:
            continue
        try:
            found.append(Periodic(path, import_string(path), minutes * 60.0))
        except ImportError as error:
            raise CommandError(f"PERIODIC_TASKS: {path} cannot be imported ({error}).") from None
    return found


class Command(BaseCommand):
    help = "Starts the background workers (queues default and pdf) and restarts any that die."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pdf-workers",
            type=int,
            default=None,
            help="Workers for the pdf queue (default: HTX_PDF_MAX_PARALLEL).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds an idle worker waits before looking for a task again.",
        )
        parser.add_argument(
            "--grace", type=float, default=25.0, help="Seconds a stopping worker may finish."
        )
        parser.add_argument(
            "--sweep", type=float, default=60.0, help="Seconds between looks for stale jobs."
        )

    def handle(self, *args, **options):
        if settings.TASKS_MODE != "database":
            raise CommandError(
                "Workers need HTX_TASKS=database (now HTX_TASKS="
                f"{settings.TASKS_MODE}: jobs run inside the request that asks for them)."
            )
        pdf = options["pdf_workers"]
        pdf = settings.PDF_MAX_PARALLEL if pdf is None else pdf
        if pdf < 0:
            raise CommandError("--pdf-workers must be 0 or more.")
        self.interval = options["interval"]
        self.grace = options["grace"]
        self.workers = [Worker("default", 1)] + [Worker("pdf", n) for n in range(1, pdf + 1)]
        self.stop_requested = False
        self.periodic = periodic_tasks()
        signal.signal(signal.SIGTERM, self._request_stop)
        signal.signal(signal.SIGINT, self._request_stop)
        self._sweep()
        for worker in self.workers:
            self._start(worker)
        self.stdout.write(
            f"run_workers: {len(self.workers)} worker(s), queues default ×1, pdf ×{pdf}; "
            f"pid {os.getpid()}",
        )
        self.stdout.flush()
        next_sweep = time.monotonic() + options["sweep"]
        try:
            while not self.stop_requested:
                self._watch()
                self._run_periodic()
                if time.monotonic() >= next_sweep:
                    self._sweep()
                    next_sweep = time.monotonic() + options["sweep"]
                time.sleep(0.2)
        finally:
            self._stop_all()
        self.stdout.write("run_workers: stopped")

    def _request_stop(self, signum, frame):
        self.stop_requested = True

    def _command(self, worker: Worker) -> list[str]:
        manage = Path(settings.BASE_DIR) / "manage.py"
        return [
            sys.executable,
            str(manage),
            "db_worker",
            "--queue-name",
            worker.queue,
            "--worker-id",
            worker.worker_id,
            "--interval",
            str(self.interval),
            "--no-reload",
            "--no-startup-delay",
            "--verbosity",
            "1",
        ]

    def _start(self, worker: Worker) -> None:
        host = socket.gethostname()[:30]
        worker.worker_id = f"{host}-{os.getpid()}-{worker.queue}{worker.number}-{worker.restarts}"
        worker.process = subprocess.Popen(
            self._command(worker),
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        worker.started = time.monotonic()
        logger.info(
            "Worker %s started (pid %s, queue %s)",
            worker.worker_id,
            worker.process.pid,
            worker.queue,
        )

    def _watch(self) -> None:
        now = time.monotonic()
        for worker in self.workers:
            if worker.process is None:
                if now >= worker.next_start and not self.stop_requested:
                    self._start(worker)
                continue
            code = worker.process.poll()
            if code is None:
                continue
            logger.warning(
                "Worker %s (pid %s) exited with %s; restarting it",
                worker.worker_id,
                worker.process.pid,
                code,
            )
            self._fail_jobs_of(worker)
            # A worker that keeps dying at once (a broken database, say) is restarted
            # less and less often, up to once a minute.
            worker.quick_deaths = worker.quick_deaths + 1 if now - worker.started < 10 else 0
            delay = min(60.0, 0.5 * 2**worker.quick_deaths) if worker.quick_deaths else 0.0
            worker.process = None
            worker.restarts += 1
            worker.next_start = now + delay

    def _fail_jobs_of(self, worker: Worker) -> None:
        try:
            failed = jobs.fail_worker_jobs(worker.worker_id)
        except Exception:
            logger.exception("Could not mark the jobs of worker %s failed", worker.worker_id)
        else:
            if failed:
                logger.warning("%s job(s) of worker %s marked failed", failed, worker.worker_id)
        finally:
            connections.close_all()

    def _sweep(self) -> None:
        try:
            close_old_connections()
            stale = jobs.fail_stale()
        except Exception:
            logger.exception("Could not look for stale jobs")
        else:
            if stale:
                logger.warning("%s stale job(s) marked failed", stale)
        finally:
            connections.close_all()

    def _run_periodic(self) -> None:
        now = time.monotonic()
        for item in self.periodic:
            if now >= item.next_run:
                item.next_run = now + item.seconds
                self._enqueue(item)

    def _enqueue(self, item: Periodic) -> None:
        try:
            close_old_connections()
            item.task.enqueue()
        except Exception:
            logger.exception("Could not enqueue the periodic task %s", item.path)
        else:
            logger.info("Periodic task %s enqueued", item.path)
        finally:
            connections.close_all()

    def _stop_all(self) -> None:
        alive = [w for w in self.workers if w.process is not None and w.process.poll() is None]
        for worker in alive:
            worker.process.send_signal(signal.SIGTERM)  # finish the current task, then exit
        deadline = time.monotonic() + self.grace
        while time.monotonic() < deadline and any(w.process.poll() is None for w in alive):
            time.sleep(0.1)
        for worker in alive:
            if worker.process.poll() is None:
                # A second SIGTERM stops the task (its job is marked failed), then SIGKILL.
                worker.process.send_signal(signal.SIGTERM)
                try:
                    worker.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    worker.process.kill()
                    worker.process.wait()
                self._fail_jobs_of(worker)
