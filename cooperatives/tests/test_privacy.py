"""Personal data (Decree 13/2023): where it never appears, who sees it, export, erasure."""

import datetime
import io
import json
import logging
import zipfile

from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.forms import modelform_factory
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cooperatives import privacy
from cooperatives.admin.privacy import MemberInlineForm
from cooperatives.models import Figures, ImportBatch, Member, Organization
from cooperatives.spreadsheets.undo import undo_batch
from testing import factories as f
from testing.roles import RolesTestCase, clear_caches
from testing.spreadsheets import read_xlsx, run, xlsx

# Values found nowhere else, so a page containing them leaked them.
NAME = "Phạm Thị Quyênriêngtư"
NAME_FOLDED = "pham thi quyenriengtu"
ID_NUMBER = "079123456789"
PHONE = "0987 654 321"
EMAIL = "truongnhom.quyen@gmail.com"
HOME_ADDRESS = "Xóm Kínđáo, thôn Riêngtư"
MEMBER_HEADER = ["Mã số", "Họ tên", "Số giấy tờ", "Vốn góp (triệu đồng)"]


def personal_values() -> list[str]:
    return [NAME, NAME_FOLDED, ID_NUMBER, PHONE, PHONE.replace(" ", ""), EMAIL, HOME_ADDRESS]


def member_url(member, action="change") -> str:
    return reverse(f"admin:cooperatives_member_{action}", args=[member.pk])


