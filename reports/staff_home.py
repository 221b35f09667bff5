"""The reports' block of the staff home (``core.staff_home``): the report of the period
being collected, frozen reports, and the public site."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.lib.periods import period_label
from core.staff_home import Block


def blocks(request) -> list[Block]:
    from cooperatives.staff_home import current_period

    links = []
    if request.user.has_perm("reports.view_report"):
        year, months = current_period(timezone.localdate())
        report = reverse("reports:report", args=[settings.PROVINCE_CODE, year, months])
        links.append((f"Lập báo cáo {period_label(year, months)} của tỉnh", report))
        links.append(("Chọn địa bàn và kỳ báo cáo", reverse("reports:index")))
    if request.user.has_perm("reports.view_frozenreport"):
        links.append(("Báo cáo đã chốt", reverse("admin:reports_frozenreport_changelist")))
    links.append(("Trang công khai của Liên minh", reverse("home")))
    return [Block(title="Báo cáo và trang công khai", count=None, links=links)]
