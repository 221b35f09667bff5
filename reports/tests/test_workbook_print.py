"""The report workbook prints one page wide, its wrapped headers in a row tall enough."""

import io

from django.test import TestCase
from openpyxl import load_workbook

from cooperatives.models import Area
from reports.compute import build_report
from reports.workbook import HEADER_ROW, report_workbook
from testing import factories as f


class WorkbookPrintTests(TestCase):
    def test_every_sheet_fits_one_page_wide_in_landscape(self):
        province = f.area("37", "Tỉnh Ninh Bình", Area.Level.PROVINCE)
        commune = f.area("14011", "Xã Nam Minh", parent=province)
        f.organization(commune)
        workbook = load_workbook(io.BytesIO(report_workbook(build_report(province, 2023, 6))))
        self.assertEqual(
            workbook.sheetnames, ["Tổng hợp", "Theo lĩnh vực", "Theo địa bàn", "Xã Nam Minh"]
        )
        for sheet in workbook.worksheets:
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title)
            self.assertEqual(sheet.page_setup.fitToWidth, 1)
            self.assertEqual(sheet.page_setup.fitToHeight, 0)
            self.assertEqual(sheet.page_setup.orientation, "landscape")
            # The wrapped headers.
            self.assertGreaterEqual(sheet.row_dimensions[HEADER_ROW].height, 30, sheet.title)


class SheetNameTests(TestCase):
    """Area names become sheet names Excel accepts: no forbidden character, ≤ 31, unique."""

    def test_names_excel_refuses_are_made_safe_and_unique(self):
        province = f.area("37", "Tỉnh Ninh Bình", Area.Level.PROVINCE)
        names = [
            "Xã A/B: [mới]?*",
            "Phường Nam Thành \\ Bắc",
            "Tổng hợp",
            "Thị trấn có tên dài hơn ba mươi mốt ký tự một",
            "Thị trấn có tên dài hơn ba mươi mốt ký tự hai",
            "'Xã Trích'",
        ]
        for number, name in enumerate(names):
            f.organization(f.area(f"140{number:02d}", name, parent=province))
        workbook = load_workbook(io.BytesIO(report_workbook(build_report(province, 2023, 6))))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Tổng hợp",
                "Theo lĩnh vực",
                "Theo địa bàn",
                "Xã A-B- -mới---",
                "Phường Nam Thành - Bắc",
                "Tổng hợp (2)",
                "Thị trấn có tên dài hơn ba mươi",
                "Thị trấn có tên dài hơn ba (2)",
                "Xã Trích",
            ],
        )
        # Each sheet still says in full which area it is.
        self.assertEqual(
            workbook["Thị trấn có tên dài hơn ba (2)"]["A1"].value.rsplit(" – ", 1)[1],
            "Thị trấn có tên dài hơn ba mươi mốt ký tự hai",
        )
