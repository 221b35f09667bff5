"""Charts as inline SVG made on the server: the same picture on a page and in the PDF.

Text keeps its size on every screen: the SVG is ``width="100%"`` with a fixed pixel
height and no ``viewBox``, so nothing is scaled; bars and labels are placed in
percentages of the width, with pixel offsets (``dx``) where text sits beside a bar. No
font is named, so a page's charts read in the page's own sans-serif (the PDF sets its
own). Colour is never the only carrier: every bar has its value written at it, a second
series is hatched (it differs from the first in black-and-white print), and each chart
says in words what it shows (``<title>``, ``<desc>``) and carries its rows for a table
beside it (``templates/includes/chart.html``).
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.lib.formatting import vn_number
from core.lib.text import fold

# Contrast on white (WCAG 1.4.11 asks 3:1 of graphics): green 7,9:1, orange 5,0:1.
GREEN = "#0b5d3b"
ORANGE = "#b45309"
PALETTE = (GREEN, ORANGE)
INK = "#1b1f24"  # text, 16,6:1
MUTED = "#4a5560"  # the base line and the mark of a year without figures, 7,6:1

FONT_SIZE = 14  # pixels on every screen: nothing scales the text
NO_FIGURES = "không có số liệu"

# Horizontal bars, one item a row: its label on a line of its own, the bar under it with
# its value at its end; the longest bar leaves the rest of the width to that value.
BAR_ROW = 46
BAR_HEIGHT = 16
BAR_MAX_PERCENT = 65  # "1.264 sản phẩm" fits after it on a 330 px phone
LONG = 12  # bars: a longer chart takes a whole row of a page's grid of charts

# Columns by year, with the legend above them and the years under them.
COLUMN_CHART_HEIGHT = 280
LEGEND_ROW = 22
LEGEND_WIDTH = 300  # a legend line fits a phone; a longer legend goes on the next line
VALUE_ROW = 16  # a value's line above its column
NARROWEST = 300  # pixels: a chart's width on a 330 px phone, less its box's padding


@dataclass(frozen=True)
class Series:
    """One series of a column chart: ``label`` in the legend and the table's header,
    ``unit`` after each of its numbers in the description (``25 thành viên``)."""

    label: str
    unit: str


@dataclass(frozen=True)
class Chart:
    """A chart: its SVG, and what it shows in words and as a table's rows (formatted).

    In a template ``{{ chart }}`` is the SVG alone; ``includes/chart.html`` renders the
    figure with its caption and, unless told otherwise, the table.
    """

    title: str
    svg: SafeString
    description: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def is_long(self) -> bool:
        return len(self.rows) > LONG

    def with_font(self, family: str) -> SafeString:
        """The SVG with its text in ``family``: WeasyPrint reads an inline SVG's font from
        its own attributes only, never from the document's CSS."""
        return format_html('<svg font-family="{}" {}', family, mark_safe(self.svg[len("<svg ") :]))

    def __str__(self) -> str:
        return str(self.svg)

    def __html__(self) -> SafeString:
        return self.svg


def chart_id(title: str) -> str:
    """The prefix of a chart's element ids (title, description, patterns): a slug of its
    title, so that several charts on one page never share an id."""
    return "bieu-do-" + (re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-") or "x")


def _with_unit(value, unit: str, decimals: int) -> str:
    if value is None:
        return NO_FIGURES
    return vn_number(value, decimals) + (f" {unit}" if unit else "")


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _svg(key: str, title: str, description: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" role="img" '
        'aria-labelledby="{key}-title" aria-describedby="{key}-desc">'
        '<title id="{key}-title">{title}</title><desc id="{key}-desc">{description}</desc>'
        "{body}</svg>",
        key=key,
        height=height,
        title=title,
        description=description,
        body=body,
    )


def _text(x: str, y, text: str, *, dx: int = 0, bold: bool = False, middle: bool = False,
          fill: str = INK) -> SafeString:  # fmt: skip
    return format_html(
        '<text x="{x}" y="{y}"{dx} font-size="{size}"{weight} fill="{fill}"{anchor}>{text}</text>',
        x=x,
        y=y,
        dx=format_html(' dx="{}"', dx) if dx else "",
        size=FONT_SIZE,
        weight=mark_safe(' font-weight="bold"') if bold else "",
        fill=fill,
        anchor=mark_safe(' text-anchor="middle"') if middle else "",
        text=text,
    )


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float | int | None]],
    unit: str = "",
    *,
    label_header: str = "",
    value_header: str = "",
    decimals: int = 0,
    scale: float | None = None,
    key: str | None = None,
) -> Chart:
    """Horizontal bars in one colour, each with its label above it and its value at its
    end (``12 HTX``).

    ``items`` are (label, value); a value of None has no bar and reads "—" (the
    description says "không có số liệu"). ``label_header`` and ``value_header`` head the
    table's columns. ``scale`` is the value of the longest bar (by default the largest
    value): the parts of a chart split in several share one. ``key`` replaces the ids'
    prefix taken from the title.
    """
    key = key or chart_id(title)
    items = [(str(label), value) for label, value in items]
    largest = scale or max((value or 0 for _, value in items), default=0) or 1
    rows = []
    for index, (label, value) in enumerate(items):
        top = index * BAR_ROW
        length = _percent(max(value or 0, 0) / largest * BAR_MAX_PERCENT)
        rows += [
            _text("0", top + 15, label),
            format_html(
                '<rect x="0" y="{y}" width="{width}" height="{height}" fill="{fill}"></rect>',
                y=top + 21,
                width=length,
                height=BAR_HEIGHT,
                fill=GREEN,
            ),
            _text(
                length,
                top + 34,
                "—" if value is None else _with_unit(value, unit, decimals),
                dx=6 if value else 0,
                bold=True,
            ),
        ]
    description = _sentence([f"{label}: {_with_unit(v, unit, decimals)}" for label, v in items])
    return Chart(
        title=title,
        svg=_svg(key, title, description, len(items) * BAR_ROW + 4, mark_safe("".join(rows))),
        description=description,
        headers=(label_header or "Mục", value_header or f"Số lượng{f' ({unit})' if unit else ''}"),
        rows=tuple((label, vn_number(value, decimals)) for label, value in items),
    )


