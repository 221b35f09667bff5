"""Reports that are not ready yet: started as background jobs, and the pages said meanwhile.

A PDF not yet stored, or a national report not yet computed for the current data, is
built by a worker (reports/tasks.py). The address asked for answers at once:

- 202 with a progress page (JSON for ``.json``) that asks the same address again every
  few seconds with ``?cho=1``; once the report is there, that answer is the report (the
  page, the JSON) or, for a file, a page with its download link;
- 429 when the person already has ``HTX_PDF_PER_USER`` reports queued or running, with
  links to them;
- a job failed: its Vietnamese message, with a link to try again.

One job per report and data version, whoever asks (``key``); PostgreSQL advisory locks
make "find the job, else count the person's jobs and start one" atomic, so 20 requests
at once for one PDF make one job.
"""

import hashlib

from django.conf import settings
from django.db import connection, transaction
from django.http import JsonResponse
from django.shortcuts import render

from core import jobs
from core.models import Job

WAITING = "cho"  # the query parameter of the progress page's own refresh
REFRESH_SECONDS = 2


def is_waiting(request) -> bool:
    return request.GET.get(WAITING) == "1"


def _lock(name: str) -> None:
    """Hold a transaction-level lock named ``name`` (PostgreSQL; SQLite writes one at a
    time anyway)."""
    if connection.vendor != "postgresql":
        return
    number = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


def _own_active(user, kinds) -> list[Job]:
    return list(Job.objects.filter(user=user, kind__in=kinds, status__in=Job.ACTIVE).order_by("pk"))


def ahead_of(job: Job, kinds) -> int:
    """How many report jobs were queued before ``job`` and are still waiting."""
    return Job.objects.filter(kind__in=kinds, status=Job.Status.QUEUED, pk__lt=job.pk).count()


def find_or_start(request, task, *, kind: str, kinds, key: str, title: str, **kwargs):
    """The active job building ``key``, or a new one; a list of the person's active jobs
    instead when they are at their limit."""
    with transaction.atomic():
        _lock(f"report-job:{kind}:{key}")
        job = jobs.find_active(kind=kind, key=key)
        if job is not None:
            return job, []
        _lock(f"report-jobs-of:{request.user.pk}")
        mine = _own_active(request.user, kinds)
        if len(mine) >= settings.PDF_PER_USER:
            return None, mine
        job = jobs.start(
            task, kind=kind, title=title, user=request.user, key=key,
            result_url=request.path, **kwargs,
        )  # fmt: skip
        return job, []


def latest(kind: str, key: str) -> Job | None:
    return Job.objects.filter(kind=kind, key=key).order_by("-pk").first()


def _state(job: Job) -> dict:
    percent = job.percent
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "percent": percent,
        "step": job.step,
    }


def progress(request, job: Job, *, heading: str, subject: str, kinds, as_json=False):
    """202: the job is queued or running; the answer asks again in a few seconds."""
    ahead = ahead_of(job, kinds) if job.status == Job.Status.QUEUED else 0
    again = f"{request.path}?{WAITING}=1"
    if as_json:
        response = JsonResponse(
            {
                "job": request.build_absolute_uri(again),
                **_state(job),
                "ahead": ahead,
                "message": f"{heading}: {subject}. Hãy hỏi lại địa chỉ trong “job” sau "
                f"{REFRESH_SECONDS} giây.",
            },
            status=202,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        context = {
            "heading": heading,
            "subject": subject,
            "job": job,
            "state": _state(job),
            "ahead": ahead,
            "again": again,
            "refresh": REFRESH_SECONDS,
        }
        response = render(request, "reports/waiting.html", context, status=202)
    response["Retry-After"] = str(REFRESH_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def too_many(request, mine: list[Job], *, as_json=False):
    """429: the person's own report jobs are at the limit; links to them."""
    limit = settings.PDF_PER_USER
    message = (
        f"Bạn đang có {len(mine)} báo cáo đang chờ hoặc đang được dựng; mỗi người được dựng "
        f"cùng lúc tối đa {limit} báo cáo. Hãy chờ các báo cáo đó xong rồi thử lại."
    )
    if as_json:
        response = JsonResponse(
            {
                "error": message,
                "jobs": [
                    {"title": job.title, "url": request.build_absolute_uri(
                        f"{job.result_url}?{WAITING}=1"), **_state(job)}
                    for job in mine
                ],
            },
            status=429,
            json_dumps_params={"ensure_ascii": False},
        )  # fmt: skip
    else:
        context = {"message": message, "jobs": mine, "waiting": WAITING}
        response = render(request, "reports/too_many.html", context, status=429)
    response["Retry-After"] = str(REFRESH_SECONDS * 3)
    response["Cache-Control"] = "no-store"
    return response


def failed(request, job: Job, *, heading: str, subject: str, as_json=False):
    """A job that ended without its report: its message, and a way to try again."""
    if as_json:
        response = JsonResponse(
            {"error": job.message or jobs.FAILED_UNEXPECTEDLY, "job_status": job.status},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        context = {"heading": heading, "subject": subject, "job": job, "again": request.path}
        response = render(request, "reports/waiting_failed.html", context, status=503)
    response["Cache-Control"] = "no-store"
    return response


def ready(request, *, subject: str, download: str, label: str):
    """The file asked for is ready: a page with its download link (the progress page's
    last refresh; the file itself is at ``download``)."""
    context = {"subject": subject, "download": download, "label": label}
    response = render(request, "reports/waiting_ready.html", context)
    response["Cache-Control"] = "no-store"
    return response
