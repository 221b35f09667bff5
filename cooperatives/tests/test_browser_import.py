"""The admin import, end to end in Chromium: upload, preview, confirm, undo."""

from cooperatives.models import ImportBatch, Organization
from testing.browser import ARTIFACTS, BrowserTestCase
from testing.roles import RolesTestCase
from testing.spreadsheets import ORG_HEADER, org_row, xlsx


class AdminImportInBrowserTests(BrowserTestCase):
    make_htx = classmethod(RolesTestCase.make_htx.__func__)

    def setUp(self):
        # A live server needs committed rows: build the shared cast per test.
        RolesTestCase.setUpTestData.__func__(type(self))

    def test_staff_member_imports_a_spreadsheet_and_undoes_it(self):
        path = ARTIFACTS / "nhap-to-chuc.xlsx"
        path.write_bytes(
            xlsx([ORG_HEADER, org_row("0600000401", name="HTX Thủy sản Giao Xuân", area="14200")])
        )
        page = self.new_page(self.alliance)
        page.goto(f"{self.live_server_url}/quan-tri/cooperatives/organization/")
        page.get_by_role("link", name="Nhập từ tệp").click()
        page.set_input_files("input[type=file]", str(path))
        page.get_by_role("button", name="Kiểm tra tệp").click()
        page.get_by_text("1 tạo mới, 0 cập nhật, 0 không thay đổi").wait_for()
        self.screenshot(page, "admin-import-preview")
        self.assertFalse(Organization.objects.filter(code="0600000401").exists())

        page.get_by_role("button", name="Xác nhận nhập 1 dòng").click()
        page.get_by_text("Đã nhập 1 dòng").wait_for()
        self.screenshot(page, "admin-import-done")
        org = Organization.objects.get(code="0600000401")
        self.assertEqual(org.area, self.hai_phuc)
        self.assertEqual(ImportBatch.objects.get().user, self.alliance)

        page.get_by_role("button", name="Hoàn tác lần nhập này").click()
        page.get_by_text("Đã hoàn tác lần nhập").wait_for()
        self.assertFalse(Organization.objects.filter(code="0600000401").exists())

    def test_errors_are_listed_in_the_browser(self):
        path = ARTIFACTS / "nhap-loi.xlsx"
        path.write_bytes(xlsx([ORG_HEADER, org_row(founded="31/02/2021")]))
        page = self.new_page(self.area_officer)
        page.goto(f"{self.live_server_url}/quan-tri/cooperatives/organization/nhap-tep/")
        page.set_input_files("input[type=file]", str(path))
        page.get_by_role("button", name="Kiểm tra tệp").click()
        error = page.locator(".import-errors li").first
        error.wait_for()
        self.assertIn('Dòng 2, cột "Ngày thành lập": "31/02/2021"', error.inner_text())
        self.assertEqual(page.get_by_role("button", name="Xác nhận nhập").count(), 0)
        self.screenshot(page, "admin-import-errors")
