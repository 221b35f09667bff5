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

from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum

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
    """Maps a recorded location area to the buckets it counts in at one date.

    ``area`` None stands for the whole country: every area counts, and the children are
    the top-level areas.
    """

    def __init__(self, area_map: AreaMap, area: Area | None, children: list[Area], day) -> None:
        self.map = area_map
        self.day = day
        self.whole_tree = area is None
        below = set(area_map.bounds) if area is None else area_map.subtree(area.pk)
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

    def restrict(self, queryset, organization: str):
        """Limit ``queryset`` to rows whose organisation ever had a location that counts.

        A cheap semi-join on the location's area index, so that a province's report
        evaluates the location-at-date subquery only for its own organisations. The
        whole country needs no restriction.
        """
        if self.whole_tree:
            return queryset
        located = Location.objects.filter(area_id__in=list(self.buckets)).values("organization_id")
        return queryset.filter(**{f"{organization}__in": located})


def _existing(end, prefix: str = "") -> Q:
    """Founded on or before ``end`` and not ceased on or before it (§2.2 "existing at D")."""
    return Q(**{f"{prefix}founded_on__lte": end}) & ~Q(
        **{f"{prefix}status__in": CEASED, f"{prefix}status_changed_on__lte": end}
    )


def _location_at(end, organization: str):
    """The area recorded by the organisation's location valid at ``end`` (a subquery)."""
    return Subquery(
        Location.objects.filter(organization=OuterRef(organization), valid_from__lte=end)
        .order_by("-valid_from")
        .values("area_id")[:1]
    )


def _grouped(queryset, place: Placement, organization: str, end, group_by, aggregates):
    """Run one GROUP BY over the recorded location at ``end`` and return the rows as dicts."""
    rows = (
        place.restrict(queryset, organization)
        .annotate(loc=_location_at(end, organization))
        .order_by()
        .values("loc", *group_by)
        # Prefixed, since an annotation may not share a name with a field it sums.
        .annotate(**{f"x_{name}": aggregate for name, aggregate in aggregates.items()})
    )
    return [
        {key.removeprefix("x_"): value for key, value in row.items()}
        for row in rows
        if place.of(row["loc"])
    ]


def _add(sums, buckets, row: dict, names) -> None:
    for bucket in buckets:
        s = sums[bucket]
        for name, key in names:
            value = row[key]
            if value is not None:
                s.add(name, value)


def _count(**conditions):
    return Count("pk", filter=Q(**conditions))


def _sum(expression, condition: Q | None = None):
    return Sum(expression, filter=condition, output_field=WIDE_DECIMAL)


WIDE_DECIMAL = DecimalField(max_digits=30, decimal_places=4)


def compute_period(area, children: list[Area], year: int, months: int, area_map=None):
    """Return {bucket: {code: value}} for the area (bucket TOTAL) and each child (its pk).

    Every count and sum is made by the database, grouped by the area recorded at the
    period's end; Python only adds the groups into the buckets they count in. So the
    work grows with the data, and the number of queries is the same for any area.
    """
    area_map = area_map or AreaMap()
    end = period_end(year, months)
    start = datetime.date(year, 1, 1)
    place = Placement(area_map, area, children, end)
    sums: dict[object, Sums] = defaultdict(Sums)

    _count_organizations(sums, place, start, end)
    _count_ceased(sums, area_map, area, children, start, end)
    _count_figures(sums, place, year, months, end)
    _count_ocop(sums, place, start, end)
    _count_loans(sums, place, start, end)
    return {bucket: _values(s) for bucket, s in sums.items()} | {
        bucket: _values(Sums())
        for bucket in [TOTAL, *[c.pk for c in children]]
        if bucket not in sums
    }


ORGANIZATION_COUNTS = [
    "htx_total", "htx_agri", "htx_new", "htx_new_model", "alliance_members", "with_tax_code",
    "unions_total", "credit_funds_total", "groups_total",
]  # fmt: skip


def _count_organizations(sums, place, start, end) -> None:
    htx = Q(kind=HTX)
    rows = _grouped(
        Organization.objects.filter(_existing(end)),
        place,
        "pk",
        end,
        [],
        {
            "htx_total": Count("pk", filter=htx),
            "htx_agri": Count("pk", filter=htx & Q(sector__is_agricultural=True)),
            "htx_new": Count("pk", filter=htx & Q(founded_on__gte=start)),
            "htx_new_model": Count("pk", filter=htx & Q(is_new_model=True)),
            "alliance_members": Count(
                "pk",
                filter=htx
                & Q(is_alliance_member=True)
                & (Q(alliance_joined_on__isnull=True) | Q(alliance_joined_on__lte=end)),
            ),
            "with_tax_code": Count("pk", filter=htx & ~Q(tax_code="") & Q(tax_code__isnull=False)),
            "unions_total": _count(kind=Organization.Kind.UNION),
            "credit_funds_total": _count(kind=Organization.Kind.CREDIT_FUND),
            "groups_total": _count(kind=Organization.Kind.GROUP),
        },
    )
    names = [(name, name) for name in ORGANIZATION_COUNTS]
    for row in rows:
        _add(sums, place.of(row["loc"]), row, names)


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


