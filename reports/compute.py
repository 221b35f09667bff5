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

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Q,
    Sum,
)

from cooperatives.models import (
    Area,
    AreaMap,
    Figures,
    Loan,
    Location,
    OcopProduct,
    Organization,
    existing_q,
    recorded_area_at,
)
from core.lib.periods import period_end
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


class Placement:
    """Maps a recorded location area to the buckets it counts in at one date.

    ``area`` None stands for the whole country: every area counts, and the children are
    the top-level areas. Areas are resolved when first asked for, so a placement for a
    single day (an HTX that ceased) costs only the areas it is asked about.

    ``then`` (a later day) places by today's territory (§2.2 ``previous_same_territory``):
    the area an organisation is placed in at ``day`` is followed through its successors
    to the unit that stands for it at ``then``, which must lie in ``area``; ``children``
    are then the areas below ``area`` at ``then``.
    """

    def __init__(
        self, area_map: AreaMap, area: Area | None, children: list[Area], day, then=None
    ) -> None:
        self.map = area_map
        self.area = area
        self.day = day
        self.then = then
        self.whole_tree = area is None
        self.below = None if area is None else area_map.subtree(area.pk)
        self.child_ids = {child.pk for child in children}
        self.buckets: dict[int | None, tuple] = {None: ()}
        self.children = children
        self._counting: dict[str, set[int]] = {}

    def on(self, day) -> "Placement":
        """The same placement for another (earlier) day, e.g. the eve of a cessation."""
        return Placement(self.map, self.area, self.children, day, self.then)

    def of(self, raw_area_id) -> tuple:
        if raw_area_id not in self.buckets:
            self.buckets[raw_area_id] = self._buckets(raw_area_id)
        return self.buckets[raw_area_id]

    def _buckets(self, raw_area_id) -> tuple:
        resolved = self.map.resolve(raw_area_id, self.day)
        if resolved is not None and self.then is not None:
            resolved = self.map.resolve(resolved, self.then)
        if resolved is None or (self.below is not None and resolved not in self.below):
            return ()
        ancestors = self.map.ancestors(resolved)
        child = next((a for a in ancestors if a in self.child_ids), None)
        return (TOTAL, child) if child is not None else (TOTAL,)

    def counting(self, any_day: bool = False) -> set[int]:
        """The recorded areas that count here at the day (or, ``any_day``, on some day).

        An area counts here on some day when it or one of its successors, however far
        down the chain, lies below the area; only those need resolving for the day.
        """
        key = "any_day" if any_day else "at_day"
        if key not in self._counting:
            reaching = self.map.reaching(self.below)
            self._counting[key] = reaching if any_day else {r for r in reaching if self.of(r)}
        return self._counting[key]


WIDE_DECIMAL = DecimalField(max_digits=30, decimal_places=4)


def _sum(expression, condition: Q | None = None):
    return Sum(expression, filter=condition, output_field=WIDE_DECIMAL)


@dataclass
class Period:
    """One period of a report: the report's own, or the same period a year earlier.

    ``key`` names its sums; ``data`` names the aggregates it reads, so that two periods
    of the same (year, months) placed two ways (the unit a year earlier, and today's
    territory) share one set of aggregates in each query.
    """

    key: str
    year: int
    months: int
    place: Placement
    sums: dict = field(default_factory=lambda: defaultdict(Sums))
    data: str = ""

    def __post_init__(self) -> None:
        self.data = self.data or self.key

    @property
    def end(self) -> datetime.date:
        return period_end(self.year, self.months)

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)


