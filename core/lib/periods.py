"""Reporting periods: ``months`` months from January of ``year`` (6 = the first half, 12 =
the whole year), their last day and how people name them. The one definition of each.

``period_label`` is the period in a sentence or a title (``6 tháng đầu năm 2025``,
``năm 2025``); ``short_period_label`` is the period in a list or a table column
(``6 tháng/2025``, ``Năm 2025``); ``months_label`` names the months alone, as the
report picker offers them next to a separate year (``6 tháng đầu năm``, ``Cả năm``).
"""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return ``day`` moved by ``months``, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(year: int, months: int) -> datetime.date:
    """Return the last day of month ``months`` of ``year``."""
    return datetime.date(year, months, calendar.monthrange(year, months)[1])


def period_label(year: int, months: int) -> str:
    """Return a period as sentences and titles name it: ``6 tháng đầu năm 2025``."""
    if months == 12:
        return f"năm {year}"
    if months == 1:
        return f"tháng 1 năm {year}"
    return f"{months} tháng đầu năm {year}"


def short_period_label(year: int, months: int) -> str:
    """Return a period as lists show it: ``6 tháng/2023``, ``Năm 2023``."""
    return f"Năm {year}" if months == 12 else f"{months} tháng/{year}"


def months_label(months: int) -> str:
    """Return the months of a period without its year, as a picker offers them."""
    return "Cả năm" if months == 12 else f"{months} tháng đầu năm"
