"""The report as people read it: labelled rows with Vietnamese numbers, and charts."""

from dataclasses import dataclass
from decimal import Decimal

from core.charts import Chart, bar_chart
from core.lib.formatting import vn_number
from core.lib.periods import period_label
from reports.compute import FIGURE_BASED
from reports.indicators import INDICATORS

COUNT_UNITS = {"HTX", "LHHTX", "quỹ", "THT", "người", "sản phẩm", "lượt"}
NO_FIGURES = "chưa có số liệu"
PREVIOUS = "Cùng kỳ năm trước"
PREVIOUS_SAME_TERRITORY = "Cùng kỳ năm trước (trên địa bàn hiện nay)"


@dataclass(frozen=True)
class Country:
    """The whole country where a template or the narrative expects an area."""

    code: str = "VN"
    name: str = "Toàn quốc"
    level: str = "country"
    pk: None = None
    valid_from: None = None
    valid_to: None = None
    validity_display: str = ""


COUNTRY = Country()


def no_figures(indicators: dict, field: str = "value") -> bool:
    """Whether no organisation in the area filed figures for the period (§2.2).

    ``field`` is ``value`` or one of the year-earlier fields. ``members_total`` is a sum,
    null exactly then (where the area was computed at all: ``htx_total`` is never null
    then); a report frozen before the nulls has 0 there and reads as before.
    """
    return (
        indicators["htx_total"].get(field) is not None
        and indicators["members_total"].get(field) is None
    )


def compares_same_territory(indicators: dict) -> bool:
    """Whether the area did not exist a year earlier, so the comparison is with the same
    period over today's territory. ``htx_total`` is never null where the area existed; a
    report frozen before ``previous_same_territory`` lacks it and compares as before."""
    total = indicators["htx_total"]
    return total.get("previous") is None and total.get("previous_same_territory") is not None


def comparison_label(indicators: dict) -> str:
    return PREVIOUS_SAME_TERRITORY if compares_same_territory(indicators) else PREVIOUS


def previous_value(indicators: dict, code: str):
    """The value a year earlier that the area's outputs compare against."""
    field = "previous_same_territory" if compares_same_territory(indicators) else "previous"
    return indicators[code].get(field)


def display(code: str, unit: str, value, indicators: dict, field: str = "value") -> str:
    """``format_value``, with "chưa có số liệu" for a figure-based indicator of a period
    for which nothing was filed."""
    if value is None and code in FIGURE_BASED and no_figures(indicators, field):
        return NO_FIGURES
    return format_value(unit, value)


def table_percent(value) -> str:
    """A share in a table: always one decimal (``64,0%`` above ``90,9%``), so that a column
    reads alike; a sentence says ``80%`` (``vn_percent``)."""
    return "—" if value is None else f"{vn_number(value, 1)}%"


def format_value(unit: str, value) -> str:
    """Counts as ``1.264``, money and means to one decimal (``2.312,5``), shares ``36,6%``."""
    if value is None:
        return "—"
    if unit == "%":
        return table_percent(value)
    if unit in COUNT_UNITS:
        return vn_number(value)
    return vn_number(value, 1)


def format_change(unit: str, value, previous) -> str:
    if value is None or previous is None:
        return "—"
    difference = Decimal(str(value)) - Decimal(str(previous))
    if unit == "%":
        text = vn_number(abs(difference), 1, strip_zero=True) + " điểm %"
    else:
        text = format_value(unit, abs(difference))
    if text.rstrip(" điểm%").strip("0,") == "":
        return "0"  # a difference that rounds away
    return ("+" if difference > 0 else "−") + text


@dataclass
class Row:
    code: str
    label: str
    unit: str
    value: str
    target: str
    completion: str
    previous: str
    change: str
    raw: dict


def rows(indicators: dict) -> list[Row]:
    """One row per indicator; the year-earlier column is ``previous``, or where the area
    did not exist then, ``previous_same_territory`` (see ``comparison_label``)."""
    result = []
    field = "previous_same_territory" if compares_same_territory(indicators) else "previous"
    for indicator in INDICATORS:
        code = indicator.code
        item = indicators[code]
        unit = indicator.unit
        previous = item.get(field)
        result.append(
            Row(
                code=code,
                label=indicator.label,
                unit=unit,
                value=display(code, unit, item["value"], indicators),
                target=format_value(unit, item["target"]),
                completion=table_percent(item["completion"]),
                previous=display(code, unit, previous, indicators, field),
                change=format_change(unit, item["value"], previous),
                raw=item,
            )
        )
    return result


