"""The .ods and .xls files that district offices still keep, checked before calamine reads them.

Calamine reads both formats (as it reads .xlsx) into one dense grid of the first sheet,
from the first cell used to the last. Both formats can describe a huge grid in a few
bytes: an .ods cell may repeat itself ``number-columns-repeated`` times in a row repeated
``number-rows-repeated`` times, and an .xls cell record names any row up to 65,535 and
column up to 255. So, as ``limits.check_xlsx`` does for .xlsx, the first sheet is scanned
first, without building it, and held to the import's limits: its last row, its widest
column and its cells.

- **.ods**: a zip (checked as an .xlsx's parts are), whose ``content.xml`` is inflated chunk
  by chunk (counting the bytes really produced) and read by expat's event parser, keeping
  no tree; a DTD is refused. Cells with no value and no text (LibreOffice writes a row's
  empty tail as one repeated cell, and a sheet's empty tail as one repeated row) are not
  counted.
- **.xls** (Excel 97–2003, BIFF8; Excel 95's BIFF5 alike): the OLE2 container's sector
  chains are followed to the ``Workbook`` stream (no chain longer than the file's sectors,
  so the stream is never bigger than the file), whose records are walked to the first
  sheet's; each cell record's row and column are read from its first bytes.
"""

import struct
from xml.parsers import expat

from core.lib.formatting import vn_number

from .limits import (
    DENSE_CELLS,
    HEADER_SEARCH_ROWS,
    LimitExceeded,
    Limits,
    SheetShape,
    _inflate,
    check_zip,
)

INVALID_ODS = "Tệp không phải là bảng tính OpenDocument (.ods) hợp lệ."
INVALID_XLS = "Tệp không phải là bảng tính Excel 97–2003 (.xls) hợp lệ."


