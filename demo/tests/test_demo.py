import datetime
import io
import unittest
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test import TestCase

from cooperatives.models import (
    Area,
    AreaMap,
    Figures,
    ImportBatch,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
)
from demo.builder import demo_codes
from reports.models import Target
from testing import demo_data, factories
from testing.statistics import analyze_counts, history_model

MID_2023 = datetime.date(2023, 6, 30)
LAST_OLD_DAY, END_2025 = datetime.date(2025, 6, 30), datetime.date(2025, 12, 31)
Kind = Organization.Kind


class LoadDemoTests(TestCase):
    """The demo province, on the official units, reproduces the Alliance's H1 2023 report.

    The demo is built once for the whole class: it is the slow part of the test suite.
    """

    @classmethod
    def setUpTestData(cls):
        cls.output = io.StringIO()
        cls.analyzed = cls.ANALYZED if connection.vendor == "postgresql" else ()
        before = analyze_counts(*cls.analyzed) if cls.analyzed else {}
        if connection.vendor == "postgresql":  # what testing/demo_data.py keeps of a run
            cls.rows_before, cls.files_before = demo_data._rows(), demo_data._paths()
        # The statistics are refreshed once the demo is committed: run what waits for it.
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=cls.output)
        cls.analyze_increments = {
            table: count - before[table]
            for table, count in (analyze_counts(*cls.analyzed) if cls.analyzed else {}).items()
        }
        cls.province = Area.objects.with_code_on("36", MID_2023)

    ANALYZED = (
        Area,
        history_model(Area),
        Organization,
        history_model(Organization),
        Location,
        Figures,
        history_model(Figures),
        OcopProduct,
        Loan,
        Member,
        Target,
    )

    @unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
    def test_the_tables_it_filled_have_fresh_statistics(self):
        # Once each: load_areas analyzes the areas, load_demo the rest.
        self.assertEqual(
            self.analyze_increments, {model._meta.db_table: 1 for model in self.ANALYZED}
        )

    @unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
    def test_the_tests_snapshot_of_the_demo_puts_back_every_row_and_file(self):
        """testing/demo_data.py: other test classes get the demo from a snapshot."""
        snapshot = demo_data._capture(self.rows_before, self.files_before)
        self.assertGreater(len(snapshot["data"]["cooperatives_figures"][1]), 10_000)
        rows = demo_data._rows()
        media = Path(settings.MEDIA_ROOT)
        files = {path: (media / path).read_bytes() for path in snapshot["files"]}
        self.assertGreaterEqual(len(files), 29)  # the articles' covers at least
        for path in files:
            (media / path).unlink()
        self.addCleanup(ContentType.objects.clear_cache)
        # Every table emptied, then the migrations' rows and the demo's put back.
        demo_data._restore(snapshot, wipe=set(rows))
        self.assertEqual(demo_data._rows(), rows)
        self.assertEqual({path: (media / path).read_bytes() for path in files}, files)

    def existing_in_province(self, *kinds: str) -> set[int]:
        found = Organization.objects.existing_at(MID_2023).in_area_at(self.province, MID_2023)
        return set(found.filter(kind__in=kinds).values_list("pk", flat=True))

    def reporting_figures(self, *kinds: str):
        return Figures.objects.for_period(2023, 6).filter(
            organization_id__in=self.existing_in_province(*kinds)
        )

    def mean_revenue(self, *kinds: str) -> Decimal:
        values = self.reporting_figures(*kinds).filter(revenue__isnull=False)
        revenues = list(values.values_list("revenue", flat=True))
        return sum(revenues, Decimal(0)) / len(revenues)

    def test_first_run_reports_what_it_loaded_in_vietnamese(self):
        text = self.output.getvalue()
        self.assertIn("Bộ dữ liệu vietnamadminunits", text)
        self.assertIn("175 xã, phường, thị trấn của 9 huyện", text)
        self.assertIn("Đã tạo", text)
        self.assertIn("Đã nạp xong dữ liệu mẫu.", text)

    def test_the_official_units_come_in_one_import_batch_with_history(self):
        batch = ImportBatch.objects.get()
        self.assertEqual(batch.kind, "areas")
        self.assertIn("vietnamadminunits", batch.file_name)
        self.assertEqual(batch.created, Area.objects.count())
        self.assertEqual(Area.history.filter(import_batch=batch).count(), Area.objects.count())

    def test_the_territory_of_the_new_province_has_the_official_units(self):
        districts = Area.objects.filter(parent=self.province)
        self.assertEqual(districts.count(), 9)  # Huyện Mỹ Lộc joined the city in 2025
        self.assertEqual(Area.objects.filter(parent__in=districts).count(), 175)
        self.assertEqual(self.province.valid_to, LAST_OLD_DAY)
        old = {
            code: Area.objects.with_code_on(code, LAST_OLD_DAY).name for code in ("35", "36", "37")
        }
        self.assertEqual(old, {"35": "Tỉnh Hà Nam", "36": "Tỉnh Nam Định", "37": "Tỉnh Ninh Bình"})
        new = Area.objects.with_code_on("37", END_2025)
        self.assertEqual((new.name, new.valid_from), ("Tỉnh Ninh Bình", datetime.date(2025, 7, 1)))
        self.assertEqual(new.children.count(), 129)
        self.assertEqual(list(self.province.successors.all()), [new])
        y_yen = Area.objects.with_code_on("360", MID_2023)
        yen_dong = Area.objects.with_code_on("13879", MID_2023)
        self.assertEqual((y_yen.name, yen_dong.name), ("Huyện Ý Yên", "Xã Yên Đồng"))
        self.assertEqual(yen_dong.parent, y_yen)

    def test_demo_organisations_sit_in_real_communes(self):
        yen_dong = Area.objects.with_code_on("13879", MID_2023)
        self.assertTrue(Organization.objects.in_area_at(yen_dong, MID_2023).exists())
        communes = Area.objects.filter(parent__parent=self.province).values("pk")
        districts = Area.objects.filter(parent=self.province).values("pk")
        in_nam_dinh = Location.objects.filter(area__in=communes).count()
        self.assertGreater(in_nam_dinh, 0.95 * Location.objects.count())
        new_communes = Area.objects.filter(valid_from=datetime.date(2025, 7, 1), level="commune")
        elsewhere = Location.objects.exclude(area__in=communes).exclude(area__in=districts)
        in_new = elsewhere.filter(area__in=new_communes)
        self.assertTrue(in_new.exists())
        self.assertFalse(in_new.filter(valid_from__lt=datetime.date(2025, 7, 1)).exists())
        # The new communes used are those that took Nam Định's over.
        taken_over = Area.objects.filter(predecessors__in=communes).values("pk")
        self.assertFalse(in_new.exclude(area__in=taken_over).exists())
        # The rest are the few organisations of Hà Nam and Ninh Bình in split communes.
        self.assertEqual(elsewhere.exclude(area__in=new_communes).count(), 5)

    def test_a_reused_code_names_the_old_commune_in_2024_and_the_new_one_in_2025(self):
        old = Area.objects.with_code_on("14011", datetime.date(2024, 12, 31))
        new = Area.objects.with_code_on("14011", END_2025)
        self.assertEqual((old.name, old.parent.name), ("Xã Bình Minh", "Huyện Nam Trực"))
        self.assertEqual((new.name, new.parent.code), ("Xã Nam Minh", "37"))
        self.assertEqual(list(old.successors.all()), [new])
        in_old = set(
            Organization.objects.in_area_at(old, LAST_OLD_DAY).values_list("pk", flat=True)
        )
        self.assertTrue(in_old)
        in_new = Organization.objects.in_area_at(new, END_2025).values_list("pk", flat=True)
        self.assertLessEqual(in_old, set(in_new) | set(self.ceased_by(END_2025)))

    def ceased_by(self, day):
        return Organization.objects.exclude(pk__in=Organization.objects.existing_at(day))

    def test_organisations_of_split_communes_are_unplaced_from_the_reform(self):
        split = Area.objects.annotate(parts=Count("successors")).filter(parts__gt=1)
        orgs = Organization.objects.filter(locations__area__in=split).distinct()
        self.assertTrue(3 <= orgs.count() <= 6)
        area_map = AreaMap()
        unplaced_before = Organization.objects.unplaced_at(LAST_OLD_DAY, area_map)
        unplaced_after = Organization.objects.unplaced_at(END_2025, area_map)
        for org in orgs:
            commune = org.locations.get().area
            placed = Organization.objects.in_area_at(commune, LAST_OLD_DAY, area_map)
            self.assertTrue(placed.filter(pk=org.pk).exists())
            self.assertFalse(unplaced_before.filter(pk=org.pk).exists())
            self.assertTrue(unplaced_after.filter(pk=org.pk).exists())
        # Everything else unplaced was recorded at a district, which has no successor.
        others = unplaced_after.exclude(pk__in=orgs.values("pk"))
        self.assertFalse(others.exclude(area__level=Area.Level.DISTRICT).exists())
        # Most organisations are in communes that went whole into one new commune.
        self.assertLess(unplaced_after.count(), 0.05 * Organization.objects.count())

    def test_targets_are_set_on_the_unit_of_their_period(self):
        old = Target.objects.filter(year__lte=2024, area__code="36")
        self.assertTrue(old.exists())
        self.assertFalse(old.exclude(area=self.province).exists())
        new = Target.objects.filter(year=2025, months=12)
        self.assertTrue(new.exists())
        self.assertEqual({t.area for t in new}, {Area.objects.with_code_on("37", END_2025)})
        district = Target.objects.get(year=2023, months=6, area__code="360")
        self.assertEqual(district.area.parent, self.province)

    def test_province_has_514_htx_and_credit_funds_on_30_june_2023(self):
        self.assertEqual(len(self.existing_in_province(Kind.HTX, Kind.CREDIT_FUND)), 514)

    def test_twelve_new_htx_make_80_percent_of_the_plan(self):
        new = Organization.objects.filter(
            pk__in=self.existing_in_province(Kind.HTX),
            founded_on__range=(datetime.date(2023, 1, 1), MID_2023),
        ).count()
        target = Target.objects.get(area=self.province, year=2023, months=6, indicator="htx_new")
        self.assertEqual(new, 12)
        self.assertEqual(target.value, 15)
        self.assertEqual(Decimal(new) / target.value * 100, 80)

    def test_mean_revenue_is_2300_with_and_without_credit_funds(self):
        self.assertEqual(self.mean_revenue(Kind.HTX), Decimal("2300"))
        self.assertEqual(self.mean_revenue(Kind.HTX, Kind.CREDIT_FUND), Decimal("2300"))

    def test_income_weighted_by_workers_is_3_2(self):
        rows = self.reporting_figures(Kind.HTX).filter(
            avg_income__isnull=False, workers__isnull=False
        )
        pairs = list(rows.values_list("avg_income", "workers"))
        weighted = sum(income * workers for income, workers in pairs)
        mean = weighted / sum(workers for _, workers in pairs)
        self.assertEqual(mean.quantize(Decimal("0.000001")), Decimal("3.200000"))

    def test_250_reporting_htx_meet_criterion_13_1(self):
        self.assertEqual(self.reporting_figures(Kind.HTX).filter(meets_ntm_13_1=True).count(), 250)

    def test_half_year_2023_figures_are_approved_estimates(self):
        rows = Figures.objects.for_period(2023, 6)
        self.assertFalse(rows.exclude(data_kind="estimate", state="approved").exists())

    def test_about_2000_groups_on_30_june_2023(self):
        self.assertTrue(1900 <= len(self.existing_in_province(Kind.GROUP)) <= 2100)

    def test_current_area_is_the_latest_location(self):
        moved = Organization.objects.annotate(moves=Count("locations")).filter(moves=2)
        self.assertTrue(moved.exists())
        for org in moved:
            self.assertEqual(org.area, org.locations.order_by("-valid_from").first().area)
        self.assertFalse(Organization.objects.filter(area__isnull=True).exists())

    def test_some_ocop_products_expire_within_90_days(self):
        self.assertGreaterEqual(OcopProduct.objects.expiring_within(90).count(), 4)

    def test_second_run_changes_nothing_and_says_so(self):
        models = (Area, Organization, Location, Figures, OcopProduct, Loan, Member, Target)
        models += (ImportBatch, Area.history.model, Organization.history.model)
        before = [model.objects.count() for model in models]
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        self.assertEqual([model.objects.count() for model in models], before)
        self.assertIn("đã có trong cơ sở dữ liệu; không thay đổi gì", output.getvalue())

    def test_every_demo_record_has_its_first_history_entry(self):
        self.assertEqual(Organization.history.count(), Organization.objects.count())
        self.assertEqual(Figures.history.count(), Figures.objects.count())
        self.assertEqual(Area.history.count(), Area.objects.count())
        record = Organization.history.first()
        self.assertEqual(record.history_type, "+")
        self.assertIn("load_demo", record.history_change_reason)