def _grouped(
    queryset, periods: list[Period], organization: str, group_by, aggregates, *,
    existing: bool = True, also=None,
):  # fmt: skip
    """One GROUP BY over the location recorded at each period's end; rows as dicts.

    ``aggregates(period)`` gives the aggregates of one period; they are computed side by
    side (prefixed with the period's ``data`` key), so all periods share one pass over the
    rows, and periods of the same (year, months) share their aggregates. With
    ``existing``, rows are limited to organisations existing at some end (or matching
    ``also(period)``) and grouped by whether the organisation exists at each end, rather
    than filtering every aggregate by it; ``_add_rows`` skips what does not exist.
    Without it (§2.2: OCOP products and loans of organisations in A at E, existing or
    not) every row counts. Aggregate names are prefixed anyway, since an annotation may
    not share a name with a field it sums.
    """
    data = list({p.data: p for p in periods}.values())
    queryset = _restrict(queryset, organization, [p.place for p in periods])
    prefix = "" if organization == "pk" else organization.removesuffix("_id") + "__"
    locations = {f"loc_{p.data}": recorded_area_at(p.end, organization) for p in data}
    if existing:
        wanted = Q()
        for p in data:
            wanted |= existing_q(p.end, prefix)
            if also is not None:
                wanted |= also(p)
        queryset = queryset.filter(wanted)
        locations |= {
            f"exists_{p.data}": ExpressionWrapper(existing_q(p.end, prefix), BooleanField())
            for p in data
        }
    annotations = {
        f"{p.data}_{name}": aggregate for p in data for name, aggregate in aggregates(p).items()
    }
    return list(
        queryset.annotate(**locations)
        .order_by()
        .values(*locations, *group_by)
        .annotate(**annotations)
    )


def _restrict(queryset, organization: str, places: list[Placement], *, any_day: bool = False):
    """Limit ``queryset`` to rows whose organisation ever had a location that counts.

    A cheap semi-join on the location's area index, so that a province's report
    evaluates the location-at-date subqueries only for its own organisations. With
    ``any_day``, the areas are those that count here on some day: the area itself or one
    of its successors, however far down the chain, lies below the area. The whole
    country needs no restriction.
    """
    if any(place.whole_tree for place in places):
        return queryset
    counting = set()
    for place in places:
        counting |= place.counting(any_day)
    located = Location.objects.filter(area_id__in=sorted(counting)).values("organization_id")
    return queryset.filter(**{f"{organization}__in": located})


def _add_rows(rows, periods: list[Period], names, always=frozenset()) -> None:
    """Add each row's values into the buckets its location counts in, period by period.

    ``names(row)`` gives (indicator sum, row key) pairs for the row. A row of
    organisations that do not exist at a period's end adds only the sums in ``always``.
    """
    for row in rows:
        pairs = names(row)
        for period in periods:
            exists = row.get(f"exists_{period.data}", True)
            buckets = period.place.of(row[f"loc_{period.data}"])
            for bucket in buckets:
                s = period.sums[bucket]
                for name, key in pairs:
                    if not exists and name not in always:
                        continue
                    value = row[f"{period.data}_{key}"]
                    if value:
                        s.add(name, value)


def compute_periods(area, periods: list[Period]) -> None:
    """Fill each period's sums for the area (bucket TOTAL) and its children (their pk).

    Every count and sum is made by the database, grouped by the areas recorded at the
    periods' ends; Python only adds the groups into the buckets they count in. So the
    work grows with the data, and the number of queries is the same for any area.
    """
    _count_organizations(periods)
    same_data: dict[str, list[Period]] = defaultdict(list)
    for period in periods:
        same_data[period.data].append(period)
    for group in same_data.values():
        _count_ceased(group)
    _count_ocop(periods)
    _count_loans(periods)


