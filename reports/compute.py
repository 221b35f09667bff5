"""Computing every indicator of docs/interfaces.md §2.2 for an area and its child areas.

One pass per period reads the organisations, figures, OCOP products and loans that can
matter with a fixed number of queries, then sorts each row into the area and the child
area it counts in, in Python. The number of queries does not depend on the number of
child areas or organisations.

The counting is in ``reports.counting``, on the periods and placements of
``reports.placement``; this module shapes the sums into the report and keeps the entry
points (``build_report``, ``report_end``, ``htx_by_sector``).
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connections
from django.db.models import Count

from cooperatives.models import (
    Area,
    AreaMap,
    Organization,
    existing_q,
    recorded_area_at,
)
from core.lib.periods import period_end
from reports import placement
from reports.counting import CEASED, HTX, compute_periods
from reports.indicators import INDICATORS
from reports.models import Target
from reports.placement import (
    TOTAL,
    Period,
    PlaceClass,
    Placement,
    Sums,
    _place_classes,
    _restrict,
)

__all__ = [
    "CEASED",
    "FIGURE_BASED",
    "HTX",
    "TOTAL",
    "Period",
    "Placement",
    "ReportRefused",
    "Sums",
    "build_report",
    "compute_periods",
    "htx_by_sector",
    "report_end",
]


class ReportRefused(ValueError):
    """A report that cannot be made, with a Vietnamese sentence saying why."""


def _share(part, whole):
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def _mean(total, count):
    return None if not count else Decimal(total) / count


# Indicators computed from the organisations' figures (§2.2 "reporting"): null, not 0,
# where no organisation in the area has figures for the period. ``htx_reporting`` and
# ``reporting_rate`` are not among them: they count who filed, and "0 HTX, 0%" is what
# the officials need to read when nobody did.
FIGURE_BASED = frozenset({
    "members_total", "workers_total", "avg_revenue", "avg_profit", "avg_income",
    "tax_payers", "tax_paid_total", "social_insurance_htx", "social_insurance_workers",
    "rated_total", "rating_good", "rating_fair", "rating_average", "rating_weak",
    "good_fair_share", "ntm_13_1", "managers_total", "managers_university",
    "managers_college", "managers_trained", "groups_avg_revenue", "groups_avg_profit",
})  # fmt: skip


def _values(s: Sums) -> dict[str, object]:
    c, m = s.counts, s.sums
    values = {
        "htx_total": c["htx_total"],
        "htx_agri": c["htx_agri"],
        "htx_non_agri": c["htx_total"] - c["htx_agri"],
        "unions_total": c["unions_total"],
        "credit_funds_total": c["credit_funds_total"],
        "groups_total": c["groups_total"],
        "htx_new": c["htx_new"],
        "htx_ceased": c["htx_ceased"],
        "htx_new_model": c["htx_new_model"],
        "alliance_members": c["alliance_members"],
        "alliance_member_share": _share(c["alliance_members"], c["htx_total"]),
        "with_tax_code": c["with_tax_code"],
        "htx_reporting": c["htx_reporting"],
        "reporting_rate": _share(c["htx_reporting"], c["htx_total"]),
        "members_total": c["members_total"],
        "workers_total": c["workers_total"],
        "avg_revenue": _mean(m["revenue"], c["revenue_n"]),
        "avg_profit": _mean(m["profit"], c["profit_n"]),
        "avg_income": _mean(m["income_x_workers"], c["income_workers"]),
        "tax_payers": c["tax_payers"],
        "tax_paid_total": m["tax_paid_total"],
        "social_insurance_htx": c["social_insurance_htx"],
        "social_insurance_workers": c["social_insurance_workers"],
        "rated_total": c["rated_total"],
        "rating_good": c["rating_good"],
        "rating_fair": c["rating_fair"],
        "rating_average": c["rating_average"],
        "rating_weak": c["rating_weak"],
        "good_fair_share": _share(c["rating_good"] + c["rating_fair"], c["rated_total"]),
        "ntm_13_1": c["ntm_13_1"],
        "managers_total": c["managers_total"],
        "managers_university": c["managers_university"],
        "managers_college": c["managers_college"],
        "managers_trained": c["managers_trained"],
        "groups_avg_revenue": _mean(m["group_revenue"], c["group_revenue_n"]),
        "groups_avg_profit": _mean(m["group_profit"], c["group_profit_n"]),
        "ocop_total": c["ocop_total"],
        "ocop_3_star": c["ocop_3_star"],
        "ocop_4_star": c["ocop_4_star"],
        "ocop_5_star": c["ocop_5_star"],
        "ocop_new": c["ocop_new"],
        "loans_disbursed_count": c["loans_disbursed_count"],
        "loans_disbursed_amount": m["loans_disbursed_amount"],
        "loans_outstanding": m["loans_outstanding"],
    }
    if not c["figures_filed"]:
        values.update(dict.fromkeys(FIGURE_BASED))
    return values


def _results(period: Period, children: list[Area]) -> dict:
    return {bucket: _values(s) for bucket, s in period.sums.items()} | {
        bucket: _values(Sums())
        for bucket in [TOTAL, *[c.pk for c in children]]
        if bucket not in period.sums
    }


def htx_by_sector(area: Area | None, day: datetime.date) -> list[list]:
    """HTX existing at ``day`` and counting in ``area`` (None: anywhere), by sector.

    ``[[sector name, count], ...]``, largest first; the same placement rules as the
    report's indicators, in one grouped query.
    """
    place = Placement(AreaMap.current(), area, [], day)
    organizations = _restrict(
        Organization.objects.filter(existing_q(day), kind=HTX), "pk", [place], by_index=True
    )
    location, counts_in = recorded_area_at(day, "pk"), place.of
    if placement.PLACES_IN_SQL and connections[organizations.db].vendor == "postgresql":
        # Grouped by where the location counts, as the report's queries are: a handful of
        # groups per sector instead of one per recorded area.
        codes, classes = _place_classes([place])
        location = PlaceClass(location, codes)
        decoded = {code: buckets for code, (buckets,) in enumerate(classes)}
        counts_in = lambda code: decoded.get(code, ())  # noqa: E731 (-1: nowhere)
    rows = (
        organizations.annotate(loc=location)
        .order_by()
        .values_list("loc", "sector__name")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, int] = defaultdict(int)
    for loc, sector, n in rows:
        if counts_in(loc):
            counts[sector] += n
    return [[name, n] for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _number(value):
    """JSON numbers: counts as integers, money, means and shares at full precision."""
    return float(value) if value.__class__ is Decimal else value


def _target(value):
    """Targets are stored as decimals; a whole number reads as one (15, not 15.0)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


