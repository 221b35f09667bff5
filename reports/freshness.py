"""When the registry changes, public pages built from it are rebuilt.

Public pages are cached under a key holding a data version; any saved or deleted record
that a report reads, and every import or undo (which write in bulk, without per-row
signals, but always save their ImportBatch), moves the version on. Old entries simply
expire. Works across processes when the cache is shared (Redis in production).
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "registry-data-version"


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump(**kwargs) -> None:
    def move_on():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there yet (or evicted)
            cache.set(VERSION_KEY, 2, timeout=None)

    transaction.on_commit(move_on)


def connect() -> None:
    from cooperatives.models import (
        Area,
        Figures,
        ImportBatch,
        Loan,
        Location,
        OcopProduct,
        Organization,
        Sector,
    )
    from reports.models import FrozenReport, Target

    for model in (Area, Sector, Organization, Location, Figures, OcopProduct, Loan,
                  ImportBatch, Target, FrozenReport):  # fmt: skip
        post_save.connect(bump, sender=model, dispatch_uid=f"freshness-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"freshness-del-{model.__name__}")
