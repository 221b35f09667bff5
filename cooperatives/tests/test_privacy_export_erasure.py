"""Personal data (Decree 13/2023): a person's export, and erasure on request."""

import json

from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cooperatives import privacy
from cooperatives.models import ImportBatch, Member, Organization
from cooperatives.spreadsheets.undo import undo_batch
from testing.privacy import (
    ID_NUMBER,
    MEMBER_HEADER,
    NAME,
    NAME_FOLDED,
    PHONE,
    PrivacyTestCase,
    find_everywhere,
    member_url,
)
from testing.spreadsheets import run, xlsx


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


class ErasureServiceTests(PrivacyTestCase):
    def test_the_service_takes_keywords_only_and_erases_the_persons_rows_in_scope(self):
        from cooperatives.services import erase_member_on_request

        members = Member.objects.filter(organization=self.own)  # the officer's area
        with self.assertRaises(TypeError):
            erase_member_on_request(self.person, self.area_officer, members)  # noqa
        done = erase_member_on_request(member=self.person, user=self.area_officer, members=members)
        self.assertEqual(done["members"], 1)
        self.assertFalse(Member.objects.filter(pk=self.person.pk).exists())
        self.assertTrue(Member.objects.filter(pk=self.elsewhere.pk).exists())  # another area
        entry = LogEntry.objects.get(action_flag=DELETION, object_id=str(self.person.pk))
        self.assertEqual(entry.user, self.area_officer)
        self.assertNotIn(NAME, entry.change_message)
