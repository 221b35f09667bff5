"""Writing a kind's records, or its blank template, as .xlsx or .csv in the import layout."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.spreadsheets.cells import Choices

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DDEBE2")
NUMBER_FORMAT = "#,##0.######"
INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"


def escape(value):
    """Keep a spreadsheet from running a text cell as a formula: prefix it with '.

    A text that already starts with an apostrophe gets one too, since an import takes one
    off (``cells.text``): every text comes back as it was exported.
    """
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return "'" + value
    return value


def _cell(column, value):
    if value is None:
        return None
    if column.kind == "bool":
        return "Có" if value else "Không"
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (int, float, datetime.date)):
        return value
    return escape(str(value))


def _csv_cell(column, value) -> str:
    value = _cell(column, value)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def export_rows(kind, objects):
    for obj in objects:
        yield [
            _cell(column, value)
            for column, value in zip(kind.columns, kind.export_values(obj), strict=True)
        ]


def write_xlsx(kind, objects, *, template: bool = False, example=None) -> bytes:
    """The records (or the template: one example row) as an .xlsx in the import layout.

    Text columns are formatted as text (the cells written, and the column for what is
    typed later), so that a code or a phone number keeps its leading zero; choice columns
    get a drop-down list (from the sheet "Danh mục") down to row ``FORMATTED_ROWS`` at
    least; columns are as wide as what they hold.
    """
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = kind.label[:31]
    sheet.append([column.header for column in kind.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    widths = [len(column.header) for column in kind.columns]
    if template:
        values = example if example is not None else [c.example for c in kind.columns]
        rows = [[_cell(c, v) for c, v in zip(kind.columns, values, strict=True)]]
    else:
        rows = export_rows(kind, objects)
    written = 0
    for values in rows:
        sheet.append(values)
        written += 1
        if written <= WIDTH_SAMPLE:
            for index, value in enumerate(values):
                widths[index] = max(widths[index], len(_shown(value)))
    last = max(FORMATTED_ROWS, written + 1 + FORMATTED_ROWS // 2)
    for index, column in enumerate(kind.columns, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(10, min(60, widths[index - 1] + 3))
        number_format = _number_format(column)
        # The column's own format is what a cell typed below the data gets.
        dimension.number_format = number_format
        for (cell,) in sheet.iter_rows(
            min_row=2, max_row=written + 1, min_col=index, max_col=index
        ):
            cell.number_format = number_format
    _drop_downs(workbook, sheet, kind, last)
    if template:
        _guide(workbook, kind)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Rows with drop-down lists below the data: room for what is typed.
FORMATTED_ROWS = 1000
# Columns are sized to the longest of the first rows.
WIDTH_SAMPLE = 500
VALIDATION_ERROR = "Hãy chọn một giá trị trong danh sách (bảng “Danh mục”)."


def _number_format(column) -> str:
    if column.kind == "integer":
        # A year or a number of months is not a quantity: "2025", not "2.025".
        return "0" if column.summed is False else INTEGER_FORMAT
    return {"date": DATE_FORMAT, "number": NUMBER_FORMAT, "text": "@"}.get(column.kind, "General")


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return "00/00/0000"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _drop_downs(workbook, sheet, kind, last: int) -> None:
    """Drop-down lists for the choice columns, their values on a sheet "Danh mục"."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = kind.value_lists()
    if not lists:
        return
    catalogue = workbook.create_sheet("Danh mục")
    position = {column.header: index for index, column in enumerate(kind.columns, start=1)}
    for number, (header, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(number)
        catalogue.cell(row=1, column=number, value=header).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            catalogue.cell(row=row, column=number, value=value)
        catalogue.column_dimensions[letter].width = max(12, min(45, len(header) + 2))
        if not values:
            continue
        validation = DataValidation(
            type="list",
            formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không có trong danh sách",
            error=VALIDATION_ERROR,
        )
        target = get_column_letter(position[header])
        validation.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(validation)


def _allowed(column) -> str:
    if column.allowed:
        return "; ".join(str(a) for a in column.allowed)
    if isinstance(column.parse, Choices):
        return "; ".join(column.parse.labels)
    return {
        "date": "Ngày dạng dd/mm/yyyy hoặc ô ngày của Excel",
        "number": "Số; dấu phẩy là dấu thập phân (2.312,5)",
        "integer": "Số nguyên",
        "bool": "Có / Không",
    }.get(column.kind, "Văn bản")


def _guide(workbook, kind) -> None:
    sheet = workbook.create_sheet("Hướng dẫn")
    sheet.append(["Cột", "Bắt buộc", "Ý nghĩa", "Giá trị cho phép"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column in kind.columns:
        sheet.append(
            [column.header, "Có" if column.required else "Không", column.help, _allowed(column)]
        )
    sheet.append([])
    sheet.append(
        [
            "Lưu ý",
            "",
            (
                "Dòng 2 là một ví dụ lấy từ dữ liệu hiện có (nhập lại không thay đổi gì): "
                "hãy ghi đè hoặc xoá dòng này. Dòng tên cột có thể nằm dưới các dòng tiêu đề "
                "của biểu; thứ tự cột tùy ý; cột lạ là lỗi; cột STT và dòng Tổng cộng ở cuối "
                "không được nhập. Tệp có bất kỳ dòng lỗi nào sẽ không được lưu, và mọi lỗi "
                "được liệt kê theo số dòng. Số tiền tính bằng triệu đồng. Các cột có danh "
                "sách chọn lấy giá trị ở bảng “Danh mục”."
            ),
            "",
        ]
    )
    for letter, width in zip("ABCD", (34, 10, 70, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_csv(kind, objects, *, template: bool = False, example=None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in kind.columns])
    if template:
        values = example if example is not None else [c.example for c in kind.columns]
        writer.writerow([_csv_cell(c, v) for c, v in zip(kind.columns, values, strict=True)])
    else:
        for obj in objects:
            writer.writerow(
                [
                    _csv_cell(column, value)
                    for column, value in zip(kind.columns, kind.export_values(obj), strict=True)
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_file(kind, objects, file_format: str, *, template: bool = False, example=None) -> bytes:
    if file_format == "csv":
        return write_csv(kind, objects, template=template, example=example)
    return write_xlsx(kind, objects, template=template, example=example)
