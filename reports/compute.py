"""Computing every indicator of DATA-CONTRACT.md §2.2 for an area and its child areas.

One pass per period reads the organisations, figures, OCOP products and loans that can
matter with a fixed number of queries, then sorts each row into the area and the child
area it counts in, in Python. The number of queries does not depend on the number of
child areas or organisations.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from cooperatives.models import (
    Area,
    AreaMap,
    Figures,
    Loan,
    Location,
    OcopProduct,
    Organization,
    period_end,
)
from reports.indicators import INDICATORS
from reports.models import Target

HTX = Organization.Kind.HTX
CEASED = Organization.CEASED_STATUSES
TOTAL = "__total__"


class ReportRefused(ValueError):
    """A report that cannot be made, with a Vietnamese sentence saying why."""


@dataclass
class Sums:
    """Running counts and sums for one area and one period."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sums: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    def add(self, name: str, amount=1) -> None:
        if isinstance(amount, int) and not isinstance(amount, bool):
            self.counts[name] += amount
        else:
            self.sums[name] += Decimal(amount)


def _share(part, whole):
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def _mean(total, count):
    return None if not count else Decimal(total) / count


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
    return values


class Placement:
    """Maps a recorded location area to the buckets it counts in at one date."""

    def __init__(self, area_map: AreaMap, area: Area, children: list[Area], day) -> None:
        self.map = area_map
        self.day = day
        below = area_map.subtree(area.pk)
        child_ids = {child.pk for child in children}
        self.buckets: dict[int, tuple] = {}
        for raw in area_map.bounds:
            resolved = area_map.resolve(raw, day)
            if resolved is None or resolved not in below:
                continue
            child = next((a for a in area_map.ancestors(resolved) if a in child_ids), None)
            self.buckets[raw] = (TOTAL, child) if child is not None else (TOTAL,)

    def of(self, raw_area_id):
        return self.buckets.get(raw_area_id, ())


def compute_period(area: Area, children: list[Area], year: int, months: int, area_map=None):
    """Return {bucket: {code: value}} for the area (bucket TOTAL) and each child (its pk)."""
    area_map = area_map or AreaMap()
    end = period_end(year, months)
    start = datetime.date(year, 1, 1)
    place = Placement(area_map, area, children, end)
    sums: dict[object, Sums] = defaultdict(Sums)

    latest = Location.objects.filter(organization=OuterRef("pk"), valid_from__lte=end).order_by(
        "-valid_from"
    )
    orgs = (
        Organization.objects.existing_at(end)
        .annotate(loc=Subquery(latest.values("area_id")[:1]))
        .values_list(
            "pk",
            "loc",
            "kind",
            "sector__is_agricultural",
            "founded_on",
            "is_new_model",
            "is_alliance_member",
            "alliance_joined_on",
            "tax_code",
        )
    )
    bucket_of: dict[int, tuple] = {}
    kind_of: dict[int, str] = {}
    for pk, loc, kind, agri, founded, new_model, member, joined, tax in orgs.iterator(2000):
        buckets = place.of(loc)
        if not buckets:
            continue
        bucket_of[pk], kind_of[pk] = buckets, kind
        for bucket in buckets:
            s = sums[bucket]
            if kind == HTX:
                s.add("htx_total")
                if agri:
                    s.add("htx_agri")
                if start <= founded <= end:
                    s.add("htx_new")
                if new_model:
                    s.add("htx_new_model")
                if member and (joined is None or joined <= end):
                    s.add("alliance_members")
                if tax:
                    s.add("with_tax_code")
            elif kind == Organization.Kind.UNION:
                s.add("unions_total")
            elif kind == Organization.Kind.CREDIT_FUND:
                s.add("credit_funds_total")
            elif kind == Organization.Kind.GROUP:
                s.add("groups_total")

    _count_ceased(sums, area_map, area, children, start, end)
    _count_figures(sums, bucket_of, kind_of, year, months)
    _count_ocop(sums, bucket_of, start, end)
    _count_loans(sums, bucket_of, start, end)
    return {bucket: _values(s) for bucket, s in sums.items()} | {
        bucket: _values(Sums())
        for bucket in [TOTAL, *[c.pk for c in children]]
        if bucket not in sums
    }


def _count_ceased(sums, area_map, area, children, start, end) -> None:
    """HTX that ceased in S..E, counted where they were the day before they ceased."""
    ceased = list(
        Organization.objects.filter(
            kind=HTX, status__in=CEASED, status_changed_on__range=(start, end)
        ).values_list("pk", "status_changed_on")
    )
    if not ceased:
        return
    locations = defaultdict(list)
    for org_id, area_id, since in Location.objects.filter(
        organization_id__in=[pk for pk, _ in ceased]
    ).values_list("organization_id", "area_id", "valid_from"):
        locations[org_id].append((since, area_id))
    placements: dict[datetime.date, Placement] = {}
    for pk, changed in ceased:
        eve = changed - datetime.timedelta(days=1)
        recorded = [area_id for since, area_id in sorted(locations[pk]) if since <= eve]
        if not recorded:
            continue
        if eve not in placements:
            placements[eve] = Placement(area_map, area, children, eve)
        for bucket in placements[eve].of(recorded[-1]):
            sums[bucket].add("htx_ceased")


