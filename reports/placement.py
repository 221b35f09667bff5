"""Where a report's rows count: periods, placements and the grouped queries they share.

A ``Placement`` maps the area an organisation is recorded in to the buckets it counts in
(the report's area, ``TOTAL``, and one of its children) at one date; a ``Period`` holds
one period's placement and running ``Sums``. ``_grouped`` makes one GROUP BY for all the
periods, ``_restrict`` limits it to the organisations that can count, and ``_add_rows``
adds its rows into the buckets.
"""

import copy
import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

from django.db import connections, transaction
from django.db.models import (
    BooleanField,
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Subquery,
)
from django.db.models.sql.constants import MULTI

from cooperatives.models import Area, AreaMap, Location, existing_q, recorded_area_at
from core.lib.periods import period_end

TOTAL = "__total__"
PLACES_IN_SQL = True  # on PostgreSQL (see _place_classes); tests compare both ways
GROUP_MEMORY = "32MB"  # PostgreSQL's work_mem for a report's grouped queries (see _table)


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
        self._classes: dict[tuple, tuple[str, list[tuple]]] = {}  # see _place_classes
        self._child_of: dict[int, int | None] = {}

    def on(self, day) -> "Placement":
        """The same placement for another (earlier) day, e.g. the eve of a cessation."""
        other = copy.copy(self)  # the same area, subtree and children
        other.day, other.buckets, other._counting, other._classes = day, {None: ()}, {}, {}
        return other

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
        child = self._child(resolved)
        return (TOTAL, child) if child is not None else (TOTAL,)

    def _child(self, area_id: int) -> int | None:
        """The first of the area and its ancestors that is one of the children, if any.

        Kept for each area on the way up, so that every area's parent chain is walked once.
        """
        chain = []
        while area_id is not None and area_id not in self._child_of:
            if area_id in self.child_ids:
                self._child_of[area_id] = area_id
                break
            chain.append(area_id)
            area_id = self.map.parent.get(area_id)
            if area_id in chain:  # a loop in the tree: no child above
                area_id = None
        child = self._child_of.get(area_id)
        for walked in chain:
            self._child_of[walked] = child
        return child

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
    """One GROUP BY over the location recorded at each period's end, as a ``Table``.

    On PostgreSQL the location is grouped by where it counts (``_place_classes``), so
    that the database sums all rows that go to the same buckets; elsewhere by the
    recorded area, placed in Python (``Placement.of``): the same sums.

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
    places = [p.place for p in periods]
    queryset = _restrict(queryset, organization, places, by_index=organization == "pk")
    prefix = "" if organization == "pk" else organization.removesuffix("_id") + "__"
    locations, where = {}, {}
    in_sql = PLACES_IN_SQL and connections[queryset.db].vendor == "postgresql"
    for d in data:
        sharing = [p for p in periods if p.data == d.data]
        location = recorded_area_at(d.end, organization)
        if in_sql:
            codes, classes = _place_classes([p.place for p in sharing])
            location = PlaceClass(location, codes)
            for index, p in enumerate(sharing):
                decoded = {code: buckets[index] for code, buckets in enumerate(classes)}
                decoded[-1] = ()  # counts nowhere
                where[p.key] = (f"loc_{d.data}", decoded.__getitem__)
        else:
            where |= {p.key: (f"loc_{d.data}", p.place.of) for p in sharing}
        locations[f"loc_{d.data}"] = location
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
    return _table(
        queryset.annotate(**locations)
        .order_by()
        .values(*locations, *group_by)
        .annotate(**annotations),
        where,
        large=any(place.whole_tree for place in places),
    )


class PlaceClass(Expression):
    """``COALESCE(('[m:n]={…}'::integer[])[expression], -1)``: an area id looked up in
    an integer array indexed by area id (PostgreSQL), -1 where it is not in the array."""

    output_field = IntegerField()

    def __init__(self, expression, codes: str) -> None:
        super().__init__()
        self.expression, self.codes = expression, codes

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, expressions) -> None:
        (self.expression,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        return f"COALESCE((%s::integer[])[{sql}], -1)", [self.codes, *params]


def _place_classes(places: list[Placement]) -> tuple[str, list[tuple]]:
    """Where each recorded area counts for each of ``places``, for PostgreSQL to group by.

    The areas that count somewhere are sorted into classes, one per tuple of buckets
    (one buckets per placement); returned are the array literal mapping each area id to
    its class (``'[first:last]={…}'``, -1 where it counts nowhere) and the classes. So the
    database sums the rows of one class together, and Python adds a few hundred sums
    where it would add the groups of every recorded area. Kept on the first placement:
    the report's queries of organisations, OCOP products and loans share it.
    """
    known = places[0]._classes.get(tuple(places))
    if known is None:
        known = places[0]._classes[tuple(places)] = _classes(places)
    return known


def _classes(places: list[Placement]) -> tuple[str, list[tuple]]:
    if any(place.whole_tree for place in places):
        candidates = set(places[0].map.bounds)
    else:
        candidates = set().union(*(place.counting() for place in places))
    classes: dict[tuple, int] = {}
    code_of = {}
    for area_id in candidates:
        buckets = tuple(place.of(area_id) for place in places)
        if any(buckets):
            code_of[area_id] = classes.setdefault(buckets, len(classes))
    if not code_of:
        return "{}", []
    first, last = min(code_of), max(code_of)
    codes = [-1] * (last - first + 1)
    for area_id, code in code_of.items():
        codes[area_id - first] = code
    return f"[{first}:{last}]={{{','.join(map(str, codes))}}}", list(classes)


class Table(NamedTuple):
    """A grouped query's rows as tuples, the position of each column in them, and for
    each period (by key) the column saying where a row counts and what turns its value
    into the row's buckets."""

    columns: dict[str, int]
    rows: list[tuple]
    where: dict[str, tuple[int, Callable]]


