"""The demo's areas and organisations: the official units, the communes the organisations sit
in, and the organisations with their names, addresses, statuses, moves and codes, a few of
them those the articles are about."""

import datetime
import io
import math
import re
from collections import Counter, defaultdict
from typing import TextIO

from django.core.management import call_command
from django.core.management.base import CommandError

from cooperatives.models import Area, Location, Organization
from core.lib.reform import REFORM_DATE
from core.lib.text import fold
from demo.building.base import (
    UNIONS,
    DemoDataConflict,
    _BuilderBase,
    _columns,
    _Commune,
    _core,
    _lines,
    _named,
    _numbers,
    _Record,
    _table,
    _tenths,
    organization_count,
)
from demo.data import (
    BATCHES,
    COASTAL,
    CREDIT_FUNDS,
    DISTRICTS,
    FEATURED,
    HAMLETS,
    OLD_UNITS_END,
    OLDER_HTX,
    SPLIT_COMMUNES,
    SPLIT_FOUNDED,
    STATUSES,
    STREETS,
    D,
    Kind,
    Status,
)


class _Organizations(_BuilderBase):
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
        # Where a buyer finds an organisation today: the new commune its own went into whole.
        new = {area.pk: area for area in self.new_communes}
        self.successor = {
            from_id: new[to_ids[0]] for from_id, to_ids in successors.items() if len(to_ids) == 1
        }

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
        activity, place = "", core
        if not name:
            activities = self.activities[kind][sector][1]
            activity = rng.choice(activities)
            if re.search("muối|thủy sản|nước mắm", activity) and district_code not in COASTAL:
                activity = activities[0]
            # An HTX of a village's craft takes the village's name; others, now and then.
            roll, here = rng.random(), self.villages.get(area.code, []) if district else []
            crafted = [village for village, craft in here if craft == activity]
            if kind != Kind.GROUP and crafted:
                place = crafted[int(roll * len(crafted))]
            elif kind != Kind.GROUP and here and roll < 0.35:
                place = here[int(roll / 0.35 * len(here))][0]
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
        record = _Record(_named(org, name), [(location, founded)], place, activity, area)
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

    def feature_organizations(self) -> None:
        """Make generated HTX into those of ``FEATURED``, which the articles are about.

        Each takes an active HTX founded by 2021 that never moved, in the same district if
        one is left (the one of that very name first), and keeps its code; one that already
        had the name takes the next free number.
        """
        communes = {c.area.code: c for c in self.communes}
        taken: set[int] = set()
        for name, activity, code, founded, place in _columns(FEATURED):
            commune, founded = communes[code], D.fromisoformat(founded)
            pool = [
                r
                for r in self.records
                if r.org.kind == Kind.HTX
                and r.org.status == Status.ACTIVE
                and r.org.founded_on.year <= 2021
                and len(r.locations) == 1
                and r.locations[0][0].level == Area.Level.COMMUNE
                and id(r) not in taken
            ]
            record = min(
                pool,
                key=lambda r: (r.org.name != name, r.locations[0][0].parent != commune.district),
            )
            taken.add(id(record))
            for other in self.records:
                if other.org.name == name and other is not record:
                    self.names[name] += 1
                    _named(other.org, f"{name} {self.names[name]}")
            org = _named(record.org, name)
            org.sector = self.sectors[self.activity_sectors[activity]]
            org.founded_on, org.is_public = founded, True
            org.address = self.address(commune.area, commune.district, commune.province)
            org.phone = org.phone or f"09{self.rng.randint(0, 10**8 - 1):08d}"
            record.locations = [(commune.area, founded)]
            record.place, record.activity, record.commune = place, activity, commune.area

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
            there = [c for c in self.communes if c.district == here.parent and c.area != here]
            moved = rng.choice(there)
            record.locations.append((moved.area, rng.choice([D(2021, 3, 1), D(2022, 9, 15)])))
            record.org.address = self.address(moved.area, moved.district, moved.province)
            record.commune = moved.area
        self.feature_organizations()
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