def child_matrix(children: list[dict], per_table: int = 6) -> list[dict]:
    """Return the child areas side by side, a few per table: one row per indicator.

    Printed reports compare areas column by column ("biểu tổng hợp theo địa bàn"); a
    table per area would run to dozens of pages.
    """
    tables = []
    for start in range(0, len(children), per_table):
        group = children[start : start + per_table]
        rows_ = []
        for indicator in INDICATORS:
            cells = [
                display(
                    indicator.code,
                    indicator.unit,
                    child["indicators"][indicator.code]["value"],
                    child["indicators"],
                )
                for child in group
            ]
            rows_.append({"label": indicator.label, "unit": indicator.unit, "cells": cells})
        tables.append({"areas": [child["area"]["name"] for child in group], "rows": rows_})
    return tables


KEY_BY_AREA = ("htx_total", "htx_new", "htx_ceased", "members_total", "workers_total",
               "avg_revenue", "avg_income", "ocop_total")  # fmt: skip
# Up to this many child areas, the PDF also prints every indicator of every child area.
FULL_MATRIX_MAX_CHILDREN = 12


def child_summary(children: list[dict]) -> dict:
    """One row per child area with the main indicators: the printed report's appendix.

    With dozens of communes a matrix of every indicator runs to dozens of pages; this
    table fits them in a few, and the workbook keeps every indicator of every area.
    """
    by_code = {indicator.code: indicator for indicator in INDICATORS}
    columns = [by_code[code] for code in KEY_BY_AREA]
    return {
        "columns": [{"label": c.label, "unit": c.unit} for c in columns],
        "rows": [
            {
                "area": child["area"]["name"],
                "code": child["area"].get("code", ""),
                "cells": [
                    display(
                        c.code, c.unit, child["indicators"][c.code]["value"], child["indicators"]
                    )
                    for c in columns
                ],
            }
            for child in children
        ],
    }


def title(year: int, months: int) -> str:
    return f"Tình hình phát triển kinh tế tập thể, hợp tác xã {period_label(year, months)}"


# --- Charts (core/charts.py) ------------------------------------------------------------

# A printed chart is never split across pages (it moves to the next one whole): this many
# bars of 46 px (core.charts.BAR_ROW: the label's line, the bar under it) and the caption
# make about 950 px, within an A4 page's 257 mm of text (971 px).
BARS_PER_CHART = 20


def charts(report: dict, sectors: list | None = None) -> list[Chart]:
    """The report's charts; ``sectors`` ([[sector, HTX], ...]) adds HTX by sector first."""
    values = {code: item["value"] for code, item in report["indicators"].items()}
    result = (
        [bar_chart("HTX theo lĩnh vực", [tuple(item) for item in sectors], "HTX",
                   label_header="Lĩnh vực", value_header="Số HTX")]
        if sectors
        else []
    )  # fmt: skip
    result.append(
        bar_chart(
            "HTX thành lập mới và giải thể",
            [("Thành lập mới", values["htx_new"]), ("Giải thể, sáp nhập", values["htx_ceased"])],
            "HTX",
            label_header="Biến động",
            value_header="Số HTX",
        )
    )
    if values["rating_good"] is not None:  # null where no figures were filed
        result.append(
            bar_chart(
                "Xếp loại HTX",
                [
                    ("Tốt", values["rating_good"]),
                    ("Khá", values["rating_fair"]),
                    ("Trung bình", values["rating_average"]),
                    ("Yếu", values["rating_weak"]),
                ],
                "HTX",
                label_header="Xếp loại",
                value_header="Số HTX",
            )
        )
    result += [
        bar_chart(
            "Sản phẩm OCOP theo số sao",
            [
                ("3 sao", values["ocop_3_star"]),
                ("4 sao", values["ocop_4_star"]),
                ("5 sao", values["ocop_5_star"]),
            ],
            "sản phẩm",
            label_header="Hạng sao",
            value_header="Số sản phẩm",
        ),
        bar_chart(
            "HTX nông nghiệp và phi nông nghiệp",
            [("Nông nghiệp", values["htx_agri"]), ("Phi nông nghiệp", values["htx_non_agri"])],
            "HTX",
            label_header="Loại hình",
            value_header="Số HTX",
        ),
    ]
    items = [
        (child["area"]["name"], child["indicators"]["htx_total"]["value"])
        for child in report["children"]
    ]
    if len(items) > BARS_PER_CHART:
        # A bar for each of a province's 100-odd communes is read by nobody, and printed
        # took seven pages (and a fifth of the PDF's build): the chart shows the areas with
        # the most HTX, most first; the tables give every area.
        count = len(items)
        items = sorted(items, key=lambda item: -(item[1] or 0))[:BARS_PER_CHART]
        title = f"{BARS_PER_CHART} địa bàn có nhiều HTX nhất (trong {count} địa bàn)"
    else:
        title = "Số HTX theo địa bàn"
    if items:
        result.append(bar_chart(title, items, "HTX", label_header="Địa bàn", value_header="Số HTX"))
    return result
