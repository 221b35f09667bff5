"""Reports on Vietnam's real units (``load_areas``, the pinned vietnamadminunits data set).

The new Tỉnh Ninh Bình (37 from 01/07/2025) is old Hà Nam, Nam Định and Ninh Bình (37
until 30/06/2025). Xã Bình Minh (14011, Nam Định) merged whole into Xã Nam Minh, which
reuses its code; Phường Quang Trung (13285, Hà Nam) was split between several new
communes. Hà Nội (01) was left whole by the reform.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase

from cooperatives.models import Area, Organization
from cooperatives.services import place_organization
from reports.compute import build_report
from testing import factories as f

D = datetime.date
E2024, E2025 = D(2024, 12, 31), D(2025, 12, 31)


class RealUnitsReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_areas", "--province", "36", "01", stdout=io.StringIO())
        binh_minh = Area.objects.with_code_on("14011", E2024)
        quang_trung = Area.objects.with_code_on("13285", E2024)
        phuc_xa = Area.objects.with_code_on("00001", E2024)
        cls.merged = f.organization(binh_minh, code="0700000001")
        cls.split = f.organization(quang_trung, code="0700000002")
        cls.hanoi = f.organization(phuc_xa, code="0100000003")
        for org in (cls.merged, cls.split, cls.hanoi):
            f.figures(org, 2024, 12, members=10, workers=4, revenue=1000)
            f.figures(org, 2025, 12, members=12, workers=5, revenue=1200)

    def report(self, code, end):
        return build_report(Area.objects.with_code_on(code, end), end.year, end.month)

    def test_the_reused_province_code_names_the_old_unit_in_2024_and_the_new_one_in_2025(self):
        old, new = self.report("37", E2024), self.report("37", E2025)
        self.assertEqual((old["area"]["valid_from"], old["area"]["valid_to"]), (None, "2025-06-30"))
        self.assertEqual((new["area"]["valid_from"], new["area"]["valid_to"]), ("2025-07-01", None))
        self.assertEqual(len(old["children"]), 7)  # old Ninh Bình's districts and cities
        self.assertEqual(len(new["children"]), 129)  # the new province's communes

    def test_the_new_province_has_no_previous_but_its_territory_a_year_earlier(self):
        indicators = self.report("37", E2025)["indicators"]
        self.assertIsNone(indicators["htx_total"]["previous"])
        self.assertIsNone(indicators["members_total"]["previous"])
        # A year earlier its territory held both HTX; the one in the split commune is not
        # followed into the new province (several successors).
        self.assertEqual(indicators["htx_total"]["previous_same_territory"], 1)
        self.assertEqual(indicators["members_total"]["previous_same_territory"], 10)
        self.assertEqual(indicators["htx_total"]["value"], 1)
        self.assertEqual(indicators["members_total"]["value"], 12)

    def test_a_split_communes_organisation_is_unplaced_until_placed(self):
        unplaced = set(Organization.objects.unplaced_at(E2025).values_list("code", flat=True))
        self.assertEqual(unplaced, {"0700000002"})
        successors = list(self.split.area.successors.order_by("code"))
        self.assertGreater(len(successors), 1)
        staff = get_user_model().objects.create_superuser("quan-tri", "", None)
        place_organization(organization=self.split, area=successors[0], user=staff)
        self.assertFalse(Organization.objects.unplaced_at(E2025).exists())
        indicators = self.report("37", E2025)["indicators"]
        self.assertEqual(indicators["htx_total"]["value"], 2)
        self.assertEqual(indicators["members_total"]["value"], 24)
        # Placed from 01/07/2025: a year earlier it was in its old commune, which still has
        # several successors, so the territory a year earlier still counts only one.
        self.assertEqual(indicators["htx_total"]["previous_same_territory"], 1)
        self.assertEqual(self.report("37", E2024)["indicators"]["htx_total"]["value"], 0)

    def test_an_unchanged_province_keeps_its_previous(self):
        indicators = self.report("01", E2025)["indicators"]
        for code in ("htx_total", "members_total", "avg_revenue"):
            with self.subTest(code=code):
                entry = indicators[code]
                self.assertIsNotNone(entry["previous"])
                self.assertEqual(entry["previous"], entry["previous_same_territory"])
        self.assertEqual(indicators["htx_total"]["previous"], 1)
        self.assertEqual(indicators["members_total"]["previous"], 10)
