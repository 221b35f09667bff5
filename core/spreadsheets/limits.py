"""Limits on what an uploaded spreadsheet may make the portal read, checked before reading.

An .xlsx file is a zip of XML parts. Its compressed size says little: a 1.5 KB file with
one cell at XFD1048576 makes a reader that builds a dense grid (calamine) allocate 512 GB,
and a few MB of deflate can hold gigabytes of XML. So before any cell is read:

* every part's declared uncompressed size counts towards ``IMPORT_MAX_UNZIPPED_MB``, and a
  large part compressed beyond ``MAX_RATIO`` is refused as a zip bomb;
* the first sheet's XML is inflated here, chunk by chunk, counting the bytes really
  produced (a declared size can lie) and finding every row and cell with its position, as
  calamine will place it: by its ``r`` attribute, else after the previous one. The last
  row, the widest column and the number of cells in one row are held to the limits, so
  the reader that follows allocates a bounded amount whatever the file says.

Cell text length is checked as the cells are read (``tables.py``).
"""

import re
import struct
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings

from core.lib.formatting import vn_number

# A part larger than this may not be compressed more than MAX_RATIO times: worksheets of
# real data compress 5 to 30 times; deflate's own maximum is about 1,000.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
# workbook.xml and its relations are parsed whole: they are small in any real file.
MAX_INDEX_PART_BYTES = 5 * 1024 * 1024
# Parts in one zip: a workbook has tens; each costs an object when the zip is opened.
MAX_PARTS = 10_000
CHUNK = 1024 * 1024
# Calamine builds a sheet from a list of its cells (about 40 bytes each) into one dense
# grid (32 bytes a cell, rows from the first, columns from the first one used): above
# this many cells in either the sheet is streamed with openpyxl instead, slower but
# holding one row at a time, after the exact scan has bounded the cells of every row.
DENSE_CELLS = 4_000_000

# The header row is looked for in the first rows (title lines may stand above it), so a
# file may hold this many rows beyond the data rows allowed.
HEADER_SEARCH_ROWS = 15

INVALID = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ."


class LimitExceeded(ValueError):
    """The file is beyond a limit; one Vietnamese sentence naming it."""


@dataclass(frozen=True)
class Limits:
    rows: int
    columns: int
    cell_chars: int
    unzipped_bytes: int

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            rows=settings.IMPORT_MAX_ROWS,
            columns=settings.IMPORT_MAX_COLUMNS,
            cell_chars=settings.IMPORT_MAX_CELL_CHARS,
            unzipped_bytes=settings.IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
        )

    def too_many_rows(self) -> LimitExceeded:
        return LimitExceeded(
            f"Tệp có quá nhiều dòng: tối đa {vn_number(self.rows)} dòng dữ liệu "
            "(không kể dòng tiêu đề). Hãy chia tệp thành nhiều tệp nhỏ hơn."
        )

    def too_many_columns(self, where: str) -> LimitExceeded:
        return LimitExceeded(
            f"Tệp có quá nhiều cột: {where}, tối đa {vn_number(self.columns)} cột. "
            "Hãy xoá các cột thừa rồi nhập lại."
        )

    def too_long(self, row: int, column: int) -> LimitExceeded:
        return LimitExceeded(
            f"Ô {column_name(column)}{row} dài quá {vn_number(self.cell_chars)} ký tự, "
            "giới hạn của một ô."
        )

    def too_big_unzipped(self, total: int, label: str = ".xlsx") -> LimitExceeded:
        return LimitExceeded(
            f"Tệp {label} khi giải nén nặng {vn_number(total / 1024 / 1024, 1)} MB, vượt giới hạn "
            f"{vn_number(self.unzipped_bytes // (1024 * 1024))} MB. "
            "Hãy chia tệp thành nhiều tệp nhỏ hơn."
        )


