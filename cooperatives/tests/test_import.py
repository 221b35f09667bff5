"""Every import rule and fault, with real files: the message, and that nothing changed."""

import datetime
from decimal import Decimal

from django.test import TestCase, override_settings

from cooperatives.models import (
    Area,
    Figures,
    ImportBatch,
    Location,
    Member,
    OcopProduct,
    Organization,
)
from cooperatives.services import set_role
from reports.models import Target
from testing import factories as f
from testing.spreadsheets import (
    FIGURES_HEADER,
    ORG_HEADER,
    csv_file,
    org_row,
    run,
    xlsx,
)


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("36", "Tỉnh Nam Định", P)
        cls.y_yen = f.area("360", "Huyện Ý Yên", D, cls.province)
        cls.hai_hau = f.area("366", "Huyện Hải Hậu", D, cls.province)
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", C, cls.y_yen)
        cls.yen_tien = f.area("13903", "Xã Yên Tiến", C, cls.y_yen)
        cls.hai_phuc = f.area("14200", "Xã Hải Phúc", C, cls.hai_hau)
        # The same commune name in two districts: naming it is ambiguous.
        cls.hai_an_1 = f.area("14210", "Xã Hải An", C, cls.hai_hau)
        cls.hai_an_2 = f.area("13910", "Xã Hải An", C, cls.y_yen)
        cls.org = f.organization(cls.yen_bang, code="0600000001", name="HTX Nông nghiệp Phù Vân")

    def assert_rejected(self, result, *messages):
        self.assertFalse(result.ok, "the file should have been refused")
        texts = [str(error) for error in result.errors]
        for message in messages:
            self.assertTrue(any(message in text for text in texts), f"{message!r} not in {texts}")
        self.assertIsNone(result.batch)

    def snapshot(self):
        return (
            Organization.objects.count(),
            Location.objects.count(),
            Figures.objects.count(),
            Organization.history.count(),
        )


