"""The admin import flow (upload, preview, confirm, undo), exports and templates."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from cooperatives.models import Figures, ImportBatch, Member, Organization
from cooperatives.spreadsheets.kinds.common import OUT_OF_SCOPE
from cooperatives.spreadsheets.undo import UndoRefused, undo_batch
from core.models import Job
from testing import factories as f
from testing.roles import RolesTestCase
from testing.spreadsheets import (
    FIGURES_HEADER,
    ORG_HEADER,
    csv_file,
    org_row,
    read_xlsx,
    run,
    xlsx,
)


def upload(data: bytes, name: str = "to-chuc.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


class AdminImportFlowTests(RolesTestCase):
    url = "/quan-tri/cooperatives/organization/nhap-tep/"

    def setUp(self):
        self.client.force_login(self.alliance)

    def test_changelist_offers_import_export_and_template(self):
        page = self.client.get(reverse("admin:cooperatives_organization_changelist"))
        for label in ("Nhập từ tệp", "Xuất Excel", "Xuất CSV", "Tải tệp mẫu"):
            self.assertContains(page, label)

    def test_upload_preview_then_confirm(self):
        data = xlsx([ORG_HEADER, org_row("0600000201"), org_row("0600000001", name="HTX Đổi Tên")])
        preview = self.client.post(self.url, {"file": upload(data)})
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "1 tạo mới, 1 cập nhật, 0 không thay đổi")
        self.assertContains(preview, "Xác nhận nhập 2 dòng")
        self.assertFalse(Organization.objects.filter(code="0600000201").exists())
        token = preview.context["token"]
        done = self.client.post(self.url, {"token": token})
        batch = ImportBatch.objects.get()
        self.assertRedirects(
            done, reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        )
        self.assertTrue(Organization.objects.filter(code="0600000201").exists())
        self.own.refresh_from_db()
        self.assertEqual(self.own.name, "HTX Đổi Tên")
        self.assertEqual(batch.user, self.alliance)
        self.assertEqual(self.own.history.first().import_batch, batch)
        # A token is used once.
        again = self.client.post(self.url, {"token": token})
        self.assertEqual(again.status_code, 302)
        self.assertEqual(ImportBatch.objects.count(), 1)

    def test_preview_lists_every_error_and_offers_no_confirmation(self):
        data = xlsx([ORG_HEADER, org_row(founded="31/02/2021"), org_row("X2", area="99999")])
        page = self.client.post(self.url, {"file": upload(data)})
        self.assertContains(page, "Dòng 2, cột &quot;Ngày thành lập&quot;: &quot;31/02/2021&quot;")
        self.assertContains(page, "Dòng 3, cột &quot;Địa bàn&quot;")
        self.assertNotIn("token", page.context)
        self.assertNotContains(page, "Xác nhận nhập")

    def test_a_file_that_is_not_a_spreadsheet_gets_one_sentence(self):
        page = self.client.post(self.url, {"file": upload(b"not a workbook", "gia.xlsx")})
        self.assertContains(page, "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")

    @override_settings(IMPORT_MAX_UPLOAD_MB=1)
    def test_oversized_upload_is_refused_before_reading(self):
        page = self.client.post(self.url, {"file": upload(b"a" * (1024 * 1024 + 10), "lon.csv")})
        self.assertContains(page, "vượt giới hạn 1 MB")

    def test_another_user_cannot_confirm_my_upload(self):
        data = xlsx([ORG_HEADER, org_row("0600000202")])
        token = self.client.post(self.url, {"file": upload(data)}).context["token"]
        self.client.force_login(self.superuser)
        self.client.post(self.url, {"token": token})
        self.assertFalse(Organization.objects.filter(code="0600000202").exists())

    def test_undo_the_latest_batch_then_refuse_when_touched(self):
        data = xlsx([ORG_HEADER, org_row("0600000203"), org_row("0600000001", name="HTX Mới")])
        token = self.client.post(self.url, {"file": upload(data)}).context["token"]
        self.client.post(self.url, {"token": token})
        batch = ImportBatch.objects.get()
        page = self.client.get(reverse("admin:cooperatives_importbatch_change", args=[batch.pk]))
        self.assertContains(page, "Tạo mới")
        self.assertContains(page, "HTX Nông nghiệp Yên Bằng → HTX Mới")
        self.assertContains(page, "Hoàn tác lần nhập này")
        # Every undo is a job (HTX_TASKS=immediate here: run once the request commits).
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:cooperatives_importbatch_undo", args=[batch.pk])
            )
        job = Job.objects.get(kind="undo")
        self.assertRedirects(response, job.get_absolute_url())
        self.assertEqual(job.status, Job.Status.DONE)
        self.assertEqual(
            job.message,
            f"Đã hoàn tác lần nhập #{batch.pk}: xóa 2 bản ghi tạo mới, "
            "khôi phục 1 bản ghi đã cập nhật.",
        )
        self.assertEqual(
            job.result_url, reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        )
        self.assertFalse(Organization.objects.filter(code="0600000203").exists())
        self.own.refresh_from_db()
        self.assertEqual(self.own.name, "HTX Nông nghiệp Yên Bằng")
        batch.refresh_from_db()
        self.assertIsNotNone(batch.undone_at)
        self.assertEqual(self.own.history.first().history_user, self.alliance)

    def test_undo_is_refused_once_a_record_was_edited_since(self):
        result = run("organizations", xlsx([ORG_HEADER, org_row("0600000001", name="HTX Mới")]))
        self.own.refresh_from_db()
        self.own.phone = "0228 111 222"
        self.own.save()
        with self.assertRaisesMessage(UndoRefused, "đã được sửa hoặc xóa sau lần nhập này"):
            undo_batch(batch=result.batch)
        self.own.refresh_from_db()
        self.assertEqual(self.own.name, "HTX Mới")

    def test_only_the_latest_batch_of_a_kind_can_be_undone(self):
        first = run("organizations", xlsx([ORG_HEADER, org_row("0600000204")])).batch
        run("organizations", xlsx([ORG_HEADER, org_row("0600000205")]))
        with self.assertRaisesMessage(UndoRefused, "Chỉ hoàn tác được lần nhập mới nhất"):
            undo_batch(batch=first)

    def test_undo_refused_when_created_organisations_have_figures_since(self):
        batch = run("organizations", xlsx([ORG_HEADER, org_row("0600000206")])).batch
        run("figures", xlsx([FIGURES_HEADER, ["0600000206", 2024, 6, 5, 1, 100]]))
        with self.assertRaisesMessage(UndoRefused, "đã có số liệu"):
            undo_batch(batch=batch)
        self.assertTrue(Figures.objects.filter(organization__code="0600000206").exists())


class AreaOfficerImportTests(RolesTestCase):
    def test_area_officer_imports_figures_for_own_area_only(self):
        self.client.force_login(self.area_officer)
        url = "/quan-tri/cooperatives/figures/nhap-tep/"
        data = xlsx(
            [
                FIGURES_HEADER,
                [self.own.code, 2024, 6, 5, 1, 100],
                [self.other.code, 2024, 6, 5, 1, 100],
            ]
        )
        page = self.client.post(url, {"file": upload(data, "so-lieu.xlsx")})
        self.assertContains(page, "Dòng 3, cột &quot;Mã số&quot;")
        self.assertContains(page, "trong địa bàn bạn phụ trách")
        self.assertFalse(Figures.objects.filter(year=2024).exists())

    def preview(self, user, *cells) -> list[str]:
        rows = [FIGURES_HEADER] + [[cell, 2024, 6, 5, 1, 100] for cell in cells]
        result = run("figures", xlsx(rows), user=user, dry_run=True)
        return [str(error) for error in result.errors]

    def test_unknown_and_other_area_codes_get_the_same_answer(self):
        """Otherwise the preview would tell an officer which codes exist elsewhere."""
        errors = self.preview(self.area_officer, self.other.code, "0699999999")
        self.assertEqual(
            errors,
            [
                f'Dòng 2, cột "Mã số": "{self.other.code}" {OUT_OF_SCOPE}',
                f'Dòng 3, cột "Mã số": "0699999999" {OUT_OF_SCOPE}',
            ],
        )
        self.assertIn("trong địa bàn bạn phụ trách", OUT_OF_SCOPE)

    def test_shared_names_outside_the_area_are_not_listed(self):
        f.organization(self.hai_phuc, code="0600000301", name="HTX Dịch vụ Chung")
        f.organization(self.hai_phuc, code="0600000302", name="HTX Dịch vụ Chung")
        f.organization(self.hai_phuc, code="0600000303", name=self.own.name)
        errors = self.preview(self.area_officer, "HTX Dịch vụ Chung", self.other.name)
        self.assertEqual(
            errors,
            [
                f'Dòng 2, cột "Mã số": "HTX Dịch vụ Chung" {OUT_OF_SCOPE}',
                f'Dòng 3, cột "Mã số": "{self.other.name}" {OUT_OF_SCOPE}',
            ],
        )
        # A name shared with another area's organisation names the officer's own one.
        self.assertEqual(self.preview(self.area_officer, self.own.name), [])

    def test_alliance_staff_still_see_every_candidate(self):
        f.organization(self.hai_phuc, code="0600000301", name="HTX Dịch vụ Chung")
        f.organization(self.yen_bang, code="0600000302", name="HTX Dịch vụ Chung")
        errors = self.preview(self.alliance, "HTX Dịch vụ Chung", "0699999999")
        self.assertIn("mã 0600000301, 0600000302", errors[0])
        self.assertIn("không có tổ chức nào có mã hoặc tên này.", errors[1])
        self.assertNotIn("địa bàn", errors[1])

    def test_official_cannot_import(self):
        self.client.force_login(self.official)
        response = self.client.get("/quan-tri/cooperatives/organization/nhap-tep/")
        self.assertEqual(response.status_code, 403)

    def test_area_officer_sees_only_own_batches(self):
        mine = run(
            "figures",
            xlsx([FIGURES_HEADER, [self.own.code, 2024, 6, 5, 1, 1]]),
            user=self.area_officer,
        )
        theirs = run(
            "figures",
            xlsx([FIGURES_HEADER, [self.other.code, 2024, 6, 5, 1, 1]]),
            user=self.alliance,
        )
        self.client.force_login(self.area_officer)
        page = self.client.get(reverse("admin:cooperatives_importbatch_changelist"))
        self.assertEqual(list(page.context["cl"].result_list), [mine.batch])
        other = reverse("admin:cooperatives_importbatch_change", args=[theirs.batch.pk])
        self.assertEqual(self.client.get(other).status_code, 404)


class ExportTests(RolesTestCase):
    def export(self, model: str, **params) -> dict:
        response = self.client.get(f"/quan-tri/cooperatives/{model}/xuat-tep/", params)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response["Content-Disposition"])
        return read_xlsx(response.content)

    def test_export_honours_search_and_filters(self):
        self.client.force_login(self.alliance)
        sheet = next(iter(self.export("organization", q="may tre").values()))
        self.assertEqual([row[0] for row in sheet[1:]], [self.other.code])
        sheet = next(iter(self.export("figures", dia_ban=self.y_yen.pk).values()))
        self.assertEqual([row[0] for row in sheet[1:]], [self.own.code])

    def test_area_officer_exports_only_own_area(self):
        self.client.force_login(self.area_officer)
        for model in ("organization", "figures", "ocopproduct", "loan", "member"):
            sheet = next(iter(self.export(model).values()))
            self.assertEqual({row[0] for row in sheet[1:]}, {self.own.code}, model)

    def test_member_id_numbers_only_for_those_allowed_to_see_members(self):
        self.client.force_login(self.official)
        response = self.client.get("/quan-tri/cooperatives/member/xuat-tep/")
        self.assertEqual(response.status_code, 403)
        response = self.client.get("/quan-tri/cooperatives/organization/xuat-tep/")
        self.assertNotIn(b"036090001234", response.content)
        self.client.force_login(self.alliance)
        sheet = next(iter(self.export("member").values()))
        self.assertIn("036090001234", {row[4] for row in sheet[1:]})

    def test_export_escapes_formulas_and_imports_back(self):
        self.own.name = '=HYPERLINK("http://x","bấm")'
        self.own.save()
        self.client.force_login(self.alliance)
        sheet = next(iter(self.export("organization").values()))
        names = {row[0]: row[1] for row in sheet[1:]}
        self.assertEqual(names[self.own.code], '\'=HYPERLINK("http://x","bấm")')
        csv_response = self.client.get(
            "/quan-tri/cooperatives/organization/xuat-tep/", {"dinh_dang": "csv"}
        )
        self.assertIn("'=HYPERLINK", csv_response.content.decode("utf-8-sig"))
        result = run("organizations", csv_response.content, "xuat.csv")
        self.assertEqual(
            (result.unchanged, result.created, result.updated), (2, 0, 0), result.errors
        )

    def test_template_has_header_example_and_guide(self):
        self.client.force_login(self.alliance)
        response = self.client.get("/quan-tri/cooperatives/organization/tep-mau/")
        self.assertIn('filename="mau-to-chuc.xlsx"', response["Content-Disposition"])
        sheets = read_xlsx(response.content)
        main, catalogue, guide = sheets.values()
        self.assertEqual(list(sheets)[1:], ["Danh mục", "Hướng dẫn"])
        self.assertEqual(main[0][:3], ["Mã số", "Tên", "Loại hình"])
        self.assertEqual(len(main), 2)
        self.assertEqual(guide[0], ["Cột", "Bắt buộc", "Ý nghĩa", "Giá trị cho phép"])
        kinds = next(row for row in guide if row[0] == "Loại hình")
        self.assertIn("Liên hiệp HTX", kinds[3])
        # The example row is a record of this database: the template imports as downloaded.
        result = run("organizations", response.content, "mau-to-chuc.xlsx")
        self.assertEqual(
            (result.unchanged, result.created, result.updated), (1, 0, 0), result.errors
        )
        # Drop-down lists for the choice columns, from "Danh mục"; text cells stay text;
        # columns as wide as their content.
        workbook = load_workbook(io.BytesIO(response.content))
        sheet = workbook.worksheets[0]
        lists = {
            str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation
        }
        self.assertEqual(lists["C2"], "'Danh mục'!$A$2:$A$5")  # Loại hình: its 4 labels
        self.assertEqual(
            [row[0] for row in catalogue[1:5]], ["HTX", "Liên hiệp HTX", "Tổ hợp tác", "Quỹ TDND"]
        )
        sectors = next(i for i, header in enumerate(catalogue[0]) if header == "Lĩnh vực")
        self.assertIn("Nông nghiệp", [row[sectors] for row in catalogue[1:]])
        self.assertEqual(sheet.column_dimensions["A"].number_format, "@")
        self.assertEqual(sheet["A2"].number_format, "@")
        self.assertGreaterEqual(sheet.column_dimensions["B"].width, len(main[1][1]))
        csv_template = self.client.get(
            "/quan-tri/cooperatives/organization/tep-mau/", {"dinh_dang": "csv"}
        )
        self.assertTrue(csv_template.content.startswith("\ufeffMã số".encode()))
        self.assertIn('filename="mau-to-chuc.csv"', csv_template["Content-Disposition"])

    def test_every_kind_names_its_files_in_vietnamese(self):
        from cooperatives.spreadsheets.kinds import KINDS

        stems = {name: kind.file_stem for name, kind in KINDS.items()}
        self.assertEqual(
            stems,
            {"areas": "don-vi-hanh-chinh", "organizations": "to-chuc", "figures": "so-lieu",
             "ocop": "san-pham-ocop", "loans": "khoan-vay", "members": "thanh-vien",
             "targets": "chi-tieu"},
        )  # fmt: skip

    def test_a_year_is_written_without_a_thousands_separator(self):
        self.client.force_login(self.alliance)
        response = self.client.get("/quan-tri/cooperatives/figures/tep-mau/")
        self.assertIn('filename="mau-so-lieu.xlsx"', response["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        year = sheet.cell(row=2, column=header.index("Năm") + 1)
        members = sheet.cell(row=2, column=header.index("Số thành viên") + 1)
        self.assertEqual((year.number_format, members.number_format), ("0", "#,##0"))


class RoundTripTests(RolesTestCase):
    """An export imports back unchanged, for every kind and both formats."""

    def test_every_kind_round_trips(self):
        from reports.models import Target

        Target.objects.create(
            area=self.province, year=2025, months=6, indicator="htx_new", value=15, basis="KH 25"
        )
        self.own.figures.update(profit=-5.7, avg_income=3.2, rating="fair", meets_ntm_13_1=True)
        Member.objects.create(
            organization=self.own, full_name="Hộ ông Lê Văn Cường", party_type="household"
        )
        self.client.force_login(self.superuser)
        admin_models = {
            "areas": "cooperatives/area",
            "organizations": "cooperatives/organization",
            "figures": "cooperatives/figures",
            "ocop": "cooperatives/ocopproduct",
            "targets": "reports/target",
            "loans": "cooperatives/loan",
            "members": "cooperatives/member",
        }
        for kind, model in admin_models.items():
            for file_format in ("xlsx", "csv"):
                response = self.client.get(
                    f"/quan-tri/{model}/xuat-tep/", {"dinh_dang": file_format}
                )
                result = run(kind, response.content, f"xuat.{file_format}")
                self.assertTrue(result.ok, (kind, file_format, [str(e) for e in result.errors]))
                self.assertEqual((result.created, result.updated), (0, 0), (kind, file_format))
                self.assertGreater(result.unchanged, 0, kind)


class CommandTests(RolesTestCase):
    def test_import_command_exit_codes_summary_and_dry_run(self):
        from django.core.management import CommandError, call_command

        path = "/tmp/htx-test-import.xlsx"
        with open(path, "wb") as handle:
            handle.write(xlsx([ORG_HEADER, org_row("0600000301")]))
        out = io.StringIO()
        call_command("import_data", "--kind", "organizations", path, "--dry-run", stdout=out)
        self.assertIn("1 tạo mới", out.getvalue())
        self.assertIn("chạy thử", out.getvalue())
        self.assertFalse(Organization.objects.filter(code="0600000301").exists())
        call_command("import_data", "--kind", "organizations", path, stdout=io.StringIO())
        self.assertTrue(Organization.objects.filter(code="0600000301").exists())
        path = "/tmp/htx-test-import.csv"
        with open(path, "wb") as handle:
            handle.write(csv_file([ORG_HEADER, org_row("0600000302", founded="31/02/2021")]))
        err = io.StringIO()
        with self.assertRaises(CommandError):
            call_command(
                "import_data", "--kind", "organizations", path, stdout=io.StringIO(), stderr=err
            )
        self.assertIn('Dòng 2, cột "Ngày thành lập": "31/02/2021"', err.getvalue())

    def test_export_command_writes_the_import_layout(self):
        from django.core.management import call_command

        out = io.StringIO()
        call_command("export_data", "--kind", "figures", "/tmp/htx-test-export.xlsx", stdout=out)
        self.assertIn("2 dòng", out.getvalue())
        with open("/tmp/htx-test-export.xlsx", "rb") as handle:
            sheet = next(iter(read_xlsx(handle.read()).values()))
        self.assertEqual(sheet[0][:3], ["Mã số", "Năm", "Số tháng"])
        self.assertEqual(sheet[1][1], 2023)
