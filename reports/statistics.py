"""The public statistics page: province totals only, nothing about one organisation."""

import datetime

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from cooperatives.models import Area, Organization, period_end
from reports.compute import ReportRefused
from reports.narrative import sentences
from reports.services import current_report


def latest_half_year(area: Area, today: datetime.date) -> tuple[int, int] | None:
    """Return the latest first half-year that has ended and that ``area`` saw to its end."""
    for year in range(today.year, 1999, -1):
        end = period_end(year, 6)
        if end < today and area.exists_at(end):
            return year, 6
    return None


def public_statistics() -> dict | None:
    area = Area.objects.filter(code=settings.PROVINCE_CODE).first()
    if area is None:
        return None
    period = latest_half_year(area, timezone.localdate())
    if period is None:
        return None
    year, months = period
    try:
        report, _ = current_report(area, year, months)
    except ReportRefused:
        return None
    end = period_end(year, months)
    by_sector = list(
        Organization.objects.existing_at(end)
        .in_area_at(area, end)
        .filter(kind=Organization.Kind.HTX)
        .values_list("sector__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "sector__name")
    )
    return {
        "area": area,
        "year": year,
        "months": months,
        "end": end,
        "report": report,
        "values": {code: item["value"] for code, item in report["indicators"].items()},
        "narrative": sentences(report, area.level),
        "by_sector": by_sector,
        "by_area": [
            (
                child["area"]["name"],
                child["indicators"]["htx_total"]["value"],
                child["indicators"]["groups_total"]["value"],
                child["indicators"]["ocop_total"]["value"],
            )
            for child in report["children"]
        ],  # fmt: skip
    }
