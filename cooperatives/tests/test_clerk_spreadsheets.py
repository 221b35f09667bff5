"""Spreadsheets as district clerks make them (issue 16): title lines above the header, an
STT column, a column-numbering row, a "Tổng cộng" row and signatures at the foot, codes
and phone numbers that lost their leading zero, and the same workbook saved by
LibreOffice as .xls and .ods."""

import datetime
import io
import zipfile
from decimal import Decimal

from django.test import TestCase
from openpyxl import Workbook

from cooperatives.models import Area, Figures, Member, Organization
from cooperatives.spreadsheets.export import write_csv, write_xlsx
from cooperatives.spreadsheets.kinds import KINDS
from testing import factories as f
from testing import libreoffice
from testing.spreadsheets import ORG_HEADER, run, xlsx

TITLE = "BIỂU TỔNG HỢP HỢP TÁC XÃ TRÊN ĐỊA BÀN HUYỆN Ý YÊN"
HEADER = ["STT", *ORG_HEADER, "Điện thoại", "Vốn điều lệ (triệu đồng)"]


def district_workbook(rows, *, total=None, footer=True) -> bytes:
    """The workbook a district office sends: merged title lines, the header on row 4,
    a row numbering the columns, the records, "Tổng cộng", then the signatures."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Biểu 01"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["(Kèm theo Báo cáo số 45/BC-UBND ngày 05/7/2025 của UBND huyện Ý Yên)"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    sheet.append([f"({n})" for n in range(1, len(HEADER) + 1)])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    capital = sum(row[-1] for row in rows) if total is None else total
    sheet.append(["Tổng cộng", None, None, None, None, None, None, None, capital])
    if footer:
        sheet.append([])
        sheet.append([None, "Người lập biểu", None, None, None, "KT. CHỦ TỊCH"])
        sheet.append([None, "Nguyễn Văn Bình", None, None, None, "Trần Thị Mai"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def record(code, name, phone, capital, area="13900"):
    return [code, name, "HTX", "Nông nghiệp", area, datetime.date(2016, 3, 15), phone, capital]


# Codes and phone numbers as number cells: what a spreadsheet makes of 0600000201.
RECORDS = [
    record(600000201, "HTX Dịch vụ nông nghiệp Yên Bằng", 912345678, 1500),
    record(600000202, "HTX Mây tre đan Yên Tiến", 2283820123, 850.5, area="13903"),
    record("0600000203", "HTX Rau an toàn Yên Bằng", "0228 3820 456", 600),
]


class ClerkWorkbookTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("36", "Tỉnh Nam Định", P)
        cls.y_yen = f.area("360", "Huyện Ý Yên", D, cls.province)
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", C, cls.y_yen)
        cls.yen_tien = f.area("13903", "Xã Yên Tiến", C, cls.y_yen)

    def assert_district_import(self, result):
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        self.assertEqual(result.created, 3)
        saved = dict(Organization.objects.values_list("code", "phone"))
        self.assertEqual(
            saved,
            {
                "0600000201": "0912345678",
                "0600000202": "02283820123",
                "0600000203": "0228 3820 456",
            },
        )
        self.assertEqual(
            Organization.objects.get(code="0600000202").charter_capital, Decimal("850.5")
        )
        self.assertEqual(result.ignored_columns, ["STT"])
        self.assertEqual(
            result.skipped_rows,
            [
                (1, "dòng tiêu đề của biểu, phía trên dòng tên cột"),
                (2, "dòng tiêu đề của biểu, phía trên dòng tên cột"),
                (5, "dòng đánh số cột"),
                (9, "dòng tổng cộng (đối chiếu, không nhập)"),
                (11, "dòng dưới dòng tổng cộng (ghi chú, chữ ký)"),
                (12, "dòng dưới dòng tổng cộng (ghi chú, chữ ký)"),
            ],
        )
        self.assertEqual(result.warnings, [])
        self.assertEqual(
            result.restored,
            [
                (6, "Mã số", "600000201", "0600000201"),
                (6, "Điện thoại", "912345678", "0912345678"),
                (7, "Mã số", "600000202", "0600000202"),
                (7, "Điện thoại", "2283820123", "02283820123"),
            ],
        )
        self.assertEqual(
            [label for _, label in result.created_rows][0],
            "0600000201 · HTX Dịch vụ nông nghiệp Yên Bằng",
        )

    def test_a_district_workbook_imports(self):
        self.assert_district_import(run("organizations", district_workbook(RECORDS)))

    def test_the_preview_names_the_first_rows_and_counts_them_all(self):
        from cooperatives.spreadsheets.engine import PREVIEW
        from cooperatives.tasks import preview_details

        rows = [[f"06{n:08d}", f"HTX số {n}", "HTX", "Nông nghiệp", "13900", "15/03/2016"]
                for n in range(1, PREVIEW + 6)]  # fmt: skip
        result = run("organizations", xlsx([ORG_HEADER, *rows]), dry_run=True)
        self.assertEqual((result.created, len(result.created_rows)), (PREVIEW + 5, PREVIEW))
        self.assertEqual(
            result.created_rows[-1], (PREVIEW + 1, f"06{PREVIEW:08d} · HTX số {PREVIEW}")
        )
        self.assertEqual(preview_details(result, "organizations")["more_created"], 5)

    def test_rows_are_numbered_as_the_sheet_shows_them(self):
        rows = [*RECORDS[:2], record("0600000203", "HTX Mới", None, 10, area="99999")]
        result = run("organizations", district_workbook(rows))
        self.assertEqual(
            [str(e) for e in result.errors],
            ['Dòng 8, cột "Địa bàn": "99999" không có đơn vị hành chính nào có mã hoặc tên này.'],
        )
        self.assertFalse(Organization.objects.exists())

    def test_a_totals_row_that_does_not_add_up_is_a_warning(self):
        result = run("organizations", district_workbook(RECORDS, total=3000))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(
            result.warnings,
            [
                'Dòng 9 (tổng cộng), cột "Vốn điều lệ (triệu đồng)": ghi 3.000, '
                "nhưng cộng các dòng được 2.950,5."
            ],
        )
        self.assertEqual(Organization.objects.count(), 3)

    def test_a_subtotal_between_records_is_not_imported(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(HEADER)
        sheet.append([1, *RECORDS[0]])
        sheet.append(["Cộng xã Yên Bằng", None, None, None, None, None, None, None, 1500])
        sheet.append([2, *RECORDS[1]])
        buffer = io.BytesIO()
        workbook.save(buffer)
        result = run("organizations", buffer.getvalue())
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(result.created, 2)
        self.assertEqual(result.skipped_rows, [(3, "dòng cộng giữa bảng (không nhập)")])

    def test_a_file_whose_columns_are_not_found_names_them(self):
        rows = [["Danh sách HTX"], ["Mã HTX", "Tên HTX"], ["0600000201", "HTX A"]]
        result = run("organizations", xlsx(rows))
        self.assertIn('Tệp có cột không xác định: "Mã HTX", "Tên HTX"', str(result.errors[0]))

    def test_the_same_workbook_saved_as_xls_and_ods_by_libreoffice(self):
        libreoffice.require(self)
        original = {"bieu-y-yen.xlsx": district_workbook(RECORDS)}
        for extension in ("xls", "ods"):
            with self.subTest(extension):
                ((name, data),) = libreoffice.convert(original, extension).items()
                if extension == "ods":
                    # LibreOffice writes the sheet's empty rest as a row repeated a
                    # million times: not a grid to build, nor too many rows.
                    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
                    self.assertRegex(content, rb'number-rows-repeated="10\d{5}"')
                result = run("organizations", data, name)
                self.assert_district_import(result)
                self.assertEqual(result.file_name, f"bieu-y-yen.{extension}")
                Organization.objects.all().delete()


class LostZeroTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("01", "Thành phố Hà Nội", P)
        cls.ba_dinh = f.area("001", "Quận Ba Đình", D, cls.province)
        cls.phuc_xa = f.area("00001", "Phường Phúc Xá", C, cls.ba_dinh)
        cls.org = f.organization(cls.phuc_xa, code="0100000001", name="HTX Phúc Xá")
        # Saved without its zero before the check existed (in the admin, say).
        cls.legacy = f.organization(cls.phuc_xa, code="100000009", name="HTX Cũ")

    def test_an_export_saved_by_libreoffice_imports_back_changing_nothing(self):
        libreoffice.require(self)
        Organization.objects.filter(pk=self.org.pk).update(
            phone="0912345678", tax_code="0100000001"
        )
        kind = KINDS["organizations"]
        exported = write_csv(kind, kind.export_queryset().filter(pk=self.org.pk))
        ((name, data),) = libreoffice.convert({"to-chuc.csv": exported}, "csv").items()
        self.assertIn(b"100000001,", data)  # LibreOffice dropped the zeros
        before = list(Organization.history.values_list("pk", flat=True))
        result = run("organizations", data, name)
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        self.assertEqual((result.created, result.updated, result.unchanged), (0, 0, 1))
        self.assertEqual(list(Organization.history.values_list("pk", flat=True)), before)
        restored = {(header, value) for _, header, _, value in result.restored}
        self.assertTrue({("Mã số", "0100000001"), ("Điện thoại", "0912345678"),
                         ("Địa bàn", "00001")} <= restored, restored)  # fmt: skip

    def test_an_xlsx_export_saved_by_libreoffice_imports_back_changing_nothing(self):
        libreoffice.require(self)
        Organization.objects.filter(pk=self.org.pk).update(phone="0912345678")
        kind = KINDS["organizations"]
        exported = write_xlsx(kind, kind.export_queryset().filter(pk=self.org.pk))
        ((name, data),) = libreoffice.convert({"to-chuc.xlsx": exported}, "xlsx").items()
        result = run("organizations", data, name)
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        self.assertEqual((result.created, result.updated, result.unchanged), (0, 0, 1))
        self.assertEqual(result.restored, [])  # text cells kept their zeros

    def test_a_code_whose_twin_is_registered_is_refused(self):
        row = ["0100000009", "HTX Cũ", "HTX", "Nông nghiệp", "00001", "15/03/2016"]
        result = run("organizations", xlsx([ORG_HEADER, row]))
        self.assertEqual(
            [str(e) for e in result.errors],
            [
                'Dòng 2, cột "Mã số": "0100000009" là mã mới, nhưng đã có tổ chức mã 100000009 '
                "(HTX Cũ), chỉ khác ở số 0 đầu mã: có lẽ là cùng một tổ chức. Hãy sửa mã của "
                "tổ chức đó thành 0100000009 trong trang quản trị, hoặc ghi 100000009 trong tệp."
            ],
        )
        # The code as registered is the record: an update, nothing put right.
        row[0] = "100000009"
        row.append("Có")
        result = run("organizations", xlsx([[*ORG_HEADER, "Thành viên Liên minh"], row]))
        self.assertEqual((result.updated, result.restored), (1, []), result.errors)

    def test_a_new_code_must_look_like_one(self):
        for code in ("HTX-07", "06000002", "06000002011", "0600000201-1"):
            with self.subTest(code):
                row = [code, "HTX Mới", "HTX", "Nông nghiệp", "00001", "15/03/2016"]
                result = run("organizations", xlsx([ORG_HEADER, row]))
                self.assertIn("không đúng dạng mã số: phải gồm 10 chữ số", str(result.errors[0]))
        row = ["0600000201-001", "HTX Chi nhánh", "HTX", "Nông nghiệp", "00001", "15/03/2016"]
        self.assertTrue(run("organizations", xlsx([ORG_HEADER, row])).ok)

    def test_records_find_their_organisation_by_a_code_without_its_zero(self):
        header = ["Mã số", "Năm", "Số tháng", "Doanh thu (triệu đồng)"]
        result = run("figures", xlsx([header, [100000001, 2025, 6, 1200]]))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Figures.objects.get().organization, self.org)
        self.assertEqual(result.restored, [(2, "Mã số", "100000001", "0100000001")])

    def test_a_citizen_id_without_its_zero(self):
        header = ["Mã số", "Họ tên", "Số giấy tờ"]
        result = run("members", xlsx([header, ["0100000001", "Nguyễn Thị Hoa", 1190001234]]))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(result.restored, [])  # 10 digits: not a CCCD that lost a zero
        result = run("members", xlsx([header, ["0100000001", "Lê Văn Nam", 36190001234]]))
        self.assertEqual(Member.objects.get(full_name="Lê Văn Nam").id_number, "036190001234")
        self.assertEqual(result.restored, [(2, "Số giấy tờ", "36190001234", "036190001234")])


def _ods(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # As the format has it: the media type first and not compressed.
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
    return buffer.getvalue()


ODS_OPEN = (
    b'<?xml version="1.0"?><office:document-content '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    b'<office:spreadsheet><table:table table:name="A">'
)
ODS_CLOSE = b"</table:table></office:spreadsheet></office:body></office:document-content>"


class OtherFormatRefusals(TestCase):
    """.ods and .xls files that would make calamine build a huge grid are refused first."""

    def test_an_ods_cell_repeated_a_billion_times(self):
        bomb = (
            b'<table:table-row table:number-rows-repeated="1000000">'
            b'<table:table-cell table:number-columns-repeated="1000" office:value-type="float" '
            b'office:value="1"/></table:table-row>'
        )
        result = run("organizations", _ods(ODS_OPEN + bomb + ODS_CLOSE), "bom.ods")
        self.assertIn("Tệp có quá nhiều", str(result.errors[0]))

    def test_an_ods_with_a_dtd(self):
        dtd = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        result = run("organizations", _ods(dtd + ODS_OPEN[21:] + ODS_CLOSE), "dtd.ods")
        self.assertEqual(
            str(result.errors[0]), "Tệp không phải là bảng tính OpenDocument (.ods) hợp lệ."
        )

    def test_an_xls_with_a_cell_far_away(self):
        libreoffice.require(self)
        workbook = Workbook()
        workbook.active.append(ORG_HEADER)
        workbook.active["CZ60000"] = "x"
        buffer = io.BytesIO()
        workbook.save(buffer)
        ((name, data),) = libreoffice.convert({"xa.xlsx": buffer.getvalue()}, "xls").items()
        result = run("organizations", data, name)
        self.assertIn("Trang tính đầu tiên có vùng dữ liệu quá lớn", str(result.errors[0]))

    def test_files_that_are_not_what_they_say(self):
        self.assertEqual(
            str(run("organizations", b"\xd0\xcf\x11\xe0 not ole", "cu.xls").errors[0]),
            "Tệp không phải là bảng tính Excel 97–2003 (.xls) hợp lệ.",
        )
        self.assertEqual(
            str(run("organizations", xlsx([ORG_HEADER]), "doi-ten.ods").errors[0]),
            "Tệp không phải là bảng tính OpenDocument (.ods) hợp lệ.",
        )
