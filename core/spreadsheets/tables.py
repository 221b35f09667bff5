"""Reading an uploaded spreadsheet (.xlsx, .xls, .ods or .csv) into a header and numbered rows.

Files as clerks make them: title lines ("BIỂU TỔNG HỢP …", the office's name, the period)
may stand above the header row, which is found among the first ``HEADER_SEARCH_ROWS``
rows by its columns; a row right under it that only numbers the columns ("(1)", "(2)",
…, or "A", "B", …) is passed over. Both are reported in ``Table.skipped``.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings

from core.lib.formatting import vn_number

from .cells import display, is_blank
from .limits import HEADER_SEARCH_ROWS, INVALID, LimitExceeded, Limits, check_xlsx
from .other_formats import INVALID_ODS, INVALID_XLS, check_ods, check_xls

# What the upload accepts, as the admin's form says it.
EXTENSIONS = (".xlsx", ".xls", ".ods", ".csv")


class FileProblem(ValueError):
    """The file as a whole cannot be read; one sentence for people."""


@dataclass
class Table:
    headers: list[str]
    # (row number as the spreadsheet shows it, cells) for every non-empty row after the
    # header, read lazily: a 100,000-row file is never held twice in memory.
    rows: Iterator[tuple[int, list]]
    # (row number, why) for the rows above the header and a column-numbering row under it.
    skipped: list[tuple[int, str]] = field(default_factory=list)


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
    check = _CHECKS.get(name[name.rfind(".") :])
    if check is None or len(data) > max_upload_bytes():
        return 0
    try:
        return max(0, check(data, Limits.from_settings()).last_row - 1)
    except ValueError:  # LimitExceeded included: read_table will say what is wrong
        return 0


def read_table(
    data: bytes, file_name: str, is_header: Callable[[list], bool] | None = None
) -> Table:
    """Return the first sheet of an .xlsx, .xls or .ods file, or a CSV file, as a table.

    The header row is the first of the first ``HEADER_SEARCH_ROWS`` rows that
    ``is_header(cells)`` accepts (the rows above it are title lines), else the first row
    that is not blank. Raise ``FileProblem`` with one Vietnamese sentence for anything
    that is not a readable spreadsheet: empty, too large, a fake workbook, not UTF-8, no
    header row. A problem in a later row (a cell outside the header's columns) is raised
    while iterating.
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
    elif name.endswith((".xls", ".ods")):
        rows = _other_rows(data, limits, name[-4:])
    else:
        raise FileProblem(
            "Chỉ nhận tệp bảng tính .xlsx, .xls (Excel 97–2003), .ods (LibreOffice) hoặc .csv."
        )
    return _to_table(_within(rows, limits), is_header, limits)


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


_CHECKS = {".xlsx": check_xlsx, ".xls": check_xls, ".ods": check_ods}


def _other_rows(data: bytes, limits: Limits, extension: str) -> Iterator[tuple[int, list]]:
    """An .xls or .ods file's first sheet, read by calamine once its scan bounded it."""
    try:
        shape = _CHECKS[extension](data, limits)
    except ValueError as problem:  # LimitExceeded included: a sentence either way
        raise FileProblem(str(problem)) from None
    if not shape.last_row:
        raise FileProblem("Tệp trống: không có dòng tiêu đề nào.")
    return _calamine_rows(data, INVALID_XLS if extension == ".xls" else INVALID_ODS)


def _calamine_rows(data: bytes, invalid: str = INVALID) -> Iterator[tuple[int, list]]:
    # Calamine (Rust) reads a sheet about ten times faster than openpyxl, with real
    # date cells as dates and number cells as numbers; it reads .xls and .ods alike.
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        # Rows from the sheet's first (numbered as shown), columns from the first used.
        rows = workbook.get_sheet_by_index(0).iter_rows()
    except Exception:  # calamine raises its own errors for a damaged or foreign file
        raise FileProblem(invalid) from None
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
    last_row = limits.rows + HEADER_SEARCH_ROWS  # title lines may stand above the header
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


# A row that only numbers the columns: "(1)", "1", "(A)", "A" in each cell used.
_COLUMN_NUMBER = re.compile(r"\(?(\d{1,3}|[A-Za-z])\)?")


def _numbers_columns(values: list, width: int) -> bool:
    used = [v for v in values[:width] if not is_blank(v)]
    if len(used) < max(2, width // 2):
        return False
    return all(_COLUMN_NUMBER.fullmatch(display(v).strip()) for v in used)


def _to_table(rows: Iterator[tuple[int, list]], is_header=None, limits=None) -> Table:
    """The header (found as ``read_table`` says) and the rows under it."""
    seen: list[tuple[int, list]] = []
    header = None
    for number, values in rows:
        if all(is_blank(v) for v in values):
            if number > HEADER_SEARCH_ROWS:
                break
            continue
        if is_header is None or is_header(values):
            header = number, values
            break
        seen.append((number, values))
        if number >= HEADER_SEARCH_ROWS:
            break
    pending: list[tuple[int, list]] = []
    if header is None:
        if not seen:
            raise FileProblem("Tệp trống: không có dòng tiêu đề nào.")
        # No row names the columns: the widest of the first rows is taken for the header,
        # so that the message on its unknown columns says what the file has instead.
        widest = max(seen, key=lambda item: sum(not is_blank(v) for v in item[1]))
        at = seen.index(widest)
        header, pending, seen = widest, seen[at + 1 :], seen[:at]
    _, header_values = header
    headers = [display(v).strip() for v in header_values]
    while headers and not headers[-1]:
        headers.pop()
    skipped = [(number, "dòng tiêu đề của biểu, phía trên dòng tên cột") for number, _ in seen]
    upcoming = _data_rows(_chain(pending, rows), len(headers), limits)
    first = next(upcoming, None)
    if first is not None and _numbers_columns(first[1], len(headers)):
        skipped.append((first[0], "dòng đánh số cột"))
        first = None
    body = upcoming if first is None else _chain([first], upcoming)
    return Table(headers=headers, rows=body, skipped=skipped)


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _data_rows(
    rows: Iterator[tuple[int, list]], width: int, limits: Limits | None = None
) -> Iterator[tuple[int, list]]:
    # Records under the header, blank ones included, as ``_within`` counts from the top.
    for count, (number, values) in enumerate(rows, start=1):
        if all(is_blank(v) for v in values):
            continue
        if limits is not None and count > limits.rows:
            raise FileProblem(str(limits.too_many_rows()))
        for index in range(width, len(values)):
            if not is_blank(values[index]):
                raise FileProblem(
                    f"Dòng {number} có dữ liệu ở cột thứ {index + 1}, nằm ngoài các cột có tiêu đề."
                )
        yield number, values