class OrganizationImportTests(ImportTestCase):
    def test_new_organisation_with_location_history_and_batch(self):
        data = xlsx([ORG_HEADER + ["Điện thoại"], org_row() + ["0228 3820 123"]])
        result = run("organizations", data)
        self.assertTrue(result.ok, result.errors)
        self.assertEqual((result.created, result.updated, result.unchanged), (1, 0, 0))
        org = Organization.objects.get(code="0600000101")
        self.assertEqual(org.area, self.yen_bang)
        self.assertEqual(org.name_folded, "htx nong nghiep yen bang")
        self.assertEqual(org.location_at(datetime.date(2016, 3, 15)).area, self.yen_bang)
        record = org.history.get()
        self.assertEqual(record.import_batch, result.batch)
        self.assertEqual(result.batch.created, 1)
        self.assertEqual(org.locations.get().history.get().import_batch, result.batch)

    def test_reimporting_the_same_file_changes_nothing(self):
        data = xlsx([ORG_HEADER, org_row()])
        run("organizations", data)
        before = self.snapshot()
        result = run("organizations", data)
        self.assertEqual((result.created, result.updated, result.unchanged), (0, 0, 1))
        self.assertIn("không thay đổi", result.summary())
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(ImportBatch.objects.count(), 1)

    def test_changed_row_updates_and_keeps_history(self):
        run("organizations", xlsx([ORG_HEADER + ["Điện thoại"], org_row() + ["111"]]))
        result = run("organizations", xlsx([ORG_HEADER + ["Điện thoại"], org_row() + ["222"]]))
        self.assertEqual((result.created, result.updated), (0, 1))
        org = Organization.objects.get(code="0600000101")
        self.assertEqual(org.phone, "222")
        self.assertEqual(list(org.history.values_list("history_type", flat=True)), ["~", "+"])
        self.assertEqual(
            result.updated_rows,
            [(2, "0600000101 · HTX Nông nghiệp Yên Bằng", [("điện thoại", "111", "222")])],
        )

    def test_moved_head_office_keeps_the_old_location(self):
        header = ORG_HEADER + ["Địa bàn từ ngày"]
        run("organizations", xlsx([header, org_row() + [None]]))
        moved = org_row(area="14200") + ["01/03/2022"]
        result = run("organizations", xlsx([header, moved]))
        self.assertEqual(result.updated, 1, result.errors)
        ((_, _, changes),) = result.updated_rows
        self.assertEqual(
            changes,
            [
                (
                    "địa bàn trụ sở",
                    "Xã Yên Bằng · 13900 (kể từ 15/03/2016)",
                    "Xã Hải Phúc · 14200 (kể từ 01/03/2022)",
                )
            ],
        )
        org = Organization.objects.get(code="0600000101")
        self.assertEqual(org.area, self.hai_phuc)
        self.assertEqual(org.location_at(datetime.date(2021, 12, 31)).area, self.yen_bang)
        self.assertEqual(org.location_at(datetime.date(2022, 3, 1)).area, self.hai_phuc)
        before = Organization.objects.in_area_at(self.y_yen, datetime.date(2021, 6, 30))
        self.assertIn(org, before)
        self.assertEqual(run("organizations", xlsx([header, moved])).unchanged, 1)

    def test_choices_and_areas_match_without_diacritics(self):
        rows = [
            ORG_HEADER + ["Tình trạng", "Ngày đổi tình trạng"],
            org_row("0600001001", kind="tht", sector="nong nghiep", area="xa yen bang")
            + ["TẠM NGỪNG", "01/02/2024"],
            org_row("0600001002", kind=" QTDND ", sector="TÍN DỤNG", area="Xã Yên Tiến")
            + [None, None],
            org_row("0600001003", kind="lhhtx", sector="Thương mại - dịch vụ", area="13900")
            + ["đang hoạt động", None],
        ]
        result = run("organizations", xlsx(rows))
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        kinds = dict(Organization.objects.values_list("code", "kind"))
        self.assertEqual(kinds["0600001001"], "group")
        self.assertEqual(kinds["0600001002"], "credit_fund")
        self.assertEqual(kinds["0600001003"], "union")
        self.assertEqual(Organization.objects.get(code="0600001001").status, "suspended")

    def test_impossible_date_is_reported_with_row_column_and_value(self):
        result = run("organizations", xlsx([ORG_HEADER, org_row(founded="31/02/2021")]))
        self.assert_rejected(
            result, 'Dòng 2, cột "Ngày thành lập": "31/02/2021" không phải là ngày hợp lệ'
        )
        self.assertEqual(Organization.objects.count(), 1)

    def test_every_bad_row_is_reported_and_good_rows_are_not_saved(self):
        rows = [
            ORG_HEADER,
            org_row("0600001011"),
            org_row("0600001012", area="99999"),
            org_row("0600001013"),
            org_row("0600001014", kind="Doanh nghiệp"),
        ]
        before = self.snapshot()
        result = run("organizations", xlsx(rows))
        self.assert_rejected(
            result,
            'Dòng 3, cột "Địa bàn": "99999" không có đơn vị hành chính',
            'Dòng 5, cột "Loại hình": "Doanh nghiệp" không có trong danh sách',
        )
        self.assertEqual(len(result.errors), 2)
        self.assertEqual(self.snapshot(), before)

    def test_ambiguous_area_name_lists_both_codes(self):
        result = run("organizations", xlsx([ORG_HEADER, org_row(area="Xã Hải An")]))
        self.assert_rejected(result, "13910, 14210")

    def test_refused_file_records_no_batch(self):
        run("organizations", xlsx([ORG_HEADER, org_row(area="99999")]))
        self.assertFalse(ImportBatch.objects.exists())

    def test_duplicate_key_inside_the_file(self):
        result = run(
            "organizations",
            xlsx([ORG_HEADER, org_row("0600001021"), org_row("0600001022"), org_row("0600001021")]),
        )
        self.assert_rejected(result, 'Dòng 4, cột "Mã số": "0600001021" trùng với dòng 2')
        self.assertFalse(
            Organization.objects.filter(code__in=["0600001021", "0600001022"]).exists()
        )

    def test_missing_and_unknown_columns_are_named(self):
        header = ["Mã số", "Tên", "Loại hình", "Lĩnh vực", "Ghi chú"]
        result = run("organizations", xlsx([header, ["D1", "HTX", "HTX", "Nông nghiệp", "x"]]))
        self.assert_rejected(
            result,
            'Tệp có cột không xác định: "Ghi chú"',
            'Tệp thiếu cột bắt buộc: "Địa bàn", "Ngày thành lập"',
        )

    def test_required_cell_left_blank(self):
        result = run("organizations", xlsx([ORG_HEADER, org_row(name=None)]))
        self.assert_rejected(result, 'Dòng 2, cột "Tên": bỏ trống, nhưng cột này bắt buộc.')

    def test_ceased_status_needs_its_date(self):
        rows = [ORG_HEADER + ["Tình trạng"], org_row() + ["Giải thể"]]
        self.assert_rejected(run("organizations", xlsx(rows)), 'cột "Ngày đổi tình trạng"')

    def test_column_order_is_free_and_header_spelling_is_forgiving(self):
        header = ["ngay thanh lap", "ĐỊA BÀN", "Lĩnh vực", "Loại hình", "Tên", "Mã số"]
        row = [
            datetime.datetime(2016, 3, 15),
            "13900",
            "Nông nghiệp",
            "HTX",
            "HTX Mới",
            "0600001031",
        ]
        result = run("organizations", xlsx([header, row]))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(
            Organization.objects.get(code="0600001031").founded_on, datetime.date(2016, 3, 15)
        )

    def test_area_officer_cannot_import_outside_own_area(self):
        officer, _ = set_role(username="canbo", role="area", area_codes=["360"])
        rows = [
            ORG_HEADER,
            org_row("0600001041", area="14200"),
            org_row("0600001042", area="13900"),
        ]
        result = run("organizations", xlsx(rows), user=officer)
        self.assert_rejected(result, 'Dòng 2, cột "Địa bàn": "14200" không thuộc địa bàn')
        self.assertEqual(len(result.errors), 1)
        other = f.organization(self.hai_phuc, code="F9")
        result = run("organizations", xlsx([ORG_HEADER, org_row("F9", area="14200")]), user=officer)
        self.assert_rejected(result, 'cột "Mã số": "F9" là tổ chức không thuộc địa bàn')
        self.assertEqual(other.phone, "")


