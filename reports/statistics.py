"""The public statistics page: province totals only, nothing about one organisation."""

import datetime

from django.conf import settings
from django.utils import timezone

from cooperatives.models import Area, period_end
from reports.compute import ReportRefused
from reports.narrative import sentences
from reports.services import current_report, current_sectors


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
        report, frozen = current_report(area, year, months)
    except ReportRefused:
        return None
    end = period_end(year, months)
    by_sector = [tuple(item) for item in current_sectors(area, year, months, frozen)]
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
