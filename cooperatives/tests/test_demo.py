import datetime
import io
from decimal import Decimal

from django.core.management import call_command
from django.db.models import Count
from django.test import TestCase
from django.utils import timezone

from cooperatives.models import Area, Figures, Loan, Location, Member, OcopProduct, Organization
from reports.models import Target

MID_2023 = datetime.date(2023, 6, 30)
Kind = Organization.Kind


class LoadDemoTests(TestCase):
    """The demo province reproduces the Alliance's report for the first half of 2023."""

    @classmethod
    def setUpTestData(cls):
        cls.output = io.StringIO()
        call_command("load_demo", stdout=cls.output)
        cls.province = Area.objects.get(code="36")

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
        self.assertIn("Đã tạo", text)
        self.assertIn("Đã nạp xong dữ liệu mẫu.", text)

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

    def test_organisations_of_the_split_commune_are_unplaced_today(self):
        today = timezone.localdate()
        split = Area.objects.annotate(parts=Count("successors")).get(parts=2)
        unplaced = Organization.objects.unplaced_at(today)
        in_split = Organization.objects.existing_at(today).filter(area=split)
        self.assertTrue(in_split.exists())
        self.assertFalse(in_split.exclude(pk__in=unplaced.values("pk")).exists())
        # Everything else unplaced was recorded at a district, which has no successor.
        others = unplaced.exclude(area=split).exclude(area__level=Area.Level.DISTRICT)
        self.assertFalse(others.exists())

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
        before = [model.objects.count() for model in models]
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        self.assertEqual([model.objects.count() for model in models], before)
        self.assertIn("đã có trong cơ sở dữ liệu; không thay đổi gì", output.getvalue())


class DemoHistoryTests(TestCase):
    def test_every_demo_record_has_its_first_history_entry(self):
        call_command("load_demo", stdout=io.StringIO())
        self.assertEqual(Organization.history.count(), Organization.objects.count())
        self.assertEqual(Figures.history.count(), Figures.objects.count())
        record = Organization.history.first()
        self.assertEqual(record.history_type, "+")
        self.assertIn("load_demo", record.history_change_reason)