class FileProblemTests(ImportTestCase):
    def test_empty_file(self):
        self.assert_rejected(run("organizations", b"", "trong.csv"), "Tệp trống")
        self.assert_rejected(run("organizations", xlsx([])), "Tệp trống")

    def test_header_only(self):
        self.assert_rejected(run("organizations", xlsx([ORG_HEADER])), "không có dòng dữ liệu")

    def test_fake_workbook(self):
        self.assert_rejected(
            run("organizations", b"this is not a zip file", "gia.xlsx"),
            "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.",
        )
        self.assert_rejected(
            run("organizations", b"PK\x03\x04broken zip", "hong.xlsx"),
            "không phải là bảng tính Excel",
        )

    def test_csv_not_in_utf8(self):
        data = csv_file([ORG_HEADER, org_row()], encoding="utf-16")
        self.assert_rejected(run("organizations", data, "cu.csv"), "không phải mã UTF-8")

    @override_settings(IMPORT_MAX_UPLOAD_MB=1)
    def test_oversized_file(self):
        data = b"a" * (1024 * 1024 + 1)
        self.assert_rejected(run("organizations", data, "lon.csv"), "vượt giới hạn 1 MB")

    def test_other_file_types(self):
        self.assert_rejected(run("organizations", b"%PDF-1.4", "bao-cao.pdf"), "Chỉ nhận tệp")
        self.assert_rejected(run("organizations", b"\xd0\xcf", "cu.xls"), ".xls")

    def test_csv_with_semicolons_bom_and_vietnamese_numbers(self):
        run("organizations", xlsx([ORG_HEADER, org_row()]))
        rows = [
            FIGURES_HEADER + ["Lợi nhuận (triệu đồng)"],
            ["0600000101", "2023", "6", "12", "3", "2.312,5", "-5,7"],
        ]
        result = run("figures", csv_file(rows, delimiter=";"), "so-lieu.csv")
        self.assertTrue(result.ok, result.errors)
        figures = Figures.objects.get()
        self.assertEqual(figures.revenue, Decimal("2312.5"))
        self.assertEqual(figures.profit, Decimal("-5.7"))


