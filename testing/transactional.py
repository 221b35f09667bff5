"""Shared test set-up for transactional test cases (browser tests, subprocess tests)."""

import importlib


class MigrationDataMixin:
    """Put back the rows data migrations made (sectors, role groups, news categories).

    A transactional test case flushes every table after each test, those rows included;
    they are recreated the same way the migrations create them.
    """

    @classmethod
    def _fixture_setup(cls):
        super()._fixture_setup()
        from django.apps import apps

        from core.roles import sync_roles

        seed = importlib.import_module("cooperatives.migrations.0002_seed_sectors_and_roles")
        seed.seed(apps, None)
        categories = importlib.import_module("news.migrations.0002_seed_categories")
        categories.forwards(apps, None)
        sync_roles()
