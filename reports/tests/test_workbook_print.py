"""The report workbook prints one page wide, its wrapped headers in a row tall enough."""

import io

from django.test import TestCase
from openpyxl import load_workbook

from cooperatives.models import Area
from reports.compute import build_report
from reports.workbook import report_workbook
from testing import factories as f


class WorkbookPrintTests(TestCase):
    def test_every_sheet_fits_one_page_wide_in_landscape(self):
        province = f.area("37", "Tỉnh Ninh Bình", Area.Level.PROVINCE)
        commune = f.area("14011", "Xã Nam Minh", parent=province)
        f.organization(commune)
        workbook = load_workbook(io.BytesIO(report_workbook(build_report(province, 2023, 6))))
        self.assertEqual(len(workbook.worksheets), 2)
        for sheet in workbook.worksheets:
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title)
            self.assertEqual(sheet.page_setup.fitToWidth, 1)
            self.assertEqual(sheet.page_setup.fitToHeight, 0)
            self.assertEqual(sheet.page_setup.orientation, "landscape")
            self.assertEqual(sheet.row_dimensions[2].height, 30)  # the wrapped headers
