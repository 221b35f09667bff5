"""Freezing reports: the numbers an official downloaded stay the numbers they get again."""

from django.db import IntegrityError, transaction

from cooperatives.models import Area
from core.lib.periods import period_end, period_label
from reports.compute import ReportRefused, build_report, htx_by_sector
from reports.models import FrozenReport


def current_report(area: Area, year: int, months: int) -> tuple[dict, FrozenReport | None]:
    """Return the report to show: the frozen numbers where there are some, else live ones."""
    frozen = FrozenReport.objects.filter(area=area, year=year, months=months).first()
    if frozen is not None:
        return frozen.data, frozen
    return build_report(area, year, months), None


def current_sectors(area: Area, year: int, months: int, frozen: FrozenReport | None) -> list:
    """HTX by sector for the report: kept with a frozen report, else counted now.

    A report frozen before the sectors were kept has none, rather than live numbers
    that would not match its frozen tables.
    """
    if frozen is not None:
        return frozen.sectors or []
    return htx_by_sector(area, period_end(year, months))


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
