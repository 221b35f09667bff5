"""What the parts of the demo's builder share: the tables' parsing, the organisations' codes,
and the builder's state (its generator, its records, the communes it places them in)."""

import datetime
import random
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from cooperatives.models import Area, Organization, Sector
from core.lib.text import fold, nfc
from demo.data import (
    BATCHES,
    CREDIT_FUNDS,
    FEMALE,
    GROUP_SECTORS,
    HTX_SECTORS,
    MALE,
    OLDER_HTX,
    SEED,
    SPLIT_COMMUNES,
    STATUSES,
    SURNAMES,
    VILLAGES,
    D,
    Kind,
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


def _columns(text: str) -> list[list[str]]:
    """Parse "a | b | c" lines into [[a, b, c], ...]."""
    return [[cell.strip() for cell in entry.split("|")] for entry in _lines(text)]


def activity_sectors() -> dict[str, str]:
    """The sector of each activity of HTX names: {"Cơ khí": "Công nghiệp - TTCN", ...}."""
    return {
        activity: sector
        for sector, (_, activities) in _choices(HTX_SECTORS).items()
        for activity in activities
    }


def villages() -> dict[str, list[tuple[str, str]]]:
    """The villages of ``VILLAGES`` by commune code: [(village, craft or ""), ...]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in _lines(VILLAGES):
        name, code, craft = re.fullmatch(r"(.+?) (\d{5})(?: (.+))?", entry).groups()
        found.setdefault(code, []).append((name, craft or ""))
    return found


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
    place: str  # the commune's short name, or the village the name carries: product names
    activity: str = ""  # the words of an HTX's name saying what it does (HTX_SECTORS)
    commune: Area | None = None  # the commune of its address


class _BuilderBase:
    """The builder's state and its random days and people; the parts add the ``build_*`` steps."""

    def __init__(self, today: datetime.date) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.sectors = {sector.name: sector for sector in Sector.objects.all()}
        self.activities = {Kind.HTX: _choices(HTX_SECTORS), Kind.GROUP: _choices(GROUP_SECTORS)}
        self.activity_sectors = activity_sectors()
        self.villages = villages()
        self.names: Counter[str] = Counter()
        self.records: list[_Record] = []
        self.communes: list[_Commune] = []
        self.districts: list[Area] = []
        self.new_communes: list[Area] = []
        self.new_weights: list[float] = []
        self.successor: dict[int, Area] = {}  # old commune's pk → the new commune it went into

    def day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def person(self, female: bool | None = None) -> str:
        rng = self.rng
        female = rng.random() < 0.35 if female is None else female
        middles, givens = (names.split() for names in (FEMALE if female else MALE))
        return f"{rng.choice(SURNAMES)} {rng.choice(middles)} {rng.choice(givens)}"
