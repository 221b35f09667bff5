"""The report as an XLSX workbook: the same tables, numbers as numbers, one sheet each.

Sheets: "Tổng hợp" (the area's indicators), "Theo lĩnh vực" (HTX by sector), "Theo địa
bàn" (the child areas side by side, main indicators), then one sheet per child area with
every indicator. Each opens with the report's title, whether its numbers are a draft or
frozen (and when), and when the file was made.
"""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cooperatives.models import Area
from reports import presentation
from reports.compute import FIGURE_BASED
from reports.indicators import BY_CODE, INDICATORS
from reports.models import FrozenReport
from reports.services import current_sectors, frozen_report

HEADERS = ["Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch", "Tỷ lệ hoàn thành (%)"]
CHANGE = "Tăng/giảm"
DRAFT = "DỰ THẢO – số liệu chưa chốt"
FILL = PatternFill("solid", fgColor="DDEBE2")
# Rows 1-3 say what the sheet is (title, draft or frozen, when made); row 4 is blank, so
# that Excel's "current region" (filters, pivot tables) starts at the table's header.
HEADER_ROW = 5
# What Excel refuses in a sheet name, and control characters (invalid in the XML).
FORBIDDEN_IN_TITLE = re.compile(r"[\\/?*\[\]:\x00-\x1f\x7f]")
TITLE_LENGTH = 31
# Where the caller does not say whether the report is frozen, nor give its HTX by sector.
LOOK_UP = object()


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


def _change_format(unit: str) -> str:
    """The value's format with its sign; a change of a share is in percentage points."""
    if unit == "%":
        return '+#,##0.0" điểm %";-#,##0.0" điểm %";0" điểm %"'
    number = _format(unit)
    return f"+{number};-{number};0"


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def change(unit: str, value, previous) -> int | float | None:
    """``value`` − ``previous`` as a number, None where either is missing.

    Computed in decimals, as ``presentation.format_change`` is, so that 36.6 − 30.2 is
    6.4 and not 6.400000000000002.
    """
    if not (_is_number(value) and _is_number(previous)):
        return None
    difference = Decimal(str(value)) - Decimal(str(previous))
    if unit in presentation.COUNT_UNITS and difference == difference.to_integral_value():
        return int(difference)
    return float(difference)


def _status(frozen) -> str:
    if frozen is None:
        return DRAFT
    return f"Số liệu chốt ngày {timezone.localtime(frozen.frozen_at):%d/%m/%Y}"


def _head(sheet, heading: str, status: str, created: datetime.datetime) -> None:
    """Rows 1-3: the title, draft or frozen, and when the file was made."""
    sheet["A1"] = heading
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = status
    sheet["A2"].font = Font(bold=True, color="B3261E") if status == DRAFT else Font(italic=True)
    sheet["A3"] = f"Tạo lúc {created:%H:%M} ngày {created:%d/%m/%Y}"
    sheet["A3"].font = Font(italic=True, color="555555")


def _header_row(sheet, headers: list[str], height: int = 30) -> None:
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    # Wrapped headers ("Cùng kỳ năm trước (trên địa bàn hiện nay)"): a reader that does
    # not size rows itself (LibreOffice) would draw them over the row above.
    sheet.row_dimensions[HEADER_ROW].height = height


def _layout(sheet, widths: list[float], freeze: str) -> None:
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    # Printed (or saved as PDF) one page wide, as the on-screen table: otherwise the
    # columns split over two pages and the title is cut at the first page's edge.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.freeze_panes = freeze
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width


def _shown(code: str, value, indicators: dict, field: str = "value"):
    """Numbers stay numbers; a figure-based indicator of a period nobody filed says so."""
    if value is None and code in FIGURE_BASED and presentation.no_figures(indicators, field):
        return presentation.NO_FIGURES
    return value


def _indicators_sheet(sheet, indicators: dict) -> None:
    comparison = presentation.comparison_label(indicators)
    _header_row(sheet, [*HEADERS, comparison, CHANGE])
    field = (
        "previous_same_territory"
        if presentation.compares_same_territory(indicators)
        else "previous"
    )
    for indicator in INDICATORS:
        code, unit = indicator.code, indicator.unit
        item = indicators[code]
        value, previous = item.get("value"), item.get(field)
        sheet.append(
            [
                indicator.label,
                unit,
                _shown(code, value, indicators),
                item.get("target"),
                item.get("completion"),
                _shown(code, previous, indicators, field),
                change(unit, value, previous),
            ]
        )
        row = sheet.max_row
        for column in ("C", "D", "F"):
            sheet[f"{column}{row}"].number_format = _format(unit)
        sheet[f"E{row}"].number_format = "#,##0.0"
        sheet[f"G{row}"].number_format = _change_format(unit)
    _layout(sheet, [46, 22, 16, 14, 14, 22, 16], f"A{HEADER_ROW + 1}")


