"""The report as an XLSX workbook: the same tables, numbers as numbers, one sheet each."""

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from reports import presentation
from reports.compute import FIGURE_BASED
from reports.indicators import INDICATORS

HEADERS = ["Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch", "Tỷ lệ hoàn thành (%)"]
FILL = PatternFill("solid", fgColor="DDEBE2")
# What Excel refuses in a sheet name, and control characters (invalid in the XML).
FORBIDDEN_IN_TITLE = re.compile(r"[\\/?*\[\]:\x00-\x1f\x7f]")
TITLE_LENGTH = 31


def sheet_title(name: str, taken: set[str]) -> str:
    """Return a sheet name Excel accepts for ``name``, unique among ``taken`` (folded).

    Forbidden characters become "-", the name is cut to 31 characters, an apostrophe
    may not start or end it, and a repeated name gets " (2)", " (3)", …; ``taken``
    records the result (Excel compares names without case).
    """
    clean = FORBIDDEN_IN_TITLE.sub("-", name).strip().strip("'").strip() or "Trang"
    clean = clean[:TITLE_LENGTH].rstrip().rstrip("'")
    title, number = clean, 1
    while title.casefold() in taken or title.casefold() == "history":
        number += 1
        suffix = f" ({number})"
        title = clean[: TITLE_LENGTH - len(suffix)].rstrip().rstrip("'") + suffix
    taken.add(title.casefold())
    return title


def _format(unit: str) -> str:
    if unit in presentation.COUNT_UNITS:
        return "#,##0"
    return "#,##0.0"


def _sheet(workbook, title: str, heading: str, indicators: dict) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([*HEADERS, presentation.comparison_label(indicators)])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    # Two lines: "Cùng kỳ năm trước (trên địa bàn hiện nay)" wraps, and a reader that
    # does not size rows itself (LibreOffice) would draw it over the first row.
    sheet.row_dimensions[2].height = 30
    field = (
        "previous_same_territory"
        if presentation.compares_same_territory(indicators)
        else "previous"
    )

    def cell(code, value, field="value"):
        # Numbers stay numbers; a figure-based indicator of a period nobody filed says so.
        if value is None and code in FIGURE_BASED and presentation.no_figures(indicators, field):
            return presentation.NO_FIGURES
        return value

    for indicator in INDICATORS:
        code = indicator.code
        item = indicators[code]
        sheet.append(
            [
                indicator.label,
                indicator.unit,
                cell(code, item["value"]),
                item["target"],
                item["completion"],
                cell(code, item.get(field), field),
            ]
        )
        row = sheet.max_row
        for column in ("C", "D", "F"):
            sheet[f"{column}{row}"].number_format = _format(indicator.unit)
        sheet[f"E{row}"].number_format = "#,##0.0"
    sheet.print_title_rows = "2:2"
    # Printed (or saved as PDF) one page wide, as the on-screen table: otherwise the
    # six columns split over two pages and the title is cut at the first page's edge.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.freeze_panes = "A3"
    for letter, width in zip("ABCDEF", (46, 22, 16, 14, 14, 22), strict=True):
        sheet.column_dimensions[letter].width = width


def report_workbook(report: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    area = report["area"]
    heading = f"{presentation.title(report['year'], report['months'])} – {area['name']}"
    taken: set[str] = set()
    _sheet(workbook, sheet_title("Tổng hợp", taken), heading, report["indicators"])
    for child in report["children"]:
        name = child["area"]["name"]
        _sheet(workbook, sheet_title(name, taken), f"{heading} – {name}", child["indicators"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