def _table(queryset, where: dict[str, tuple[str, Callable]], large: bool = False) -> Table:
    """A ``values()`` queryset's rows as tuples, with its column names' positions.

    On PostgreSQL the rows are read without Django's per-value converters: they only
    re-make the ints and Decimals psycopg2 already gives. Sums of integer columns are ints
    (PostgreSQL's bigint), sums of decimals Decimals, which ``_add_rows`` keeps apart.
    A ``large`` query (the whole country's) gets ``GROUP_MEMORY`` for its grouping (a
    province's few thousand rows fit the default): the planner cannot tell how few
    classes the area lookups give, so it sorts all the rows first (the national report's
    95,000 rows of 170 bytes, spilled to disk with the default 4 MB: some 15 % of the
    query). Other databases keep the converters (SQLite gives floats that Django turns
    into Decimals of the field's places)."""
    query = queryset.query
    if query.selected:  # Django 5.2: the selected names in their order
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    columns = {name: position for position, name in enumerate(names)}
    where_at = {key: (columns[name], place) for key, (name, place) in where.items()}
    if connections[queryset.db].vendor != "postgresql":
        rows = [tuple(row[name] for name in names) for row in queryset]
        return Table(columns, rows, where_at)
    if not large:
        chunks = query.get_compiler(queryset.db).execute_sql(MULTI)
        return Table(columns, [row for chunk in chunks for row in chunk], where_at)
    with transaction.atomic(using=queryset.db):
        with connections[queryset.db].cursor() as cursor:  # until the transaction ends
            cursor.execute("SELECT set_config('work_mem', %s, true)", [GROUP_MEMORY])
        chunks = query.get_compiler(queryset.db).execute_sql(MULTI)
        rows = [row for chunk in chunks for row in chunk]
    return Table(columns, rows, where_at)