def _count_figures(sums, bucket_of, kind_of, year, months) -> None:
    rows = Figures.objects.for_period(year, months).values_list(
        "organization_id",
        "members",
        "workers",
        "revenue",
        "profit",
        "avg_income",
        "tax_paid",
        "insured_workers",
        "rating",
        "meets_ntm_13_1",
        "managers",
        "managers_university",
        "managers_college",
        "managers_trained",
    )
    for (org_id, members, workers, revenue, profit, income, tax, insured, rating, ntm, managers,
         university, college, trained) in rows.iterator(5000):  # fmt: skip
        buckets = bucket_of.get(org_id)
        if not buckets:
            continue
        kind = kind_of[org_id]
        for bucket in buckets:
            s = sums[bucket]
            if kind == Organization.Kind.GROUP:
                if revenue is not None:
                    s.add("group_revenue", revenue)
                    s.add("group_revenue_n")
                if profit is not None:
                    s.add("group_profit", profit)
                    s.add("group_profit_n")
                continue
            if kind != HTX:
                continue
            s.add("htx_reporting")
            s.add("members_total", members or 0)
            s.add("workers_total", workers or 0)
            if revenue is not None:
                s.add("revenue", revenue)
                s.add("revenue_n")
            if profit is not None:
                s.add("profit", profit)
                s.add("profit_n")
            if income is not None and workers:
                s.add("income_x_workers", income * workers)
                s.add("income_workers", workers)
            if tax is not None:
                s.add("tax_paid_total", tax)
                if tax > 0:
                    s.add("tax_payers")
            if insured:
                s.add("social_insurance_htx")
                s.add("social_insurance_workers", insured)
            if rating:
                s.add("rated_total")
                s.add(f"rating_{rating}")
            if ntm:
                s.add("ntm_13_1")
            s.add("managers_total", managers or 0)
            s.add("managers_university", university or 0)
            s.add("managers_college", college or 0)
            s.add("managers_trained", trained or 0)


def _count_ocop(sums, bucket_of, start, end) -> None:
    rows = OcopProduct.objects.filter(certified_on__lte=end).values_list(
        "organization_id", "stars", "certified_on", "expires_on"
    )
    for org_id, stars, certified, expires in rows.iterator(5000):
        for bucket in bucket_of.get(org_id, ()):
            s = sums[bucket]
            if expires >= end:
                s.add("ocop_total")
                if stars in (3, 4, 5):
                    s.add(f"ocop_{stars}_star")
            if certified >= start:
                s.add("ocop_new")


def _count_loans(sums, bucket_of, start, end) -> None:
    rows = Loan.objects.filter(disbursed_on__lte=end).values_list(
        "organization_id", "amount", "disbursed_on", "matures_on", "outstanding"
    )
    for org_id, amount, disbursed, matures, outstanding in rows.iterator(5000):
        for bucket in bucket_of.get(org_id, ()):
            s = sums[bucket]
            if disbursed >= start:
                s.add("loans_disbursed_count")
                s.add("loans_disbursed_amount", amount)
            if matures is None or matures >= end:
                s.add("loans_outstanding", outstanding)


def _number(value):
    """JSON numbers: counts as integers, money, means and shares at full precision."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def _target(value):
    """Targets are stored as decimals; a whole number reads as one (15, not 15.0)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _area_json(area: Area) -> dict:
    return {"code": area.code, "name": area.name, "level": area.get_level_display()}


def build_report(area: Area, year: int, months: int) -> dict:
    """Return the report of DATA-CONTRACT.md §6 for ``area`` and the period."""
    if not 1 <= months <= 12 or not 2000 <= year <= 2100:
        raise ReportRefused(f"Kỳ báo cáo không hợp lệ: năm {year}, {months} tháng.")
    end = period_end(year, months)
    if not area.exists_at(end):
        raise ReportRefused(
            f"{area.name} không tồn tại vào ngày {end:%d/%m/%Y} (hiệu lực {area.validity_display})."
        )
    children = list(area.children.existing_at(end).order_by("code"))
    area_map = AreaMap()
    current = compute_period(area, children, year, months, area_map)
    previous_end = period_end(year - 1, months)
    previous_children = [c for c in children if c.exists_at(previous_end)]
    previous = (
        compute_period(area, previous_children, year - 1, months, area_map)
        if area.exists_at(previous_end)
        else {}
    )
    targets = defaultdict(dict)
    for area_id, code, value in Target.objects.filter(
        area_id__in=[area.pk, *[c.pk for c in children]], year=year, months=months
    ).values_list("area_id", "indicator", "value"):
        targets[area_id][code] = value

    def indicators(bucket, area_id) -> dict:
        result = {}
        for indicator in INDICATORS:
            value = current[bucket][indicator.code]
            target = targets[area_id].get(indicator.code)
            completion = (
                None
                if target in (None, 0) or value is None
                else Decimal(value) * 100 / Decimal(target)
            )
            prior = previous.get(bucket)
            result[indicator.code] = {
                "value": _number(value),
                "target": _target(target),
                "completion": _number(completion),
                "previous": _number(prior[indicator.code]) if prior else None,
            }
        return result

    return {
        "area": _area_json(area),
        "year": year,
        "months": months,
        "start": datetime.date(year, 1, 1).isoformat(),
        "end": end.isoformat(),
        "indicators": indicators(TOTAL, area.pk),
        "children": [
            {"area": _area_json(child), "indicators": indicators(child.pk, child.pk)}
            for child in children
        ],
    }