HTX_FIGURES = [
    ("htx_reporting", "n"), ("members_total", "members"), ("workers_total", "workers"),
    ("revenue", "revenue"), ("revenue_n", "revenue_n"), ("profit", "profit"),
    ("profit_n", "profit_n"), ("income_x_workers", "income_x_workers"),
    ("income_workers", "income_workers"), ("tax_paid_total", "tax_paid"),
    ("tax_payers", "tax_payers"), ("social_insurance_htx", "insured_htx"),
    ("social_insurance_workers", "insured_workers"), ("rated_total", "rated"),
    ("rating_good", "rating_good"), ("rating_fair", "rating_fair"),
    ("rating_average", "rating_average"), ("rating_weak", "rating_weak"),
    ("ntm_13_1", "ntm"), ("managers_total", "managers"),
    ("managers_university", "managers_university"), ("managers_college", "managers_college"),
    ("managers_trained", "managers_trained"),
]  # fmt: skip
GROUP_FIGURES = [("group_revenue", "revenue"), ("group_revenue_n", "revenue_n"),
                 ("group_profit", "profit"), ("group_profit_n", "profit_n")]  # fmt: skip


def _count_figures(sums, place, year, months, end) -> None:
    """Figures of the period's HTX and cooperative groups that exist and count at ``end``."""
    income = Q(avg_income__isnull=False, workers__gt=0)
    rows = _grouped(
        Figures.objects.for_period(year, months).filter(
            _existing(end, "organization__"),
            organization__kind__in=[HTX, Organization.Kind.GROUP],
        ),
        place,
        "organization_id",
        end,
        ["organization__kind"],
        {
            "n": Count("pk"),
            "members": Sum("members"),
            "workers": Sum("workers"),
            "revenue": _sum("revenue"),
            "revenue_n": Count("revenue"),
            "profit": _sum("profit"),
            "profit_n": Count("profit"),
            "income_x_workers": _sum(F("avg_income") * F("workers"), income),
            "income_workers": Sum("workers", filter=income),
            "tax_paid": _sum("tax_paid"),
            "tax_payers": _count(tax_paid__gt=0),
            "insured_htx": _count(insured_workers__gt=0),
            "insured_workers": Sum("insured_workers"),
            "rated": Count("pk", filter=~Q(rating="")),
            **{f"rating_{r}": _count(rating=r) for r in Figures.Rating.values},
            "ntm": _count(meets_ntm_13_1=True),
            "managers": Sum("managers"),
            "managers_university": Sum("managers_university"),
            "managers_college": Sum("managers_college"),
            "managers_trained": Sum("managers_trained"),
        },
    )
    for row in rows:
        names = HTX_FIGURES if row["organization__kind"] == HTX else GROUP_FIGURES
        _add(sums, place.of(row["loc"]), row, names)


def _count_ocop(sums, place, start, end) -> None:
    """OCOP products of organisations that exist and count at ``end``."""
    valid = Q(expires_on__gte=end)
    rows = _grouped(
        OcopProduct.objects.filter(_existing(end, "organization__"), certified_on__lte=end),
        place,
        "organization_id",
        end,
        [],
        {
            "ocop_total": Count("pk", filter=valid),
            **{f"ocop_{n}_star": Count("pk", filter=valid & Q(stars=n)) for n in (3, 4, 5)},
            "ocop_new": _count(certified_on__gte=start),
        },
    )
    names = [(name, name) for name in ("ocop_total", "ocop_3_star", "ocop_4_star",
                                       "ocop_5_star", "ocop_new")]  # fmt: skip
    for row in rows:
        _add(sums, place.of(row["loc"]), row, names)


def _count_loans(sums, place, start, end) -> None:
    """Support-fund loans of organisations that exist and count at ``end``."""
    new = Q(disbursed_on__gte=start)
    rows = _grouped(
        Loan.objects.filter(_existing(end, "organization__"), disbursed_on__lte=end),
        place,
        "organization_id",
        end,
        [],
        {
            "loans_disbursed_count": Count("pk", filter=new),
            "loans_disbursed_amount": _sum("amount", new),
            "loans_outstanding": _sum(
                "outstanding", Q(matures_on__isnull=True) | Q(matures_on__gte=end)
            ),
        },
    )
    names = [(name, name) for name in ("loans_disbursed_count", "loans_disbursed_amount",
                                       "loans_outstanding")]  # fmt: skip
    for row in rows:
        _add(sums, place.of(row["loc"]), row, names)


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


COUNTRY = {"code": "VN", "name": "Toàn quốc", "level": "Toàn quốc"}


def _area_json(area: Area | None) -> dict:
    if area is None:
        return dict(COUNTRY)
    return {"code": area.code, "name": area.name, "level": area.get_level_display()}


def build_report(area: Area | None, year: int, months: int) -> dict:
    """Return the report of DATA-CONTRACT.md §6 for ``area`` and the period.

    ``area`` None is the whole country, with the provinces existing at the period's end
    as its children (for a national roll-up of every province held in the register).
    """
    if not 1 <= months <= 12 or not 2000 <= year <= 2100:
        raise ReportRefused(f"Kỳ báo cáo không hợp lệ: năm {year}, {months} tháng.")
    end = period_end(year, months)
    if area is not None and not area.exists_at(end):
        raise ReportRefused(
            f"{area.name} không tồn tại vào ngày {end:%d/%m/%Y} (hiệu lực {area.validity_display})."
        )
    below = Area.objects.filter(parent=None) if area is None else area.children.all()
    children = list(below.existing_at(end).order_by("code"))
    area_map = AreaMap()
    current = compute_period(area, children, year, months, area_map)
    previous_end = period_end(year - 1, months)
    previous_children = [c for c in children if c.exists_at(previous_end)]
    previous = (
        compute_period(area, previous_children, year - 1, months, area_map)
        if area is None or area.exists_at(previous_end)
        else {}
    )
    targets = defaultdict(dict)
    for area_id, code, value in Target.objects.filter(
        area_id__in=[c.pk for c in children] + ([area.pk] if area else []),
        year=year,
        months=months,
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
        "indicators": indicators(TOTAL, area.pk if area else None),
        "children": [
            {"area": _area_json(child), "indicators": indicators(child.pk, child.pk)}
            for child in children
        ],
    }
