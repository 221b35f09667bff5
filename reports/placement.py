"""Where a report's rows count: periods, placements and the grouped queries they share.

A ``Placement`` maps the area an organisation is recorded in to the buckets it counts in
(the report's area, ``TOTAL``, and one of its children) at one date; a ``Period`` holds
one period's placement and running ``Sums``. ``_grouped`` makes one GROUP BY for all the
periods, ``_restrict`` limits it to the organisations that can count, and ``_add_rows``
adds its rows into the buckets.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.sql.constants import MULTI

from cooperatives.models import Area, AreaMap, Location, existing_q, recorded_area_at
from core.lib.periods import period_end

TOTAL = "__total__"


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
    return _dicts(
        queryset.annotate(**locations)
        .order_by()
        .values(*locations, *group_by)
        .annotate(**annotations)
    )


def _dicts(queryset) -> list[dict]:
    """A ``values()`` queryset's rows as dicts, as Django's ``ValuesIterable`` makes them
    (the same names in the same order) but without its per-value converters: they only
    re-make the ints and Decimals psycopg2 already gives, some 150,000 calls per national
    report. Sums of integer columns are ints (PostgreSQL's bigint), sums of decimals
    Decimals, which ``Sums.add`` keeps apart. Other databases keep the converters
    (SQLite gives floats that Django turns into Decimals of the field's places)."""
    if connections[queryset.db].vendor != "postgresql":
        return list(queryset)
    query = queryset.query
    if query.selected:  # Django 5.2: the selected names in their order
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    chunks = query.get_compiler(queryset.db).execute_sql(MULTI)
    return [dict(zip(names, row, strict=True)) for chunk in chunks for row in chunk]


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
    The national report has some 14,000 rows of 30 sums for three periods: rows going to
    the same buckets are first summed together (one addition a value), and each total is
    then added once to each of its buckets.
    """
    keys = [(p, f"loc_{p.data}", f"exists_{p.data}", f"{p.data}_") for p in periods]
    plans: dict[tuple, tuple] = {}  # the (sum, column) pairs each list of names adds
    groups: dict[tuple, list] = {}  # (period, buckets, plan) -> the plan's running totals
    for row in rows:
        pairs = names(row)
        if not pairs:
            continue
        for index, (period, loc, exists_key, prefix) in enumerate(keys):
            buckets = period.place.of(row[loc])
            if not buckets:
                continue
            exists = row.get(exists_key, True)
            known = plans.get((id(pairs), prefix, exists))
            if known is not None and known[0] is pairs:
                plan, columns = known[1], known[2]
            else:  # kept with its list, so that an id is never another list's
                plan = [(name, prefix + key) for name, key in pairs if exists or name in always]
                columns = [column for _, column in plan]
                plans[id(pairs), prefix, exists] = (pairs, plan, columns)
            if not plan:
                continue
            group = groups.get((index, buckets, id(plan)))
            if group is None:
                group = groups[index, buckets, id(plan)] = [period, buckets, plan, [0] * len(plan)]
            totals = group[3]
            for position, column in enumerate(columns):
                value = row[column]
                if value:
                    totals[position] += value
    for period, buckets, plan, totals in groups.values():
        counts, amounts = [], []
        for (name, _), total in zip(plan, totals, strict=True):
            if not total:
                continue
            if total.__class__ is int:  # counts and sums of whole numbers
                counts.append((name, total))
            else:  # sums of decimals
                amounts.append((name, Decimal(total)))
        for bucket in buckets:
            s = period.sums[bucket]
            for name, value in counts:
                s.counts[name] += value
            for name, value in amounts:
                s.sums[name] += value