class DemoConflictTests(TestCase):
    """Refusals come before anything is written, so these tests build no demo."""

    def test_a_database_holding_some_demo_codes_is_refused_in_vietnamese(self):
        factories.organization(code=demo_codes()[7], name="HTX Có sẵn")
        with self.assertRaisesMessage(CommandError, "mang mã số của dữ liệu mẫu") as refused:
            call_command("load_demo", stdout=io.StringIO())
        self.assertIn(f"{demo_codes()[7]} – HTX Có sẵn", str(refused.exception))
        self.assertEqual(Area.objects.count(), 0)
        self.assertEqual(Organization.objects.count(), 1)

    def test_the_demo_of_an_earlier_version_is_left_alone(self):
        older = factories.organization(code="0612345678")
        older.history.update(history_change_reason="Dữ liệu minh họa (load_demo)")
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        self.assertIn("phiên bản trước", output.getvalue())
        self.assertEqual(Area.objects.count(), 0)
        self.assertEqual(Organization.objects.count(), 1)

    def test_the_demo_codes_are_fixed_and_distinct(self):
        codes = demo_codes()
        self.assertEqual(len(set(codes)), len(codes))
        self.assertTrue(all(len(code) == 10 and code.startswith("06") for code in codes))
        self.assertEqual(demo_codes(), codes)