def _sectors_sheet(sheet, sectors: list | None, frozen) -> None:
    """HTX by sector at the period's end, as the PDF's chart has them, with their total."""
    _header_row(sheet, ["Lĩnh vực", "Số HTX"])
    if sectors is None and frozen is not None:
        sheet.append(["Báo cáo được chốt trước khi số HTX theo lĩnh vực được lưu kèm."])
    elif sectors is None:
        sheet.append(["Không có số liệu HTX theo lĩnh vực."])
    elif not sectors:
        sheet.append(["Không có HTX nào trên địa bàn vào ngày cuối kỳ."])
    else:
        for name, count in sectors:
            sheet.append([name, count])
            sheet.cell(row=sheet.max_row, column=2).number_format = "#,##0"
        counts = [count for _, count in sectors if _is_number(count)]
        sheet.append(["Tổng số", sum(counts)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.cell(row=sheet.max_row, column=2).number_format = "#,##0"
    _layout(sheet, [40, 14], f"A{HEADER_ROW + 1}")


def _areas_sheet(sheet, children: list[dict]) -> None:
    """One row per child area, one column per main indicator (the PDF appendix's)."""
    columns = [BY_CODE[code] for code in presentation.KEY_BY_AREA]
    _header_row(sheet, ["Mã", "Địa bàn", *(f"{c.label} ({c.unit})" for c in columns)], height=60)
    for child in children:
        indicators = child["indicators"]
        sheet.append(
            [
                str(child["area"].get("code", "")),
                child["area"]["name"],
                *(
                    _shown(c.code, indicators.get(c.code, {}).get("value"), indicators)
                    for c in columns
                ),
            ]
        )
        for number, indicator in enumerate(columns, start=3):
            sheet.cell(row=sheet.max_row, column=number).number_format = _format(indicator.unit)
    last = get_column_letter(2 + len(columns))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(sheet.max_row, HEADER_ROW)}"
    _layout(sheet, [10, 30, *[15] * len(columns)], f"C{HEADER_ROW + 1}")


def _unit(report: dict) -> tuple[bool, Area | None]:
    """Whether the report is the whole country's, and else its unit: the one its code
    names at E (None if none does, which a served report never is)."""
    code = report["area"]["code"]
    if code == presentation.COUNTRY.code:
        return True, None
    return False, Area.objects.with_code_on(code, datetime.date.fromisoformat(report["end"]))


def _frozen(report: dict, unit: Area | None) -> FrozenReport | None:
    """The frozen report whose numbers ``report`` holds, or None for live numbers."""
    found = frozen_report(unit, report["year"], report["months"]) if unit is not None else None
    if found is not None and found.data != report:
        return None  # live numbers of a frozen period
    return found


def _sectors(report: dict, country: bool, unit: Area | None, frozen) -> list | None:
    """HTX by sector beside these numbers: kept with a frozen report (None when it was
    frozen before they were kept), else counted now, as the page and the PDF do."""
    if frozen is not None:
        return frozen.sectors
    if not country and unit is None:
        return None
    return current_sectors(unit, report["year"], report["months"], None)


def report_workbook(
    report: dict,
    *,
    frozen=LOOK_UP,
    sectors=LOOK_UP,
    created: datetime.datetime | None = None,
) -> bytes:
    """The workbook of ``report``.

    ``frozen``: the FrozenReport its numbers come from, or None for a draft; ``sectors``:
    ``[[sector, HTX], ...]``, None for a frozen report that kept none. Not given, both are
    looked up as the report page does. ``created``: when it is made (default: now).
    """
    if frozen is LOOK_UP or sectors is LOOK_UP:
        country, unit = _unit(report)
        if frozen is LOOK_UP:
            frozen = _frozen(report, unit)
        if sectors is LOOK_UP:
            sectors = _sectors(report, country, unit, frozen)
    status = _status(frozen)
    created = timezone.localtime(created or timezone.now())
    workbook = Workbook()
    workbook.remove(workbook.active)
    area = report["area"]
    heading = f"{presentation.title(report['year'], report['months'])} – {area['name']}"
    taken: set[str] = set()

    def sheet(name: str, title: str):
        new = workbook.create_sheet(sheet_title(name, taken))
        _head(new, title, status, created)
        return new

    _indicators_sheet(sheet("Tổng hợp", heading), report["indicators"])
    _sectors_sheet(sheet("Theo lĩnh vực", f"{heading} – HTX theo lĩnh vực"), sectors, frozen)
    if report["children"]:
        _areas_sheet(
            sheet("Theo địa bàn", f"{heading} – Chỉ tiêu chính theo địa bàn"), report["children"]
        )
    for child in report["children"]:
        name = child["area"]["name"]
        _indicators_sheet(sheet(name, f"{heading} – {name}"), child["indicators"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
