"""Reports as they are shown: frozen numbers stay the numbers an official downloaded; live
ones are computed once per data version."""

from django.contrib.admin.models import DELETION, LogEntry
from django.core.cache import cache
from django.db import IntegrityError, transaction

from cooperatives.models import Area
from core.lib.periods import period_end, period_label
from reports import national
from reports.compute import ReportRefused, build_report, htx_by_sector
from reports.models import FrozenReport


def frozen_report(area: Area | None, year: int, months: int) -> FrozenReport | None:
    """The frozen report of ``area`` for the period, if any (the country has none)."""
    if area is None:
        return None
    return FrozenReport.objects.filter(area=area, year=year, months=months).first()


# A unit's live report and HTX by sector are kept in the cache per data version: a
# province's takes 0.2–0.4 s at national scale (docs/performance.md), and the page, its
# JSON, workbook and PDF, and every official opening it, ask for the same numbers.
LIVE_SECONDS = 3600


def _per_data_version(kind: str, area: Area, year: int, months: int, compute):
    key = f"bao-cao:{kind}:{area.pk}:{year}:{months}:{national.data_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, LIVE_SECONDS)
    return value


def live_report(area: Area, year: int, months: int) -> dict:
    """``build_report`` of a unit, computed once per data version."""
    return _per_data_version(
        "so-lieu", area, year, months, lambda: build_report(area, year, months)
    )


def current_report(area: Area | None, year: int, months: int) -> tuple[dict, FrozenReport | None]:
    """Return the report to show: the frozen numbers where there are some, else live ones.

    ``area`` None is the whole country: computed once per data version and stored
    (reports/national.py).
    """
    if area is None:
        return national.entry(year, months)["report"], None
    frozen = frozen_report(area, year, months)
    if frozen is not None:
        return frozen.data, frozen
    return live_report(area, year, months), None


def current_sectors(area: Area | None, year: int, months: int, frozen: FrozenReport | None) -> list:
    """HTX by sector for the report: kept with a frozen report, else counted now.

    A report frozen before the sectors were kept has none, rather than live numbers
    that would not match its frozen tables. The country's are stored with its report.
    """
    if frozen is not None:
        return frozen.sectors or []
    if area is None:
        return national.entry(year, months)["sectors"]
    return _per_data_version(
        "linh-vuc", area, year, months, lambda: htx_by_sector(area, period_end(year, months))
    )


@transaction.atomic
def freeze_report(*, area: Area, year: int, months: int, user) -> FrozenReport:
    """Compute the report now and keep its numbers; refuse a second freeze of the same one."""
    report = build_report(area, year, months)
    try:
        with transaction.atomic():
            return FrozenReport.objects.create(
                area=area,
                year=year,
                months=months,
                data=report,
                sectors=htx_by_sector(area, period_end(year, months)),
                frozen_by=user,
            )
    except IntegrityError:
        raise ReportRefused(
            f"Báo cáo {area.name}, {period_label(year, months)} đã được chốt trước đó."
        ) from None


UNFREEZE_MESSAGE = "Mở chốt báo cáo"


@transaction.atomic
def unfreeze_report(*, area: Area, year: int, months: int, user) -> None:
    """Reopen the frozen report of ``area`` for the period: it is a draft again.

    The frozen numbers are dropped; the admin's action log keeps who reopened it (a
    deletion of the frozen report, "Mở chốt báo cáo"). Refused when it is not frozen.
    """
    # Keyed on the unit, not its code: the unit the code names at the period's end.
    frozen = (
        FrozenReport.objects.select_for_update().filter(area=area, year=year, months=months).first()
    )
    if frozen is None:
        raise ReportRefused("Báo cáo này chưa được chốt.")
    LogEntry.objects.log_actions(
        user.pk, [frozen], DELETION, change_message=UNFREEZE_MESSAGE, single_object=True
    )
    frozen.delete()