@dataclass(frozen=True)
class SheetShape:
    last_row: int  # 1-based, as the spreadsheet numbers rows; 0 for an empty sheet
    first_column: int  # 1-based; 0 for an empty sheet
    last_column: int
    cells: int
    streamed: bool = False  # read with openpyxl, row by row, rather than with calamine


def column_name(number: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def check_zip(data: bytes, limits: Limits, label: str = ".xlsx") -> list:
    """The parts of the zip in ``data`` (an .xlsx or .ods file), checked before any is read:
    how many, their declared total size and each large part's compression ratio.

    Raise ``LimitExceeded``, or ``ValueError(INVALID)`` for what is not a readable zip.
    """
    import io
    import zipfile

    # Each entry of the zip's directory becomes an object in memory when it is opened.
    if data.count(b"PK\x01\x02") > MAX_PARTS:
        raise LimitExceeded(
            f"Tệp {label} có quá nhiều phần (tối đa {vn_number(MAX_PARTS)}): "
            "tệp không giống một bảng tính thật."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValueError(INVALID) from None
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):  # readers disagree on which duplicate they open
        raise ValueError(INVALID)
    total = sum(info.file_size for info in infos)
    if total > limits.unzipped_bytes:
        raise limits.too_big_unzipped(total, label)
    for info in infos:
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise LimitExceeded(
                f"Tệp {label} bị nén bất thường (phần “{info.filename}” giải nén lớn gấp "
                f"{vn_number(info.file_size // max(info.compress_size, 1))} lần, tối đa "
                f"{MAX_RATIO} lần): tệp không giống một bảng tính thật."
            )
    return infos


def check_xlsx(data: bytes, limits: Limits) -> SheetShape:
    """Check the workbook in ``data`` against ``limits``; return its first sheet's shape.

    Raise ``LimitExceeded`` for a file beyond a limit and ``ValueError(INVALID)`` for one
    that is not a workbook this check can follow.
    """
    infos = check_zip(data, limits)
    by_name = {info.filename: info for info in infos}
    sheet = by_name.get(_first_sheet_path(data, by_name))
    if sheet is None:
        raise ValueError(INVALID)
    # Every other part is inflated once, its output dropped: a part whose deflate stream
    # holds more than its declared size (which the total above trusted) is refused here.
    # The sheet itself is inflated by the scan, which checks the same.
    # Shared strings (<si>) are each an object for calamine: no more than cells.
    for info in infos:
        if info is not sheet:
            strings = 0
            for chunk in _inflate(data, info, limits):
                strings += chunk.count(b"si>")  # <si>, </si>, <x:si>: two a string
            if strings > 2 * DENSE_CELLS:
                raise LimitExceeded(
                    f"Tệp .xlsx có hơn {vn_number(DENSE_CELLS)} chuỗi chữ khác nhau: "
                    "tệp không giống một bảng tính nhập liệu. Hãy chia tệp nhỏ hơn."
                )
    _check_dimension(data, sheet, limits)
    try:
        shape = _scan(_inflate(data, sheet, limits), limits, exact=False)
    except _Irregular:
        shape = _scan(_inflate(data, sheet, limits), limits, exact=True)
    extent = shape.last_row * (shape.last_column - shape.first_column + 1)
    if shape.cells <= DENSE_CELLS and extent <= DENSE_CELLS:
        return shape
    shape = _scan(_inflate(data, sheet, limits), limits, exact=True)
    return SheetShape(shape.last_row, shape.first_column, shape.last_column, shape.cells, True)


def _inflate(data: bytes, info, limits: Limits):
    """Yield the part's bytes as the deflate stream really produces them, capped."""
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise ValueError(INVALID)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    produced = 0
    if info.compress_type == 0:  # stored
        chunks = (bytes(raw[i : i + CHUNK]) for i in range(0, len(raw), CHUNK))
        for chunk in chunks:
            produced += len(chunk)
            yield chunk
    elif info.compress_type == 8:  # deflate
        # Fed a slice at a time: the unconsumed input is copied on every call.
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        for at in range(0, len(raw), 64 * 1024):
            pending = raw[at : at + 64 * 1024]
            while pending and not inflater.eof:
                try:
                    chunk = inflater.decompress(pending, CHUNK)
                except zlib.error:
                    raise ValueError(INVALID) from None
                pending = inflater.unconsumed_tail
                produced += len(chunk)
                if produced > info.file_size:  # the declared size lied
                    raise limits.too_big_unzipped(produced)
                yield chunk
            if inflater.eof:
                break
        if not inflater.eof:
            raise ValueError(INVALID)
    else:
        raise ValueError(INVALID)
    if produced != info.file_size:
        raise ValueError(INVALID)


def _read_small(data: bytes, info) -> bytes:
    if info.file_size > MAX_INDEX_PART_BYTES:
        raise ValueError(INVALID)
    limits = Limits(rows=0, columns=0, cell_chars=0, unzipped_bytes=MAX_INDEX_PART_BYTES)
    return b"".join(_inflate(data, info, limits))


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFFICE_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_STRICT_RELS = "{http://purl.oclc.org/ooxml/officeDocument/relationships}"


def _first_sheet_path(data: bytes, by_name: dict) -> str | None:
    """The part of the workbook's first sheet, resolved as calamine resolves it."""
    workbook, rels = by_name.get("xl/workbook.xml"), by_name.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return None
    try:
        # A DTD (where entities would be declared and expanded) is refused outright.
        book = ElementTree.fromstring(_forbid_dtd(_read_small(data, workbook)))
        links = ElementTree.fromstring(_forbid_dtd(_read_small(data, rels)))
    except ElementTree.ParseError:
        raise ValueError(INVALID) from None
    first = next(iter(book.iter(f"{_MAIN}sheet")), None)
    if first is None:
        first = next((e for e in book.iter() if e.tag.endswith("}sheet")), None)
    if first is None:
        return None
    rid = first.get(f"{_OFFICE_RELS}id") or first.get(f"{_STRICT_RELS}id")
    for link in links.iter(f"{_RELS}Relationship"):
        if link.get("Id") == rid:
            target = link.get("Target", "")
            if target.startswith("/"):
                return target[1:]
            if target.startswith("xl/"):
                return target
            return f"xl/{target}"
    return None


def _forbid_dtd(xml: bytes) -> bytes:
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ValueError(INVALID)
    return xml


_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref\s*=\s*"([^"]*)"')
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")