def _count_organizations(periods: list[Period]) -> None:
    """Organisations existing and counting at each end, with their figures for the period.

    One pass over the organisations, grouped by location and kind, with each period's
    figures row joined on (a filtered relation: at most one row per organisation).
    """

    def aggregates(p: Period) -> dict:
        fig = f"figures_{p.data}__"
        income = Q(**{f"{fig}avg_income__isnull": False, f"{fig}workers__gt": 0})

        def count(condition=None):
            return Count("pk", filter=condition)

        def count_figures(**conditions):
            condition = Q(**{fig + k: v for k, v in conditions.items()})
            return Count(f"figures_{p.data}", filter=condition)

        def total(expression, condition=None, decimal=False):
            if decimal:
                return _sum(expression, condition)
            return Sum(expression, filter=condition)

        return {
            "organizations": count(),
            "agri": count(Q(sector__is_agricultural=True)),
            "new": count(Q(founded_on__range=(p.start, p.end))),
            "new_model": count(Q(is_new_model=True)),
            "alliance_members": count(
                Q(is_alliance_member=True)
                & (Q(alliance_joined_on__isnull=True) | Q(alliance_joined_on__lte=p.end))
            ),
            "with_tax_code": count(~Q(tax_code="") & Q(tax_code__isnull=False)),
            "n": Count(f"figures_{p.data}"),
            "members": total(f"{fig}members"),
            "workers": total(f"{fig}workers"),
            "revenue": total(f"{fig}revenue", decimal=True),
            "revenue_n": Count(f"{fig}revenue"),
            "profit": total(f"{fig}profit", decimal=True),
            "profit_n": Count(f"{fig}profit"),
            "income_x_workers": total(
                F(f"{fig}avg_income") * F(f"{fig}workers"), income, decimal=True
            ),
            "income_workers": total(f"{fig}workers", income),
            "tax_paid": total(f"{fig}tax_paid", decimal=True),
            "tax_payers": count_figures(tax_paid__gt=0),
            "insured_htx": count_figures(insured_workers__gt=0),
            "insured_workers": total(f"{fig}insured_workers"),
            "rated": Count(f"figures_{p.data}", filter=~Q(**{f"{fig}rating": ""})),
            **{f"rating_{r}": count_figures(rating=r) for r in Figures.Rating.values},
            "ntm": count_figures(meets_ntm_13_1=True),
            "managers": total(f"{fig}managers"),
            "managers_university": total(f"{fig}managers_university"),
            "managers_college": total(f"{fig}managers_college"),
            "managers_trained": total(f"{fig}managers_trained"),
        }

    queryset = Organization.objects.annotate(
        **{
            f"figures_{p.data}": FilteredRelation(
                "figures", condition=Q(figures__year=p.year, figures__months=p.months)
            )
            for p in {p.data: p for p in periods}.values()
        }
    )
    # §2.2: htx_new counts the HTX founded in S..E and in A at E, existing or not.
    rows = _grouped(
        queryset, periods, "pk", ["kind"], aggregates,
        also=lambda p: Q(founded_on__range=(p.start, p.end)),
    )  # fmt: skip
    _add_rows(
        rows, periods, lambda row: ORGANIZATION_NAMES.get(row["kind"], []), always={"htx_new"}
    )


HTX_NAMES = [
    ("htx_total", "organizations"), ("htx_agri", "agri"), ("htx_new", "new"),
    ("htx_new_model", "new_model"), ("alliance_members", "alliance_members"),
    ("with_tax_code", "with_tax_code"),
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
    ("managers_trained", "managers_trained"), ("figures_filed", "n"),
]  # fmt: skip
ORGANIZATION_NAMES = {
    HTX: HTX_NAMES,
    Organization.Kind.UNION: [("unions_total", "organizations"), ("figures_filed", "n")],
    Organization.Kind.CREDIT_FUND: [
        ("credit_funds_total", "organizations"), ("figures_filed", "n"),
    ],
    Organization.Kind.GROUP: [
        ("groups_total", "organizations"), ("group_revenue", "revenue"),
        ("group_revenue_n", "revenue_n"), ("group_profit", "profit"),
        ("group_profit_n", "profit_n"), ("figures_filed", "n"),
    ],
}  # fmt: skip


def _count_ceased(periods: list[Period]) -> None:
    """HTX that ceased in S..E, counted where they were the day before they ceased.

    ``periods`` share one (year, months), placed in different ways; one pass serves all.
    """
    first = periods[0]
    ceased = list(
        _restrict(
            Organization.objects.filter(
                kind=HTX, status__in=CEASED, status_changed_on__range=(first.start, first.end)
            ),
            "pk",
            [p.place for p in periods],
            any_day=True,
        ).values_list("pk", "status_changed_on")
    )
    if not ceased:
        return
    locations = defaultdict(list)
    for org_id, area_id, since in Location.objects.filter(
        organization_id__in=[pk for pk, _ in ceased]
    ).values_list("organization_id", "area_id", "valid_from"):
        locations[org_id].append((since, area_id))
    for period in periods:
        placements: dict[datetime.date, Placement] = {}
        for pk, changed in ceased:
            eve = changed - datetime.timedelta(days=1)
            recorded = [area_id for since, area_id in sorted(locations[pk]) if since <= eve]
            if not recorded:
                continue
            if eve not in placements:
                placements[eve] = period.place.on(eve)
            for bucket in placements[eve].of(recorded[-1]):
                period.sums[bucket].add("htx_ceased")


