import io
import json

from django.core.management import CommandError, call_command

from testing.roles import RolesTestCase


class ReportAccessTests(RolesTestCase):
    url = "/bao-cao/{}/2023/6.json"

    def test_anonymous_goes_to_sign_in(self):
        response = self.client.get(self.url.format("36"))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/quan-tri/login/", response["Location"])

    def test_alliance_staff_and_officials_read_every_area(self):
        for user in (self.alliance, self.official):
            self.client.force_login(user)
            response = self.client.get(self.url.format("36"))
            self.assertEqual(response.status_code, 200, user)
            self.assertEqual(response.json()["indicators"]["htx_total"]["value"], 2)

    def test_area_officer_reads_own_area_only(self):
        self.client.force_login(self.area_officer)
        self.assertEqual(self.client.get(self.url.format("360")).status_code, 200)
        self.assertEqual(self.client.get(self.url.format("366")).status_code, 403)
        self.assertEqual(self.client.get(self.url.format("36")).status_code, 403)

    def test_editor_cannot_read_reports(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(self.url.format("36")).status_code, 403)

    def test_unknown_area_and_impossible_period(self):
        self.client.force_login(self.alliance)
        self.assertEqual(self.client.get(self.url.format("99")).status_code, 404)
        response = self.client.get("/bao-cao/36/2023/13.json")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Kỳ báo cáo không hợp lệ", response.json()["error"])


class BuildReportCommandTests(RolesTestCase):
    def test_writes_the_json_report(self):
        call_command(
            "build_report", "--area", "36", "--year", "2023", "--months", "6",
            "--format", "json", "--output", "/tmp/htx-report.json", stdout=io.StringIO(),
        )  # fmt: skip
        with open("/tmp/htx-report.json", encoding="utf-8") as handle:
            report = json.load(handle)
        self.assertEqual(report["area"]["name"], "Tỉnh Nam Định")
        self.assertEqual(report["indicators"]["htx_total"]["value"], 2)

    def test_unknown_area_is_a_one_line_vietnamese_error(self):
        with self.assertRaisesMessage(CommandError, "Không có đơn vị hành chính nào có mã “99”"):
            call_command(
                "build_report", "--area", "99", "--year", "2023", "--months", "6",
                "--format", "json", "--output", "/tmp/x.json",
            )  # fmt: skip


class ReportPageTests(RolesTestCase):
    def setUp(self):
        from reports.models import Target

        Target.objects.create(
            area=self.province, year=2023, months=6, indicator="htx_total", value=4
        )
        self.client.force_login(self.alliance)

    def test_page_shows_tables_with_vietnamese_numbers_and_charts(self):
        response = self.client.get("/bao-cao/36/2023/6/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Tình hình phát triển kinh tế tập thể, hợp tác xã 6 tháng đầu năm 2023"
        )
        self.assertContains(response, "từ ngày 01/01/2023 đến ngày 30/06/2023")
        self.assertContains(response, "2.300,0")  # mean revenue, one decimal
        self.assertContains(response, ">50,0%<")  # 2 HTX of a plan of 4: one decimal in tables
        self.assertContains(response, "<svg", count=6)
        # Each chart a figure: its title as text, and its figures in a table under it.
        self.assertContains(response, "<figcaption>", count=6)
        self.assertContains(response, "<summary>Xem bảng số liệu</summary>", count=6)
        self.assertNotContains(response, "viewBox")
        self.assertContains(response, "<figcaption>HTX theo lĩnh vực</figcaption>", html=True)
        self.assertContains(response, "Huyện Ý Yên")

    def test_period_labels(self):
        from reports.presentation import format_change, format_value, title

        self.assertTrue(title(2025, 12).endswith("năm 2025"))
        self.assertTrue(title(2024, 8).endswith("8 tháng đầu năm 2024"))
        self.assertEqual(format_value("HTX", 1264), "1.264")
        self.assertEqual(format_value("triệu đồng", 2312.5), "2.312,5")
        self.assertEqual(format_value("%", 36.6), "36,6%")
        self.assertEqual(format_change("HTX", 12, 9), "+3")
        self.assertEqual(format_change("triệu đồng/người/tháng", 3.2, 3.2004), "0")
        self.assertEqual(format_change("%", 51.4, 53.5), "−2,1 điểm %")

    def test_area_that_did_not_exist_is_explained(self):
        self.y_yen.valid_to = __import__("datetime").date(2020, 12, 31)
        self.y_yen.save()
        response = self.client.get("/bao-cao/360/2023/6/")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "vào ngày 30/06/2023", status_code=400)
        self.assertContains(response, "Huyện Ý Yên (đến 31/12/2020)", status_code=400)

    def test_workbook_has_numbers_as_numbers_one_sheet_per_table(self):
        from testing.spreadsheets import read_xlsx

        response = self.client.get("/bao-cao/36/2023/6.xlsx")
        self.assertEqual(response.status_code, 200)
        sheets = read_xlsx(response.content)
        self.assertEqual(list(sheets)[:1], ["Tổng hợp"])
        self.assertIn("Huyện Hải Hậu", sheets)
        summary = sheets["Tổng hợp"]
        total = next(row for row in summary if row[0] == "Tổng số HTX")
        self.assertEqual(total[2:4], [2, 4])
        self.assertEqual(total[4], 50)

    def test_index_lists_the_areas_a_person_may_read(self):
        response = self.client.get("/bao-cao/")
        self.assertContains(response, "Tỉnh Nam Định (36)")
        # It opens on the province and the latest period with figures.
        self.assertContains(response, '<option value="36" selected>Tỉnh Nam Định (36)</option>')
        self.assertContains(response, '<option value="2023" selected>2023</option>', html=True)
        names = [area.name for area, _, _ in response.context["areas"]]
        self.assertEqual(
            names,
            ["Tỉnh Nam Định", "Huyện Ý Yên", "Xã Yên Bằng", "Huyện Hải Hậu", "Xã Hải Phúc"],
        )
        redirect = self.client.get("/bao-cao/", {"dia_ban": "36", "nam": "2023", "so_thang": "6"})
        self.assertRedirects(redirect, "/bao-cao/36/2023/6/")
        self.client.force_login(self.area_officer)
        response = self.client.get("/bao-cao/")
        self.assertContains(response, "Huyện Ý Yên")
        self.assertNotContains(response, "Huyện Hải Hậu")


