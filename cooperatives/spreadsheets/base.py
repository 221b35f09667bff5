"""What every record kind declares: its columns, its key, how a row becomes a record."""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import timezone

from cooperatives.scoping import area_scope, scoped_area_ids
from core.lib.text import fold
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError


@dataclass(frozen=True)
class Column:
    header: str
    attr: str
    parse: Callable[[object], object]
    required: bool = False
    help: str = ""
    allowed: Sequence[str] = ()
    example: object = None
    kind: str = "text"  # text | date | number | integer | bool: how exports write it
    default: object = None  # what a blank cell stands for, where the contract says
    # Whether a totals row ("Tổng cộng") holds this column's sum: numbers do, unless
    # they are a year, a count of months, a rating or an average (``summed=False``).
    summed: bool | None = None

    @property
    def adds_up(self) -> bool:
        if self.summed is not None:
            return self.summed
        return self.kind in ("number", "integer")


@dataclass
class RowError:
    row: int | None
    header: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.header is None:
            return f"Dòng {self.row}: {self.message}"
        if self.value:
            return f'Dòng {self.row}, cột "{self.header}": "{self.value}" {self.message}'
        return f'Dòng {self.row}, cột "{self.header}": {self.message}'


@dataclass(slots=True)
class ParsedRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: list  # the cells as read, in file order
    positions: dict[str, int]  # contract header -> index in ``cells`` (shared by all rows)
    present: frozenset[str]  # attrs whose column is in the file (shared by all rows)
    data: dict[str, object] = field(default_factory=dict)  # attr -> parsed value
    ok: bool = True
    # (header, value in the cell, value read) for values put right: lost leading zeros.
    restored: list | None = None

    def restore(self, header: str, original: str, value: str) -> None:
        if self.restored is None:
            self.restored = []
        self.restored.append((header, original, value))

    def cell(self, header: str):
        """Return the cell under a contract header, or None when the file lacks it."""
        index = self.positions.get(header)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]


class RowErrors:
    """Collects the errors of one file, in row order."""

    def __init__(self) -> None:
        self.items: list[RowError] = []

    def add(self, row: ParsedRow | None, header: str | None, message: str) -> None:
        value = None
        if row is not None and header is not None:
            value = cells.display(row.cell(header))
        self.items.append(RowError(row.number if row else None, header, value, message))
        if row is not None:
            row.ok = False

    def __bool__(self) -> bool:
        return bool(self.items)


def between(low=None, high=None, integer=False, label: str = ""):
    """Return a number parser bounded to [low, high]."""

    def parse(value):
        result = cells.integer(value) if integer else cells.number(value)
        if low is not None and result < low:
            if low == 0:
                raise CellError("không được âm.")
            raise CellError(f"phải từ {low} trở lên.")
        if high is not None and result > high:
            raise CellError(f"phải từ {low} đến {high}.")
        return result

    return parse


def positive(value) -> Decimal:
    result = cells.number(value)
    if result <= 0:
        raise CellError("phải lớn hơn 0.")
    return result


count = between(0, integer=True)
money = cells.number
money_nonnegative = between(0)


def choice_from(model_choices: type[models.Choices], aliases: dict[str, object] | None = None):
    return cells.Choices(model_choices.choices, aliases)


class Context:
    """What one import run knows: who runs it, which areas they may touch, and today."""

    def __init__(self, *, user=None, today: datetime.date | None = None) -> None:
        self.user = user
        self.today = today or timezone.localdate()
        self.location_scope = area_scope(user) if user is not None else None
        self.own_areas = scoped_area_ids(user) if user is not None else None

    def may_touch_organization(self, org) -> bool:
        return self.location_scope is None or org.area_id in self.location_scope

    def may_use_area(self, area) -> bool:
        return self.own_areas is None or area.pk in self.own_areas


class NameIndex:
    """Finds records by code, or by name without diacritics; a name may be ambiguous."""

    def __init__(self, noun: str) -> None:
        self.noun = noun
        self.by_code: dict[str, object] = {}
        self.by_name: dict[str, list] = {}
        # The error for a value that names no record (an index limited to what the user
        # may see says so).
        self.missing = f"không có {noun} nào có mã hoặc tên này."

    def add(self, obj, code: str, name: str) -> None:
        self.by_code[code] = obj
        self.by_name.setdefault(fold(name), []).append(obj)

    def find(self, value):
        """Return the record; raise CellError naming the candidates when there are several."""
        key = cells.text(value)
        if key in self.by_code:
            return self.by_code[key]
        matches = self.by_name.get(fold(key), [])
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            codes = ", ".join(sorted(str(m.code) for m in matches))
            raise CellError(f"trùng tên với nhiều {self.noun} (mã {codes}): hãy ghi mã.")
        raise CellError(self.missing)


def same(old, new) -> bool:
    """Return whether a stored value equals an imported one (Decimal places do not matter)."""
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        if old is None or new is None:
            return old is None and new is None
        return Decimal(old) == Decimal(new)
    if old in (None, "") and new in (None, ""):
        return True
    return old == new
