"""Attachments (Tệp đính kèm) are PDF, Word or Excel files, recognised by their content."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

from core.lib.formatting import vn_number

KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def sniff(upload) -> str | None:
    """Return "pdf", "docx" or "xlsx" from the file's bytes, or None."""
    position = upload.tell()
    try:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(upload) as archive:
                    names = set(archive.namelist())
            except zipfile.BadZipFile:
                return None
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        return None
    finally:
        upload.seek(position)


def validate_attachment(upload) -> None:
    if getattr(upload, "_committed", False):  # stored already: checked when it arrived
        return
    name = PurePath(getattr(upload, "name", "") or "tệp").name
    limit = settings.ATTACHMENT_MAX_MB * 2**20
    if upload.size > limit:
        size = vn_number(upload.size / 2**20, 1, strip_zero=True)
        raise ValidationError(
            f"Tệp “{name}” nặng {size} MB, vượt giới hạn {settings.ATTACHMENT_MAX_MB} MB."
        )
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            f"Tệp “{name}” không phải là tệp PDF, Word (.docx) hoặc Excel (.xlsx) hợp lệ."
        )
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension != kind:
        raise ValidationError(
            f"Tệp “{name}” có nội dung {KINDS[kind][0]} nhưng phần mở rộng là “.{extension}”; "
            f"hãy đặt tên tệp có đuôi “.{kind}”."
        )
