"""Uploaded spreadsheets waiting for the uploader to confirm the import.

They are kept through Django's storage API (the default storage: ``MEDIA_ROOT``, or the
S3 bucket when several machines serve the portal, docs/operations.md), so the machine
that confirms needs not be the one that showed the preview. Each waits under
``import-pending/`` with a random 128-bit name (its token, kept in the uploader's
session); ``.upload`` is no kind of file ``/media/`` serves. Files left unconfirmed are
removed after ``MAX_AGE``.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "import-pending"
SUFFIX = ".upload"
MAX_AGE = datetime.timedelta(hours=12)


def _name(token: str) -> str:
    return f"{FOLDER}/{token}{SUFFIX}"


def valid_token(token: str) -> bool:
    """Whether ``token`` has the form ``keep`` gives (so it names no other file)."""
    return len(token) == 32 and token.isascii() and token.isalnum()


def keep(data: bytes) -> str:
    """Store an upload until it is confirmed; return its token."""
    token = uuid.uuid4().hex
    stored = default_storage.save(_name(token), ContentFile(data))
    if stored != _name(token):  # the storage renamed it: only the name given is found
        default_storage.delete(stored)
        raise OSError(f"Bộ lưu trữ đổi tên tệp chờ nhập thành {stored}.")
    return token


def take(token: str) -> bytes | None:
    """The upload kept under ``token``, removed from the storage; None when it is gone."""
    if not valid_token(token):
        return None
    name = _name(token)
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None
    finally:
        default_storage.delete(name)


def peek(token: str) -> bytes | None:
    """The upload kept under ``token``, left in the storage; None when it is gone.

    A background preview reads the file this way: the confirmation takes it later.
    """
    if not valid_token(token):
        return None
    try:
        with default_storage.open(_name(token), "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None


def discard(token: str) -> None:
    """Remove the upload kept under ``token`` (nothing to confirm in it)."""
    if valid_token(token):
        default_storage.delete(_name(token))


def forget_old(now: datetime.datetime | None = None) -> int:
    """Remove uploads waiting longer than ``MAX_AGE``; return how many went."""
    limit = (now or timezone.now()) - MAX_AGE
    try:
        _, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:  # nothing was ever kept here
        return 0
    removed = 0
    for file_name in files:
        if not file_name.endswith(SUFFIX):
            continue
        name = f"{FOLDER}/{file_name}"
        try:
            stale = default_storage.get_modified_time(name) < limit
        except FileNotFoundError:  # confirmed or removed by another request meanwhile
            continue
        if stale:
            default_storage.delete(name)
            removed += 1
    return removed