def _fill(key: str, index: int) -> str:
    """Series ``index``'s fill: the first plain, the second hatched."""
    return PALETTE[0] if index == 0 else f"url(#{key}-chuoi-{index + 1})"


def _patterns(key: str, count: int) -> SafeString:
    # White diagonal strokes across the orange: in greyscale the second series is
    # striped, the first solid.
    return format_html_join(
        "",
        '<pattern id="{}-chuoi-{}" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<rect width="8" height="8" fill="{}"></rect>'
        '<path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" stroke="#ffffff" stroke-width="2"></path>'
        "</pattern>",
        [(key, index + 1, PALETTE[index]) for index in range(1, count)],
    )


def _legend(key: str, series: Sequence[Series], with_gap: bool) -> tuple[SafeString, int]:
    """The legend, in lines that fit a phone, and its height."""
    entries = [(s.label, index) for index, s in enumerate(series)]
    if with_gap:
        entries.append((NO_FIGURES.capitalize(), None))
    parts, x, line = [], 0, 0
    for label, index in entries:
        width = 20 + int(len(label) * 7.2) + 18  # about: a sans-serif at 14 px
        if x and x + width > LEGEND_WIDTH:
            x, line = 0, line + 1
        y = line * LEGEND_ROW
        if index is None:  # the mark of a year without figures
            swatch = format_html(
                '<line x1="{x}" x2="{end}" y1="{y}" y2="{y}" stroke="{colour}" '
                'stroke-width="2" stroke-dasharray="4 3"></line>',
                x=x, end=x + 14, y=y + 12, colour=MUTED,
            )  # fmt: skip
        else:
            swatch = format_html(
                '<rect x="{x}" y="{y}" width="14" height="14" fill="{fill}" '
                'stroke="{colour}"></rect>',
                x=x, y=y + 3, fill=_fill(key, index), colour=PALETTE[index],
            )  # fmt: skip
        parts += [swatch, _text(str(x + 20), y + 15, label)]
        x += width
    return mark_safe("".join(parts)), (line + 1) * LEGEND_ROW


def _gap_line(x1: str, x2: str, y: int, gap: bool) -> SafeString:
    """A base line; dashed and thicker under a year without figures."""
    return format_html(
        '<line x1="{x1}" x2="{x2}" y1="{y}" y2="{y}" stroke="{colour}" '
        'stroke-width="{stroke}"{dashes}></line>',
        x1=x1,
        x2=x2,
        y=y,
        colour=MUTED,
        stroke=2 if gap else 1,
        dashes=mark_safe(' stroke-dasharray="4 3"') if gap else "",
    )


def _largest(values: Mapping[int, Sequence]) -> float:
    return max((v or 0 for row in values.values() for v in row), default=0) or 1


def _column_geometry(years: int, count: int) -> tuple[float, float, float]:
    """A year's slot, a column's width and the space between a year's columns, in
    percent of the chart's width."""
    slot = 100 / max(years, 1)
    return slot, min(slot * 0.8 / count, 14), min(slot * 0.04, 1)


def _columns_fit(years: list[int], values: Mapping, count: int, decimals: int) -> bool:
    """Whether every year's values fit over their columns on a phone without running into
    their neighbours' (bold 14 px: a digit about 8 px, a separator 4 px)."""
    slot, width, space = _column_geometry(len(years), count)
    # The least distance between two values' centres: within a year, and across years.
    room = slot if count == 1 else min(width + space, slot - width - space)

    def needs(value) -> float:
        text = vn_number(value, decimals)
        return sum(4 if ch in ".," else 8.2 for ch in text) + 6

    widest = max((needs(v) for row in values.values() for v in row), default=0)
    return widest <= room * NARROWEST / 100


