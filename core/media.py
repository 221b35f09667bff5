"""Uploaded files, served so that none can run in a visitor's browser.

Only the kinds the portal stores are served (images, PDF, Word, Excel), each with a
content type chosen from its extension, never guessed from its bytes (``nosniff``);
documents download as attachments, and a ``sandbox`` policy keeps any page that a file
might pretend to be from running scripts. Nothing under ``private/`` is ever served
(core/private_files.py: cached report PDFs, reached only through the report views). A
reverse proxy may serve ``MEDIA_ROOT`` instead, with the same headers, and must refuse
``private/`` too.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils._os import safe_join

from core.private_files import is_private

INLINE = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
          ".webp": "image/webp", ".gif": "image/gif"}  # fmt: skip
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
    response = FileResponse(
        full.open("rb"), content_type=content_type, as_attachment=suffix in DOWNLOAD
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = f"public, max-age={ONE_WEEK}"
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
