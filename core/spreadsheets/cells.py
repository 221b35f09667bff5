"""Cell values as staff type them: Vietnamese dates, numbers, yes/no and choice lists."""

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from core.lib import links
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
_SHORT_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})")
DATE_MESSAGE = "không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 30/06/2025)."


class Restored(str):
    """A value read back to what was meant: a code or phone number that lost its leading
    zero to a spreadsheet program (a number cell). ``original`` is what the cell held."""

    original: str

    def __new__(cls, value: str, original: str) -> "Restored":
        restored = super().__new__(cls, value)
        restored.original = original
        return restored


# An organisation's code (mã số HTX, also its tax code): 10 digits, or 10 digits, "-" and
# 3 digits for a branch. Province codes of the tax office start with 0 (01 to 09), so
# a spreadsheet that reads the code as a number drops that zero: 9 digits left.
CODE_FORMAT = re.compile(r"\d{10}(-\d{3})?")
CODE_FORMAT_MESSAGE = (
    "không đúng dạng mã số: phải gồm 10 chữ số (hoặc 10 chữ số, dấu “-” và 3 chữ số), "
    "ví dụ 0600123456."
)
_CODE_LOST_ZERO = re.compile(r"[1-9]\d{8}(-\d{3})?")


def code_with_zero(code: str) -> str | None:
    """The code with its leading zero put back, when it looks like one that lost it."""
    return "0" + code if _CODE_LOST_ZERO.fullmatch(code) else None


def code_without_zero(code: str) -> str | None:
    """The code as a spreadsheet would have shortened it (its twin), if it could be."""
    return code[1:] if code.startswith("0") and CODE_FORMAT.fullmatch(code) else None


# Vietnamese phone numbers start with 0: mobiles have 10 digits (03, 05, 07, 08, 09),
# landlines 11 (02 and the area code). A number cell keeps 9 or 10 digits of them.
_PHONE_LOST_ZERO = re.compile(r"[35789]\d{8}|2\d{9}")


def phone(value) -> str:
    """A phone number as written; one that lost its leading zero gets it back."""
    result = text(value)
    if _PHONE_LOST_ZERO.fullmatch(result):
        return Restored("0" + result, result)
    return result


def web_links(value) -> str:
    """Web addresses, one per line or separated by ";", kept one per line."""
    try:
        return "\n".join(links.web_links(text(value), strict=True))
    except ValueError as problem:
        raise CellError(str(problem)) from None


def tax_code(value) -> str:
    """A tax code as written; one that lost its leading zero (9 digits) gets it back."""
    result = text(value)
    padded = code_with_zero(result)
    return result if padded is None else Restored(padded, result)


def date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    if short := _SHORT_YEAR.fullmatch(raw):
        # A date a spreadsheet program wrote with a two-digit year (LibreOffice in
        # Vietnamese saves a CSV's dates as dd/mm/yy): this century up to this year.
        day, month, year = (int(part) for part in short.groups())
        year += 2000 if year <= datetime.date.today().year % 100 else 1900
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise CellError(DATE_MESSAGE) from None
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if parsed.year < 1900:
            break
        return parsed
    raise CellError(DATE_MESSAGE)


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