class FiguresImportTests(ImportTestCase):
    def figures(self, *rows, header=FIGURES_HEADER):
        return run("figures", xlsx([header, *rows]))

    def test_figures_by_code_or_by_name(self):
        result = self.figures(
            ["0600000001", 2023, 6, 10, 4, 2300],
            ["htx nong nghiep phu van", 2023, 12, 11, 4, 4700.5],
        )
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Figures.objects.filter(organization=self.org).count(), 2)
        self.assertEqual(Figures.objects.get(months=12).revenue, Decimal("4700.5"))
        self.assertEqual(Figures.objects.get(months=6).state, "submitted")

    def test_unknown_organisation(self):
        self.assert_rejected(
            self.figures(["0699999999", 2023, 6, 1, 0, 1]),
            'cột "Mã số": "0699999999" không có tổ chức',
        )

    def test_negative_count_and_text_in_number(self):
        result = self.figures(["0600000001", 2023, 6, -3, 0, "hai tỷ"])
        self.assert_rejected(
            result,
            'Dòng 2, cột "Số lao động thường xuyên": "-3" không được âm.',
            'Dòng 2, cột "Doanh thu (triệu đồng)": "hai tỷ" không phải là số.',
        )

    def test_insured_over_workers(self):
        self.assert_rejected(
            self.figures(["0600000001", 2023, 6, 5, 6, 100]),
            'cột "Số lao động đóng BHXH": "6" lớn hơn số lao động thường xuyên.',
        )

    def test_sub_count_over_total(self):
        header = ["Mã số", "Năm", "Số tháng", "Cán bộ quản lý", "CBQL đại học trở lên"]
        self.assert_rejected(
            run("figures", xlsx([header, ["0600000001", 2023, 6, 3, 4]])),
            'cột "CBQL đại học trở lên": "4" lớn hơn số cán bộ quản lý.',
        )

    def test_months_13(self):
        self.assert_rejected(
            self.figures(["0600000001", 2023, 13, 1, 0, 1]),
            'cột "Số tháng": "13" phải từ 1 đến 12.',
        )

    def test_absent_columns_keep_stored_values(self):
        f.figures(self.org, 2023, 6, workers=10, members=50)
        result = run(
            "figures",
            xlsx(
                [
                    ["Mã số", "Năm", "Số tháng", "Số lao động thường xuyên"],
                    ["0600000001", 2023, 6, 12],
                ]
            ),
        )
        self.assertEqual(result.updated, 1, result.errors)
        figures = Figures.objects.get()
        self.assertEqual((figures.workers, figures.members), (12, 50))

    def test_changing_approved_figures_sends_them_back_for_approval(self):
        f.figures(self.org, 2023, 6, workers=10, state="approved")
        officer, _ = set_role(username="canbo", role="area", area_codes=["360"])
        result = self.figures(["0600000001", 2023, 6, 11, 0, 5], header=FIGURES_HEADER)
        self.assertTrue(result.ok)
        Figures.objects.update(state="approved")
        result = run(
            "figures",
            xlsx([FIGURES_HEADER, ["0600000001", 2023, 6, 12, 0, 5]]),
            user=officer,
        )
        self.assertEqual(result.updated, 1)
        self.assertEqual(Figures.objects.get().state, "submitted")


