"""Uploaded files, served so that none can run in a visitor's browser.

Only the kinds the portal stores are served (images, PDF, Word, Excel, MP4 and WebM
videos), each with a content type chosen from its extension, never guessed from its bytes
(``nosniff``); documents download as attachments, and a ``sandbox`` policy keeps any page
that a file might pretend to be from running scripts. Nothing under ``private/`` is ever served
(core/private_files.py: cached report PDFs, reached only through the report views). A
reverse proxy may serve ``MEDIA_ROOT`` instead, with the same headers, and must refuse
``private/`` too. Videos are answered in parts (HTTP range requests: ``206``,
``Content-Range``), so that a phone can seek in them and start playing at once.
"""

import os
import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.utils._os import safe_join

from core.private_files import is_private

INLINE = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
          ".webp": "image/webp", ".gif": "image/gif",
          ".mp4": "video/mp4", ".webm": "video/webm"}  # fmt: skip
# Served in parts on request (range requests); the galleries' videos (news/gallery).
RANGED = {".mp4", ".webm"}
SINGLE_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
CHUNK = 64 * 1024
DOWNLOAD = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ONE_WEEK = 7 * 24 * 3600


def serve_media(request, path: str):
    if not isinstance(default_storage, FileSystemStorage):
        return redirect_to_storage(path)
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception:  # a path that leaves MEDIA_ROOT (SuspiciousFileOperation)
        raise Http404 from None
    if is_private(os.path.relpath(full, os.path.abspath(settings.MEDIA_ROOT))):
        raise Http404
    suffix = full.suffix.lower()
    content_type = INLINE.get(suffix) or DOWNLOAD.get(suffix)
    if content_type is None or not full.is_file():
        raise Http404
    if suffix in RANGED:
        response = ranged_response(request, full, content_type)
    else:
        response = FileResponse(
            full.open("rb"), content_type=content_type, as_attachment=suffix in DOWNLOAD
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = f"public, max-age={ONE_WEEK}"
    return response


def _wanted_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """The one byte range ``header`` asks for, as (first, last) inclusive; None to send
    the whole file (no header, several ranges or one written otherwise, which a server may
    ignore); False when it starts past the end (416)."""
    match = SINGLE_RANGE.fullmatch(header.strip())
    if not header or match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else size - 1
    if first >= size:
        return False
    if last < first:
        return None
    return first, last


def _read(path: Path, first: int, last: int):
    with path.open("rb") as file:
        file.seek(first)
        left = last - first + 1
        while left > 0:
            chunk = file.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def ranged_response(request, path: Path, content_type: str):
    """The file, or the part of it a ``Range`` header asks for (206 with
    ``Content-Range``; 416 for a range past its end)."""
    size = path.stat().st_size
    wanted = _wanted_range(request.headers.get("Range", ""), size)
    if request.headers.get("If-Range"):
        wanted = None  # no validators are sent: the whole file is the safe answer
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(path.open("rb"), content_type=content_type)
    else:
        first, last = wanted
        response = StreamingHttpResponse(
            _read(path, first, last), status=206, content_type=content_type
        )
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


def redirect_to_storage(path: str):
    """Uploads kept elsewhere (S3): the same allowlist, then the storage's own address.

    A signed address fixes the content type and, for documents, the download as an
    attachment (S3 answers with the signed values); the bucket's host is another origin
    than the portal's, so no file can run script in the portal's pages.
    """
    suffix = Path(path).suffix.lower()
    content_type = INLINE.get(suffix) or DOWNLOAD.get(suffix)
    if content_type is None or path.startswith("/") or ".." in Path(path).parts or is_private(path):
        raise Http404
    parameters = {"ResponseContentType": content_type}
    if suffix in DOWNLOAD:
        parameters["ResponseContentDisposition"] = f'attachment; filename="{Path(path).name}"'
    try:
        url = default_storage.url(path, parameters=parameters)
    except TypeError:  # a storage whose url() takes no parameters
        url = default_storage.url(path)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, max-age=600"
    return response
