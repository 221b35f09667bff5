"""The report as an XLSX workbook: the same tables, numbers as numbers, one sheet each."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from reports import presentation
from reports.indicators import INDICATORS

HEADERS = ["Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch", "Tỷ lệ hoàn thành (%)",
           "Cùng kỳ năm trước"]  # fmt: skip
FILL = PatternFill("solid", fgColor="DDEBE2")


def _format(unit: str) -> str:
    if unit in presentation.COUNT_UNITS:
        return "#,##0"
    return "#,##0.0"


def _sheet(workbook, title: str, heading: str, indicators: dict) -> None:
    sheet = workbook.create_sheet(title[:31])
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for indicator in INDICATORS:
        item = indicators[indicator.code]
        sheet.append(
            [
                indicator.label,
                indicator.unit,
                item["value"],
                item["target"],
                item["completion"],
                item["previous"],
            ]
        )
        row = sheet.max_row
        for column in ("C", "D", "F"):
            sheet[f"{column}{row}"].number_format = _format(indicator.unit)
        sheet[f"E{row}"].number_format = "#,##0.0"
    sheet.print_title_rows = "2:2"
    sheet.freeze_panes = "A3"
    for letter, width in zip("ABCDEF", (46, 22, 14, 14, 14, 16), strict=True):
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