class ReportPageByAreaTests(RolesTestCase):
    def test_up_to_12_areas_each_table_in_full_beyond_one_row_each_linking_to_its_report(self):
        from testing import factories as f

        self.client.force_login(self.official)
        page = self.client.get("/bao-cao/36/2023/6/")
        self.assertContains(page, "<details>", count=2)  # Ý Yên and Hải Hậu, every indicator
        for number in range(11):
            f.area(f"39{number}", f"Huyện Mới {number}", "district", self.province)
        page = self.client.get("/bao-cao/36/2023/6/")
        self.assertNotContains(page, "<details>")
        self.assertContains(page, "Một số chỉ tiêu chủ yếu theo địa bàn (13 địa bàn)")
        self.assertContains(page, '<a href="/bao-cao/360/2023/6/">Huyện Ý Yên</a>', html=True)
        self.assertContains(page, "Tổng số HTX")
        self.assertContains(self.client.get("/bao-cao/360/2023/6/"), "Huyện Ý Yên")


class ReportPdfAccessTests(RolesTestCase):
    def test_pdf_download_for_officials_only(self):
        self.assertEqual(self.client.get("/bao-cao/36/2023/6.pdf").status_code, 302)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/bao-cao/36/2023/6.pdf").status_code, 403)
        self.client.force_login(self.official)
        response = self.client.get("/bao-cao/36/2023/6.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.getvalue().startswith(b"%PDF"))  # streamed from storage


class ReportPickerInputTests(RolesTestCase):
    """What is typed into the picker's address gets a Vietnamese answer, never a 500."""

    def setUp(self):
        self.client.force_login(self.alliance)

    def pick(self, dia_ban="36", nam="2023", so_thang="6"):
        return self.client.get("/bao-cao/", {"dia_ban": dia_ban, "nam": nam, "so_thang": so_thang})

    def test_a_code_with_a_slash_is_refused(self):
        response = self.pick(dia_ban="a/b", nam="2024")
        self.assertContains(
            response,
            "Địa bàn “a/b” không hợp lệ: hãy chọn một đơn vị trong danh sách.",
            status_code=400,
        )
        self.assertContains(response, "Xem báo cáo", status_code=400)  # the form again

    def test_impossible_years_and_periods_are_refused(self):
        cases = [
            ({"nam": "99999999999999999999"}, "Năm “9999999999” không hợp lệ"),
            ({"nam": "1999"}, "Năm “1999” không hợp lệ: hãy chọn một năm từ 2000 đến 2100."),
            ({"nam": "²⁰²³"}, "Năm “²⁰²³” không hợp lệ"),
            ({"nam": "9" * 5000}, "Năm “9999999999” không hợp lệ"),
            ({"so_thang": "13"}, "Kỳ “13” không hợp lệ: hãy chọn từ 1 đến 12 tháng."),
            ({"so_thang": "x"}, "Kỳ “x” không hợp lệ"),
            ({"dia_ban": "36@2025-02-30"}, "Địa bàn “36@2025-02-30” không hợp lệ"),
            ({"dia_ban": ""}, "Chưa chọn địa bàn."),
        ]
        for params, message in cases:
            response = self.pick(**params)
            self.assertContains(response, message, status_code=400, msg_prefix=str(params))

    def test_a_valid_choice_still_opens_the_report(self):
        self.assertRedirects(self.pick(), "/bao-cao/36/2023/6/")

    def test_other_provinces_are_listed_without_their_communes_which_are_typed(self):
        from testing import factories as f

        hanoi = f.area("01", "Thành phố Hà Nội", level="province")
        ba_dinh = f.area("00004", "Phường Ba Đình", parent=hanoi)
        page = self.client.get("/bao-cao/")
        names = [area.name for area, _, _ in page.context["areas"]]
        self.assertIn("Thành phố Hà Nội", names)
        self.assertNotIn("Phường Ba Đình", names)
        self.assertIn("Huyện Hải Hậu", names)  # the portal's own province, whole
        self.assertContains(page, 'name="ma"')
        # A unit not listed is typed as its code, which wins over the list.
        typed = self.client.get(
            "/bao-cao/", {"dia_ban": "36", "ma": " 00004 ", "nam": "2023", "so_thang": "6"}
        )
        self.assertRedirects(typed, "/bao-cao/00004/2023/6/", fetch_redirect_response=False)
        self.assertEqual(
            self.client.get("/bao-cao/00004/2023/6.json").json()["area"]["code"], ba_dinh.code
        )
        wrong = self.client.get("/bao-cao/", {"ma": "0/04", "nam": "2023", "so_thang": "6"})
        self.assertContains(
            wrong, "Mã “0/04” không hợp lệ: hãy nhập mã đơn vị hành chính", status_code=400
        )
        self.assertContains(wrong, 'value="0/04"', status_code=400)  # kept to be corrected

    def test_the_xlsx_of_an_area_whose_children_have_odd_names(self):
        self.y_yen.name = "Huyện Ý/Yên: [cũ]"
        self.y_yen.save()
        self.hai_hau.name = "Huyện Ý/Yên: [cũ]"
        self.hai_hau.save()
        response = self.client.get("/bao-cao/36/2023/6.xlsx")
        self.assertEqual(response.status_code, 200)
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(b"".join(response)))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Tổng hợp",
                "Theo lĩnh vực",
                "Theo địa bàn",
                "Huyện Ý-Yên- -cũ-",
                "Huyện Ý-Yên- -cũ- (2)",
            ],
        )


