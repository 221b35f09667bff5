"""Reading an uploaded .xlsx or .csv file into a header and numbered rows, and writing one."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings

from cooperatives.formatting import vn_number

from .cells import display, is_blank


class FileProblem(ValueError):
    """The file as a whole cannot be read; one sentence for people."""


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict[str, object]


@dataclass
class Table:
    headers: list[str]
    rows: list[Row] = field(default_factory=list)


def max_upload_bytes() -> int:
    return settings.IMPORT_MAX_UPLOAD_MB * 1024 * 1024


def _check_size(data: bytes) -> None:
    limit = max_upload_bytes()
    if len(data) > limit:
        raise FileProblem(
            f"Tệp nặng {vn_number(len(data) / 1024 / 1024, 1)} MB, vượt giới hạn "
            f"{settings.IMPORT_MAX_UPLOAD_MB} MB. Hãy chia tệp thành nhiều tệp nhỏ hơn."
        )


def read_table(data: bytes, file_name: str) -> Table:
    """Return the first sheet of an .xlsx file, or a CSV file, as a table.

    Raise ``FileProblem`` with one Vietnamese sentence for anything that is not a readable
    spreadsheet: empty, too large, a fake workbook, not UTF-8, no header row.
    """
    _check_size(data)
    if not data.strip():
        raise FileProblem("Tệp trống: không có dòng tiêu đề nào.")
    name = file_name.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif name.endswith(".csv"):
        rows = _csv_rows(data)
    elif name.endswith(".xls"):
        raise FileProblem(
            "Tệp .xls (Excel 97–2003) không được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx."
        )
    else:
        raise FileProblem("Chỉ nhận tệp bảng tính .xlsx hoặc .csv.")
    return _to_table(rows)


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FileProblem("Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        workbook.close()
    except FileProblem:
        raise
    except Exception:  # openpyxl raises many kinds of error for a damaged file
        raise FileProblem("Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.") from None
    return iter(rows)


def _csv_rows(data: bytes) -> Iterator[tuple[int, list]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            "Tệp CSV không phải mã UTF-8. Trong Excel hãy chọn Lưu thành → "
            "“CSV UTF-8 (phân tách bằng dấu phẩy)”."
        ) from None
    if "\x00" in content:
        raise FileProblem("Tệp không phải là tệp CSV dạng văn bản.")
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        return iter([(reader.line_num, row) for row in reader])
    except csv.Error:
        raise FileProblem("Tệp CSV bị lỗi định dạng (dấu ngoặc kép không khớp).") from None


def _to_table(rows: Iterable[tuple[int, list]]) -> Table:
    rows = iter(rows)
    for number, values in rows:
        if not all(is_blank(v) for v in values):
            header_number, header_values = number, values
            break
    else:
        raise FileProblem("Tệp trống: không có dòng tiêu đề nào.")
    if header_number != 1:
        raise FileProblem(f"Dòng tiêu đề phải là dòng 1 (tệp bắt đầu ở dòng {header_number}).")
    headers = [display(v).strip() for v in header_values]
    while headers and not headers[-1]:
        headers.pop()
    table = Table(headers=headers)
    for number, values in rows:
        if all(is_blank(v) for v in values):
            continue
        cells = {}
        for index, value in enumerate(values):
            if index < len(headers):
                cells[headers[index]] = value
            elif not is_blank(value):
                raise FileProblem(
                    f"Dòng {number} có dữ liệu ở cột thứ {index + 1}, nằm ngoài các cột có tiêu đề."
                )
        table.rows.append(Row(number=number, values=cells))
    return table
