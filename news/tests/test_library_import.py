"""Importing a list of documents (issue 19): clerks' spreadsheets with title lines, the
same all-or-nothing rules as the other kinds, Vietnamese messages naming row and column,
a file saved by LibreOffice, and the admin page by role."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from news.library.imports import import_documents
from news.models import Document, Issuer
from testing import libreoffice
from testing.roles import RolesTestCase
from testing.spreadsheets import csv_file, read_xlsx, xlsx

HEADER = [
    "STT", "Loại văn bản", "Số/ký hiệu", "Trích yếu", "Cơ quan ban hành", "Người ký",
    "Ngày ban hành", "Ngày có hiệu lực", "Tình trạng", "Thay thế bởi", "Lĩnh vực",
]  # fmt: skip
# As a clerk makes it: the office and the title above the header, dates typed or real.
CLERKS_FILE = [
    ["LIÊN MINH HỢP TÁC XÃ TỈNH NAM ĐỊNH"],
    ["DANH MỤC VĂN BẢN PHÁP LUẬT VỀ KINH TẾ TẬP THỂ, HỢP TÁC XÃ"],
    [],
    HEADER,
    [1, "Luật", "17/2023/QH15", "Luật Hợp tác xã", "Quốc hội", "Vương Đình Huệ",
     datetime.datetime(2023, 6, 20), "01/07/2024", "Còn hiệu lực", "",
     "Kinh tế tập thể, hợp tác xã"],
    [2, "luat", "23/2012/QH13", "Luật Hợp tác xã (năm 2012)", "Quốc Hội", "Nguyễn Sinh Hùng",
     "20/11/2012", "01/07/2013", "bi thay the", "Luật 17/2023/QH15", ""],
    [3, "TT", "09/2024/TT-BKHĐT", "Ban hành biểu mẫu sử dụng trong đăng ký hợp tác xã",
     "Bộ Kế hoạch và Đầu tư", "", "30/07/2024", "", "", "", "Kinh tế tập thể, hợp tác xã"],
]  # fmt: skip


class ImportTests(TestCase):
    def run_file(self, rows, name="van-ban.xlsx", **options):
        data = xlsx(rows) if name.endswith(".xlsx") else csv_file(rows, delimiter=";")
        return import_documents(data, name, **options)

    def test_a_clerks_list_with_title_lines_is_imported_whole(self):
        outcome = self.run_file(CLERKS_FILE)
        self.assertEqual(outcome.errors, [])
        self.assertEqual((outcome.created, outcome.updated), (3, 0))
        self.assertEqual(outcome.new_issuers, ["Quốc hội", "Bộ Kế hoạch và Đầu tư"])
        old = Document.objects.get(number="23/2012/QH13")
        self.assertEqual((old.doc_type, old.status, old.replaced_by.number),
                         ("luat", "replaced", "17/2023/QH15"))  # fmt: skip
        self.assertEqual(old.issuer.name, "Quốc hội")  # "Quốc Hội" is the same body
        self.assertEqual(old.issued_on, datetime.date(2012, 11, 20))
        circular = Document.objects.get(number="09/2024/TT-BKHĐT")
        self.assertEqual((circular.doc_type, circular.effective_on, circular.topic.name),
                         ("thong-tu", None, "Kinh tế tập thể, hợp tác xã"))  # fmt: skip
        self.assertEqual(circular.history.get().history_change_reason, "Nhập từ bảng tính")
        # The same file again changes the documents in place.
        again = self.run_file(CLERKS_FILE)
        self.assertEqual((again.created, again.updated), (0, 3))
        self.assertEqual(Document.objects.count(), 3)

    def test_any_bad_row_changes_nothing_and_every_problem_is_named(self):
        rows = [*CLERKS_FILE[:4],
                [1, "Chỉ thị", "01/CT-TTg", "Về việc…", "Thủ tướng", "", "20/13/2024", "", "",
                 "", ""],
                [2, "Luật", "23/2012/QH13", "", "Quốc hội", "", "20/11/2012", "01/01/2012",
                 "Bị thay thế", "", "Thủy sản"],
                [3, "Luật", "5/2020/QH14", "Luật X", "Quốc hội", "", "01/01/2020", "", "",
                 "Nghị định 1/2019/NĐ-CP", ""],
                [4, "Luật", "5/2020/QH14", "Luật X", "Quốc hội", "", "01/01/2020", "", "",
                 "", ""],
                [5, "Luật", "6/2020/QH14", "Luật Y", "Quốc hội", "", "01/01/2099", "", "", "",
                 ""]]  # fmt: skip
        outcome = self.run_file(rows)
        text = "\n".join(outcome.errors)
        self.assertIn("Dòng 5, cột “Loại văn bản”: “Chỉ thị” không có trong danh sách: “Luật”",
                      text)  # fmt: skip
        self.assertIn("Dòng 5, cột “Ngày ban hành”: “20/13/2024” không phải là ngày hợp lệ",
                      text)  # fmt: skip
        self.assertIn("Dòng 6, cột “Trích yếu”: chưa có giá trị.", text)
        self.assertIn("Dòng 6, cột “Lĩnh vực”: “Thủy sản” không có trong danh sách lĩnh vực",
                      text)  # fmt: skip
        self.assertIn("Dòng 9, cột “Ngày ban hành”: là ngày trong tương lai.", text)
        self.assertEqual(Document.objects.count(), 0)
        self.assertEqual(Issuer.objects.count(), 0)
        # Rows that are good one by one, wrong together.
        rows = [HEADER, *rows[6:8]]
        text = "\n".join(self.run_file(rows).errors)
        self.assertIn("Dòng 3: “Luật 5/2020/QH14” đã có ở dòng 2.", text)
        self.assertIn("Dòng 2, cột “Thay thế bởi”: không có văn bản “Nghị định 1/2019/NĐ-CP” "
                      "trong thư viện hay trong tệp.", text)  # fmt: skip
        self.assertEqual(Document.objects.count(), 0)

    def test_a_replaced_document_needs_what_replaces_it(self):
        rows = [HEADER, [1, "Luật", "23/2012/QH13", "Luật HTX", "Quốc hội", "", "20/11/2012",
                         "", "Bị thay thế", "", ""]]  # fmt: skip
        self.assertEqual(self.run_file(rows).errors, [
            "Dòng 2, cột “Thay thế bởi”: văn bản bị thay thế cần ghi văn bản thay thế nó "
            "(ví dụ: Luật 17/2023/QH15).",
        ])  # fmt: skip

    def test_a_file_without_the_needed_columns_or_not_a_spreadsheet(self):
        outcome = self.run_file([["Tên", "Ngày"], ["Luật HTX", "20/06/2023"]])
        self.assertIn("Thiếu cột “Loại văn bản”, “Số/ký hiệu”", outcome.errors[0])
        fake = import_documents(b"<html>not a workbook</html>", "van-ban.xlsx")
        self.assertEqual(len(fake.errors), 1)
        self.assertEqual(Document.objects.count(), 0)

    def test_check_only_writes_nothing(self):
        outcome = self.run_file(CLERKS_FILE, dry_run=True)
        self.assertEqual((outcome.ok, outcome.created), (True, 3))
        self.assertEqual((Document.objects.count(), Issuer.objects.count()), (0, 0))

    def test_a_semicolon_csv(self):
        rows = [HEADER, [1, "Nghị định", "113/2024/NĐ-CP", "Quy định chi tiết Luật HTX",
                         "Chính phủ", "", "12/09/2024", "01/11/2024", "", "", ""]]  # fmt: skip
        outcome = self.run_file(rows, name="van-ban.csv")
        self.assertEqual((outcome.errors, outcome.created), ([], 1))

    def test_the_clerks_file_saved_by_libreoffice(self):
        libreoffice.require(self)
        original = {"van-ban.xlsx": xlsx(CLERKS_FILE)}
        for to in ("ods", "xls"):
            Document.objects.all().delete()
            [(name, data)] = libreoffice.convert(original, to).items()
            outcome = import_documents(data, name)
            self.assertEqual((outcome.errors, outcome.created), ([], 3), to)
            self.assertEqual(Document.objects.get(number="17/2023/QH15").issued_on,
                             datetime.date(2023, 6, 20))  # fmt: skip


class ImportAdminTests(RolesTestCase):
    def url(self, name="import"):
        return reverse(f"admin:news_document_{name}")

    def upload(self, user, step, rows=CLERKS_FILE):
        self.client.force_login(user)
        upload = SimpleUploadedFile("van-ban.xlsx", xlsx(rows))
        return self.client.post(self.url(), {"file": upload, "buoc": step})

    def test_check_then_import_from_the_list(self):
        self.client.force_login(self.alliance)
        listing = self.client.get(reverse("admin:news_document_changelist"))
        self.assertContains(listing, f'<a href="{self.url()}">Nhập từ bảng tính</a>', html=True)
        checked = self.upload(self.alliance, "kiem-tra")
        self.assertContains(checked, "Tệp hợp lệ: khi nhập sẽ tạo 3 văn bản mới, cập nhật 0")
        self.assertEqual(Document.objects.count(), 0)
        done = self.upload(self.alliance, "nhap")
        self.assertContains(done, "Đã nhập: 3 văn bản mới, 0 văn bản cập nhật.")
        self.assertEqual(Document.objects.count(), 3)
        no_number = [1, "Luật", "", "x", "Quốc hội", "", "01/01/2020", "", "", "", ""]
        bad = self.upload(self.editor, "nhap", [HEADER, no_number])
        self.assertContains(bad, "Tệp có 1 lỗi; chưa lưu gì.")
        self.assertContains(bad, "Dòng 2, cột “Số/ký hiệu”: chưa có giá trị.")

    def test_the_template_is_a_workbook_with_the_columns(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url("template"))
        sheet = next(iter(read_xlsx(response.content).values()))
        self.assertEqual(sheet[2][:3], ["Loại văn bản", "Số/ký hiệu", "Trích yếu"])
        outcome = import_documents(response.content, "mau.xlsx", dry_run=True)
        self.assertEqual((outcome.errors, outcome.created), ([], 1))

    def test_area_staff_and_officials_cannot_import(self):
        for user in (self.area_officer, self.official):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 403)
            self.assertEqual(self.client.get(self.url("template")).status_code, 403)
            self.assertEqual(self.upload(user, "nhap").status_code, 403)
        self.assertEqual(Document.objects.count(), 0)
