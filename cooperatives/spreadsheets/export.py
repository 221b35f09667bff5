"""Writing a kind's records, or its blank template, as .xlsx or .csv in the import layout."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .cells import Choices

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


def write_xlsx(kind, objects, *, template: bool = False) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = kind.label[:31]
    sheet.append([column.header for column in kind.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if template:
        example = [
            _cell(c, c.example if not isinstance(c.example, str) or c.kind != "bool" else c.example)
            for c in kind.columns
        ]
        sheet.append(example)
    else:
        for values in export_rows(kind, objects):
            sheet.append(values)
    for index, column in enumerate(kind.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(45, len(column.header) + 4))
        number_format = {
            "date": DATE_FORMAT,
            "number": NUMBER_FORMAT,
            "integer": INTEGER_FORMAT,
            "text": "@",
        }.get(column.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    if template:
        _guide(workbook, kind)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
                "Dòng 1 là tiêu đề; thứ tự cột tùy ý; cột lạ là lỗi. Tệp có bất kỳ dòng lỗi nào sẽ "
                "không được lưu, và mọi lỗi được liệt kê theo số dòng. "
                "Số tiền tính bằng triệu đồng."
            ),
            "",
        ]
    )
    for letter, width in zip("ABCD", (34, 10, 70, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_csv(kind, objects, *, template: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in kind.columns])
    if template:
        writer.writerow([_csv_cell(c, c.example) for c in kind.columns])
    else:
        for obj in objects:
            writer.writerow(
                [
                    _csv_cell(column, value)
                    for column, value in zip(kind.columns, kind.export_values(obj), strict=True)
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_file(kind, objects, file_format: str, *, template: bool = False) -> bytes:
    if file_format == "csv":
        return write_csv(kind, objects, template=template)
    return write_xlsx(kind, objects, template=template)
