"""Personal data (Decree 13/2023): where it never appears, and who sees ID numbers.

Export and erasure: test_privacy_export_erasure.py; logs: test_privacy_logging.py.
"""

import io
import zipfile

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.urls import reverse

from cooperatives import privacy
from cooperatives.admin.privacy import MemberInlineForm
from cooperatives.models import Member, Organization
from testing.privacy import (
    EMAIL,
    HOME_ADDRESS,
    ID_NUMBER,
    MEMBER_HEADER,
    NAME,
    PHONE,
    PrivacyTestCase,
    member_url,
)
from testing.roles import clear_caches
from testing.spreadsheets import read_xlsx, run, xlsx


class PublicPagesTests(PrivacyTestCase):
    """docs/interfaces.md §1.7/§4: never on a public page, feed, sitemap or search result."""

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
