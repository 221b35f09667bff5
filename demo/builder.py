"""Builds the demonstration province from the tables in ``data``, on the official units."""

import datetime
import io
import math
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TextIO

from django.core.management import call_command
from django.core.management.base import CommandError

from cooperatives.models import (
    Area,
    Figures,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
    Sector,
)
from core.lib.periods import add_months, period_end
from core.lib.reform import REFORM_DATE
from core.lib.text import fold, nfc
from reports.models import Target

from .data import (
    BATCHES,
    COASTAL,
    CREDIT_FUNDS,
    DISTRICTS,
    EXPIRING_OCOP,
    FEMALE,
    GROUP_SECTORS,
    HAMLETS,
    HTX_SECTORS,
    MALE,
    MEAN_INCOME,
    MEAN_REVENUE,
    NTM_HTX,
    OCOP_PRODUCTS,
    OLD_UNITS_END,
    OLDER_HTX,
    PERIODS,
    PLANS,
    SEED,
    SPLIT_COMMUNES,
    SPLIT_FOUNDED,
    STATUSES,
    STREETS,
    SURNAMES,
    TARGETS,
    VILLAGES,
    D,
    Kind,
    Status,
)

UNIONS = (
    (D(2019, 5, 20), "Nông nghiệp", "Liên hiệp HTX Nông nghiệp Nam Định"),
    (D(2024, 3, 12), "Thương mại - Dịch vụ", "Liên hiệp HTX Thương mại Dịch vụ Thành Nam"),
)


class DemoDataConflict(Exception):
    """The database holds data the demo cannot be loaded over (its message is Vietnamese)."""


def _lines(text: str) -> list[str]:
    """Return the entries of a table: an indented line continues the one above, ";  " splits."""
    joined = re.sub(r"\n +", " ", text.strip()).replace("| ", "|")
    return [entry.strip() for line in joined.splitlines() for entry in line.split(";  ")]


def _table(text: str) -> list[list]:
    def value(token: str):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", token):
            return D.fromisoformat(token)
        return int(token) if token.isdigit() else token

    return [[value(token) for token in entry.split()] for entry in _lines(text)]


def _choices(text: str) -> dict[str, tuple[int, list[str]]]:
    """Parse "key: weight: a|b|c" lines into {key: (weight, [a, b, c])}."""
    rows = (entry.split(": ") for entry in _lines(text))
    return {key: (int(weight), items.split("|")) for key, weight, items in rows}


def _core(name: str) -> str:
    return re.sub(r"^(Thành phố|Thị trấn|Huyện|Phường|Xã) ", "", name)


def _named(obj, name: str):
    obj.name = nfc(name)
    obj.name_folded = fold(obj.name)
    return obj


def _tenths(value: float) -> Decimal:
    return Decimal(round(value * 10)) / 10


def organization_count() -> int:
    """How many organisations the demo makes, known from the tables before building."""
    batches = sum(row[-1] for row in _table(BATCHES))
    ceased = sum(row[-2] for row in _table(STATUSES) if row[-1] == "new")
    split = len(_table(SPLIT_COMMUNES))
    return OLDER_HTX + batches + ceased + CREDIT_FUNDS + len(UNIONS) + split


@cache
def _numbers() -> tuple[int, ...]:
    """The demo's registration numbers, from a generator of their own: codes, then spares."""
    return tuple(random.Random(SEED).sample(range(10**8), 2 * organization_count()))


def demo_codes() -> list[str]:
    """The codes of the demo's organisations, in the order the builder makes them."""
    return [f"06{number:08d}" for number in _numbers()[: organization_count()]]


@dataclass
class _Commune:
    area: Area
    district: Area
    weight: float
    province: str  # "tỉnh Nam Định", for addresses


@dataclass
class _Record:
    org: Organization
    locations: list[tuple[Area, datetime.date]]
    place: str  # the commune's short name, for product names