class LiveReportCacheTests(RolesTestCase):
    """A unit's live report is computed once per data version (reports/services.py)."""

    url = "/bao-cao/36/2023/6.json"

    def setUp(self):
        from django.core.cache import cache

        cache.clear()
        self.client.force_login(self.alliance)

    def members(self) -> int:
        return self.client.get(self.url).json()["indicators"]["members_total"]["value"]

    def test_asked_again_it_is_not_computed_again_and_new_figures_show_at_once(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as first:
            self.assertEqual(self.members(), 40)
        with CaptureQueriesContext(connection) as again:
            self.assertEqual(self.members(), 40)
        read = [q["sql"] for q in first.captured_queries if "cooperatives_figures" in q["sql"]]
        self.assertTrue(read)
        # Sessions, the person and the data versions only: not a figures row read again.
        self.assertFalse([q for q in again.captured_queries if "cooperatives_figures" in q["sql"]])
        figures = self.own.figures.get()
        figures.members = 25
        figures.save()
        self.assertEqual(self.members(), 45)

    def test_the_page_names_a_frozen_report_whose_live_numbers_moved_on(self):
        page = "/bao-cao/36/2023/6/"
        self.client.post("/bao-cao/36/2023/6/chot/")
        self.assertNotContains(
            self.client.get(page), "Số liệu hiện tại trong sổ đăng ký đã khác số liệu đã chốt"
        )
        figures = self.own.figures.get()
        figures.members = 25
        figures.save()
        self.assertContains(
            self.client.get(page), "Số liệu hiện tại trong sổ đăng ký đã khác số liệu đã chốt"
        )
