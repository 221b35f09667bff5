"""A unit named by its code in text people type or links they keep: ``14011@30/06/2025``.

A bare code names the unit that has it today. ``CODE@DAY`` names the unit that has the
code on that day: for a unit that has ended, people write its last day (``--area
14011@30/06/2025`` for Xã Bình Minh, whose code Xã Nam Minh has from 01/07/2025). The day
is written ``dd/mm/yyyy`` or ``dd-mm-yyyy`` (the latter reads better in a link).
"""

import datetime

from cooperatives.models import Area, code_not_on_day
from core.lib.reform import LAST_OLD_DAY_TEXT

SEPARATOR = "@"


class AreaReferenceError(ValueError):
    """A reference no unit answers to, with a one-line Vietnamese message."""


def parse_reference(text: str) -> tuple[str, datetime.date | None]:
    """Split ``text`` into its code and its day (None for a bare code)."""
    code, separator, day_text = text.strip().partition(SEPARATOR)
    code = code.strip()
    if not code:
        raise AreaReferenceError(f"“{text}” không có mã đơn vị hành chính.")
    if not separator:
        return code, None
    day_text = day_text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y"):
        try:
            return code, datetime.datetime.strptime(day_text, pattern).date()
        except ValueError:
            continue
    raise AreaReferenceError(
        f"“{day_text}” không phải là ngày hợp lệ (viết MÃ{SEPARATOR}dd/mm/yyyy, "
        f"ví dụ 14011{SEPARATOR}{LAST_OLD_DAY_TEXT})."
    )


def resolve_reference(text: str, today: datetime.date) -> Area:
    """Return the unit ``text`` names: its code on its day, or today for a bare code."""
    code, day = parse_reference(text)
    day = day or today
    area = Area.objects.with_code_on(code, day)
    if area is None:
        message = code_not_on_day(code, day)
        raise AreaReferenceError(message[:1].upper() + message[1:])
    return area


def reference_of(area: Area, today: datetime.date, separator_style: str = "/") -> str:
    """The reference that names ``area``: its bare code if it exists today, else its code
    with a day it exists on (its last day, or its first for a unit yet to come)."""
    if area.exists_at(today):
        return area.code
    day = area.valid_to if area.valid_to and area.valid_to < today else area.valid_from
    if day is None:  # never happens for a unit that does not exist today
        return area.code
    return f"{area.code}{SEPARATOR}{day.strftime(f'%d{separator_style}%m{separator_style}%Y')}"