def _check_dimension(data: bytes, info, limits: Limits) -> None:
    """Refuse early what the sheet declares; the scan still checks what it holds."""
    head = b""
    for chunk in _inflate(data, info, limits):
        head += chunk
        if len(head) >= 4096 or b"<sheetData" in head:
            break
    found = _DIMENSION.search(head)
    if not found:
        return
    last = found.group(1).split(b":")[-1]
    ref = _REF.fullmatch(last)
    if ref is None:
        return
    if column_number(ref.group(1)) > limits.columns:
        raise limits.too_many_columns(f"vùng dữ liệu khai báo kéo đến cột {ref.group(1).decode()}")
    if int(ref.group(2)) - HEADER_SEARCH_ROWS > limits.rows:
        raise limits.too_many_rows()


# The fast scan reads the cell tags as Excel, LibreOffice and openpyxl write them:
# ``<c r="B12"`` with the reference first. Any other cell tag (a namespace prefix, no
# ``r``, another attribute first) makes the scan start over with the exact parse, which
# follows each row and cell tag as calamine does, one by one.
_FAST_LETTERS = re.compile(rb'<c r="([A-Z]{1,3})[1-9][0-9]{0,6}"')
_FAST_DIGITS = re.compile(rb'<c r="[A-Z]{1,3}([1-9][0-9]{0,6})"')
# Cell tags of another form; ":c" also finds prefixed ones (<x:c>), and may find text.
_OTHER_CELLS = (b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r", b":c")


def _other_cells(text: bytes) -> bool:
    return any(form in text for form in _OTHER_CELLS)


_EXACT = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)"
    rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>"
)
_ATTRIBUTE = re.compile(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ANY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:row|c)(?=[\s/>])")
_CELL_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")