class _Bounds:
    """The extent of a sheet's cells as they are found, held to the limits as it grows."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.last_row = 0
        self.first_column = 0
        self.last_column = 0
        self.cells = 0

    def add(self, first_row: int, rows: int, first_column: int, columns: int) -> None:
        """Cells in rows [first_row, first_row + rows), columns likewise (1-based)."""
        limits = self.limits
        last_row, last_column = first_row + rows - 1, first_column + columns - 1
        if last_row > limits.rows + HEADER_SEARCH_ROWS:
            raise limits.too_many_rows()
        if last_column > limits.columns:
            raise limits.too_many_columns(
                f"dòng {vn_number(first_row)} có dữ liệu ở cột thứ {vn_number(last_column)}"
            )
        self.cells += rows * columns
        self.last_row = max(self.last_row, last_row)
        self.last_column = max(self.last_column, last_column)
        if not self.first_column or first_column < self.first_column:
            self.first_column = first_column
        extent = self.last_row * (self.last_column - self.first_column + 1)
        if self.cells > DENSE_CELLS or extent > DENSE_CELLS:
            raise LimitExceeded(
                f"Trang tính đầu tiên có vùng dữ liệu quá lớn (hơn {vn_number(DENSE_CELLS)} ô): "
                "tệp không giống một bảng tính nhập liệu. Hãy chia tệp nhỏ hơn."
            )

    def shape(self) -> SheetShape:
        return SheetShape(self.last_row, self.first_column, self.last_column, self.cells)


# --- .ods -------------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET, _ROW = f"{_TABLE} table", f"{_TABLE} table-row"
_CELLS = {f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"}
_ROWS_REPEATED = f"{_TABLE} number-rows-repeated"
_COLUMNS_REPEATED = f"{_TABLE} number-columns-repeated"
_VALUE_TYPE = f"{_OFFICE} value-type"


class _OdsScan:
    """Expat handlers that follow the first ``table:table`` of content.xml."""

    def __init__(self, limits: Limits) -> None:
        self.bounds = _Bounds(limits)
        self.sheets_seen = 0
        self.depth = 0  # element depth inside the first sheet (0: outside it)
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.column = 0  # columns before the current cell
        self.cell_repeat = 0  # 0: not in a cell
        self.cell_depth = 0
        self.cell_has_content = False
        self.row_cells: list[tuple[int, int]] = []

    @staticmethod
    def _count(value: str | None) -> int:
        if value is None:
            return 1
        try:
            number = int(value)
        except ValueError:
            raise ValueError(INVALID_ODS) from None
        if number < 1:
            raise ValueError(INVALID_ODS)
        return number

    def start(self, name: str, attributes: dict) -> None:
        if self.depth:
            self.depth += 1
            if name == _ROW and not self.cell_repeat:
                self.row_repeat = self._count(attributes.get(_ROWS_REPEATED))
                self.column = 0
                self.row_cells = []
            elif name in _CELLS and not self.cell_repeat:
                self.cell_repeat = self._count(attributes.get(_COLUMNS_REPEATED))
                self.cell_depth = self.depth
                self.cell_has_content = _VALUE_TYPE in attributes
        elif name == _SHEET:
            self.sheets_seen += 1
            if self.sheets_seen == 1:
                self.depth = 1

    def text(self, data: str) -> None:
        if self.cell_repeat and data.strip():
            self.cell_has_content = True

    def end(self, name: str) -> None:
        if not self.depth:
            return
        if self.cell_repeat and self.depth == self.cell_depth:
            if self.cell_has_content:
                self.row_cells.append((self.column + 1, self.cell_repeat))
            self.column += self.cell_repeat
            self.cell_repeat = 0
        elif name == _ROW and not self.cell_repeat:
            for first_column, columns in self.row_cells:
                self.bounds.add(self.row + 1, self.row_repeat, first_column, columns)
            self.row += self.row_repeat
            self.row_cells = []
        self.depth -= 1


def _refuse_dtd(*_args) -> None:
    raise ValueError(INVALID_ODS)


def check_ods(data: bytes, limits: Limits) -> SheetShape:
    """Check the .ods in ``data`` against ``limits``; return its first sheet's shape.

    Raise ``LimitExceeded`` for a file beyond a limit and ``ValueError(INVALID_ODS)`` for
    one that is not an OpenDocument spreadsheet.
    """
    try:
        infos = check_zip(data, limits, ".ods")
    except ValueError as problem:
        if isinstance(problem, LimitExceeded):
            raise
        raise ValueError(INVALID_ODS) from None
    by_name = {info.filename: info for info in infos}
    content, mimetype = by_name.get("content.xml"), by_name.get("mimetype")
    if content is None or mimetype is None:
        raise ValueError(INVALID_ODS)
    try:
        kind = b"".join(_inflate(data, mimetype, limits))
    except ValueError:
        raise ValueError(INVALID_ODS) from None
    if kind.strip() != b"application/vnd.oasis.opendocument.spreadsheet":
        raise ValueError(INVALID_ODS)
    scan = _OdsScan(limits)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    # Entities are declared in a DTD: none is allowed, so none is ever expanded.
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    try:
        for chunk in _inflate(data, content, limits):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError:
        raise ValueError(INVALID_ODS) from None
    except LimitExceeded:
        raise
    except ValueError:
        raise ValueError(INVALID_ODS) from None
    if not scan.sheets_seen:
        raise ValueError(INVALID_ODS)
    return scan.bounds.shape()


# --- .xls -------------------------------------------------------------------------------

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_REGULAR = 0xFFFFFFFA  # sector numbers at or above this are markers
# BIFF records: the beginning and end of a substream, a sheet's entry in the workbook
# globals, and the cell records, each of which starts with the cell's row and column.
_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_CELL_RECORDS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6}
_RANGE_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: a row, a first and a last column


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


class _Ole:
    """Just enough of the OLE2 compound file format to read one stream."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or data[:8] != _OLE_SIGNATURE:
            raise ValueError(INVALID_XLS)
        self.data = data
        shift = _u16(data, 0x1E)
        if shift not in (9, 12):
            raise ValueError(INVALID_XLS)
        self.size = 1 << shift
        self.mini_size = 1 << _u16(data, 0x20)
        self.mini_cutoff = _u32(data, 0x38)
        self.sectors = (len(data) - self.size) // self.size  # after the header sector
        fat_sectors = [_u32(data, 0x4C + 4 * i) for i in range(109)]
        next_difat, difat_count = _u32(data, 0x44), _u32(data, 0x48)
        for _ in range(min(difat_count, self.sectors)):
            if next_difat >= _MAX_REGULAR:
                break
            block = self._sector(next_difat)
            per = self.size // 4 - 1
            fat_sectors += [_u32(block, 4 * i) for i in range(per)]
            next_difat = _u32(block, 4 * per)
        fat_count = _u32(data, 0x2C)
        fat = b"".join(self._sector(s) for s in fat_sectors[:fat_count] if s < _MAX_REGULAR)
        self.fat = struct.unpack(f"<{len(fat) // 4}I", fat)
        self.directory = self._chain_bytes(_u32(data, 0x30), self.fat, self._sector)
        root = self.directory[:128]
        if len(root) < 128:
            raise ValueError(INVALID_XLS)
        self._mini_stream = None
        self._mini_root = (_u32(root, 0x74), _u32(root, 0x78))
        self._mini_fat_start = _u32(data, 0x3C)

    def _sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise ValueError(INVALID_XLS)
        start = (number + 1) * self.size
        return self.data[start : start + self.size]

    @staticmethod
    def _chain_bytes(start: int, table, read) -> bytes:
        """The sectors of a chain, joined; a chain longer than its table is a loop."""
        parts, number = [], start
        for _ in range(len(table) + 1):
            if number == _END_OF_CHAIN:
                return b"".join(parts)
            if number >= len(table):
                raise ValueError(INVALID_XLS)
            parts.append(read(number))
            number = table[number]
        raise ValueError(INVALID_XLS)

    def stream(self, names: tuple[str, ...]) -> bytes:
        wanted = {name.lower() for name in names}
        for at in range(0, len(self.directory) - 127, 128):
            entry = self.directory[at : at + 128]
            length = _u16(entry, 0x40)
            if entry[0x42] != 2 or not 2 <= length <= 64:
                continue
            name = entry[: length - 2].decode("utf-16-le", "replace")
            if name.lower() not in wanted:
                continue
            start, size = _u32(entry, 0x74), _u32(entry, 0x78)
            if size < self.mini_cutoff:
                content = self._chain_bytes(start, self._mini_fat(), self._mini_sector)
            else:
                content = self._chain_bytes(start, self.fat, self._sector)
            return content[:size]
        raise ValueError(INVALID_XLS)

    def _mini_fat(self):
        table = self._chain_bytes(self._mini_fat_start, self.fat, self._sector)
        return struct.unpack(f"<{len(table) // 4}I", table)

    def _mini_sector(self, number: int) -> bytes:
        if self._mini_stream is None:
            start, size = self._mini_root
            self._mini_stream = self._chain_bytes(start, self.fat, self._sector)[:size]
        begin = number * self.mini_size
        if begin + self.mini_size > len(self._mini_stream):
            raise ValueError(INVALID_XLS)
        return self._mini_stream[begin : begin + self.mini_size]


