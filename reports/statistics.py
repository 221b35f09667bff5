"""The public statistics page: province totals only, nothing about one organisation."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from cooperatives.models import Area, AreaMap, Figures, Organization
from core import freshness
from core.lib.periods import period_end, period_label
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


def current_province(today: datetime.date) -> Area | None:
    """The province the portal serves: the unit with ``settings.PROVINCE_CODE`` today.

    Where no unit has the code today (a province the 2025 reform merged into another),
    the last unit that had it is followed to the one unit that took it over, if there is
    exactly one: the alliance of old Nam Định serves the new Ninh Bình.
    """
    code = settings.PROVINCE_CODE
    area = Area.objects.with_code_on(code, today)
    if area is not None:
        return area
    last = Area.objects.filter(code=code, valid_to__lt=today).order_by("-valid_to").first()
    if last is None:
        return None
    successor = AreaMap.current().resolve(last.pk, today)
    return None if successor is None else Area.objects.get(pk=successor)


def latest_period_with_figures(
    area: Area, today: datetime.date, *, ended: bool = False
) -> tuple[int, int] | None:
    """The latest (year, months) for which some organisation in ``area`` today has figures
    and whose end ``area`` saw (so that its report can be made); else the last half-year.

    ``ended``: only periods that have ended by ``today`` (for the public page, which
    should not show a period still under way).
    """
    organizations = Organization.objects.in_area_at(area, today).values("pk")
    figures = Figures.objects.filter(organization__in=organizations).order_by("-year", "-months")
    # The newest period first, one at a time: the database walks its newest-first index
    # and stops at the first row of the area's organisations (a few ms at national
    # scale, where a DISTINCT over the area's figures took a second). A rejected period
    # asks for the next older one.
    while (newest := figures.values_list("year", "months").first()) is not None:
        year, months = newest
        end = period_end(year, months)
        if area.exists_at(end) and not (ended and end > today):
            return year, months
        figures = figures.filter(Q(year__lt=year) | Q(year=year, months__lt=months))
    return latest_half_year(area, today)


MISSING = object()  # a cached None (no statistics) is an answer, not a miss


def public_statistics() -> dict | None:
    """The province's latest public statistics (home page, /thong-ke/), computed once per
    day and data version and shared by every process through the cache: a province
    report at national scale takes some 150-250 ms, and signed-in people, who never get
    a cached page, would pay it on every home page."""
    today = timezone.localdate()
    key = (
        f"public-statistics:{settings.PROVINCE_CODE}:{today}:"
        f"{freshness.version('registry')}.{freshness.version('figures')}"
    )
    stats = cache.get(key, MISSING)
    if stats is MISSING:
        stats = _public_statistics(today)
        cache.set(key, stats, 3600)
    return stats


def _public_statistics(today: datetime.date) -> dict | None:
    area = current_province(today)
    if area is None:
        return None
    # The latest period with figures, as the report picker opens on: a half-year with
    # nothing filed yet would show the public only "chưa có số liệu".
    period = latest_period_with_figures(area, today, ended=True)
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
        "period": period_label(year, months),
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