OCOP_NAMES = [(name, name) for name in ("ocop_total", "ocop_3_star", "ocop_4_star",
                                         "ocop_5_star", "ocop_new")]  # fmt: skip
LOAN_NAMES = [(name, name) for name in ("loans_disbursed_count", "loans_disbursed_amount",
                                         "loans_outstanding")]  # fmt: skip


def _count_ocop(periods: list[Period]) -> None:
    """OCOP products of organisations in A at each end, whether or not they still exist."""

    def aggregates(p: Period) -> dict:
        valid = OcopProduct.valid_q(p.end)
        return {
            "ocop_total": Count("pk", filter=valid),
            **{f"ocop_{n}_star": Count("pk", filter=valid & Q(stars=n)) for n in (3, 4, 5)},
            "ocop_new": Count("pk", filter=Q(certified_on__gte=p.start, certified_on__lte=p.end)),
        }

    last = max(p.end for p in periods)
    rows = _grouped(
        OcopProduct.objects.filter(certified_on__lte=last), periods, "organization_id", [],
        aggregates, existing=False,
    )  # fmt: skip
    _add_rows(rows, periods, lambda row: OCOP_NAMES)


def _count_loans(periods: list[Period]) -> None:
    """Support-fund loans of organisations in A at each end, whether or not they still exist.

    A loan to a dissolved HTX is still owed (§2.2).
    """

    def aggregates(p: Period) -> dict:
        held = Q(disbursed_on__lte=p.end)
        new = held & Q(disbursed_on__gte=p.start)
        running = held & (Q(matures_on__isnull=True) | Q(matures_on__gte=p.end))
        return {
            "loans_disbursed_count": Count("pk", filter=new),
            "loans_disbursed_amount": _sum("amount", new),
            "loans_outstanding": _sum("outstanding", running),
        }

    last = max(p.end for p in periods)
    rows = _grouped(
        Loan.objects.filter(disbursed_on__lte=last), periods, "organization_id", [], aggregates,
        existing=False,
    )  # fmt: skip
    _add_rows(rows, periods, lambda row: LOAN_NAMES)


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
    rows = (
        _restrict(Organization.objects.filter(existing_q(day), kind=HTX), "pk", [place])
        .annotate(loc=recorded_area_at(day, "pk"))
        .order_by()
        .values_list("loc", "sector__name")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, int] = defaultdict(int)
    for loc, sector, n in rows:
        if place.of(loc):
            counts[sector] += n
    return [[name, n] for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


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
        return dict(COUNTRY, valid_from=None, valid_to=None)
    return {
        "code": area.code,
        "name": area.name,
        "level": area.get_level_display(),
        "valid_from": area.valid_from.isoformat() if area.valid_from else None,
        "valid_to": area.valid_to.isoformat() if area.valid_to else None,
    }


def report_end(year: int, months: int) -> datetime.date:
    """The period's end E, or ReportRefused for a period that cannot be."""
    if not 1 <= months <= 12 or not 2000 <= year <= 2100:
        raise ReportRefused(f"Kỳ báo cáo không hợp lệ: năm {year}, {months} tháng.")
    return period_end(year, months)


def build_report(area: Area | None, year: int, months: int) -> dict:
    """Return the report of DATA-CONTRACT.md §6 for ``area`` and the period.

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
        for indicator in INDICATORS:
            value = values[bucket][indicator.code]
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
                "previous_same_territory": _number(same_territory[bucket][indicator.code]),
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
