"""Reports across the July 2025 reform: reused codes, today's territory, nothing filed.

The territory (hand-built, shaped like the real one): old Tỉnh Ninh Bình (37) and Tỉnh
Hà Nam (35) end on 30/06/2025 and both become the new Tỉnh Ninh Bình, which reuses code
37. Old Xã Bình Minh (14011) merges whole into new Xã Nam Minh, which reuses its code;
old Xã Tách Đôi (13000) is split between Nam Minh and Xã Yên Lợi (14020). Hà Nội (01)
is left whole.
"""

import datetime
import io
import json
from unittest import skipUnless
from unittest.mock import patch

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from cooperatives.models import Area
from cooperatives.services import set_role
from core.lib.periods import period_end
from core.roles import ALLIANCE, AREA, OFFICIAL
from reports import placement
from reports.compute import build_report, htx_by_sector
from reports.indicators import INDICATORS
from reports.models import FrozenReport
from reports.workbook import HEADER_ROW
from testing import factories as f
from testing.spreadsheets import read_xlsx

D = datetime.date
OLD_END, NEW_START = D(2025, 6, 30), D(2025, 7, 1)
P, DI, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE


class ReformTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.old_nb = f.area("37", "Tỉnh Ninh Bình", P, valid_to=OLD_END)
        cls.ha_nam = f.area("35", "Tỉnh Hà Nam", P, valid_to=OLD_END)
        cls.new_nb = f.area("37", "Tỉnh Ninh Bình", P, valid_from=NEW_START)
        cls.old_nb.successors.add(cls.new_nb)
        cls.ha_nam.successors.add(cls.new_nb)
        gia_vien = f.area("370", "Huyện Gia Viễn", DI, cls.old_nb, valid_to=OLD_END)
        duy_tien = f.area("350", "Huyện Duy Tiên", DI, cls.ha_nam, valid_to=OLD_END)
        cls.binh_minh = f.area("14011", "Xã Bình Minh", C, gia_vien, valid_to=OLD_END)
        cls.tach_doi = f.area("13000", "Xã Tách Đôi", C, duy_tien, valid_to=OLD_END)
        cls.nam_minh = f.area("14011", "Xã Nam Minh", C, cls.new_nb, valid_from=NEW_START)
        cls.yen_loi = f.area("14020", "Xã Yên Lợi", C, cls.new_nb, valid_from=NEW_START)
        cls.binh_minh.successors.add(cls.nam_minh)  # merged whole: followed
        cls.tach_doi.successors.add(cls.nam_minh, cls.yen_loi)  # split: not followed
        cls.ha_noi = f.area("01", "Thành phố Hà Nội", P)
        cls.ba_dinh = f.area("00001", "Phường Ba Đình", C, cls.ha_noi)

        # A year earlier the new province's territory held H1 (merged commune) and H2
        # (split commune, so unplaced after the reform).
        cls.h1 = f.organization(cls.binh_minh, code="H1")
        f.figures(cls.h1, 2024, 12, members=10, workers=4)
        f.figures(cls.h1, 2025, 12, members=12, workers=5)
        cls.h2 = f.organization(cls.tach_doi, code="H2")
        f.figures(cls.h2, 2024, 12, members=5)
        # Founded in March, dissolved in October 2025, in old Bình Minh: still founded in
        # 2025, its OCOP product still certified, its loan still owed.
        cls.gone = f.organization(
            cls.binh_minh, code="GONE", founded_on=D(2025, 3, 1), status="dissolved",
            status_changed_on=D(2025, 10, 1),
        )  # fmt: skip
        f.ocop(cls.gone, name="Miến dong", certified_on=D(2025, 5, 1))
        cls.gone.loans.create(source="other", amount=100, disbursed_on=D(2025, 4, 1))
        # A new HTX in Yên Lợi that has filed nothing.
        cls.h4 = f.organization(cls.yen_loi, code="H4", founded_on=D(2025, 8, 1))
        # Hà Nội, left whole by the reform.
        cls.k = f.organization(cls.ba_dinh, code="K")
        f.figures(cls.k, 2024, 12, members=7)
        f.figures(cls.k, 2025, 12, members=8)

        cls.alliance, _ = set_role(username="lienminh", role=ALLIANCE)
        cls.official, _ = set_role(username="lanhdao", role=OFFICIAL)
        cls.officer, _ = set_role(username="canbo", role=AREA, area_codes=["01"])

    def setUp(self):
        self.client.force_login(self.alliance)

    def json(self, code, year, months=12, status=200):
        response = self.client.get(f"/bao-cao/{code}/{year}/{months}.json")
        self.assertEqual(response.status_code, status, response.content.decode())
        return response.json()


