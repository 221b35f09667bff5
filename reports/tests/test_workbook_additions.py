"""The report workbook: change column, child areas side by side, HTX by sector, and a
header on each sheet saying draft or frozen and when the file was made."""

import datetime
import io
import re
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from openpyxl import load_workbook

from cooperatives.models import Area
from cooperatives.services import set_role
from core.roles import ALLIANCE
from reports import presentation
from reports.compute import build_report
from reports.models import FrozenReport
from reports.services import freeze_report
from reports.workbook import CHANGE, DRAFT, HEADER_ROW, report_workbook
from testing import factories as f
from testing import libreoffice

URL = "/bao-cao/36/2023/6.xlsx"
UTC = datetime.UTC
TITLE = f"{presentation.title(2023, 6)} – Tỉnh Nam Định"
GENERATED = re.compile(r"Tạo lúc (\d\d:\d\d) ngày (\d\d/\d\d/\d{4})")


def rows(sheet) -> list[list]:
    """The table's rows below its header, as values."""
    return [list(row) for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def rounded(sheet) -> list[list]:
    return [[round(v, 9) if isinstance(v, float) else v for v in row] for row in rows(sheet)]


def row_of(sheet, label: str) -> list:
    return next(row for row in rows(sheet) if row[0] == label)


class WorkbookTestCase(TestCase):
    """Tỉnh Nam Định: Huyện Ý Yên with two HTX (one filed figures in 2022 and 2023, one
    founded in March 2023 in transport), Huyện Hải Hậu with one that never filed."""

    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("36", "Tỉnh Nam Định", P)
        y_yen = f.area("360", "Huyện Ý Yên", D, cls.province)
        hai_hau = f.area("366", "Huyện Hải Hậu", D, cls.province)
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", C, y_yen)
        hai_phuc = f.area("14200", "Xã Hải Phúc", C, hai_hau)
        filer = f.organization(cls.yen_bang, code="0600000001")
        f.figures(filer, 2023, 6, members=20, workers=10, revenue=2300.5, profit=100)
        f.figures(filer, 2022, 6, members=15, workers=8, revenue=2000.2)  # no profit
        f.organization(
            cls.yen_bang,
            code="0600000002",
            founded_on=datetime.date(2023, 3, 1),
            sector_name="Vận tải",
        )
        f.organization(hai_phuc, code="0600000003")
        cls.alliance, _ = set_role(username="lienminh", role=ALLIANCE)

    def setUp(self):
        self.client.force_login(self.alliance)

    def download(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        return load_workbook(io.BytesIO(response.content))


class ChangeColumnTests(WorkbookTestCase):
    def test_the_change_is_the_difference_as_a_number_formatted_like_the_value(self):
        summary = self.download()["Tổng hợp"]
        header = [cell.value for cell in summary[HEADER_ROW]]
        self.assertEqual(header[5:], ["Cùng kỳ năm trước", CHANGE])
        total = row_of(summary, "Tổng số HTX")
        self.assertEqual((total[2], total[5], total[6]), (3, 2, 1))
        self.assertIsInstance(total[6], int)
        members = row_of(summary, "Tổng số thành viên")
        self.assertEqual((members[2], members[5], members[6]), (20, 15, 5))
        revenue = row_of(summary, "Doanh thu bình quân một HTX")
        self.assertEqual(revenue[6], 300.3)  # 2300,5 − 2000,2 without float noise
        # Formats: a count as a count, money to one decimal, a share in points, signed.
        cells = {row[0].value: row[6] for row in summary.iter_rows(min_row=HEADER_ROW + 1)}
        self.assertEqual(cells["Tổng số HTX"].number_format, "+#,##0;-#,##0;0")
        self.assertEqual(cells["Doanh thu bình quân một HTX"].number_format, "+#,##0.0;-#,##0.0;0")
        rate = cells["Tỷ lệ HTX có báo cáo"]
        self.assertAlmostEqual(rate.value, 100 / 3 - 50)  # 1 of 3 against 1 of 2
        self.assertIn("điểm %", rate.number_format)

    def test_the_change_is_empty_where_either_side_is_missing(self):
        workbook = self.download()
        summary = workbook["Tổng hợp"]
        profit = row_of(summary, "Lợi nhuận bình quân một HTX")
        self.assertEqual(profit[2], 100)
        self.assertIsNone(profit[5])  # not filed in 2022: no number, not 0
        self.assertIsNone(profit[6])
        income = row_of(summary, "Thu nhập bình quân người lao động")
        self.assertEqual(income[2:], [None, None, None, None, None])
        # An area where nobody filed: the value says so, and the change is empty.
        hai_hau = workbook["Huyện Hải Hậu"]
        members = row_of(hai_hau, "Tổng số thành viên")
        self.assertEqual(members[2], "chưa có số liệu")
        self.assertEqual(members[5], "chưa có số liệu")
        self.assertIsNone(members[6])
        self.assertEqual(row_of(hai_hau, "Tổng số HTX")[5:], [1, 0])
        self.assertEqual([c.value for c in hai_hau[HEADER_ROW]][6], CHANGE)


class AreasAndSectorsTests(WorkbookTestCase):
    def test_the_child_areas_side_by_side_one_row_each(self):
        workbook = self.download()
        self.assertEqual(workbook.sheetnames[:3], ["Tổng hợp", "Theo lĩnh vực", "Theo địa bàn"])
        sheet = workbook["Theo địa bàn"]
        header = [cell.value for cell in sheet[HEADER_ROW]]
        self.assertEqual(
            header,
            [
                "Mã",
                "Địa bàn",
                "Tổng số HTX (HTX)",
                "HTX thành lập mới (HTX)",
                "HTX giải thể, sáp nhập, chuyển đổi (HTX)",
                "Tổng số thành viên (người)",
                "Lao động làm việc thường xuyên (người)",
                "Doanh thu bình quân một HTX (triệu đồng)",
                "Thu nhập bình quân người lao động (triệu đồng/người/tháng)",
                "Sản phẩm OCOP còn hiệu lực (sản phẩm)",
            ],
        )
        nothing = "chưa có số liệu"
        self.assertEqual(
            rows(sheet),
            [
                ["360", "Huyện Ý Yên", 2, 1, 0, 20, 10, 2300.5, None, 0],
                ["366", "Huyện Hải Hậu", 1, 0, 0, nothing, nothing, nothing, nothing, 0],
            ],
        )
        self.assertEqual(sheet.cell(HEADER_ROW + 1, 3).number_format, "#,##0")
        self.assertEqual(sheet.cell(HEADER_ROW + 1, 8).number_format, "#,##0.0")
        self.assertEqual(sheet.freeze_panes, f"C{HEADER_ROW + 1}")
        self.assertEqual(sheet.column_dimensions["B"].width, 30)
        self.assertEqual(sheet.column_dimensions["J"].width, 15)
        self.assertEqual(sheet.auto_filter.ref, f"A{HEADER_ROW}:J{HEADER_ROW + 2}")

    def test_a_commune_report_has_no_sheet_of_child_areas(self):
        report = build_report(self.yen_bang, 2023, 6)
        workbook = load_workbook(io.BytesIO(report_workbook(report)))
        self.assertEqual(workbook.sheetnames, ["Tổng hợp", "Theo lĩnh vực"])

    def test_htx_by_sector_with_their_total(self):
        sheet = self.download()["Theo lĩnh vực"]
        self.assertEqual([c.value for c in sheet[HEADER_ROW]], ["Lĩnh vực", "Số HTX"])
        self.assertEqual(rows(sheet), [["Nông nghiệp", 2], ["Vận tải", 1], ["Tổng số", 3]])
        self.assertEqual(sheet.cell(HEADER_ROW + 1, 2).number_format, "#,##0")
        self.assertEqual(sheet.freeze_panes, f"A{HEADER_ROW + 1}")


class HeaderTests(WorkbookTestCase):
    def test_a_draft_says_so_on_every_sheet_with_the_title_and_when_it_was_made(self):
        before = timezone.localtime().replace(second=0, microsecond=0)
        workbook = self.download()
        after = timezone.localtime()
        self.assertEqual(len(workbook.sheetnames), 5)
        for sheet in workbook.worksheets:
            self.assertTrue(sheet["A1"].value.startswith(TITLE), sheet.title)
            self.assertEqual(sheet["A2"].value, DRAFT, sheet.title)
            match = GENERATED.fullmatch(sheet["A3"].value)
            self.assertIsNotNone(match, sheet["A3"].value)
            made = datetime.datetime.strptime(" ".join(match.groups()), "%H:%M %d/%m/%Y")
            made = made.replace(tzinfo=before.tzinfo)
            self.assertTrue(before <= made <= after, (before, made, after))
        self.assertEqual(workbook["Tổng hợp"]["A1"].value, TITLE)
        self.assertEqual(workbook["Huyện Hải Hậu"]["A1"].value, f"{TITLE} – Huyện Hải Hậu")

    def test_the_generation_time_is_in_vietnam_time(self):
        made = datetime.datetime(2025, 6, 30, 17, 5, tzinfo=UTC)  # 00:05 on 1 July in Hà Nội
        data = report_workbook(
            build_report(self.province, 2023, 6), frozen=None, sectors=[], created=made
        )
        sheet = load_workbook(io.BytesIO(data))["Tổng hợp"]
        self.assertEqual(sheet["A3"].value, "Tạo lúc 00:05 ngày 01/07/2025")
        self.assertEqual(
            rows(load_workbook(io.BytesIO(data))["Theo lĩnh vực"]),
            [["Không có HTX nào trên địa bàn vào ngày cuối kỳ.", None]],
        )

    def test_a_frozen_report_gives_its_day_and_the_sectors_kept_at_freezing(self):
        freeze_report(area=self.province, year=2023, months=6, user=self.alliance)
        # 18:30 UTC on 31 January is 01:30 on 1 February in Vietnam.
        FrozenReport.objects.update(frozen_at=datetime.datetime(2024, 1, 31, 18, 30, tzinfo=UTC))
        f.organization(self.yen_bang, code="0600000009", sector_name="Xây dựng")
        workbook = self.download()
        for sheet in workbook.worksheets:
            self.assertEqual(sheet["A2"].value, "Số liệu chốt ngày 01/02/2024", sheet.title)
            self.assertRegex(sheet["A3"].value, GENERATED)
        self.assertEqual(row_of(workbook["Tổng hợp"], "Tổng số HTX")[2], 3)
        self.assertEqual(
            rows(workbook["Theo lĩnh vực"]), [["Nông nghiệp", 2], ["Vận tải", 1], ["Tổng số", 3]]
        )
        # The command serves the frozen report too; live numbers of the period are a draft.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "bao-cao.xlsx")
            call_command(
                "build_report", area="36", year=2023, months=6, format="xlsx",
                output=str(path), stdout=io.StringIO(),
            )  # fmt: skip
            built = load_workbook(path)
        self.assertEqual(built["Theo địa bàn"]["A2"].value, "Số liệu chốt ngày 01/02/2024")
        live = load_workbook(io.BytesIO(report_workbook(build_report(self.province, 2023, 6))))
        self.assertEqual(live["Tổng hợp"]["A2"].value, DRAFT)
        self.assertEqual(row_of(live["Theo lĩnh vực"], "Tổng số"), ["Tổng số", 4])

    def test_a_report_frozen_before_sectors_were_kept_says_so(self):
        freeze_report(area=self.province, year=2023, months=6, user=self.alliance)
        FrozenReport.objects.update(sectors=None)
        sheet = self.download()["Theo lĩnh vực"]
        self.assertEqual(
            rows(sheet),
            [["Báo cáo được chốt trước khi số HTX theo lĩnh vực được lưu kèm.", None]],
        )


class LibreOfficeTests(WorkbookTestCase):
    def test_libreoffice_opens_the_workbook_and_shows_vietnamese_numbers(self):
        libreoffice.require(self)
        original = self.client.get(URL).content
        ((_, data),) = libreoffice.convert({"bao-cao.xlsx": original}, "xlsx").items()
        saved, before = load_workbook(io.BytesIO(data)), load_workbook(io.BytesIO(original))
        self.assertEqual(saved.sheetnames, before.sheetnames)
        for sheet in saved.worksheets:
            self.assertEqual(sheet["A2"].value, DRAFT, sheet.title)
            self.assertRegex(sheet["A3"].value, GENERATED)
            # LibreOffice keeps 15 significant digits (33.3333333333333).
            self.assertEqual(rounded(sheet), rounded(before[sheet.title]), sheet.title)
        self.assertEqual(row_of(saved["Tổng hợp"], "Tổng số HTX")[5:], [2, 1])
        # The first sheet as a Vietnamese LibreOffice shows it: the formats are real ones.
        ((_, shown),) = libreoffice.convert({"bao-cao.xlsx": original}, "csv").items()
        lines = shown.decode("utf-8-sig").splitlines()
        self.assertIn('"Tổng số HTX","HTX",3,,,2,+1', lines)
        self.assertIn(
            '"Doanh thu bình quân một HTX","triệu đồng","2.300,5",,,"2.000,2","+300,3"', lines
        )
        self.assertIn('"Tỷ lệ HTX có báo cáo","%","33,3",,,"50,0","-16,7 điểm %"', lines)
        self.assertIn('"Lợi nhuận bình quân một HTX","triệu đồng","100,0",,,,', lines)
