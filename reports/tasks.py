"""Report work run by the background workers (core/jobs.py), on the queue ``pdf``.

The ``pdf`` queue has ``HTX_PDF_MAX_PARALLEL`` workers on each machine running
``manage.py run_workers``: no more reports are built at once than that, however many are
asked for. A PDF and the national report (seconds at national scale) are built there;
area reports are fast and stay in the request.
"""

from django.urls import reverse
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from cooperatives.models import Area
from core import jobs
from core.lib.periods import period_label
from reports import national, pdf_cache
from reports.compute import ReportRefused

QUEUE = "pdf"
PDF_KIND = "report_pdf"
NATIONAL_KIND = "national_report"
KINDS = (PDF_KIND, NATIONAL_KIND)


def _unit(area_id: int | None) -> Area | None:
    if area_id is None:
        return None
    area = Area.objects.filter(pk=area_id).first()
    if area is None:
        raise jobs.JobFailed("Địa bàn của báo cáo không còn trong sổ đăng ký.")
    return area


@task(queue_name=QUEUE)
def build_report_pdf(*, job_id: int, area_id: int | None, year: int, months: int) -> None:
    """Build and store the PDF of a report (reports/pdf_cache.py)."""
    with jobs.running(job_id) as job:
        area = _unit(area_id)
        try:
            pdf_cache.build(area, year, months, progress=job.progress)
        except ReportRefused as refusal:
            raise jobs.JobFailed(str(refusal)) from None
        code = "VN" if area is None else area.code
        job.finish(
            f"Tệp PDF báo cáo {period_label(year, months)} đã sẵn sàng.",
            result_url=reverse("reports:report_pdf", args=[code, year, months]),
        )


@task(queue_name=QUEUE)
def compute_national_report(*, job_id: int, year: int, months: int) -> None:
    """Compute and store the national report of a period (reports/national.py)."""
    with jobs.running(job_id) as job:
        if national.cached(year, months) is None:
            try:
                national.compute(year, months, progress=job.progress)
            except ReportRefused as refusal:
                raise jobs.JobFailed(str(refusal)) from None
        # The result is at the address that asked (the job's result_url).
        job.finish(f"Báo cáo toàn quốc {period_label(year, months)} đã tính xong.")


def in_background() -> bool:
    """Whether report work goes to the workers (``HTX_TASKS=database``); with the
    immediate backend (``HTX_TASKS=immediate``: tests, ``make run``) it is done in the
    request that asks for it."""
    return not isinstance(build_report_pdf.get_backend(), ImmediateBackend)
