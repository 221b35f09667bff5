"""Files the portal makes for itself and serves only through its own views.

They live in the default storage under ``private/`` (``PRIVATE``), which ``/media/``
never serves (core/media.py), so that a report built for one signed-in reader cannot be
fetched by anyone who guesses its name. A file is named after what it holds (its
report and data version), so one name is only ever written with the same content:
writers need no lock (a second writer of a name writes the same bytes again).
"""

import datetime
import os
import secrets
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils import timezone

PRIVATE = "private"


def is_private(path: str) -> bool:
    """Whether ``path`` (relative to the storage's root) lies under ``private/``."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return bool(parts) and parts[0].lower() == PRIVATE


def exists(name: str) -> bool:
    return default_storage.exists(name)


def open_file(name: str):
    """The stored file opened for reading, or None if it is not (or no longer) there."""
    try:
        return default_storage.open(name, "rb")
    except FileNotFoundError:
        return None


def write(name: str, data: bytes) -> None:
    """Store ``data`` as ``name``, whole: a reader sees either nothing or every byte.

    On the file system the bytes go to a temporary file beside it, renamed into place;
    other storages (S3) write an object in one request anyway.
    """
    if not is_private(name):
        raise ValueError(f"{name!r} is not under {PRIVATE}/")
    if isinstance(default_storage, FileSystemStorage):
        path = Path(default_storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            with open(temporary, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return
    if default_storage.exists(name):
        return  # the same name holds the same content
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another writer got there first: keep theirs
        default_storage.delete(saved)


# A temporary file older than this was left by a writer that died (killed mid-write).
ABANDONED_SECONDS = 3600


def remove_others(name: str) -> int:
    """Delete the files beside ``name`` in its folder (superseded versions); how many.

    Files being written (``.…tmp``) are left to their writer unless abandoned.
    """
    folder = str(PurePosixPath(name).parent)
    keep = PurePosixPath(name).name
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    removed = 0
    abandoned = timezone.now() - datetime.timedelta(seconds=ABANDONED_SECONDS)
    for file in files:
        if file.endswith(".tmp"):
            try:
                if default_storage.get_modified_time(f"{folder}/{file}") >= abandoned:
                    continue
            except (FileNotFoundError, NotImplementedError):
                continue
        if file != keep:
            try:
                default_storage.delete(f"{folder}/{file}")
            except FileNotFoundError:
                continue
            removed += 1
    return removed