class PrivacyTestCase(RolesTestCase):
    """Adds one person with distinctive data: a member of an HTX in Ý Yên (the area
    officer's) and of an HTX in Hải Hậu, and leader of a public tổ hợp tác in Ý Yên."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = Member.objects.create(
            organization=cls.own,
            full_name=NAME,
            id_number=ID_NUMBER,
            capital_contribution=25,
            joined_on=datetime.date(2019, 5, 1),
        )
        cls.elsewhere = Member.objects.create(
            organization=cls.other, full_name=NAME, id_number=ID_NUMBER
        )
        cls.group = f.organization(
            cls.yen_bang,
            code="0600000077",
            name="Tổ hợp tác Rau sạch Yên Bằng",
            kind=Organization.Kind.GROUP,
            phone=PHONE,
            email=EMAIL,
            address=HOME_ADDRESS,
            representative=NAME,
        )
        for org in (cls.own, cls.group):
            Figures.objects.create(
                organization=org,
                year=2023,
                months=12,
                members=25,
                workers=9,
                state=Figures.State.APPROVED,
            )

    def setUp(self):
        clear_caches()

    def assert_no_personal_data(self, content, where: str) -> None:
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        for value in personal_values():
            self.assertNotIn(value, text, f"{value!r} appears in {where}")


class PublicPagesTests(PrivacyTestCase):
    """DATA-CONTRACT §1.7/§4: never on a public page, feed, sitemap or search result."""

    def public_urls(self) -> list[str]:
        from testing import news_factories as news

        news.article(title="Tổ hợp tác rau sạch mở rộng").organizations.set([self.group])
        sitemap = self.client.get("/sitemap.xml").content.decode()
        sections = [
            line.split("<loc>")[1].split("</loc>")[0].split("://", 1)[1].split("/", 1)[1]
            for line in sitemap.splitlines()
            if "<loc>" in line
        ]
        self.assertTrue(sections)
        return [
            "/",
            "/sitemap.xml",
            *[f"/{s}" for s in sections],
            reverse("news:rss"),
            reverse("news:list"),
            reverse("statistics"),
            reverse("cooperatives:directory"),
            reverse("cooperatives:directory") + "?q=rau",
            reverse("cooperatives:ocop"),
            self.own.get_absolute_url(),
            self.other.get_absolute_url(),
            self.group.get_absolute_url(),
        ]

    def test_no_public_page_feed_sitemap_or_search_shows_personal_data(self):
        for url in self.public_urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assert_no_personal_data(response.content, url)
        # The group and the HTX are really listed, so the pages were not empty.
        self.assertContains(self.client.get(self.group.get_absolute_url()), self.group.name)
        directory = self.client.get(reverse("cooperatives:directory") + "?q=rau sach")
        self.assertContains(directory, self.group.name)

    def test_directory_search_by_member_data_finds_nothing(self):
        # (The page repeats the visitor's own words; it must find no organisation.)
        for term in (NAME, ID_NUMBER, "quyenriengtu", PHONE, EMAIL):
            page = self.client.get(reverse("cooperatives:directory"), {"q": term})
            self.assertEqual(list(page.context["page"].object_list), [], term)

    def test_reports_in_every_format_hold_counts_not_people(self):
        self.client.force_login(self.alliance)
        base = "/bao-cao/36/2023/12"
        page = self.client.get(base + "/")
        self.assertEqual(page.status_code, 200)
        self.assert_no_personal_data(page.content, "report page")
        data = self.client.get(base + ".json")
        self.assertEqual(data.status_code, 200)
        self.assert_no_personal_data(data.content, "report JSON")
        self.assertIn("members_total", data.content.decode())
        workbook = self.client.get(base + ".xlsx")
        self.assertEqual(workbook.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(workbook.content)) as archive:
            for name in archive.namelist():
                self.assert_no_personal_data(archive.read(name), f"report workbook {name}")


class PublicContactsTests(PrivacyTestCase):
    """The contacts policy of the public organisation page."""

    def page(self, org):
        clear_caches()
        return self.client.get(org.get_absolute_url())

    def test_group_contacts_are_hidden_unless_marked_public(self):
        page = self.page(self.group)
        for value in (PHONE, EMAIL, HOME_ADDRESS, NAME):
            self.assertNotContains(page, value)
        self.assertNotContains(page, "Điện thoại")
        self.group.contacts_public = True
        self.group.save()
        page = self.page(self.group)
        for value in (PHONE, EMAIL, HOME_ADDRESS):
            self.assertContains(page, value)
        self.assertNotContains(page, NAME)  # the representative's name, never

    def test_htx_shows_office_contacts_but_not_a_mobile_or_free_mail(self):
        Organization.objects.filter(pk=self.own.pk).update(
            phone="0228 3820 123", email="htxyenbang@namdinh.gov.vn", address="Thôn Đông"
        )
        page = self.page(self.own)
        for value in ("0228 3820 123", "htxyenbang@namdinh.gov.vn", "Thôn Đông"):
            self.assertContains(page, value)
        Organization.objects.filter(pk=self.own.pk).update(phone="+84 912 345 678", email=EMAIL)
        page = self.page(self.own)
        self.assertNotContains(page, "912 345 678")
        self.assertNotContains(page, EMAIL)
        self.assertContains(page, "Thôn Đông")

    def test_personal_contact_heuristics(self):
        for phone in ("0912345678", "0987 654 321", "+84 912 345 678", "84-3-9876-5432"):
            self.assertTrue(privacy.looks_personal_phone(phone), phone)
        for phone in ("0228 3820 123", "02283820123", "1900 1234", ""):
            self.assertFalse(privacy.looks_personal_phone(phone), phone)
        self.assertTrue(privacy.looks_personal_email("A.B@Gmail.com"))
        self.assertFalse(privacy.looks_personal_email("lienminh@namdinh.gov.vn"))


class RolesWithoutMemberAccessTests(PrivacyTestCase):
    """Officials and editors never reach the member register, its history or its files."""

    def member_batch(self):
        result = run(
            "members",
            xlsx([MEMBER_HEADER, [self.own.code, "Đỗ Văn Nhập", "036111222333", 5]]),
            user=self.alliance,
        )
        self.assertTrue(result.ok, result.errors)
        return result.batch

    def test_official_and_editor_are_refused_every_member_page(self):
        batch = self.member_batch()
        urls = [
            reverse("admin:cooperatives_member_changelist"),
            reverse("admin:cooperatives_member_changelist") + "?q=" + ID_NUMBER,
            member_url(self.person),
            member_url(self.person, "history"),
            member_url(self.person, "delete"),
            member_url(self.person, "erase"),
            reverse("admin:cooperatives_member_export"),
        ]
        for user in (self.official, self.editor):
            self.client.force_login(user)
            for url in urls:
                response = self.client.get(url)
                self.assertIn(response.status_code, (403, 404), (user, url))
                self.assert_no_personal_data(response.content, url)
            export = self.client.post(member_url(self.person, "personal_data"))
            self.assertIn(export.status_code, (403, 404), user)
            batch_page = self.client.get(
                reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
            )
            self.assertIn(batch_page.status_code, (403, 404), user)
        self.assertFalse(LogEntry.objects.exists())

    def test_official_sees_organisations_and_import_history_without_members(self):
        self.member_batch()
        self.client.force_login(self.official)
        page = self.client.get(
            reverse("admin:cooperatives_organization_change", args=[self.own.pk])
        )
        self.assertEqual(page.status_code, 200)
        self.assert_no_personal_data(page.content, "organisation page of an official")
        batches = self.client.get(reverse("admin:cooperatives_importbatch_changelist"))
        self.assertEqual(batches.status_code, 200)
        self.assertEqual(list(batches.context["cl"].result_list), [])


class MaskingTests(PrivacyTestCase):
    def test_member_list_masks_and_search_by_exact_id_number_works(self):
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_member_changelist")
        page = self.client.get(url)
        self.assertNotContains(page, ID_NUMBER)
        self.assertContains(page, "•••••••••789")
        found = self.client.get(url, {"q": ID_NUMBER})
        self.assertEqual(
            {m.pk for m in found.context["cl"].result_list}, {self.person.pk, self.elsewhere.pk}
        )
        self.assertNotContains(found, f">{ID_NUMBER}<")
        # No partial match: an ID number is not guessed digit by digit.
        partial = self.client.get(url, {"q": ID_NUMBER[:6]})
        self.assertEqual(list(partial.context["cl"].result_list), [])

    def test_organisation_page_masks_member_rows(self):
        for user in (self.alliance, self.area_officer):
            self.client.force_login(user)
            page = self.client.get(
                reverse("admin:cooperatives_organization_change", args=[self.own.pk])
            )
            self.assertEqual(page.status_code, 200)
            self.assertNotContains(page, ID_NUMBER)
            self.assertContains(page, 'placeholder="•••••••••789"')

    def test_inline_form_keeps_the_stored_number_when_left_empty(self):
        data = {
            "full_name": NAME,
            "member_type": "official",
            "party_type": "person",
            "id_number": "",
            "organization": self.own.pk,
        }
        form_class = modelform_factory(
            Member,
            form=MemberInlineForm,
            fields=["organization", "full_name", "member_type", "party_type", "id_number"],
        )
        untouched = form_class(instance=self.person)
        self.assertNotIn(ID_NUMBER, str(untouched["id_number"]))
        form = form_class(data=data, instance=self.person)
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["id_number"], ID_NUMBER)
        self.assertNotIn("id_number", form.changed_data)
        self.assertEqual(form.initial["id_number"], "")

    def test_full_number_on_the_record_for_those_who_may_change_it(self):
        self.client.force_login(self.alliance)
        record = self.client.get(member_url(self.person))
        self.assertContains(record, f'value="{ID_NUMBER}"')
        self.assertContains(record, member_url(self.person, "personal_data"))
        self.assertContains(record, member_url(self.person, "erase"))
        self.assertContains(self.client.get(member_url(self.elsewhere)), f'value="{ID_NUMBER}"')
        self.client.force_login(self.area_officer)
        self.assertContains(self.client.get(member_url(self.person)), f'value="{ID_NUMBER}"')
        self.assertEqual(self.client.get(member_url(self.elsewhere)).status_code, 404)
        self.assertEqual(self.client.get(member_url(self.elsewhere, "history")).status_code, 404)

    def view_only_user(self):
        user = get_user_model().objects.create_user("chixem", password="x", is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(codename="view_member"),
            Permission.objects.get(codename="view_organization"),
        )
        return user

    def test_view_only_account_sees_masked_numbers_everywhere(self):
        self.client.force_login(self.view_only_user())
        record = self.client.get(member_url(self.person))
        self.assertEqual(record.status_code, 200)
        self.assertNotContains(record, ID_NUMBER)
        self.assertContains(record, "•••••••••789")
        self.assertNotContains(record, "Xuất dữ liệu cá nhân")
        self.assertNotContains(record, "Xóa theo yêu cầu")
        org = self.client.get(reverse("admin:cooperatives_organization_change", args=[self.own.pk]))
        self.assertNotContains(org, ID_NUMBER)
        self.assertContains(org, "•••••••••789")
        self.assertEqual(self.client.get(member_url(self.person, "history")).status_code, 403)
        found = self.client.get(reverse("admin:cooperatives_member_changelist"), {"q": ID_NUMBER})
        self.assertEqual(list(found.context["cl"].result_list), [])
        export = self.client.get(reverse("admin:cooperatives_member_export"))
        self.assertEqual(export.status_code, 200)
        sheet = read_xlsx(export.content)
        cells = [str(c) for rows in sheet.values() for row in rows for c in row]
        self.assertNotIn(ID_NUMBER, cells)
        self.assertIn("•••••••••789", cells)
        personal = self.client.post(member_url(self.person, "personal_data"))
        self.assertEqual(personal.status_code, 403)

    def test_export_has_full_numbers_for_those_who_may_see_them(self):
        self.client.force_login(self.area_officer)
        export = self.client.get(reverse("admin:cooperatives_member_export"))
        cells = [str(c) for rows in read_xlsx(export.content).values() for row in rows for c in row]
        self.assertEqual(cells.count(ID_NUMBER), 1)  # their area's row only

    def test_import_batch_page_masks_changed_numbers(self):
        for capital in (7, 8):
            result = run(
                "members",
                xlsx([MEMBER_HEADER, [self.own.code, "Vũ Văn Sửasố", "", capital]]),
                user=self.alliance,
            )
            self.assertTrue(result.ok, result.errors)
        member = Member.objects.get(organization=self.own, full_name="Vũ Văn Sửasố")
        # The update also corrected an ID number (as a file keyed by name may).
        update, creation = member.history.order_by("-history_id")[:2]
        self.assertEqual(update.import_batch, result.batch)
        creation.id_number = "036000555111"
        creation.save()
        update.id_number = "036000555444"
        update.save()
        self.client.force_login(self.alliance)
        page = self.client.get(
            reverse("admin:cooperatives_importbatch_change", args=[result.batch.pk])
        )
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "036000555444")
        self.assertNotContains(page, "036000555111")
        self.assertContains(page, "•••••••••111 → •••••••••444")


class ExportTests(PrivacyTestCase):
    def export(self, user, member):
        self.client.force_login(user)
        response = self.client.post(member_url(member, "personal_data"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        return json.loads(response.content.decode("utf-8"))

    def test_alliance_export_holds_every_record_of_the_person(self):
        self.person.capital_contribution = 30
        self.person._change_reason = "Góp thêm vốn"
        self.person.save()
        data = self.export(self.alliance, self.person)
        memberships = data["Tư cách thành viên"]
        self.assertEqual(
            {m["Mã số tổ chức"] for m in memberships}, {self.own.code, self.other.code}
        )
        own = next(m for m in memberships if m["Mã số tổ chức"] == self.own.code)
        self.assertEqual(own["Số giấy tờ"], ID_NUMBER)
        self.assertEqual(own["Họ tên"], NAME)
        self.assertEqual(own["Ngày gia nhập"], "01/05/2019")
        self.assertEqual(own["Vốn góp (triệu đồng)"], "30")
        self.assertEqual(
            [h["Loại thay đổi"] for h in own["Lịch sử thay đổi"]], ["Tạo mới", "Cập nhật"]
        )
        self.assertEqual(own["Lịch sử thay đổi"][1]["Lý do"], "Góp thêm vốn")
        self.assertEqual(own["Lịch sử thay đổi"][0]["Vốn góp (triệu đồng)"], "25")
        contacts = data["Người đại diện của tổ chức"]
        self.assertEqual([c["Mã số tổ chức"] for c in contacts], [self.group.code])
        self.assertEqual(contacts[0]["Điện thoại"], PHONE)
        self.assertIn("Nghị định số 13/2023", data["Căn cứ"])

    def test_history_of_a_deleted_membership_is_exported_to_alliance_staff(self):
        self.elsewhere.delete()
        data = self.export(self.alliance, self.person)
        deleted = data["Lịch sử của bản ghi thành viên đã xóa"]
        self.assertEqual(len(deleted), 1)
        self.assertEqual(
            [h["Loại thay đổi"] for h in deleted[0]["Lịch sử thay đổi"]], ["Tạo mới", "Xóa"]
        )

    def test_area_officer_exports_only_their_areas(self):
        data = self.export(self.area_officer, self.person)
        self.assertEqual([m["Mã số tổ chức"] for m in data["Tư cách thành viên"]], [self.own.code])
        self.assertEqual(data["Lịch sử của bản ghi thành viên đã xóa"], [])
        self.assertEqual(
            self.client.post(member_url(self.elsewhere, "personal_data")).status_code, 404
        )

    def test_export_is_logged_without_name_or_number(self):
        self.export(self.alliance, self.person)
        entry = LogEntry.objects.get()
        self.assertEqual(entry.user, self.alliance)
        self.assertEqual(entry.object_id, str(self.person.pk))
        self.assertIn("Xuất dữ liệu cá nhân", entry.change_message)
        for text in (entry.change_message, entry.object_repr):
            self.assertNotIn(ID_NUMBER, text)
            self.assertNotIn(NAME, text)

    def test_export_only_by_post(self):
        self.client.force_login(self.alliance)
        self.assertEqual(self.client.get(member_url(self.person, "personal_data")).status_code, 405)
        self.assertFalse(LogEntry.objects.exists())

    def test_list_action_exports_one_selected_person(self):
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_member_changelist")
        response = self.client.post(
            url, {"action": "export_personal_data", "_selected_action": [self.person.pk]}
        )
        self.assertEqual(response.status_code, 200)
        data = json.loads(response.content)
        self.assertEqual(len(data["Tư cách thành viên"]), 2)
        two = self.client.post(
            url,
            {
                "action": "export_personal_data",
                "_selected_action": [self.person.pk, self.elsewhere.pk],
            },
            follow=True,
        )
        self.assertContains(two, "Hãy chọn đúng một thành viên")


def find_everywhere(needle: str) -> list[str]:
    """Every (table, column) of the database whose text holds ``needle``."""
    found = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND data_type IN "
                "('character varying', 'text', 'json', 'jsonb', 'character')"
            )
            columns = cursor.fetchall()
        else:
            columns = []
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'PRAGMA table_info("{table}")')
                columns += [(table, row[1]) for row in cursor.fetchall()]
        qn = connection.ops.quote_name
        for table, column in columns:
            cursor.execute(
                f"SELECT COUNT(*) FROM {qn(table)} WHERE CAST({qn(column)} AS TEXT) LIKE %s",
                [f"%{needle}%"],
            )
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found


@override_settings(MEDIA_ROOT="/tmp/htx-test-media")
class ErasureTests(PrivacyTestCase):
    def test_erasure_leaves_nothing_findable_and_an_audit_entry(self):
        # A history with an earlier ID number, and an admin log naming the member.
        self.person.id_number = "079000000001"
        self.person.save()
        self.person.id_number = ID_NUMBER
        self.person.save()
        LogEntry.objects.create(
            user=self.alliance,
            content_type=ContentType.objects.get_for_model(Organization),
            object_id=str(self.own.pk),
            object_repr=self.own.name,
            action_flag=2,
            change_message=json.dumps(
                [
                    {"added": {"name": "thành viên", "object": NAME}},
                    {"changed": {"fields": ["Tên"]}},
                ]
            ),
        )
        LogEntry.objects.create(
            user=self.alliance,
            content_type=ContentType.objects.get_for_model(Member),
            object_id=str(self.person.pk),
            object_repr=NAME,
            action_flag=ADDITION,
            change_message="[]",
        )
        self.assertTrue(find_everywhere(ID_NUMBER))
        self.client.force_login(self.alliance)
        confirm = self.client.get(member_url(self.person, "erase"))
        self.assertEqual(confirm.status_code, 200)
        self.assertContains(confirm, "Xóa thành viên theo yêu cầu")
        self.assertContains(confirm, self.other.name)  # both memberships of the person
        self.assertContains(confirm, self.group.code)  # named as a representative
        self.assertNotContains(confirm, ID_NUMBER)
        self.assertTrue(Member.objects.filter(pk=self.person.pk).exists())  # GET changes nothing
        done = self.client.post(member_url(self.person, "erase"), follow=True)
        self.assertContains(done, "Đã xóa theo yêu cầu 2 bản ghi thành viên")
        self.assertFalse(Member.objects.filter(id_number=ID_NUMBER).exists())
        for needle in (ID_NUMBER, "079000000001", NAME_FOLDED):
            self.assertEqual(find_everywhere(needle), [], needle)
        # Names survive only where they are not the member's: the group's representative.
        self.assertEqual(
            sorted(find_everywhere(NAME)),
            [
                "cooperatives_historicalorganization.representative",
                "cooperatives_organization.representative",
            ],
        )
        audit = LogEntry.objects.filter(action_flag=DELETION).order_by("pk")
        self.assertEqual(audit.count(), 2)
        self.assertEqual(audit[0].user, self.alliance)
        self.assertIn("Xóa theo yêu cầu của chủ thể dữ liệu", audit[0].change_message)
        self.assertIn(self.own.code, audit[0].change_message)
        message = LogEntry.objects.get(object_repr=self.own.name).get_change_message()
        self.assertIn(privacy.ERASED_LABEL, message)

    def test_history_restore_and_import_undo_cannot_bring_the_person_back(self):
        result = run(
            "members",
            xlsx([MEMBER_HEADER, [self.own.code, "Lê Văn Nhậplại", "036777888999", 3]]),
            user=self.alliance,
        )
        self.assertTrue(result.ok, result.errors)
        member = Member.objects.get(id_number="036777888999")
        record = member.history.get()
        self.client.force_login(self.alliance)
        self.client.post(member_url(member, "erase"))
        self.assertEqual(find_everywhere("036777888999"), [])
        history = reverse(
            "admin:cooperatives_member_simple_history", args=[member.pk, record.history_id]
        )
        self.assertEqual(self.client.get(history).status_code, 404)
        self.assertEqual(self.client.post(history, {}).status_code, 404)
        undo_batch(batch=ImportBatch.objects.get(pk=result.batch.pk), user=self.alliance)
        self.assertFalse(Member.objects.filter(full_name="Lê Văn Nhậplại").exists())
        self.assertEqual(find_everywhere("036777888999"), [])

    def test_area_officer_erases_only_in_their_areas(self):
        self.client.force_login(self.area_officer)
        self.assertEqual(self.client.get(member_url(self.elsewhere, "erase")).status_code, 404)
        self.assertEqual(self.client.post(member_url(self.elsewhere, "erase")).status_code, 404)
        confirm = self.client.get(member_url(self.person, "erase"))
        self.assertNotContains(confirm, self.other.name)
        self.client.post(member_url(self.person, "erase"))
        self.assertFalse(Member.objects.filter(pk=self.person.pk).exists())
        self.assertFalse(Member.history.filter(id=self.person.pk).exists())
        # The other area's membership stays, for its own officer or the alliance.
        self.assertTrue(Member.objects.filter(pk=self.elsewhere.pk).exists())
        self.assertTrue(Member.history.filter(id=self.elsewhere.pk).exists())

    def test_erasure_needs_delete_permission(self):
        self.client.force_login(self.official)
        self.assertEqual(self.client.post(member_url(self.person, "erase")).status_code, 403)
        user = get_user_model().objects.create_user("suaduoc", password="x", is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(codename="view_member"),
            Permission.objects.get(codename="change_member"),
        )
        self.client.force_login(user)
        self.assertEqual(self.client.get(member_url(self.person, "erase")).status_code, 403)
        self.assertEqual(self.client.post(member_url(self.person, "erase")).status_code, 403)
        self.assertTrue(Member.objects.filter(pk=self.person.pk).exists())

    def test_list_action_leads_to_the_confirmation(self):
        self.client.force_login(self.alliance)
        response = self.client.post(
            reverse("admin:cooperatives_member_changelist"),
            {"action": "erase_on_request", "_selected_action": [self.person.pk]},
        )
        self.assertRedirects(response, member_url(self.person, "erase"))
        self.assertTrue(Member.objects.filter(pk=self.person.pk).exists())


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class LoggingTests(PrivacyTestCase):
    """What the configured log handlers write holds no personal data (the logging of this
    branch's settings: every handler redacts)."""

    def capture(self):
        streams = []
        handlers = {
            *logging.getLogger().handlers,
            *logging.getLogger("django.server").handlers,
        }
        handlers = [h for h in handlers if type(h) is logging.StreamHandler]  # the configured
        self.assertTrue(handlers)
        for handler in handlers:
            stream = io.StringIO()
            old = handler.setStream(stream)
            self.addCleanup(handler.setStream, old)
            streams.append(stream)
        return streams

    def test_staff_flow_leaves_no_personal_data_in_the_logs(self):
        streams = self.capture()
        self.client.force_login(self.alliance)
        captured = Collector()
        root = logging.getLogger()
        root.addHandler(captured)  # after the configured handlers: sees what they wrote
        self.addCleanup(root.removeHandler, captured)
        changelist = reverse("admin:cooperatives_member_changelist")
        self.assertEqual(self.client.get(changelist, {"q": ID_NUMBER}).status_code, 200)
        self.assertEqual(self.client.get(changelist, {"q": NAME}).status_code, 200)
        # A file with a bad row quoting an ID number: the importer sees it, logs do not.
        bad = xlsx(
            [MEMBER_HEADER, [self.own.code, NAME, ID_NUMBER, -5], ["0999999999", NAME, "", 1]]
        )
        page = self.client.post(
            reverse("admin:cooperatives_member_import"),
            {"file": SimpleUploadedFile("thanh-vien.xlsx", bad)},
        )
        self.assertContains(page, "Dòng 2")
        # A 404 with an ID number in the address, and one with an email in the query.
        self.assertEqual(self.client.get(f"/hop-tac-xa/{ID_NUMBER}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/quan-tri/khong-co/{ID_NUMBER}/", {"email": EMAIL}).status_code,
            404,
        )
        # A server error whose database message quotes the unique key's values, logged
        # as the error log does, with the address in an extra field as well.
        try:
            with transaction.atomic():
                Member.objects.create(organization=self.own, full_name=NAME, id_number=ID_NUMBER)
        except IntegrityError:
            logging.getLogger("htx.errors").exception(
                "IntegrityError on GET %s",
                f"/quan-tri/cooperatives/member/?q={ID_NUMBER}",
                extra={"path": f"/hop-tac-xa/{ID_NUMBER}/", "query": [EMAIL]},
            )
        logging.getLogger("django.server").info(
            '"GET /quan-tri/cooperatives/member/?q=%s HTTP/1.1" 200 1234', ID_NUMBER
        )
        logging.getLogger("cooperatives").warning("Gọi %s hoặc %s", PHONE, EMAIL)
        written = "".join(stream.getvalue() for stream in streams)
        # The records were really written (so the checks below are not vacuous)...
        self.assertIn("GET /hop-tac-xa/[đã ẩn]/ 404", written)  # the request log's line
        self.assertIn("path=/hop-tac-xa/[đã ẩn]/", written)  # and its path field
        self.assertIn("IntegrityError on GET", written)
        self.assertIn("in test_staff_flow_leaves_no_personal_data_in_the_logs", written)
        self.assertIn("/quan-tri/cooperatives/member/?[đã ẩn]", written)
        self.assertGreaterEqual(len(captured.records), 3)
        # ...and hold no personal data, neither as written nor in the records themselves
        # (message, extra fields, traceback).
        self.assert_no_personal_data(written, "log output")
        for record in captured.records:
            self.assert_no_personal_data(record.getMessage(), "log record")
            fields = {k: v for k, v in vars(record).items() if k != "exc_info"}
            self.assert_no_personal_data(repr(fields), "log record fields")
            self.assert_no_personal_data(record.exc_text or "", "log record traceback")

    def test_error_report_hides_personal_fields_and_query(self):
        from django.test import RequestFactory
        from django.views.debug import get_exception_reporter_class

        request = RequestFactory().post(
            f"/quan-tri/cooperatives/member/1/change/?q={ID_NUMBER}",
            {"id_number": ID_NUMBER, "full_name": NAME, "members-0-id_number": ID_NUMBER},
        )
        try:
            id_number = ID_NUMBER  # noqa: F841 - a local variable the report would show
            raise ValueError(f"Số giấy tờ {ID_NUMBER} trùng")
        except ValueError as error:
            # The reporter the settings choose (the debug page and ADMINS e-mails use it).
            reporter_class = get_exception_reporter_class(request)
            reporter = reporter_class(request, type(error), error, error.__traceback__)
            text = reporter.get_traceback_text()
            html = reporter.get_traceback_html()
        self.assertIn("ValueError", text)
        self.assert_no_personal_data(text, "error report text")
        self.assert_no_personal_data(html, "error report HTML")


def test_redact_keeps_organisation_codes_and_dates():
    from core.logsafety import redact

    line = "Tổ chức 0600000001 sửa lúc 10:02 21/11/2026: GET /hop-tac-xa/0600000001/?q=an"
    assert redact(line) == (
        "Tổ chức 0600000001 sửa lúc 10:02 21/11/2026: GET /hop-tac-xa/0600000001/?[đã ẩn]"
    )
    assert redact(f"{ID_NUMBER} 123456789 {EMAIL} {PHONE}") == "[đã ẩn] [đã ẩn] [đã ẩn] [đã ẩn]"
    assert timezone.now()