class OtherKindsTests(ImportTestCase):
    def test_ocop_stars_7_is_refused(self):
        header = ["Mã số", "Tên sản phẩm", "Nhóm sản phẩm", "Số sao", "Ngày công nhận"]
        result = run(
            "ocop", xlsx([header, ["0600000001", "Gạo Tám", "Thực phẩm", 7, "01/03/2023"]])
        )
        self.assert_rejected(result, 'cột "Số sao": "7" phải từ 2 đến 5.')
        self.assertFalse(OcopProduct.objects.exists())

    def test_ocop_default_expiry(self):
        header = ["Mã số", "Tên sản phẩm", "Nhóm sản phẩm", "Số sao", "Ngày công nhận"]
        result = run(
            "ocop", xlsx([header, ["0600000001", "Gạo Tám", "thuc pham", 4, "15/03/2023"]])
        )
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(OcopProduct.objects.get().expires_on, datetime.date(2026, 3, 14))

    def test_unknown_indicator_code_in_targets(self):
        header = ["Địa bàn", "Năm", "Số tháng", "Chỉ tiêu", "Giá trị"]
        result = run("targets", xlsx([header, ["36", 2023, 6, "htx_moi", 15]]))
        self.assert_rejected(result, 'cột "Chỉ tiêu": "htx_moi" không phải là mã chỉ tiêu')
        result = run("targets", xlsx([header, ["Tỉnh Nam Định", 2023, 6, "HTX_NEW", 15]]))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Target.objects.get().value, 15)

    def test_loans_default_outstanding_and_dates(self):
        header = [
            "Mã số",
            "Nguồn vốn",
            "Số tiền vay (triệu đồng)",
            "Ngày giải ngân",
            "Ngày đáo hạn",
        ]
        zero = ["0600000001", "Quỹ HTPT HTX tỉnh", 0, "10/04/2024", None]
        early = ["0600000001", "Quỹ HTPT HTX tỉnh", 100, "11/04/2024", "01/01/2024"]
        result = run("loans", xlsx([header, zero, early]))
        self.assert_rejected(result, 'Dòng 2, cột "Số tiền vay (triệu đồng)": "0" phải lớn hơn 0.')
        self.assert_rejected(
            result, 'Dòng 3, cột "Ngày đáo hạn": "01/01/2024" trước ngày giải ngân.'
        )
        good = ["0600000001", "quy htpt htx tinh", 500, "10/04/2024", None]
        self.assertTrue(run("loans", xlsx([header, good])).ok)
        self.assertEqual(self.org.loans.get().outstanding, 500)

    def test_members_keyed_by_id_number_or_name(self):
        header = ["Mã số", "Họ tên", "Số giấy tờ", "Đối tượng"]
        rows = [
            header,
            ["0600000001", "Trần Văn An", "036090001234", "Cá nhân"],
            ["0600000001", "Trần Văn An", "036090009999", None],
            ["0600000001", "Lê Thị Bình", None, "hộ gia đình"],
        ]
        result = run("members", xlsx(rows))
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Member.objects.count(), 3)
        rows.append(["0600000001", "Lê Thị Bình", None, None])
        self.assert_rejected(run("members", xlsx(rows)), 'Dòng 5, cột "Họ tên"')

    def test_areas_with_parents_later_in_the_file_and_successors(self):
        header = ["Mã", "Tên", "Cấp", "Mã cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Thay thế bởi"]
        rows = [
            header,
            ["16001", "Xã Cũ", "Xã", "370", None, "30/06/2025", "16100; 16101"],
            ["370", "Huyện Mới Lập", "Huyện", "36", None, "30/06/2025", None],
            ["16100", "Xã Mới A", "Xã", "36", "01/07/2025", None, None],
            ["16101", "Xã Mới B", "Xã", "36", "01/07/2025", None, None],
        ]
        result = run("areas", xlsx(rows))
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        old = Area.objects.get(code="16001")
        self.assertEqual(old.parent.code, "370")
        self.assertEqual(sorted(a.code for a in old.successors.all()), ["16100", "16101"])
        self.assertEqual(old.history.get().parent_id, old.parent_id)
        self.assertEqual(run("areas", xlsx(rows)).unchanged, 4)

    def test_area_without_parent_or_with_wrong_level(self):
        header = ["Mã", "Tên", "Cấp", "Mã cấp trên"]
        rows = [header, ["16002", "Xã Lạc", "Xã", None], ["371", "Huyện Lạ", "Huyện", "13900"]]
        self.assert_rejected(
            run("areas", xlsx(rows)),
            'Dòng 2, cột "Mã cấp trên": bỏ trống, nhưng Huyện và Xã phải có cấp trên.',
            'Dòng 3, cột "Mã cấp trên": "13900" không phải là đơn vị cấp trên',
        )