class _Irregular(Exception):
    """A sheet the fast scan cannot follow."""


def _chunks_to_tags(chunks):
    """Yield each chunk cut after its last ``>``, the rest carried to the next."""
    rest = b""
    for chunk in chunks:
        buffer = rest + chunk
        cut = buffer.rfind(b">") + 1
        rest = buffer[cut:]
        if len(rest) > CHUNK:  # no tag ends in a whole chunk: not a worksheet
            raise ValueError(INVALID)
        yield buffer[:cut]


def _scan(chunks, limits: Limits, exact: bool) -> SheetShape:
    if exact:
        return _scan_exact(chunks, limits)
    last_row = cells = first_column = last_column = 0
    for text in _chunks_to_tags(chunks):
        count = text.count(b"<c ")
        if _other_cells(text):
            raise _Irregular
        if not count:
            continue
        letters = _FAST_LETTERS.findall(text)
        digits = _FAST_DIGITS.findall(text)
        if len(letters) != count or len(digits) != count:
            raise _Irregular
        cells += count
        row = max(map(int, set(digits)))
        if row > limits.rows + HEADER_SEARCH_ROWS:
            raise limits.too_many_rows()
        columns = {column_number(name): name for name in set(letters)}
        widest = max(columns)
        if widest > limits.columns:
            where = digits[letters.index(columns[widest])]
            raise limits.too_many_columns(f"ô {(columns[widest] + where).decode()} có dữ liệu")
        last_row = max(last_row, row)
        last_column = max(last_column, widest)
        first_column = min(first_column or widest, min(columns))
    return SheetShape(last_row, first_column, last_column, cells)


def _scan_exact(chunks, limits: Limits) -> SheetShape:
    max_row, max_column = limits.rows + HEADER_SEARCH_ROWS, limits.columns
    row = column = last_row = last_column = cells = in_row = first_column = 0
    row_digits = b""
    for text in _chunks_to_tags(chunks):
        found = [(tag, *_exact_ref(attributes)) for tag, attributes in _EXACT.findall(text)]
        if len(found) != len(_ANY_TAG.findall(text)):
            raise ValueError(INVALID)  # a row or cell tag that is no well-formed tag
        for tag, letters, digits in found:
            if tag == b"row":
                row, row_digits = (int(digits), digits) if digits else (row + 1, b"")
                column = in_row = 0
                continue
            if letters:
                column = column_number(letters)
            elif digits:  # a reference without a column
                raise ValueError(INVALID)
            else:
                column += 1
            if digits and digits != row_digits:
                row, row_digits = int(digits), digits
            in_row += 1
            cells += 1
            # Rows are counted where they hold cells: Excel writes empty rows for a
            # height or a format, which no reader turns into values.
            if row > max_row:
                raise limits.too_many_rows()
            if column > max_column:
                raise limits.too_many_columns(f"ô {column_name(column)}{row} có dữ liệu")
            if in_row > max_column:
                raise limits.too_many_columns(f"dòng {row} có {vn_number(in_row)} ô")
            last_row = max(last_row, row)
            last_column = max(last_column, column)
            first_column = min(first_column or column, column)
    return SheetShape(last_row, first_column, last_column, cells)


def _exact_ref(attributes: bytes) -> tuple[bytes, bytes]:
    for name, double, single in _ATTRIBUTE.findall(attributes):
        if name == b"r":
            value = double or single
            ref = _CELL_REF.fullmatch(value.strip())
            if ref is None:
                raise ValueError(INVALID)
            letters, digits = ref.group(1).upper(), ref.group(2)
            if len(letters) > 3 or len(digits) > 7:
                raise ValueError(INVALID)
            return letters, digits
    return b"", b""
