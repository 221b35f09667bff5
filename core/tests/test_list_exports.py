"""Exports of admin lists without an import layout (articles, import history, sign-in
audit), through django-import-export (core/list_exports.py)."""

import datetime
import io

from axes.models import AccessFailureLog
from django.utils import timezone
from openpyxl import load_workbook

from cooperatives.models import ImportBatch
from testing import news_factories as nf
from testing.roles import RolesTestCase


def sheet_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


class ListExportTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        moment = timezone.make_aware(datetime.datetime(2025, 7, 5, 8, 30))
        nf.article("Sơ kết 6 tháng đầu năm 2025", publish_at=moment)
        nf.article('=HYPERLINK("http://x")', live=False, publish_at=moment)
        cls.mine = ImportBatch.objects.create(kind="figures", file_name="y-yen.xlsx",
                                              user=cls.area_officer, rows=3, created=3)  # fmt: skip
        cls.theirs = ImportBatch.objects.create(kind="organizations", file_name="tinh.xlsx",
                                                user=cls.alliance, rows=2, updated=2)  # fmt: skip

    def test_articles_as_the_list_shows_them(self):
        self.client.force_login(self.editor)
        url = "/quan-tri/news/article/xuat/"
        response = self.client.get(url, {"dinh_dang": "xlsx"})
        self.assertEqual(response.status_code, 200)
        self.assertRegex(
            response["Content-Disposition"], r'filename="bai-viet-\d{4}-\d\d-\d\d.xlsx"'
        )
        rows = sheet_rows(response)
        self.assertEqual(rows[0], ["Tiêu đề", "Chuyên mục", "Trạng thái", "Ngày đăng", "Nổi bật",
                                   "Lượt xem", "Tác giả", "Địa chỉ"])  # fmt: skip
        by_title = {row[0]: row for row in rows[1:]}
        published = by_title["Sơ kết 6 tháng đầu năm 2025"]
        self.assertEqual(published[2:6], ["Đã đăng", "05/07/2025 08:30", "Không", 0])
        # A title that a spreadsheet would run as a formula stays text.
        self.assertIn('\'=HYPERLINK("http://x")', by_title)
        # The list's own filter and search apply.
        filtered = sheet_rows(self.client.get(url, {"q": "so ket", "dinh_dang": "xlsx"}))
        self.assertEqual([row[0] for row in filtered[1:]], ["Sơ kết 6 tháng đầu năm 2025"])
        csv = self.client.get(url, {"dinh_dang": "csv"})
        self.assertTrue(csv.content.startswith("\ufeffTiêu đề,".encode()))
        self.assertEqual(self.client.get(url, {"dinh_dang": "pdf"}).status_code, 400)
        refused = self.client.get(url, {"publish_at__gte": "khong-phai-ngay"})
        self.assertContains(refused, "Bộ lọc của danh sách không hợp lệ.", status_code=400)

    def test_the_import_history_within_the_persons_scope(self):
        self.client.force_login(self.area_officer)
        rows = sheet_rows(self.client.get("/quan-tri/cooperatives/importbatch/xuat/"))
        self.assertEqual(rows[0][:4], ["Lần nhập số", "Loại dữ liệu", "Tệp", "Người nhập"])
        self.assertEqual([row[2] for row in rows[1:]], ["y-yen.xlsx"])
        self.assertEqual(rows[1][5:9], [3, 3, 0, 0])
        self.client.force_login(self.alliance)
        rows = sheet_rows(self.client.get("/quan-tri/cooperatives/importbatch/xuat/"))
        self.assertEqual(sorted(row[2] for row in rows[1:]), ["tinh.xlsx", "y-yen.xlsx"])

    def test_the_sign_in_audit_for_those_who_may_read_it(self):
        AccessFailureLog.objects.create(username="=cmd|' /C calc'!A0", ip_address="10.0.0.9",
                                        user_agent="curl/8", locked_out=True)  # fmt: skip
        url = "/quan-tri/axes/accessfailurelog/xuat/"
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.client.force_login(self.superuser)
        rows = sheet_rows(self.client.get(url))
        self.assertEqual(rows[0], ["Thời điểm", "Tên đăng nhập", "Địa chỉ IP", "Trình duyệt",
                                   "Bị khóa"])  # fmt: skip
        self.assertEqual(rows[1][1:], ["'=cmd|' /C calc'!A0", "10.0.0.9", "curl/8", "Có"])

    def test_the_lists_offer_the_exports(self):
        self.client.force_login(self.editor)
        page = self.client.get("/quan-tri/news/article/")
        self.assertContains(page, 'href="/quan-tri/news/article/xuat/?dinh_dang=xlsx"')
        self.assertContains(page, ">Xuất CSV</a>")
