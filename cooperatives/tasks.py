"""Background jobs of the registry (core/jobs.py): large imports, checked and written, and
the undo of any import.

The admin (cooperatives/admin/spreadsheets.py) starts them; a worker runs them. The upload
waits in the storage (``spreadsheets.pending``) under its token, so the worker, on this
machine or another, reads it there.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from cooperatives.models import ImportBatch
from cooperatives.spreadsheets import pending
from cooperatives.spreadsheets.engine import PREVIEW, ImportResult, import_file
from cooperatives.spreadsheets.kinds import KINDS
from cooperatives.spreadsheets.undo import UndoRefused, undo_batch
from core import jobs
from core.lib.formatting import vn_number
from core.spreadsheets.tables import estimate_rows

PREVIEW_KIND = "import-preview"
IMPORT_KIND = "import"
UNDO_KIND = "undo"
# The preview lists this many rows of each outcome, as the page shown in the request does.
PREVIEW_ROWS = PREVIEW  # as many rows as the import names
# Errors kept for the result page; a file with more says how many were left out.
MAX_ERRORS = 2000
GONE = "Tệp chờ nhập đã hết hạn hoặc đã được dùng; hãy tải tệp lên lại."
READING = "Đang đọc và kiểm tra các dòng"


def _user(user_id):
    if user_id is None:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def _error_lines(result: ImportResult) -> list[str]:
    lines = [str(error) for error in result.errors[:MAX_ERRORS]]
    if len(result.errors) > MAX_ERRORS:
        lines.append(f"… và {vn_number(len(result.errors) - MAX_ERRORS)} lỗi khác.")
    return lines


def preview_details(result: ImportResult, kind_name: str) -> dict:
    """What the import page needs to show a preview made by a job (JSON values)."""
    return {
        "kind": kind_name,
        "file_name": result.file_name,
        "ok": result.ok,
        "summary": result.summary(),
        "rows": result.rows,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "errors": _error_lines(result),
        "created_rows": [list(row) for row in result.created_rows[:PREVIEW_ROWS]],
        "updated_rows": [
            [number, label, [list(change) for change in changes]]
            for number, label, changes in result.updated_rows[:PREVIEW_ROWS]
        ],
        "more_created": max(0, result.created - PREVIEW_ROWS),
        "more_updated": max(0, result.updated - PREVIEW_ROWS),
        "restored": [list(item) for item in result.restored[:PREVIEW_ROWS]],
        "more_restored": max(0, len(result.restored) - PREVIEW_ROWS),
        "restored_count": len(result.restored),
        "skipped_rows": [list(item) for item in result.skipped_rows[:PREVIEW_ROWS]],
        "skipped_count": len(result.skipped_rows),
        "ignored_columns": list(result.ignored_columns),
        "warnings": list(result.warnings),
    }


def _reporters(job, expected: int):
    def read(done: int, seconds: float) -> None:
        job.progress(done, max(expected, done), READING)

    def step(text: str, done: int, total: int | None) -> None:
        # A step without a measure shows as such (a bar without a value), not as 100 %.
        job.progress(done if total is not None else 0, total or 0, text)

    return read, step


@task()
def preview_import(
    *, job_id: int, sheet_kind: str, token: str, file_name: str, user_id, page_url: str
) -> None:
    """Check an uploaded file as the confirmation would import it (a dry run).

    The job ends done with the verdict; its result address is the import page showing it
    (``page_url?cong_viec=<job>``), where the uploader confirms. A file with nothing to
    import is removed from the storage.
    """
    with jobs.running(job_id) as job:
        result = _import_with_progress(
            job, pending.peek(token), sheet_kind, file_name, user_id, dry_run=True
        )
        details = preview_details(result, sheet_kind)
        if not (result.ok and (result.created or result.updated)):
            pending.discard(token)
        job.finish(result.summary(), result_url=f"{page_url}?cong_viec={job_id}", details=details)


def _import_with_progress(job, data, sheet_kind, file_name, user_id, *, dry_run):
    """Run ``import_file`` on a kept upload, reporting rows read and steps on ``job``."""
    if data is None:
        raise jobs.JobFailed(GONE)
    expected = estimate_rows(data, file_name)
    job.progress(0, expected or None, READING)
    read, step = _reporters(job, expected)
    return import_file(
        kind=KINDS[sheet_kind],
        data=data,
        file_name=file_name,
        user=_user(user_id),
        dry_run=dry_run,
        progress=read,
        progress_every=250,
        on_step=step,
    )


@task()
def run_import(*, job_id: int, sheet_kind: str, token: str, file_name: str, user_id) -> None:
    """Import a confirmed upload whole, or nothing; end with the batch page, or the errors."""
    with jobs.running(job_id) as job:
        result = _import_with_progress(
            job, pending.take(token), sheet_kind, file_name, user_id, dry_run=False
        )
        if not result.ok:
            # The data changed between preview and confirmation: the new verdict.
            job.fail(result.summary(), details={"errors": _error_lines(result)})
            return
        url = ""
        if result.batch is not None:
            url = reverse("admin:cooperatives_importbatch_change", args=[result.batch.pk])
        job.finish(result.summary(), result_url=url)


def undo_message(batch: ImportBatch, done: dict) -> str:
    return (
        f"Đã hoàn tác lần nhập #{batch.pk}: xóa {vn_number(done['deleted'])} bản ghi "
        f"tạo mới, khôi phục {vn_number(done['restored'])} bản ghi đã cập nhật."
    )


@task()
def undo_import(*, job_id: int, batch_id: int, user_id) -> None:
    """Undo an import batch; end with its page."""
    with jobs.running(job_id) as job:
        batch = ImportBatch.objects.filter(pk=batch_id).first()
        if batch is None:
            raise jobs.JobFailed(f"Không còn lần nhập #{batch_id}.")
        job.progress(0, batch.created + batch.updated, "Đang hoàn tác")

        def progress(done: int, total: int) -> None:
            job.progress(done, total, "Đang hoàn tác")

        try:
            done = undo_batch(batch=batch, user=_user(user_id), progress=progress)
        except UndoRefused as refusal:
            raise jobs.JobFailed(str(refusal)) from None
        job.finish(
            undo_message(batch, done),
            result_url=reverse("admin:cooperatives_importbatch_change", args=[batch.pk]),
        )


# --- mail to cooperatives (cooperatives/mailing.py) ---------------------------------------
@task()
def send_outbox() -> dict:
    """Send the outbox's due mails: enqueued when an invitation or a reminder is written,
    so that it goes at once and the person who sent it does not wait on the mail server."""
    from cooperatives import mailing

    sent, failed = mailing.send_pending()
    return {"sent": sent, "failed": failed}


@task()
def send_reminders() -> dict:
    """Queue the collections' notices due today, then send the outbox (its retries too);
    run_workers enqueues it every HTX_REMINDER_INTERVAL_MINUTES (settings.PERIODIC_TASKS)."""
    from cooperatives import mailing

    queued = mailing.queue_due()
    sent, failed = mailing.send_pending()
    return {"queued": queued, "sent": sent, "failed": failed}
