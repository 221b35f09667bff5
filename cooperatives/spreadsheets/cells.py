"""Cell values as staff type them: Vietnamese dates, numbers, yes/no and choice lists."""

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from core.lib.text import fold, nfc


class CellError(ValueError):
    """A cell that cannot be read; the message follows the quoted value in a report."""


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def display(value) -> str:
    """Return a cell value as a person would recognise it in an error message."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


# C0 control characters other than tab, line feed and carriage return: a worksheet cannot
# hold them (exporting the record again would fail) and PostgreSQL refuses NUL in text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_MESSAGE = "có ký tự điều khiển không in được (mã {code}); hãy xoá ký tự này rồi nhập lại."


def is_control(character: str) -> bool:
    return _CONTROL.fullmatch(character) is not None


def text(value) -> str:
    """Return the cell as NFC text without surrounding spaces.

    A leading apostrophe before ``= + - @`` is the mark our exports put there so that a
    spreadsheet does not run the cell as a formula, and before ``'`` the one they put before
    a text that itself starts with an apostrophe: it is dropped on the way back in.
    Control characters (see ``_CONTROL``) are refused.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = nfc(str(value))
    if control := _CONTROL.search(result):
        raise CellError(CONTROL_MESSAGE.format(code=f"U+{ord(control.group()):04X}"))
    if len(result) > 1 and result[0] == "'" and result[1] in "=+-@'":
        result = result[1:]
    return result


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")


def date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if parsed.year < 1900:
            break
        return parsed
    raise CellError("không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 30/06/2025).")


_PLAIN = re.compile(r"-?\d+(\.\d+)?")
_GROUPED = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")  # "0.500" is a decimal
_VIETNAMESE = re.compile(r"-?\d{1,3}(\.\d{3})*,\d+|-?\d+,\d+")


def number(value) -> Decimal:
    """Return a cell as a Decimal, reading both ``2.312,5`` and ``2312.5``.

    In text, ``,`` is the decimal mark and a ``.`` followed by exactly three digits is a
    thousands separator; a single ``.`` followed by one, two or more than three digits is
    a decimal point.
    """
    if isinstance(value, bool):
        raise CellError("không phải là số.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():  # NaN or infinity: no cell of a real workbook
            raise CellError("không phải là số.")
        return value
    if isinstance(value, datetime.date):
        raise CellError("là ngày, không phải là số.")
    raw = text(value).replace("\u00a0", "").replace(" ", "")
    if raw.startswith("+"):
        raw = raw[1:]
    if _VIETNAMESE.fullmatch(raw):
        normalized = raw.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(raw):
        normalized = raw.replace(".", "")
    elif _PLAIN.fullmatch(raw):
        normalized = raw
    else:
        raise CellError("không phải là số.")
    try:
        return Decimal(normalized)
    except InvalidOperation:
        raise CellError("không phải là số.") from None


def integer(value) -> int:
    result = number(value)
    if result != result.to_integral_value():
        raise CellError("phải là số nguyên.")
    return int(result)


_YES = {"co", "x", "1", "yes", "dung"}
_NO = {"khong", "0", "no", "sai"}


def yes_no(value) -> bool:
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    folded = fold(text(value))
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise CellError("không phải là Có/Không (ghi Có, Không, x, 1 hoặc 0).")


class Choices:
    """A choice list matched without case, diacritics or surrounding spaces."""

    def __init__(
        self, options: Iterable[tuple[object, str]], aliases: dict[str, object] | None = None
    ):
        self.options = list(options)
        self.lookup: dict[str, object] = {fold(label): value for value, label in self.options}
        for alias, value in (aliases or {}).items():
            self.lookup[fold(alias)] = value

    @property
    def labels(self) -> list[str]:
        return [label for _, label in self.options]

    def __call__(self, value):
        folded = fold(text(value))
        if folded in self.lookup:
            return self.lookup[folded]
        allowed = ", ".join(f"“{label}”" for label in self.labels)
        raise CellError(f"không có trong danh sách: {allowed}.")
