"""The report as an XLSX workbook: the same tables, numbers as numbers, one sheet each."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from reports import presentation
from reports.compute import FIGURE_BASED
from reports.indicators import INDICATORS

HEADERS = ["Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch", "Tỷ lệ hoàn thành (%)"]
FILL = PatternFill("solid", fgColor="DDEBE2")


def _format(unit: str) -> str:
    if unit in presentation.COUNT_UNITS:
        return "#,##0"
    return "#,##0.0"


def _sheet(workbook, title: str, heading: str, indicators: dict) -> None:
    sheet = workbook.create_sheet(title[:31])
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
    _sheet(workbook, "Tổng hợp", heading, report["indicators"])
    for child in report["children"]:
        name = child["area"]["name"]
        _sheet(workbook, name, f"{heading} – {name}", child["indicators"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
