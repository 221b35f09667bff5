"""Reading an uploaded .xlsx or .csv file into a header and numbered rows."""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

from core.lib.formatting import vn_number

from .cells import display, is_blank
from .limits import INVALID, LimitExceeded, Limits, check_xlsx


class FileProblem(ValueError):
    """The file as a whole cannot be read; one sentence for people."""


@dataclass
class Table:
    headers: list[str]
    # (row number as the spreadsheet shows it, cells) for every non-empty row after the
    # header, read lazily: a 100,000-row file is never held twice in memory.
    rows: Iterator[tuple[int, list]]


def max_upload_bytes() -> int:
    return settings.IMPORT_MAX_UPLOAD_MB * 1024 * 1024


def estimate_rows(data: bytes, file_name: str) -> int:
    """About how many data rows the file has, cheaply, to choose how to import it.

    An .xlsx file: its first sheet's last row as the limits check finds it (the check
    ``read_table`` makes anyway; a file it refuses counts 0, for the quick refusal); a
    CSV file: its lines. Blank rows count too: this decides only where the work runs.
    """
    name = file_name.lower()
    if name.endswith(".csv"):
        return max(0, data.count(b"\n") + (0 if data.endswith(b"\n") else 1) - 1)
    if not name.endswith(".xlsx") or len(data) > max_upload_bytes():
        return 0
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return 0
    try:
        return max(0, check_xlsx(data, Limits.from_settings()).last_row - 1)
    except ValueError:  # LimitExceeded included: read_table will say what is wrong
        return 0


def read_table(data: bytes, file_name: str) -> Table:
    """Return the first sheet of an .xlsx file, or a CSV file, as a table.

    Raise ``FileProblem`` with one Vietnamese sentence for anything that is not a readable
    spreadsheet: empty, too large, a fake workbook, not UTF-8, no header row. A problem in
    a later row (a cell outside the header's columns) is raised while iterating.
    """
    limit = max_upload_bytes()
    if len(data) > limit:
        raise FileProblem(
            f"Tệp nặng {vn_number(len(data) / 1024 / 1024, 1)} MB, vượt giới hạn "
            f"{settings.IMPORT_MAX_UPLOAD_MB} MB. Hãy chia tệp thành nhiều tệp nhỏ hơn."
        )
    if not data.strip():
        raise FileProblem("Tệp trống: không có dòng tiêu đề nào.")
    name = file_name.lower()
    limits = Limits.from_settings()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data, limits)
    elif name.endswith(".csv"):
        rows = _csv_rows(data, limits)
    elif name.endswith(".xls"):
        raise FileProblem(
            "Tệp .xls (Excel 97–2003) không được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx."
        )
    else:
        raise FileProblem("Chỉ nhận tệp bảng tính .xlsx hoặc .csv.")
    return _to_table(_within(rows, limits))


def _xlsx_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FileProblem(INVALID)
    try:
        shape = check_xlsx(data, limits)
    except LimitExceeded as problem:
        raise FileProblem(str(problem)) from None
    except ValueError:
        raise FileProblem(INVALID) from None
    if shape.streamed:
        return _openpyxl_rows(data, shape)
    return _calamine_rows(data)


def _calamine_rows(data: bytes) -> Iterator[tuple[int, list]]:
    # Calamine (Rust) reads a sheet about ten times faster than openpyxl, with real
    # date cells as dates and number cells as numbers.
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = workbook.get_sheet_by_index(0).iter_rows()
    except Exception:  # calamine raises its own errors for a damaged or foreign file
        raise FileProblem(INVALID) from None
    return enumerate(rows, start=1)


def _openpyxl_rows(data: bytes, shape) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # Bounded by what the check found, not by the sheet's own (untrusted) dimension;
        # from the first column used, as calamine reads.
        rows = sheet.iter_rows(
            min_col=shape.first_column,
            max_col=shape.last_column,
            max_row=shape.last_row,
            values_only=True,
        )
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise FileProblem(INVALID) from None

    def read():
        try:
            for number, row in enumerate(rows, start=1):
                yield number, list(row)
        except Exception:
            raise FileProblem(INVALID) from None
        finally:
            workbook.close()

    return read()


def _within(rows: Iterator[tuple[int, list]], limits: Limits) -> Iterator[tuple[int, list]]:
    """The rows, refused past the row, column or cell-length limit (CSV and XLSX alike)."""
    last_row = limits.rows + 1  # the header is row 1
    # Counted by records, not by the number shown: a CSV cell may span several lines.
    for index, (number, values) in enumerate(rows, start=1):
        if len(values) > limits.columns:
            beyond = [i for i, v in enumerate(values) if i >= limits.columns and not is_blank(v)]
            if beyond:
                where = f"dòng {number} có dữ liệu ở cột thứ {vn_number(beyond[0] + 1)}"
                raise FileProblem(str(limits.too_many_columns(where)))
        for value in values:
            if type(value) is str and len(value) > limits.cell_chars:
                column = values.index(value) + 1
                raise FileProblem(str(limits.too_long(number, column)))
        if index > last_row and not all(is_blank(v) for v in values):
            raise FileProblem(str(limits.too_many_rows()))
        yield number, values


def _csv_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list]]:
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

    def rows():
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                chars = min(limits.cell_chars, csv.field_size_limit())
                raise FileProblem(
                    f"Dòng {reader.line_num} có một ô dài quá {vn_number(chars)} ký tự, "
                    "giới hạn của một ô."
                ) from None
            raise FileProblem(
                f"Tệp CSV bị lỗi định dạng ở dòng {reader.line_num} (dấu ngoặc kép không khớp)."
            ) from None

    return rows()


def _to_table(rows: Iterator[tuple[int, list]]) -> Table:
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
    return Table(headers=headers, rows=_data_rows(rows, len(headers)))


def _data_rows(rows: Iterator[tuple[int, list]], width: int) -> Iterator[tuple[int, list]]:
    for number, values in rows:
        if all(is_blank(v) for v in values):
            continue
        for index in range(width, len(values)):
            if not is_blank(values[index]):
                raise FileProblem(
                    f"Dòng {number} có dữ liệu ở cột thứ {index + 1}, nằm ngoài các cột có tiêu đề."
                )
        yield number, values
