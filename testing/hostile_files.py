"""Hostile spreadsheets, built byte by byte: sparse sheets whose one cell sits at
XFD1048576, deflate bombs (honest about their size, or declaring a small one), and the
XML of ordinary sheets to wrap them in. Used by the limit tests and the real-server
security tests."""

import struct
import zipfile
from pathlib import Path

from testing.spreadsheets import FIGURES_HEADER

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFICE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = b"http://schemas.openxmlformats.org/package/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        b'/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + PACKAGE + b'">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="' + MAIN + b'" xmlns:r="'
        b"" + OFFICE + b'"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets>'
        b"</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + PACKAGE + b'">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
SHEET_START = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + MAIN + b'">'


def inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def workbook(path: Path, rows_xml, dimension: str | None = None, extra=None) -> Path:
    """Write an .xlsx whose first sheet holds ``rows_xml`` (bytes, or chunks of them)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {**PARTS, **(extra or {})}.items():
            archive.writestr(name, content)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START)
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for chunk in [rows_xml] if isinstance(rows_xml, bytes) else rows_xml:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def header_row() -> bytes:
    return (
        b'<row r="1">'
        + b"".join(inline(f"{chr(65 + i)}1", h) for i, h in enumerate(FIGURES_HEADER[:3]))
        + b"</row>"
    )


def repeated(total_mb: int):
    """A header, then one row of one repeated cell: ``total_mb`` MB of XML in 1 MB chunks."""
    cell = b'<c r="A2"><v>1</v></c>'
    chunk = cell * (1024 * 1024 // len(cell))
    yield header_row()
    yield b'<row r="2">'
    for _ in range(total_mb):
        yield chunk
    yield b"</row>"


def declare_smaller(path: Path, part: str, size: int) -> None:
    """Make the zip declare ``size`` bytes for ``part``, whatever its deflate stream holds."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            extra_length = struct.unpack_from("<H", data, central + 30)[0]
            extra = central + 46 + name_length
            struct.pack_into("<I", data, central + 24, size)
            # A zip64 extra field (force_zip64) holds the sizes instead: set them too.
            at = extra
            while at < extra + extra_length:
                tag, length = struct.unpack_from("<HH", data, at)
                if tag == 1:
                    struct.pack_into("<I", data, central + 24, 0xFFFFFFFF)
                    struct.pack_into("<Q", data, at + 4, size)
                at += 4 + length
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