def _restrict(
    queryset, organization: str, places: list[Placement], *, any_day: bool = False,
    by_index: bool = False,
):  # fmt: skip
    """Limit ``queryset`` to rows whose organisation ever had a location that counts.

    A cheap semi-join on the location's area index, so that a province's report
    evaluates the location-at-date subqueries only for its own organisations. With
    ``any_day``, the areas are those that count here on some day: the area itself or one
    of its successors, however far down the chain, lies below the area. The whole
    country needs no restriction.

    ``by_index`` (PostgreSQL, for a query over all organisations): the organisations
    are read as an array first (``InArray``), and a province's 5,000 then fetched by
    their index, where the semi-join scanned all 100,000 (a fifth of the province's
    main query). Not for a query whose other filters pick few rows: the planner then
    scans them and compares each with the whole array.
    """
    if any(place.whole_tree for place in places):
        return queryset
    counting = set()
    for place in places:
        counting |= place.counting(any_day)
    located = Location.objects.filter(area_id__in=sorted(counting)).values("organization_id")
    if by_index and connections[queryset.db].vendor == "postgresql":
        return queryset.filter(InArray(F(organization), Subquery(located.order_by())))
    return queryset.filter(**{f"{organization}__in": located})


class InArray(Expression):
    """``column = ANY(ARRAY(subquery))`` (PostgreSQL): the subquery is run once, and the
    rows are looked up by the column's index rather than joined."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, subquery) -> None:
        super().__init__()
        self.column, self.subquery = column, subquery

    def get_source_expressions(self):
        return [self.column, self.subquery]

    def set_source_expressions(self, expressions) -> None:
        self.column, self.subquery = expressions

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.column)
        subquery, subquery_params = compiler.compile(self.subquery)
        return f"{column} = ANY(ARRAY{subquery})", [*column_params, *subquery_params]


def _add_rows(
    table: Table, periods: list[Period], names, key: str | None = None, always=frozenset()
) -> None:
    """Add each row's values into the buckets its location counts in, period by period.

    ``names`` gives the (indicator sum, column) pairs a row adds: one list for every row,
    or, with ``key``, a dict of lists by the row's value in that column (missing: none).
    A row of organisations that do not exist at a period's end adds only the sums in
    ``always``. The rows are first sorted by bucket and by what decides their sums
    (``key``, existence); each group's columns are then summed at once (in C) and each
    total added once to its bucket.
    """
    columns, rows, where = table
    if not rows:
        return
    key_at = columns[key] if key is not None else None
    for period in periods:
        loc_at, place = where[period.key]
        exists_at = columns.get(f"exists_{period.data}")
        places = {loc: place(loc) for loc in set(map(itemgetter(loc_at), rows))}
        # One list per group, not per location: few containers for the collector.
        groups: dict[tuple, list] = defaultdict(list)
        for row in rows:
            kind = None if key_at is None else row[key_at]
            exists = True if exists_at is None else row[exists_at]
            for bucket in places[row[loc_at]]:
                groups[bucket, kind, exists].append(row)
        prefix = f"{period.data}_"
        plans: dict[tuple, list] = {}  # (key, exists) -> the (sum, column position) pairs
        for (bucket, kind, exists), members in groups.items():
            plan = plans.get((kind, exists))
            if plan is None:
                pairs = names if key is None else names.get(kind, ())
                plan = plans[kind, exists] = [
                    (name, columns[prefix + column])
                    for name, column in pairs
                    if exists or name in always
                ]
            s = period.sums[bucket]
            if len(members) == 1:  # most child areas' groups on PostgreSQL
                (row,) = members
                totals = [(name, row[at]) for name, at in plan]
            else:
                totals = [
                    (name, sum(filter(None, map(itemgetter(at), members)))) for name, at in plan
                ]
            for name, total in totals:
                if not total:
                    continue
                if total.__class__ is int:  # counts and sums of whole numbers
                    s.counts[name] += total
                else:  # sums of decimals
                    s.sums[name] += Decimal(total)
