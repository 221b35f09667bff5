"""When data changes, public pages built from it are rebuilt.

Public pages are cached under keys holding a data version. Saving or deleting any
watched record moves its version on after the transaction commits; old entries simply
expire. Works across processes when the cache is shared (Redis in production).
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def _key(name: str) -> str:
    return f"data-version:{name}"


def version(name: str) -> int:
    """The current version of the data called ``name`` ("registry", "news")."""
    current = cache.get(_key(name))
    if current is None:
        cache.add(_key(name), 1, timeout=None)
        current = cache.get(_key(name), 1)
    return current


def bump(name: str) -> None:
    """Move ``name`` on once the current transaction commits (at once outside one)."""

    def move_on():
        try:
            cache.incr(_key(name))
        except ValueError:  # not there yet, or evicted
            cache.set(_key(name), 2, timeout=None)

    transaction.on_commit(move_on)


def watch(name: str, models) -> None:
    """Bump ``name`` whenever a record of one of ``models`` is saved or deleted."""

    def changed(sender, **kwargs):
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
