"""Counting every indicator of docs/interfaces.md §2.2 into a report's periods.

``compute_periods`` fills the periods' sums: organisations and their figures, HTX that
ceased, OCOP products and loans, each with a fixed number of grouped queries.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, DecimalField, F, FilteredRelation, Q, Sum

from cooperatives.models import Figures, Loan, Location, OcopProduct, Organization
from reports.placement import Period, Placement, _add_rows, _grouped, _restrict

HTX = Organization.Kind.HTX
CEASED = Organization.CEASED_STATUSES


WIDE_DECIMAL = DecimalField(max_digits=30, decimal_places=4)


def _sum(expression, condition: Q | None = None):
    return Sum(expression, filter=condition, output_field=WIDE_DECIMAL)


def compute_periods(area, periods: list[Period]) -> None:
    """Fill each period's sums for the area (bucket TOTAL) and its children (their pk).

    Every count and sum is made by the database, grouped by where the areas recorded at
    the periods' ends count (on PostgreSQL; elsewhere by those areas); Python only adds
    the groups into the buckets they count in. So the work grows with the data, and the
    number of queries is the same for any area.
    """
    _count_organizations(periods)
    _count_ceased(periods)
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
    _add_rows(rows, periods, ORGANIZATION_NAMES, key="kind", always={"htx_new"})


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

    One pass serves all periods: the HTX that ceased in any of them, each then counted
    in the periods whose S..E holds its cessation.
    """
    in_some_period = Q()
    for period in periods:
        in_some_period |= Q(status_changed_on__range=(period.start, period.end))
    ceased = list(
        _restrict(
            Organization.objects.filter(in_some_period, kind=HTX, status__in=CEASED),
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
            if not period.start <= changed <= period.end:
                continue
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
    _add_rows(rows, periods, OCOP_NAMES)


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
    _add_rows(rows, periods, LOAN_NAMES)
