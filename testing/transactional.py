"""The rows data migrations make, put back after every flush of the test database.

A transactional test (``TransactionTestCase``, a live server, ``transactional_db``) empties
every table at teardown, the rows the data migrations made included: the sectors and role
groups (cooperatives/migrations/0002_seed_sectors_and_roles.py) and the news categories
(news/migrations/0002_seed_categories.py) and the fields of documents and questions
(news/migrations/0009_seed_topics.py). Test cases that run after it in the same process
(any order, under pytest-xdist) expect them, as on a migrated database.

Django's flush sends ``post_migrate`` once it has emptied the tables (it also recreates the
content types and permissions that way, and ``core.roles.sync_roles`` the role groups' rights);
the root conftest.py connects ``restore_migration_data`` to it, so every flush, whichever kind
of test made it, is followed by the same seeding code the migrations run: one source of truth.
"""

import importlib

# Every data migration with a RunPython that writes rows: (module, function).
SEEDS = (
    ("cooperatives.migrations.0002_seed_sectors_and_roles", "seed"),
    ("news.migrations.0002_seed_categories", "forwards"),
    ("news.migrations.0009_seed_topics", "forwards"),
)


def restore_migration_data(using: str = "default") -> None:
    """Recreate the migrations' rows (idempotent: get_or_create / update_or_create)."""
    from django.apps import apps

    from core.roles import sync_roles

    for module, function in SEEDS:
        getattr(importlib.import_module(module), function)(apps, None)
    sync_roles(using=using)


def restore_after_flush(sender, using="default", **kwargs) -> None:
    """``post_migrate`` receiver: once per migrate or flush, after the last app's signal (so
    that every app's permissions exist for ``sync_roles``)."""
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        restore_migration_data(using)


class MigrationDataMixin:
    """Kept for the transactional test cases that name it: the rows are there already
    (``restore_after_flush``); this only makes sure of it before each test."""

    @classmethod
    def _fixture_setup(cls):
        super()._fixture_setup()
        restore_migration_data()