class ReusedCodeTests(ReformTestCase):
    def test_a_reused_province_code_names_the_unit_of_the_periods_end(self):
        old = self.json("37", 2024)["area"]
        new = self.json("37", 2025)["area"]
        self.assertEqual((old["valid_from"], old["valid_to"]), (None, "2025-06-30"))
        self.assertEqual((new["valid_from"], new["valid_to"]), ("2025-07-01", None))
        self.assertEqual(self.json("37", 2024)["indicators"]["htx_total"]["value"], 1)  # H1
        self.assertEqual(self.json("VN", 2025)["area"]["valid_from"], None)

    def test_a_reused_commune_code_names_the_old_unit_in_2024_and_the_new_in_2025(self):
        self.assertEqual(self.json("14011", 2024)["area"]["name"], "Xã Bình Minh")
        self.assertEqual(self.json("14011", 2025)["area"]["name"], "Xã Nam Minh")

    def test_a_code_that_names_no_unit_at_the_end_is_refused_with_its_dates(self):
        error = self.json("14020", 2024, status=400)["error"]
        self.assertIn("31/12/2024", error)
        self.assertIn("Xã Yên Lợi (từ 01/07/2025)", error)
        page = self.client.get("/bao-cao/35/2025/12/")
        self.assertContains(page, "Tỉnh Hà Nam (đến 30/06/2025)", status_code=400)
        self.assertEqual(self.client.get("/bao-cao/35/2025/12.pdf").status_code, 400)
        self.assertEqual(self.client.get("/bao-cao/99/2025/12.xlsx").status_code, 404)

    def test_build_report_resolves_the_code_on_the_periods_end(self):
        for year, expected in ((2024, "2025-06-30"), (2025, None)):
            call_command(
                "build_report", "--area", "37", "--year", str(year), "--months", "12",
                "--format", "json", "--output", "/tmp/htx-reused.json", stdout=io.StringIO(),
            )  # fmt: skip
            with open("/tmp/htx-reused.json", encoding="utf-8") as handle:
                self.assertEqual(json.load(handle)["area"]["valid_to"], expected)
        with self.assertRaisesMessage(CommandError, "Tỉnh Hà Nam (đến 30/06/2025)"):
            call_command(
                "build_report", "--area", "35", "--year", "2025", "--months", "12",
                "--format", "json", "--output", "/tmp/x.json",
            )  # fmt: skip
        with self.assertRaisesMessage(CommandError, "Không có đơn vị hành chính nào có mã “99”"):
            call_command(
                "build_report", "--area", "99", "--year", "2025", "--months", "12",
                "--format", "json", "--output", "/tmp/x.json",
            )  # fmt: skip
        call_command(
            "build_report", "--area", "VN", "--year", "2025", "--months", "12",
            "--format", "html", "--output", "/tmp/htx-vn.html", stdout=io.StringIO(),
        )  # fmt: skip
        with open("/tmp/htx-vn.html", encoding="utf-8") as handle:
            self.assertIn("Toàn quốc", handle.read())

    def test_frozen_reports_stay_keyed_on_the_unit(self):
        self.client.post("/bao-cao/37/2024/12/chot/")
        frozen = FrozenReport.objects.get()
        self.assertEqual(frozen.area, self.old_nb)
        # The new unit with the same code has its own, unfrozen report.
        self.assertContains(self.client.get("/bao-cao/37/2025/12/"), "Duyệt và chốt báo cáo")


