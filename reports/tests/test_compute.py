"""Indicators of docs/interfaces.md §2.2 on the demo province and on hand-built hard cases."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cooperatives.models import Area, Location, Organization
from reports.compute import ReportRefused, build_report
from reports.indicators import INDICATORS
from reports.models import Target
from testing import factories as f
from testing.demo_data import load_demo_data


class DemoReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_data(cls)
        cls.report = build_report(
            Area.objects.with_code_on("36", datetime.date(2023, 6, 30)), 2023, 6
        )

    def value(self, code):
        return self.report["indicators"][code]

    def test_first_half_of_2023_states_what_the_alliance_quoted(self):
        self.assertEqual(
            self.value("htx_new"), {**self.value("htx_new"), "value": 12, "target": 15}
        )
        self.assertAlmostEqual(self.value("htx_new")["completion"], 80.0)
        total = self.value("htx_total")["value"] + self.value("credit_funds_total")["value"]
        self.assertEqual(total, 514)
        self.assertAlmostEqual(self.value("avg_revenue")["value"], 2300.0)
        self.assertAlmostEqual(self.value("avg_income")["value"], 3.2)
        self.assertEqual(self.value("ntm_13_1")["value"], 250)

    def test_the_web_page_and_its_json_state_the_same_figures(self):
        from cooperatives.services import set_role
        from core.roles import ALLIANCE

        user, _ = set_role(username="lienminh", role=ALLIANCE)
        self.client.force_login(user)
        page = self.client.get("/bao-cao/36/2023/6/")
        for phrase in (
            "6 tháng đầu năm 2023, toàn tỉnh thành lập mới 12 HTX, đạt 80% kế hoạch",
            "toàn tỉnh có 494 HTX",
            "20 quỹ tín dụng nhân dân",  # 494 + 20 = 514
            "Doanh thu bình quân đạt 2,3 tỷ đồng/HTX",
            "khoảng 3,2 triệu đồng/người/tháng",
            "Có 250 HTX đạt tiêu chí 13.1",
            '<td class="num">2.300,0</td>',
        ):
            self.assertContains(page, phrase)
        self.assertEqual(self.client.get("/bao-cao/36/2023/6.json").json(), self.report)

    def test_json_shape_follows_the_contract(self):
        report = self.report
        self.assertEqual(
            report["area"],
            {"code": "36", "name": "Tỉnh Nam Định", "level": "Tỉnh", "valid_from": None,
             "valid_to": "2025-06-30"},
        )  # fmt: skip
        self.assertEqual((report["start"], report["end"]), ("2023-01-01", "2023-06-30"))
        self.assertEqual(set(report["indicators"]), {i.code for i in INDICATORS})
        self.assertEqual(len(report["children"]), 9)  # Mỹ Lộc joined the city in 2025
        for child in report["children"]:
            self.assertEqual(set(child["indicators"]), {i.code for i in INDICATORS})
            for field in child["indicators"]["htx_total"]:
                self.assertIn(
                    field,
                    ("value", "target", "completion", "previous", "previous_same_territory"),
                )
        children_total = sum(c["indicators"]["htx_total"]["value"] for c in report["children"])
        self.assertEqual(children_total, self.value("htx_total")["value"])
        self.assertIsInstance(self.value("htx_total")["value"], int)
        self.assertIsNotNone(self.value("htx_total")["previous"])

    def test_a_province_that_no_longer_exists_is_refused_with_its_dates(self):
        with self.assertRaisesMessage(ReportRefused, "30/06/2025"):
            build_report(Area.objects.with_code_on("36", datetime.date(2023, 6, 30)), 2025, 12)

    def test_the_whole_country_adds_up_its_provinces(self):
        country = build_report(None, 2023, 6)
        self.assertEqual(
            country["area"],
            {"code": "VN", "name": "Toàn quốc", "level": "Toàn quốc", "valid_from": None,
             "valid_to": None},
        )  # fmt: skip
        provinces = {child["area"]["code"]: child["indicators"] for child in country["children"]}
        self.assertIn("36", provinces)
        self.assertEqual(provinces["36"]["htx_total"], self.value("htx_total"))
        self.assertEqual(provinces["36"]["avg_income"]["value"], self.value("avg_income")["value"])
        for code in ("htx_total", "credit_funds_total", "members_total", "ocop_total"):
            self.assertEqual(
                country["indicators"][code]["value"],
                sum(indicators[code]["value"] or 0 for indicators in provinces.values()),
                code,
            )
        # After the reform Nam Định is gone; its cooperatives count in Ninh Bình.
        later = build_report(None, 2025, 12)
        self.assertNotIn("36", [child["area"]["code"] for child in later["children"]])
        self.assertEqual(
            later["indicators"]["htx_total"]["value"],
            sum(child["indicators"]["htx_total"]["value"] for child in later["children"]),
        )


class HardCaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("36", "Tỉnh Nam Định", P)
        cls.y_yen = f.area("360", "Huyện Ý Yên", D, cls.province)
        cls.hai_hau = f.area("366", "Huyện Hải Hậu", D, cls.province)
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", C, cls.y_yen)
        cls.hai_phuc = f.area("14200", "Xã Hải Phúc", C, cls.hai_hau)
        cls.a = f.organization(cls.yen_bang, code="A", founded_on=datetime.date(2023, 2, 1))
        cls.b = f.organization(cls.hai_phuc, code="B", sector_name="Vận tải")
        # Moved from Ý Yên to Hải Hậu during the year, then dissolved: it ceased where it was.
        cls.c = f.organization(cls.yen_bang, code="C")
        Location.objects.create(
            organization=cls.c, area=cls.hai_phuc, valid_from=datetime.date(2023, 3, 1)
        )
        cls.c.status, cls.c.status_changed_on = (
            Organization.Status.DISSOLVED,
            datetime.date(2023, 5, 1),
        )
        cls.c.save()
        f.organization(
            cls.hai_phuc, code="S", status="suspended", status_changed_on=datetime.date(2023, 1, 5)
        )
        f.figures(cls.a, 2023, 6, workers=10, avg_income=Decimal("3"), revenue=1000, rating="good")
        f.figures(cls.b, 2023, 6, workers=30, avg_income=Decimal("4"), revenue=None, rating="weak")
        f.ocop(cls.a, name="Đã hết hạn", certified_on=datetime.date(2019, 1, 1))
        f.ocop(cls.a, name="Còn hạn", stars=4, certified_on=datetime.date(2023, 3, 1))
        cls.a.loans.create(
            source="other",
            amount=100,
            disbursed_on=datetime.date(2023, 4, 1),
            matures_on=datetime.date(2023, 5, 1),
        )
        cls.b.loans.create(
            source="other", amount=200, outstanding=150, disbursed_on=datetime.date(2022, 4, 1)
        )
        Target.objects.create(area=cls.y_yen, year=2023, months=6, indicator="htx_new", value=0)

    def report(self):
        return build_report(self.province, 2023, 6)

    def test_counts_means_and_blanks(self):
        report = self.report()
        v = {code: item["value"] for code, item in report["indicators"].items()}
        self.assertEqual(v["htx_total"], 3)  # A, B and the suspended one; C ceased
        self.assertEqual((v["htx_agri"], v["htx_non_agri"]), (2, 1))
        self.assertEqual(v["htx_new"], 1)
        self.assertEqual(v["htx_ceased"], 1)
        self.assertEqual(v["htx_reporting"], 2)
        self.assertAlmostEqual(v["avg_revenue"], 1000.0)  # B gave no revenue: not a zero
        self.assertAlmostEqual(v["avg_income"], 3.75)  # weighted by workers
        self.assertAlmostEqual(v["good_fair_share"], 50.0)
        self.assertIsNone(v["groups_avg_revenue"])  # a mean over nothing is null
        self.assertEqual((v["ocop_total"], v["ocop_4_star"], v["ocop_new"]), (1, 1, 1))
        self.assertEqual(v["loans_disbursed_count"], 1)
        self.assertAlmostEqual(v["loans_outstanding"], 150.0)  # A's loan matured

    def test_every_indicator_on_the_hand_built_province(self):
        expected = {
            "htx_total": 3, "htx_agri": 2, "htx_non_agri": 1, "unions_total": 0,
            "credit_funds_total": 0, "groups_total": 0, "htx_new": 1, "htx_ceased": 1,
            "htx_new_model": 0, "alliance_members": 0, "alliance_member_share": 0.0,
            "with_tax_code": 0, "htx_reporting": 2, "reporting_rate": 200 / 3,
            "members_total": 0, "workers_total": 40, "avg_revenue": 1000.0, "avg_profit": None,
            "avg_income": 3.75, "tax_payers": 0, "tax_paid_total": 0.0,
            "social_insurance_htx": 0, "social_insurance_workers": 0, "rated_total": 2,
            "rating_good": 1, "rating_fair": 0, "rating_average": 0, "rating_weak": 1,
            "good_fair_share": 50.0, "ntm_13_1": 0, "managers_total": 0,
            "managers_university": 0, "managers_college": 0, "managers_trained": 0,
            "groups_avg_revenue": None, "groups_avg_profit": None, "ocop_total": 1,
            "ocop_3_star": 0, "ocop_4_star": 1, "ocop_5_star": 0, "ocop_new": 1,
            "loans_disbursed_count": 1, "loans_disbursed_amount": 100.0,
            "loans_outstanding": 150.0,
        }  # fmt: skip
        self.assertEqual(set(expected), {i.code for i in INDICATORS})
        values = {code: item["value"] for code, item in self.report()["indicators"].items()}
        for code, value in expected.items():
            if isinstance(value, float):
                self.assertAlmostEqual(values[code], value, msg=code)
            else:
                self.assertEqual(values[code], value, code)

    def test_ceased_counts_where_it_was_the_day_before(self):
        children = {c["area"]["code"]: c["indicators"] for c in self.report()["children"]}
        self.assertEqual(children["366"]["htx_ceased"]["value"], 1)
        self.assertEqual(children["360"]["htx_ceased"]["value"], 0)

    def test_ceased_in_a_commune_later_moved_to_another_district_counts_in_the_old_one(self):
        C = Area.Level.COMMUNE
        before = self.report()
        moved = f.area("13901", "Xã Yên Cũ", C, self.y_yen, valid_to=datetime.date(2023, 4, 30))
        moved.successors.add(
            f.area("14201", "Xã Hải Mới", C, self.hai_hau, valid_from=datetime.date(2023, 5, 1))
        )
        f.organization(moved, code="GONE", status="dissolved",
                       status_changed_on=datetime.date(2023, 3, 1))  # fmt: skip
        after = self.report()

        def ceased(report, code):
            child = next(c for c in report["children"] if c["area"]["code"] == code)
            return child["indicators"]["htx_ceased"]["value"]

        self.assertEqual(ceased(after, "360"), ceased(before, "360") + 1)
        self.assertEqual(ceased(after, "366"), ceased(before, "366"))
        self.assertEqual(build_report(self.y_yen, 2023, 6)["indicators"]["htx_ceased"]["value"],
                         ceased(after, "360"))  # fmt: skip

    def test_completion_is_null_for_a_zero_target(self):
        children = {c["area"]["code"]: c["indicators"] for c in self.report()["children"]}
        self.assertEqual(children["360"]["htx_new"]["target"], 0)
        self.assertIsNone(children["360"]["htx_new"]["completion"])

    def test_a_move_between_provinces_counts_where_the_organisation_was_at_the_end(self):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        other = f.area("37", "Tỉnh Ninh Bình", P)
        elsewhere = f.area("15000", "Xã Gia Hòa", C, f.area("370", "Huyện Gia Viễn", D, other))
        before = self.report()
        incoming = f.organization(elsewhere, code="IN")
        Location.objects.create(
            organization=incoming, area=self.yen_bang, valid_from=datetime.date(2023, 4, 1)
        )
        outgoing = f.organization(self.hai_phuc, code="OUT")
        Location.objects.create(
            organization=outgoing, area=elsewhere, valid_from=datetime.date(2023, 4, 1)
        )
        later = f.organization(self.hai_phuc, code="LATER")
        Location.objects.create(
            organization=later, area=elsewhere, valid_from=datetime.date(2023, 7, 1)
        )
        after = self.report()

        def htx(report, code):
            if code is None:
                return report["indicators"]["htx_total"]["value"]
            child = next(c for c in report["children"] if c["area"]["code"] == code)
            return child["indicators"]["htx_total"]["value"]

        # In: the incoming one (Ý Yên) and the one that left only after the period (Hải Hậu).
        self.assertEqual(htx(after, None), htx(before, None) + 2)
        self.assertEqual(htx(after, "360"), htx(before, "360") + 1)
        self.assertEqual(htx(after, "366"), htx(before, "366") + 1)
        self.assertEqual(htx(build_report(other, 2023, 6), None), 1)

    def test_query_count_does_not_depend_on_the_number_of_children(self):
        with CaptureQueriesContext(connection) as few:
            self.report()
        for number in range(8):
            district = f.area(
                f"37{number}", f"Huyện Thêm {number}", Area.Level.DISTRICT, self.province
            )
            commune = f.area(f"150{number}0", f"Xã Thêm {number}", Area.Level.COMMUNE, district)
            f.organization(commune, code=f"X{number}")
        with CaptureQueriesContext(connection) as many:
            report = self.report()
        self.assertEqual(len(report["children"]), 10)
        self.assertEqual(len(many), len(few))