def _records(stream: bytes, at: int):
    """(record id, its data) from ``at`` to the end of the substream."""
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        if len(body) < length:
            raise ValueError(INVALID_XLS)
        yield kind, body
        if kind == _EOF:
            return
        at += 4 + length
    raise ValueError(INVALID_XLS)


def check_xls(data: bytes, limits: Limits) -> SheetShape:
    """Check the .xls in ``data`` against ``limits``; return its first sheet's shape.

    Raise ``LimitExceeded`` for a file beyond a limit and ``ValueError(INVALID_XLS)`` for
    one that is not an Excel 97–2003 workbook.
    """
    try:
        stream = _Ole(data).stream(("Workbook", "Book"))
        if len(stream) < 4 or _u16(stream, 0) not in (_BOF, 0x0409, 0x0209):
            raise ValueError(INVALID_XLS)
        first_sheet = None
        for kind, body in _records(stream, 0):
            if kind == _BOUNDSHEET and len(body) >= 4:
                first_sheet = _u32(body, 0)
                break
        if first_sheet is None or first_sheet + 4 > len(stream):
            raise ValueError(INVALID_XLS)
        bounds = _Bounds(limits)
        for kind, body in _records(stream, first_sheet):
            if kind in _CELL_RECORDS and len(body) >= 4:
                bounds.add(_u16(body, 0) + 1, 1, _u16(body, 2) + 1, 1)
            elif kind in _RANGE_RECORDS and len(body) >= 6:
                first, last = _u16(body, 2), _u16(body, len(body) - 2)
                if last < first:
                    raise ValueError(INVALID_XLS)
                bounds.add(_u16(body, 0) + 1, 1, first + 1, last - first + 1)
    except (struct.error, IndexError):
        raise ValueError(INVALID_XLS) from None
    return bounds.shape()