class SameTerritoryTests(ReformTestCase):
    @skipUnless(connection.vendor == "postgresql", "places are worked out in SQL on PostgreSQL")
    def test_places_worked_out_by_the_database_are_those_worked_out_in_python(self):
        cases = [(self.new_nb, 2025, 12), (self.old_nb, 2025, 6), (self.ha_noi, 2025, 12),
                 (self.old_nb, 2024, 12), (None, 2025, 12), (None, 2024, 6)]  # fmt: skip
        sectors = []
        for area, year, months in cases:
            with self.subTest(area=area, year=year, months=months):
                end = period_end(year, months)
                in_sql = build_report(area, year, months), htx_by_sector(area, end)
                with patch.object(placement, "PLACES_IN_SQL", False):
                    in_python = build_report(area, year, months), htx_by_sector(area, end)
                self.assertEqual(in_sql, in_python)
                sectors.append(in_sql[1])
        self.assertTrue(all(sectors[:3]) and all(sectors[4:]), sectors)  # not all empty

    def test_previous_of_the_new_province_is_null_its_territory_is_counted(self):
        report = build_report(self.new_nb, 2025, 12)
        total = report["indicators"]["htx_total"]
        self.assertIsNone(total["previous"])  # the old 37 lends the new one nothing
        # H1 via the merged commune; H2's commune was split, so it is not followed.
        self.assertEqual(total["previous_same_territory"], 1)
        self.assertEqual(report["indicators"]["members_total"]["previous_same_territory"], 10)
        children = {c["area"]["name"]: c["indicators"] for c in report["children"]}
        self.assertEqual(set(children), {"Xã Nam Minh", "Xã Yên Lợi"})
        self.assertIsNone(children["Xã Nam Minh"]["htx_total"]["previous"])
        self.assertEqual(children["Xã Nam Minh"]["htx_total"]["previous_same_territory"], 1)
        self.assertEqual(children["Xã Yên Lợi"]["htx_total"]["previous_same_territory"], 0)

    def test_a_split_communes_organisation_counts_once_it_is_placed(self):
        self.h2.locations.create(area=self.yen_loi, valid_from=NEW_START)
        report = build_report(self.new_nb, 2025, 12)
        # Placed from 01/07/2025: counts now, but a year earlier it was still unplaced.
        self.assertEqual(report["indicators"]["htx_total"]["value"], 3)
        self.assertEqual(report["indicators"]["htx_total"]["previous_same_territory"], 1)

    def test_an_unchanged_province_keeps_previous_equal_to_same_territory(self):
        report = build_report(self.ha_noi, 2025, 12)
        for code, item in report["indicators"].items():
            self.assertEqual(item["previous"], item["previous_same_territory"], code)
        self.assertEqual(report["indicators"]["members_total"]["previous"], 7)
        page = self.client.get("/bao-cao/01/2025/12/")
        self.assertContains(page, '<th scope="col">Cùng kỳ năm trước</th>', html=True)
        self.assertNotContains(page, "trên địa bàn hiện nay")

    def test_a_province_that_existed_keeps_its_own_previous(self):
        old = build_report(self.old_nb, 2025, 6)["indicators"]["htx_total"]
        self.assertEqual(old["previous"], 1)  # H1 at 30/06/2024, in old Ninh Bình
        self.assertEqual(old["previous_same_territory"], 1)

    def test_new_ocop_and_loans_count_a_dissolved_htx(self):
        v = {k: i["value"] for k, i in build_report(self.new_nb, 2025, 12)["indicators"].items()}
        self.assertEqual(v["htx_total"], 2)  # H1 and H4; GONE has ceased
        self.assertEqual(v["htx_new"], 2)  # GONE (March) and H4 (August)
        self.assertEqual(v["htx_ceased"], 1)
        self.assertEqual((v["ocop_total"], v["ocop_3_star"], v["ocop_new"]), (1, 1, 1))
        self.assertEqual(v["loans_disbursed_count"], 1)
        self.assertAlmostEqual(v["loans_disbursed_amount"], 100.0)
        self.assertAlmostEqual(v["loans_outstanding"], 100.0)

    def test_every_format_compares_a_new_unit_with_its_territory(self):
        page = self.client.get("/bao-cao/37/2025/12/")
        self.assertContains(page, "Cùng kỳ năm trước (trên địa bàn hiện nay)")
        self.assertContains(
            page, "So với cùng kỳ, trên địa bàn hiện nay (1 HTX), số HTX tăng 1 HTX."
        )
        rows = {row.code: row for row in page.context["rows"]}
        self.assertEqual((rows["htx_total"].previous, rows["htx_total"].change), ("1", "+1"))
        sheets = read_xlsx(self.client.get("/bao-cao/37/2025/12.xlsx").content)
        summary = sheets["Tổng hợp"]
        self.assertEqual(summary[HEADER_ROW - 1][5], "Cùng kỳ năm trước (trên địa bàn hiện nay)")
        members = next(row for row in summary if row[0] == "Tổng số thành viên")
        self.assertEqual(members[2:6:3], [12, 10])
        text = pdf_text(self.client.get("/bao-cao/37/2025/12.pdf").getvalue())
        self.assertIn("trên địa bàn hiện nay", text)
        self.assertIn("So với cùng kỳ, trên địa bàn hiện nay", text)

    def test_query_count_stays_flat_with_more_communes_and_predecessors(self):
        with CaptureQueriesContext(connection) as few:
            build_report(self.new_nb, 2025, 12)
        for number in range(6):
            old = f.area(f"1310{number}", f"Xã Cũ {number}", C, valid_to=OLD_END)
            new = f.area(f"1420{number}", f"Xã Mới {number}", C, self.new_nb,
                         valid_from=NEW_START)  # fmt: skip
            old.successors.add(new)
            org = f.organization(old, code=f"Q{number}")
            f.figures(org, 2024, 12, members=1)
            f.organization(new, code=f"R{number}", status="dissolved",
                           status_changed_on=D(2025, 9, 1))  # fmt: skip
        with CaptureQueriesContext(connection) as many:
            report = build_report(self.new_nb, 2025, 12)
        self.assertEqual(len(report["children"]), 8)
        self.assertEqual(report["indicators"]["htx_total"]["previous_same_territory"], 7)
        self.assertEqual(len(many), len(few))


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