CODES = [indicator.code for indicator in INDICATORS]
COUNTRY = {"code": "VN", "name": "Toàn quốc", "level": "Toàn quốc"}


def _area_json(area: Area | None, levels: dict | None = None) -> dict:
    """``levels``: the levels' labels (``Area.Level.choices``, made once per report; each
    ``get_level_display`` builds the choices and looks the translation up again)."""
    if area is None:
        return dict(COUNTRY, valid_from=None, valid_to=None)
    label = (levels or {}).get(area.level)
    return {
        "code": area.code,
        "name": area.name,
        "level": label if label is not None else area.get_level_display(),
        "valid_from": area.valid_from.isoformat() if area.valid_from else None,
        "valid_to": area.valid_to.isoformat() if area.valid_to else None,
    }


def report_end(year: int, months: int) -> datetime.date:
    """The period's end E, or ReportRefused for a period that cannot be."""
    if not 1 <= months <= 12 or not 2000 <= year <= 2100:
        raise ReportRefused(f"Kỳ báo cáo không hợp lệ: năm {year}, {months} tháng.")
    return period_end(year, months)


def build_report(area: Area | None, year: int, months: int) -> dict:
    """Return the report of docs/interfaces.md §6 for ``area`` and the period.

    ``area`` None is the whole country, with the provinces existing at the period's end
    as its children (for a national roll-up of every province held in the register).
    Three placements share the same grouped queries: the period itself; the same period
    a year earlier for the same unit (``previous``, only where the unit existed then);
    and that earlier period over today's territory (``previous_same_territory``).
    """
    end = report_end(year, months)
    if area is not None and not area.exists_at(end):
        raise ReportRefused(
            f"{area.name} không tồn tại vào ngày {end:%d/%m/%Y} (hiệu lực {area.validity_display})."
        )
    below = Area.objects.filter(parent=None) if area is None else area.children.all()
    children = list(below.existing_at(end).order_by("code"))
    area_map = AreaMap.current()
    previous_end = period_end(year - 1, months)
    current = Period("c", year, months, Placement(area_map, area, children, end))
    territory = Period(
        "t", year - 1, months, Placement(area_map, area, children, previous_end, then=end)
    )
    periods = [current, territory]
    previous_period = None
    if area is None or area.exists_at(previous_end):
        previous_children = [c for c in children if c.exists_at(previous_end)]
        place = Placement(area_map, area, previous_children, previous_end)
        previous_period = Period("p", year - 1, months, place, data="t")
        periods.append(previous_period)
    compute_periods(area, periods)
    values = _results(current, children)
    same_territory = _results(territory, children)
    previous = _results(previous_period, previous_period.place.children) if previous_period else {}
    targets = defaultdict(dict)
    for area_id, code, value in Target.objects.filter(
        area_id__in=[c.pk for c in children] + ([area.pk] if area else []),
        year=year,
        months=months,
    ).values_list("area_id", "indicator", "value"):
        targets[area_id][code] = value

    def indicators(bucket, area_id) -> dict:
        result = {}
        now, earlier, territory = values[bucket], previous.get(bucket), same_territory[bucket]
        goals = targets.get(area_id, {})
        for code in CODES:
            value = now[code]
            target = goals.get(code)
            completion = (
                None
                if target in (None, 0) or value is None
                else Decimal(value) * 100 / Decimal(target)
            )
            result[code] = {
                "value": _number(value),
                "target": _target(target),
                "completion": _number(completion),
                "previous": _number(earlier[code]) if earlier else None,
                "previous_same_territory": _number(territory[code]),
            }
        return result

    levels = {value: str(label) for value, label in Area.Level.choices}
    return {
        "area": _area_json(area),
        "year": year,
        "months": months,
        "start": datetime.date(year, 1, 1).isoformat(),
        "end": end.isoformat(),
        "indicators": indicators(TOTAL, area.pk if area else None),
        "children": [
            {"area": _area_json(child, levels), "indicators": indicators(child.pk, child.pk)}
            for child in children
        ],
    }
