import io
import json

from django.core.management import CommandError, call_command

from cooperatives.tests.base import RolesTestCase


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
        with self.assertRaisesMessage(CommandError, "Không có đơn vị hành chính mã “99”"):
            call_command(
                "build_report", "--area", "99", "--year", "2023", "--months", "6",
                "--format", "json", "--output", "/tmp/x.json",
            )  # fmt: skip