def _columns(key, years, values, count, top, decimals) -> tuple[list[SafeString], int]:
    """Columns by year under the legend (``top`` high), the values on top of them."""
    base = COLUMN_CHART_HEIGHT - 28  # the years' line under it
    plot = base - (top + 8 + VALUE_ROW)
    largest = _largest(values)
    slot, width, space = _column_geometry(len(years), count)
    pair = count * width + (count - 1) * space
    parts = []
    for index, year in enumerate(years):
        centre = (index + 0.5) * slot
        gap = year not in values
        parts += [
            _gap_line(_percent(index * slot + slot * 0.08),
                      _percent((index + 1) * slot - slot * 0.08), base, gap),
            _text(_percent(centre), COLUMN_CHART_HEIGHT - 8, str(year), middle=True),
        ]  # fmt: skip
        if gap:
            parts.append(_text(_percent(centre), base - 6, "—", middle=True, fill=MUTED))
            continue
        labels = []
        for number, value in enumerate(values[year]):
            x = centre - pair / 2 + number * (width + space)
            height = plot * max(value or 0, 0) / largest
            if value:
                parts.append(
                    format_html(
                        '<rect x="{x}" y="{y}" width="{width}" height="{height}" '
                        'fill="{fill}" stroke="{colour}"></rect>',
                        x=_percent(x),
                        y=f"{base - height:.1f}",
                        width=_percent(width),
                        height=f"{height:.1f}",
                        fill=_fill(key, number),
                        colour=PALETTE[number],
                    )
                )
            labels.append((x + width / 2, base - height - 5, value))
        parts += [
            _text(_percent(x), f"{y:.1f}", vn_number(value, decimals), bold=True, middle=True)
            for x, y, value in labels
        ]
    return parts, COLUMN_CHART_HEIGHT


def _year_rows(key, years, values, count, top, decimals) -> tuple[list[SafeString], int]:
    """A row a year under the legend: the year on its line, a bar a series under it."""
    largest = _largest(values)
    row = 22 + count * (BAR_HEIGHT + 4) + 8
    y, parts = top + 8, []
    for year in years:
        parts.append(_text("0", y + 15, str(year), bold=True))
        if year not in values:
            parts += [
                _gap_line("0", "12%", y + 28, True),
                _text("12%", y + 33, NO_FIGURES, dx=6, fill=MUTED),
            ]
        else:
            for number, value in enumerate(values[year]):
                bar = y + 22 + number * (BAR_HEIGHT + 4)
                length = _percent(max(value or 0, 0) / largest * BAR_MAX_PERCENT)
                if value:
                    parts.append(
                        format_html(
                            '<rect x="0" y="{y}" width="{width}" height="{height}" '
                            'fill="{fill}" stroke="{colour}"></rect>',
                            y=bar,
                            width=length,
                            height=BAR_HEIGHT,
                            fill=_fill(key, number),
                            colour=PALETTE[number],
                        )
                    )
                text = "—" if value is None else vn_number(value, decimals)
                parts.append(_text(length, bar + 13, text, dx=6 if value else 0, bold=True))
        y += row
    return parts, y + 4


def year_chart(
    title: str,
    values: Mapping[int, Sequence[float | int | None]],
    series: Sequence[Series],
    *,
    decimals: int = 0,
    key: str | None = None,
) -> Chart:
    """One or two series by year, every year from the first to the last in its place: a
    year missing from ``values`` keeps its slot and its label, marked with a dashed line
    and "—".

    ``values`` maps a year to one value per series (None: that figure was not given).
    Years are columns side by side with the values on top where those fit a phone's
    width (a few years, numbers of a few digits); where they would run into each other,
    each year is a row of bars instead, as in ``bar_chart``.
    """
    if not 1 <= len(series) <= len(PALETTE):
        raise ValueError(f"1 to {len(PALETTE)} series, not {len(series)}")
    key = key or chart_id(title)
    years = list(range(min(values), max(values) + 1)) if values else []
    gaps = {year for year in years if year not in values}
    legend, legend_height = _legend(key, series, bool(gaps))
    draw = _columns if _columns_fit(years, values, len(series), decimals) else _year_rows
    parts, height = draw(key, years, values, len(series), legend_height, decimals)

    def said(year: int) -> str:
        if year in gaps:
            return f"năm {year}: {NO_FIGURES}"
        figures = [
            f"{s.unit} {NO_FIGURES}" if value is None else f"{vn_number(value, decimals)} {s.unit}"
            for s, value in zip(series, values[year], strict=True)
        ]
        return f"năm {year}: " + ", ".join(figures)

    description = _sentence([said(year) for year in years])
    body = format_html(
        "<defs>{}</defs>{}{}", _patterns(key, len(series)), legend, mark_safe("".join(parts))
    )
    return Chart(
        title=title,
        svg=_svg(key, title, description, height, body),
        description=description,
        headers=("Năm", *(s.label for s in series)),
        rows=tuple(
            (
                str(year),
                *(
                    "—" if year in gaps else vn_number(values[year][n], decimals)
                    for n in range(len(series))
                ),
            )
            for year in years
        ),
    )