class _Builder:
    def __init__(self, today: datetime.date) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.sectors = {sector.name: sector for sector in Sector.objects.all()}
        self.activities = {Kind.HTX: _choices(HTX_SECTORS), Kind.GROUP: _choices(GROUP_SECTORS)}
        self.names: Counter[str] = Counter()
        self.records: list[_Record] = []
        self.communes: list[_Commune] = []
        self.districts: list[Area] = []
        self.new_communes: list[Area] = []
        self.new_weights: list[float] = []

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def person(self, female: bool | None = None) -> str:
        rng = self.rng
        female = rng.random() < 0.35 if female is None else female
        middles, givens = (names.split() for names in (FEMALE if female else MALE))
        return f"{rng.choice(SURNAMES)} {rng.choice(middles)} {rng.choice(givens)}"

    # Areas --------------------------------------------------------------------------------

    def build_areas(self, stdout: TextIO | None = None) -> None:
        """Load the official units of the new Tỉnh Ninh Bình's territory, and pick communes.

        ``load_areas`` goes through the areas import: one batch in the import history, or
        nothing at all when the units are already there.
        """
        out = stdout if stdout is not None else io.StringIO()
        try:
            call_command("load_areas", province=["36"], stdout=out, stderr=out)
        except CommandError as error:
            raise DemoDataConflict(
                f"Không nạp được đơn vị hành chính chính thức của tỉnh Nam Định: {error}"
            ) from error
        province = Area.objects.with_code_on("36", OLD_UNITS_END)
        self.districts = list(
            Area.objects.filter(parent=province, level=Area.Level.DISTRICT).order_by("code")
        )
        weights = {}
        for code, name, weight in (
            re.fullmatch(r"(\d+) (.+) \((\d+)\)", entry).groups() for entry in _lines(DISTRICTS)
        ):
            weights[code] = int(weight)
            if not any(d.code == code and d.name == name for d in self.districts):
                raise DemoDataConflict(
                    f"Bộ dữ liệu đơn vị hành chính không có {name} (mã {code}) thuộc tỉnh "
                    "Nam Định: cần sửa bảng huyện của dữ liệu mẫu (demo/data.py)."
                )
        communes = list(
            Area.objects.filter(parent__in=self.districts, level=Area.Level.COMMUNE)
            .select_related("parent")
            .order_by("code")
        )
        count = Counter(commune.parent_id for commune in communes)
        for commune in communes:
            share = weights.get(commune.parent.code, 0) / count[commune.parent_id]
            self.communes.append(_Commune(commune, commune.parent, share, "tỉnh Nam Định"))
        # The new communes that took over Nam Định's, weighted by what they took over.
        links = Area.successors.through.objects.filter(from_area__in=communes)
        successors = defaultdict(list)
        for from_id, to_id in links.values_list("from_area_id", "to_area_id"):
            successors[from_id].append(to_id)
        taken: Counter[int] = Counter()
        for commune in self.communes:
            for to_id in successors[commune.area.pk]:
                taken[to_id] += commune.weight / len(successors[commune.area.pk])
        self.new_communes = list(Area.objects.filter(pk__in=taken).order_by("code"))
        self.new_weights = [taken[area.pk] for area in self.new_communes]

    # Organisations ------------------------------------------------------------------------

    def address(self, commune: Area, district: Area | None, province: str = "") -> str:
        rng = self.rng
        if district and district.code == "356" and commune.name.startswith("Phường"):
            head = f"Số {rng.randint(2, 280)} đường {rng.choice(STREETS)}"
        elif commune.name.startswith(("Phường", "Thị trấn")):
            head = f"Tổ dân phố {rng.randint(1, 12)}"
        else:
            head = (
                f"Thôn {rng.choice(HAMLETS)}" if rng.random() < 0.7 else f"Xóm {rng.randint(1, 15)}"
            )
        tail = f"{district.name}, {province}" if district else "tỉnh Ninh Bình"
        return f"{head}, {commune.name}, {tail}"

    def add(
        self,
        kind: str,
        founded: datetime.date,
        *,
        sector: str = "",
        name: str = "",
        commune: _Commune | None = None,
    ) -> _Record:
        """Add an organisation in a random commune (or ``commune``), named after it."""
        rng = self.rng
        province = ""
        if commune is None and founded >= REFORM_DATE:
            location = area = rng.choices(self.new_communes, self.new_weights)[0]
            district = None
        else:
            if commune is None:
                commune = rng.choices(self.communes, [c.weight for c in self.communes])[0]
            area, district, province = commune.area, commune.district, commune.province
            # Some older records only know the district.
            location = district if founded.year < 2015 and rng.random() < 0.05 else area
        core, district_code = _core(area.name), district.code if district else ""
        if not sector:
            choices = self.activities[kind]
            sector = rng.choices(list(choices), [weight for weight, _ in choices.values()])[0]
        if not name:
            activities = self.activities[kind][sector][1]
            activity = rng.choice(activities)
            if re.search("muối|thủy sản|nước mắm", activity) and district_code not in COASTAL:
                activity = activities[0]
            place = core if rng.random() < 0.65 else rng.choice(VILLAGES)
            where = area.name[:1].lower() + area.name[1:]  # "xã Giao Châu"
            if kind != Kind.GROUP:
                name = f"HTX {activity} {place}"
            elif where.startswith(("phường", "thị trấn")):
                name = f"Tổ hợp tác {activity} tổ dân phố số {rng.randint(1, 12)} {where}"
            else:
                name = f"Tổ hợp tác {activity} thôn {rng.choice(HAMLETS)} {where}"
        self.names[name] += 1
        if self.names[name] > 1:
            name = f"{name} {self.names[name]}"
        landline = rng.random() < 0.4
        phone = (
            f"0228.38{rng.randint(10000, 99999)}"
            if landline
            else f"09{rng.randint(0, 10**8 - 1):08d}"
        )
        org = Organization(
            kind=kind,
            sector=self.sectors[sector],
            founded_on=founded,
            address=self.address(area, district, province),
            phone=phone if rng.random() < 0.9 else "",
            representative=self.person(),
            is_public=rng.random() > 0.01,
        )
        if kind != Kind.GROUP:
            org.charter_capital = _tenths(rng.lognormvariate(math.log(600), 0.9))
            if rng.random() < 0.2:
                org.email = f"htx{fold(core).replace(' ', '')}{rng.randint(1, 99)}@gmail.com"
        record = _Record(_named(org, name), [(location, founded)], core)
        self.records.append(record)
        return record

    def build_organizations(self) -> None:
        rng = self.rng
        # HTX founded up to 2021 and existing on 30/06/2023, most re-registered in 1997–1999.
        eras = [(1997, 1999), (2000, 2009), (2010, 2017), (2018, 2021)]
        for first, last in rng.choices(eras, weights=[45, 15, 25, 15], k=OLDER_HTX):
            self.add(Kind.HTX, self.day(D(first, 1, 1), D(last, 12, 31)))
        for kind, start, end, count in _table(BATCHES):
            for _ in range(count):
                self.add(kind, self.day(start, end))
        for kind, status, start, end, count, which in _table(STATUSES):
            if which == "old":
                pool = [
                    r.org
                    for r in self.records
                    if r.org.kind == kind
                    and r.org.founded_on.year <= 2021
                    and r.org.status == "active"
                ]
                for org in rng.sample(pool, count):
                    org.status = status
                    later = org.founded_on + datetime.timedelta(days=400)
                    org.status_changed_on = max(self.day(start, end), later)
                continue
            for _ in range(count):
                changed = self.day(start, end)
                first = D(2005 if kind == Kind.GROUP else 1997, 1, 1)
                org = self.add(
                    kind, self.day(first, changed - datetime.timedelta(days=3 * 365))
                ).org
                org.status, org.status_changed_on = status, changed
        # One Quỹ TDND in each of 20 communes, and two unions in the city.
        for commune in rng.sample(self.communes, CREDIT_FUNDS):
            founded, name = self.day(D(1994, 1, 1), D(2002, 12, 31)), _core(commune.area.name)
            self.add(
                Kind.CREDIT_FUND,
                founded,
                sector="Tín dụng",
                name=f"Quỹ TDND {name}",
                commune=commune,
            )
        for founded, sector, name in UNIONS:
            self.add(Kind.UNION, founded, sector=sector, name=name, commune=self.communes[0])
        for commune, kind in self.split_communes():
            self.add(kind, self.day(*SPLIT_FOUNDED), commune=commune)
        self.finish_organizations()

    def split_communes(self) -> list[tuple[_Commune, str]]:
        """The communes of ``SPLIT_COMMUNES`` (split between several new communes) and kinds."""
        found = []
        for code, kind in _table(SPLIT_COMMUNES):
            area = Area.objects.select_related("parent__parent").with_code_on(
                str(code), OLD_UNITS_END
            )
            if area is None or area.successors.count() < 2:
                raise DemoDataConflict(
                    f"Bộ dữ liệu đơn vị hành chính không có xã mã {code} được chia cho nhiều "
                    "xã mới: cần sửa bảng xã của dữ liệu mẫu (demo/data.py)."
                )
            district, province = area.parent, area.parent.parent.name
            here = _Commune(area, district, 0, province[:1].lower() + province[1:])
            found.append((here, kind))
        return found

    def finish_organizations(self) -> None:
        rng = self.rng
        # A handful of HTX moved their head office to another commune of the same district.
        movable = [
            r
            for r in self.records
            if r.org.kind == Kind.HTX
            and r.org.status == "active"
            and r.org.founded_on.year < 2020
            and r.locations[0][0].level == "commune"
        ]
        for record in rng.sample(movable, 6):
            here = record.locations[0][0]
            there = [c.area for c in self.communes if c.district == here.parent and c.area != here]
            record.locations.append(
                (rng.choice(there), rng.choice([D(2021, 3, 1), D(2022, 9, 15)]))
            )
        numbers = _numbers()
        if len(self.records) != organization_count():
            raise AssertionError("organization_count() no longer matches the builder")
        spare = iter(numbers[len(self.records) :])
        for record, number in zip(self.records, numbers, strict=False):
            org, roll = record.org, rng.random()
            org.code = f"06{number:08d}"
            org.area = record.locations[-1][0]  # bulk_create skips Location.save()
            if org.kind == Kind.GROUP:
                org.tax_code = org.code if roll < 0.15 else ""
                continue
            org.tax_code = org.code if roll < 0.8 else "" if roll < 0.92 else f"06{next(spare):08d}"
            org.is_alliance_member = org.kind != Kind.HTX or rng.random() < 0.62
            if org.is_alliance_member and rng.random() < 0.8:
                org.alliance_joined_on = self.day(
                    org.founded_on, max(org.founded_on, OLD_UNITS_END)
                )
            org.is_new_model = org.kind == Kind.HTX and rng.random() < 0.15
        Organization.objects.bulk_create([r.org for r in self.records], batch_size=500)
        Location.objects.bulk_create(
            [
                Location(organization=r.org, area=a, valid_from=d)
                for r in self.records
                for a, d in r.locations
            ],
            batch_size=1000,
        )

    # Figures ------------------------------------------------------------------------------

    def profile(self, org: Organization) -> dict:
        rng = self.rng
        if org.kind == Kind.GROUP:
            return {
                "revenue": rng.lognormvariate(math.log(300), 0.7),
                "members": rng.randint(5, 30),
                "workers": rng.randint(2, 12),
                "income": rng.uniform(2.2, 4.0),
                "growth": 1.04,
            }
        agri = org.sector.is_agricultural
        members = {Kind.CREDIT_FUND: (800, 4000), Kind.UNION: (5, 12)}.get(
            org.kind, (150, 1800) if agri else (7, 60)
        )
        managers = rng.randint(3, 7)
        return {
            "revenue": rng.lognormvariate(
                math.log({Kind.HTX: 2400, Kind.CREDIT_FUND: 4200}.get(org.kind, 9000)),
                0.8 if org.kind == Kind.HTX else 0.4,
            ),
            "members": rng.randint(*members),
            "workers": rng.randint(4, 25) if agri else rng.randint(5, 45),
            "income": min(max(rng.gauss(3.4, 0.6), 1.8), 6.5),
            "managers": managers,
            "university": rng.randint(0, min(2, managers)),
            "trained": rng.randint(managers // 2, managers),
            "rating": rng.choices(["good", "fair", "average", "weak", ""], [25, 40, 25, 5, 5])[0],
            "ntm": agri and rng.random() < 0.55,
            "growth": rng.gauss(1.05, 0.04),
        }

    def build_figures(self) -> int:
        rng = self.rng
        orgs = [r.org for r in self.records]
        profiles = {org.code: self.profile(org) for org in orgs}
        rates = {Kind.GROUP: 0.7, Kind.HTX: 0.9, Kind.CREDIT_FUND: 0.9, Kind.UNION: 0.9}
        reporting = {}
        for year, months in PERIODS:
            end = period_end(year, months)
            reporting[year, months] = [
                org
                for org in orgs
                if org.exists_at(end)
                and rng.random() < (0.3 if org.status == Status.SUSPENDED else rates[org.kind])
            ]
        overrides = self.tune_first_half_2023(reporting[2023, 6], profiles)
        rows = []
        for (year, months), period_orgs in reporting.items():
            for org in period_orgs:
                row = self.figures_row(org, profiles[org.code], year, months)
                if (year, months) == (2023, 6):
                    for name, value in overrides[org.code].items():
                        setattr(row, name, value)
                    if row.workers is not None:
                        row.insured_workers = min(row.insured_workers, row.workers)
                rows.append(row)
        Figures.objects.bulk_create(rows, batch_size=1000)
        return len(rows)

    def tune_first_half_2023(self, orgs: list[Organization], profiles: dict) -> dict:
        """Return per-code values that make the 6-month 2023 figures match the report exactly."""
        rng = self.rng
        overrides: dict[str, dict] = {
            org.code: {"data_kind": Figures.DataKind.ESTIMATE, "state": Figures.State.APPROVED}
            for org in orgs
        }
        htx = [org for org in orgs if org.kind == Kind.HTX]
        for pool in (htx, [org for org in orgs if org.kind == Kind.CREDIT_FUND]):
            given = []
            for org in pool:
                if org.kind == Kind.HTX and rng.random() < 0.03:
                    overrides[org.code]["revenue"] = None
                else:
                    given.append(org)
            # A skewed spread scaled to the mean; the rounding rest goes to the largest.
            raw = [profiles[org.code]["revenue"] / 2 * rng.uniform(0.9, 1.1) for org in given]
            total = int(MEAN_REVENUE * 10) * len(given)
            tenths = [round(value * total / sum(raw)) for value in raw]
            tenths[tenths.index(max(tenths))] += total - sum(tenths)
            for org, value in zip(given, tenths, strict=True):
                overrides[org.code]["revenue"] = Decimal(value) / 10
        # Income in pairs of equal workforces around the mean, so the weighted mean is exact.
        both = []
        for org in htx:
            if rng.random() < 0.04:
                overrides[org.code][rng.choice(["avg_income", "workers"])] = None
            else:
                both.append(org)
        rng.shuffle(both)
        if len(both) % 2:
            overrides[both.pop().code]["avg_income"] = MEAN_INCOME
        for first, second in zip(both[::2], both[1::2], strict=True):
            spread = Decimal(rng.randint(0, 130)) / 100
            workers = profiles[first.code]["workers"]
            overrides[first.code] |= {"workers": workers, "avg_income": MEAN_INCOME + spread}
            overrides[second.code] |= {"workers": workers, "avg_income": MEAN_INCOME - spread}
        # Criterion 13.1: exactly 250, agricultural HTX first.
        ranked = sorted(htx, key=lambda org: (not profiles[org.code]["ntm"], rng.random()))
        for index, org in enumerate(ranked):
            overrides[org.code]["meets_ntm_13_1"] = index < NTM_HTX
        return overrides

    def figures_row(self, org: Organization, p: dict, year: int, months: int) -> Figures:
        rng = self.rng
        drift = p["growth"] ** (year - 2023 + (months - 6) / 12)
        revenue = p["revenue"] * months / 12 * drift * rng.uniform(0.9, 1.1)
        workers = max(1, p["workers"] + rng.randint(-1, 1))
        recent = (year, months) >= (2025, 6)
        row = Figures(
            organization=org,
            year=year,
            months=months,
            state=rng.choices(["approved", "submitted", "draft"], [70, 25, 5])[0]
            if recent
            else "approved",
            members=max(3, round(p["members"] * rng.uniform(0.97, 1.03))),
            workers=workers,
            revenue=_tenths(revenue),
            profit=_tenths(revenue * rng.uniform(-0.03, 0.12)),
            avg_income=Decimal(round(p["income"] * drift * rng.uniform(0.97, 1.03) * 100)) / 100,
            insured_workers=0 if rng.random() < 0.5 else rng.randint(1, workers),
            tax_paid=Decimal(0),
        )
        if org.kind == Kind.GROUP:
            return row
        if rng.random() < 0.65:
            row.tax_paid = _tenths(revenue * rng.uniform(0.005, 0.02))
        row.rating = p["rating"] if rng.random() < 0.85 else rng.choice(["good", "fair", "average"])
        row.meets_ntm_13_1 = p["ntm"] and (year >= 2023 or rng.random() < 0.8)
        row.managers, row.managers_university = p["managers"], p["university"]
        row.managers_college = rng.randint(0, p["managers"] - p["university"])
        row.managers_trained = p["trained"]
        return row

    # OCOP products, loans, targets, members -----------------------------------------------

    def product(self, org, name: str, group: str, stars: int, certified) -> OcopProduct:
        rng = self.rng
        level = {5: "central", 4: "province"}.get(stars) or rng.choice(["province", "district"])
        number = f"{rng.randint(120, 3990)}/QĐ-{'TTg' if stars == 5 else 'UBND'}"
        product = OcopProduct(
            organization=org,
            group=group,
            stars=stars,
            level=level,
            certified_on=certified,
            decision_number=number,
        )
        product.expires_on = OcopProduct.default_expiry(certified)  # bulk_create skips save()
        return _named(product, name)

    def build_ocop(self) -> int:
        rng = self.rng
        owners = [
            r for r in self.records if r.org.kind == Kind.HTX and r.org.founded_on.year < 2023
        ]
        # Crafts come from craft HTX, tourism from service HTX, the rest from farms and processors.
        makers = {"handicraft": {"Công nghiệp - TTCN"}, "tourism": {"Thương mại - Dịch vụ"}}
        templates = [
            (group, name)
            for group, line in (e.split(": ") for e in _lines(OCOP_PRODUCTS))
            for name in line.split("|")
        ]
        products, seen = [], set()
        while len(products) < 120:
            group, template = rng.choice(templates)
            sectors = makers.get(group, {"Nông nghiệp", "Công nghiệp - TTCN"})
            record = rng.choice([r for r in owners if r.org.sector.name in sectors])
            name = template.format(record.place)
            certified = self.day(max(D(2019, 1, 1), record.org.founded_on), D(2025, 10, 31))
            if (record.org.code, name) in seen or not record.org.exists_at(certified):
                continue
            seen.add((record.org.code, name))
            stars = rng.choices([3, 4, 5], [58, 39, 3])[0]
            products.append(self.product(record.org, name, group, stars, certified))
        active = [r.org for r in owners if r.org.status == Status.ACTIVE]
        for name, group, days in EXPIRING_OCOP:
            org = rng.choice([org for org in active if (org.code, name) not in seen])
            certified = add_months(self.today + datetime.timedelta(days=days + 1), -36)
            products.append(self.product(org, name, group, 3, certified))
        OcopProduct.objects.bulk_create(products)
        return len(products)

    def build_loans(self) -> int:
        rng = self.rng
        htx = [r.org for r in self.records if r.org.kind == Kind.HTX]
        loans, keys = [], set()
        # The report mentions one disbursement in the first half of 2023: the first loan.
        windows = [(D(2019, 1, 1), D(2022, 12, 31))] * 3 + [(D(2023, 7, 1), D(2025, 12, 31))] * 2
        while len(loans) < 60:
            disbursed = self.day(
                *(rng.choice(windows) if loans else (D(2023, 3, 1), D(2023, 6, 30)))
            )
            org = rng.choice(htx)
            source = (
                rng.choices(Loan.Source.values, [30, 45, 15, 10])[0] if loans else "central_fund"
            )
            if (org.code, source, disbursed) in keys or not org.exists_at(disbursed):
                continue
            keys.add((org.code, source, disbursed))
            amount, term = Decimal(rng.randint(2, 40) * 50), rng.choice([36, 60, None])
            repaid = min(1.0, (D(2025, 12, 31) - disbursed).days / (30.4 * (term or 72)))
            loans.append(
                Loan(
                    organization=org,
                    source=source,
                    amount=amount,
                    disbursed_on=disbursed,
                    matures_on=add_months(disbursed, term) if term else None,
                    outstanding=_tenths(float(amount) * (1 - repaid)),
                )
            )
        Loan.objects.bulk_create(loans)
        return len(loans)

    def build_targets(self) -> int:
        rows = _table(TARGETS)
        Target.objects.bulk_create(
            Target(
                area=Area.objects.with_code_on(str(code), period_end(year, months)),
                year=year,
                months=months,
                indicator=indicator,
                value=Decimal(str(value)),
                basis=PLANS[plan],
            )
            for code, year, months, indicator, value, plan in rows
        )
        return len(rows)

    def build_members(self) -> int:
        rng = self.rng
        pool = [
            r.org
            for r in self.records
            if r.org.kind == Kind.HTX
            and r.org.status == Status.ACTIVE
            and r.org.founded_on.year < 2020
        ]
        members = []
        for org in rng.sample(pool, 10):
            ids = set()
            for _ in range(rng.randint(15, 40)):
                party = rng.choices(Member.PartyType.values, [80, 17, 3])[0]
                member_type = rng.choices(Member.MemberType.values, [75, 15, 10])[0]
                if party == "legal_entity":
                    full_name = f"Công ty TNHH {rng.choice(VILLAGES)} {rng.randint(1, 9)}"
                    id_number = f"06{rng.randint(0, 10**8 - 1):08d}"
                else:  # a 12-digit citizen ID of Nam Định: 036, sex and century, year, serial
                    female, born = rng.random() < 0.4, rng.randint(1950, 2003)
                    full_name = self.person(female)
                    sex_century = (0 if born < 2000 else 2) + female
                    id_number = f"036{sex_century}{born % 100:02d}{rng.randint(0, 999999):06d}"
                if id_number in ids:
                    continue
                ids.add(id_number)
                joined = self.day(org.founded_on, OLD_UNITS_END)
                capital = None if member_type == "associate" else Decimal(rng.randint(4, 100)) / 2
                left = self.day(joined, D(2025, 12, 31)) if rng.random() < 0.05 else None
                members.append(
                    Member(
                        organization=org,
                        full_name=nfc(full_name),
                        name_folded=fold(full_name),
                        member_type=member_type,
                        party_type=party,
                        id_number=id_number,
                        capital_contribution=capital,
                        joined_on=joined,
                        left_on=left,
                    )
                )
        Member.objects.bulk_create(members)
        return len(members)