class NothingFiledTests(ReformTestCase):
    def test_figure_based_indicators_are_null_where_nothing_was_filed(self):
        report = build_report(self.yen_loi, 2025, 12)
        v = {code: item["value"] for code, item in report["indicators"].items()}
        self.assertEqual(v["htx_total"], 1)
        for code in ("members_total", "workers_total", "tax_paid_total", "rated_total",
                     "rating_good", "ntm_13_1", "managers_total", "avg_revenue"):  # fmt: skip
            self.assertIsNone(v[code], code)
        # Who filed is a count of its own: nobody did.
        self.assertEqual((v["htx_reporting"], v["reporting_rate"]), (0, 0.0))
        # Where something was filed, a figure-based count is a number again.
        filed = build_report(self.nam_minh, 2025, 12)["indicators"]
        self.assertEqual(filed["members_total"]["value"], 12)
        self.assertEqual(filed["tax_payers"]["value"], 0)

    def test_every_format_says_no_figures_instead_of_zero(self):
        page = self.client.get("/bao-cao/14020/2025/12/")
        rows = {row.code: row for row in page.context["rows"]}
        self.assertEqual(rows["members_total"].value, "chưa có số liệu")
        self.assertEqual(rows["htx_total"].value, "1")
        self.assertContains(page, "Chưa có tổ chức nào trên địa bàn nộp số liệu kỳ này")
        self.assertNotContains(page, 'Tổng số thành viên</th><td>người</td><td class="num">0')
        sheet = read_xlsx(self.client.get("/bao-cao/14020/2025/12.xlsx").content)["Tổng hợp"]
        members = next(row for row in sheet if row[0] == "Tổng số thành viên")
        self.assertEqual(members[2], "chưa có số liệu")
        text = pdf_text(self.client.get("/bao-cao/14020/2025/12.pdf").getvalue())
        self.assertIn("chưa có số liệu", text)
        self.assertIn("Chưa có tổ chức nào trên địa bàn nộp số liệu kỳ này", text)

    def test_a_report_frozen_before_these_fields_still_reads_in_every_format(self):
        report = build_report(self.new_nb, 2025, 12)
        for block in [report, *report["children"]]:
            block["area"].pop("valid_from")
            block["area"].pop("valid_to")
            for item in block["indicators"].values():
                item.pop("previous_same_territory")
        FrozenReport.objects.create(area=self.new_nb, year=2025, months=12, data=report)
        page = self.client.get("/bao-cao/37/2025/12/")
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "trên địa bàn hiện nay")
        self.assertFalse(page.context["live_differs"])
        for suffix in (".json", ".xlsx", ".pdf"):
            self.assertEqual(self.client.get(f"/bao-cao/37/2025/12{suffix}").status_code, 200)


