"""Imports of many rows refresh PostgreSQL's statistics of the tables they filled.

Without them the planner still believes the tables empty after a bulk load, and a report
took 389 ms instead of 55 ms. ``ANALYZE`` runs once the import commits, and only past
``HTX_ANALYZE_AFTER_ROWS`` rows; on other databases nothing runs.
"""

import io
import unittest

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from cooperatives.models import Area, Figures, Location, Organization
from cooperatives.spreadsheets.undo import undo_batch
from core.database import analyze
from testing import factories as f
from testing.spreadsheets import FIGURES_HEADER, ORG_HEADER, org_row, run, xlsx
from testing.statistics import analyze_counts, history_model

on_postgresql = unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL only")


def increments(before: dict, after: dict) -> dict:
    return {table: after[table] - before[table] for table in before}


@on_postgresql
@override_settings(ANALYZE_AFTER_ROWS=10)
class AnalyzeAfterImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        f.area("13900", "Xã Yên Bằng")
        result = run(
            "organizations",
            xlsx([ORG_HEADER, *[org_row(f"07{i:08d}", name=f"HTX Số {i}") for i in range(11)]]),
        )
        assert result.ok, [str(e) for e in result.errors[:3]]

    def figures(self, count: int):
        return xlsx(
            [FIGURES_HEADER, *[[f"07{i:08d}", 2024, 6, 5, 1, 100 + i] for i in range(count)]]
        )

    def test_an_import_past_the_threshold_analyzes_its_tables_once_committed(self):
        tables = (Figures, history_model(Figures), Organization)
        before = analyze_counts(*tables)
        with self.captureOnCommitCallbacks() as callbacks:
            result = run("figures", self.figures(11))
            self.assertEqual(result.created, 11)
            # Not inside the import's transaction: it would count rows nobody else sees.
            self.assertEqual(analyze_counts(*tables), before)
        for callback in callbacks:
            callback()
        self.assertEqual(
            increments(before, analyze_counts(*tables)),
            {
                "cooperatives_figures": 1,
                "cooperatives_historicalfigures": 1,
                "cooperatives_organization": 0,
            },
        )

    def test_an_import_up_to_the_threshold_does_not(self):
        tables = (Figures, history_model(Figures))
        before = analyze_counts(*tables)
        with self.captureOnCommitCallbacks(execute=True):
            result = run("figures", self.figures(10))
        self.assertEqual(result.created, 10)
        self.assertEqual(analyze_counts(*tables), before)

    def test_an_organisations_import_analyzes_the_head_offices_too(self):
        tables = (Organization, history_model(Organization), Location, history_model(Location))
        before = analyze_counts(*tables)
        rows = [org_row(f"08{i:08d}", name=f"HTX Mới {i}") for i in range(11)]
        with self.captureOnCommitCallbacks(execute=True):
            result = run("organizations", xlsx([ORG_HEADER, *rows]))
        self.assertEqual(result.created, 11)
        self.assertEqual(set(increments(before, analyze_counts(*tables)).values()), {1})

    def test_undoing_a_large_import_analyzes_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            batch = run("figures", self.figures(11)).batch
        before = analyze_counts(Figures)
        with self.captureOnCommitCallbacks(execute=True):
            undo_batch(batch=batch)
        self.assertEqual(increments(before, analyze_counts(Figures)), {"cooperatives_figures": 1})


@on_postgresql
class AnalyzeAfterLoadAreasTests(TestCase):
    @override_settings(ANALYZE_AFTER_ROWS=1_000_000)
    def test_load_areas_analyzes_whatever_the_number_of_units(self):
        before = analyze_counts(Area, history_model(Area))
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_areas", province=["36"], stdout=io.StringIO())
        self.assertEqual(
            set(increments(before, analyze_counts(Area, history_model(Area))).values()), {1}
        )
        self.assertGreater(Area.objects.count(), 10)


@unittest.skipIf(connection.vendor == "postgresql", "other databases only")
class AnalyzeElsewhereTests(TestCase):
    def test_nothing_is_scheduled(self):
        with self.captureOnCommitCallbacks() as callbacks:
            analyze(Figures, Organization)
        self.assertEqual(callbacks, [])
