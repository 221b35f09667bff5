"""When data changes, public pages built from it are rebuilt.

Public pages are cached under keys holding a data version. The versions live in the
database (``DataVersion``), so every process and machine agrees on them whatever cache it
uses; saving or deleting any watched record moves its version on in the same
transaction. A process reads a version at most once per ``DATA_VERSION_TTL`` seconds
(a second by default) and sees its own changes at once. While the database cannot be
reached, the version last read is kept, so pages cached before the outage are still served.
"""

import secrets
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.models import DataVersion

_lock = threading.Lock()
_known: dict[str, tuple[int, float]] = {}


def version(name: str) -> int:
    """The current version of the data called ``name`` ("registry", "news")."""
    ttl = getattr(settings, "DATA_VERSION_TTL", 1.0)
    with _lock:
        known = _known.get(name)
    if known is not None and time.monotonic() - known[1] < ttl:
        return known[0]
    try:
        current = DataVersion.objects.filter(name=name).values_list("version", flat=True).first()
    except (OperationalError, InterfaceError):
        # The database is unreachable: nobody can change data now, so the version last
        # read stays right and visitors keep getting cached pages (core/database.py).
        # Retried after the TTL again; inside a transaction the error must propagate.
        if known is None or connection.in_atomic_block:
            raise
        with _lock:
            _known[name] = (known[0], time.monotonic())
        return known[0]
    current = current or 1
    with _lock:
        _known[name] = (current, time.monotonic())
    return current


def bump(name: str) -> None:
    """Give ``name`` a new version, in the current transaction (seen by all on commit)."""
    # A random value rather than a counter: a rolled-back transaction or a restored
    # database can never bring back a version some process still has pages for.
    token = secrets.randbits(62) + 2
    updated = DataVersion.objects.filter(name=name).update(version=token)
    if not updated:
        DataVersion.objects.update_or_create(name=name, defaults={"version": token})

    def forget():
        with _lock:
            _known.pop(name, None)

    forget()
    transaction.on_commit(forget)


def watch(name: str, models) -> None:
    """Bump ``name`` whenever a record of one of ``models`` is saved or deleted."""

    def changed(sender, **kwargs):
        if kwargs.get("raw"):  # loading fixtures
            return
        bump(name)

    for model in models:
        uid = f"freshness-{name}-{model._meta.label}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}",
                weak=False,
            )  # fmt: skip