class WholeCountryAndPickerTests(ReformTestCase):
    def test_the_whole_country_for_alliance_staff_and_officials_only(self):
        report = self.json("VN", 2025)
        self.assertEqual(report["area"]["code"], "VN")
        self.assertEqual([c["area"]["code"] for c in report["children"]], ["01", "37"])
        self.assertEqual(report["indicators"]["htx_total"]["value"], 3)
        self.assertEqual(set(report["indicators"]), {i.code for i in INDICATORS})
        self.assertContains(self.client.get("/bao-cao/VN/2025/12/"), "toàn quốc có 3 HTX")
        self.client.force_login(self.official)
        self.assertEqual(self.client.get("/bao-cao/VN/2025/12.xlsx").status_code, 200)
        self.client.force_login(self.officer)
        self.assertEqual(self.client.get("/bao-cao/VN/2025/12.json").status_code, 403)
        self.assertEqual(self.client.get("/bao-cao/01/2025/12.json").status_code, 200)

    @override_settings(PROVINCE_CODE="37")
    def test_the_picker_opens_on_todays_province_and_its_latest_period_with_figures(self):
        page = self.client.get("/bao-cao/")
        self.assertEqual(page.context["selected"], "37")
        self.assertEqual((page.context["selected_year"], page.context["selected_months"]),
                         (2025, 12))  # fmt: skip
        self.assertContains(
            page, '<option value="37@2025-06-30">Tỉnh Ninh Bình (37, đến 30/06/2025)'
        )
        opened = self.client.get("/bao-cao/", {"dia_ban": "37", "nam": "2025", "so_thang": "12"},
                                 follow=True)  # fmt: skip
        self.assertEqual(opened.status_code, 200)
        self.assertEqual(opened.context["area"], self.new_nb)

    @override_settings(PROVINCE_CODE="35")
    def test_a_merged_province_setting_opens_on_the_province_that_took_it_over(self):
        page = self.client.get("/bao-cao/")
        self.assertEqual(page.context["selected"], "37")

    def test_picking_an_old_unit_for_a_period_after_it_ended_is_refused(self):
        response = self.client.get(
            "/bao-cao/", {"dia_ban": "37@2025-06-30", "nam": "2025", "so_thang": "12"}
        )
        self.assertContains(response, "không tồn tại vào ngày 31/12/2025", status_code=400)
        self.assertContains(response, "đến 30/06/2025", status_code=400)
        earlier = self.client.get(
            "/bao-cao/", {"dia_ban": "37@2025-06-30", "nam": "2024", "so_thang": "12"}
        )
        self.assertRedirects(earlier, "/bao-cao/37/2024/12/")
