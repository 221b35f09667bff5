"""Admin paths beside the change page: history, inlines, bulk actions, odd input."""

import datetime
import unicodedata

from django.urls import reverse

from cooperatives.models import Area, Figures, Location, Member, OcopProduct, Organization
from cooperatives.services import set_role
from testing import factories as f
from testing.admin_forms import organization_form
from testing.roles import RolesTestCase


def history_url(org) -> str:
    return reverse("admin:cooperatives_organization_history", args=[org.pk])


def version_url(org, record) -> str:
    return reverse(
        "admin:cooperatives_organization_simple_history", args=[org.pk, record.history_id]
    )


class HistoryTests(RolesTestCase):
    def setUp(self):
        self.other.phone = "0228 000 111"
        self.other.save()
        self.first = self.other.history.earliest()

    def test_official_cannot_restore_an_old_version(self):
        self.client.force_login(self.official)
        page = self.client.get(version_url(self.other, self.first))
        self.assertEqual(page.status_code, 200)
        response = self.client.post(version_url(self.other, self.first), {"name": "Khôi phục"})
        self.assertEqual(response.status_code, 403)
        self.other.refresh_from_db()
        self.assertEqual(self.other.phone, "0228 000 111")

    def test_area_officer_gets_404_for_other_area_history_and_versions(self):
        self.client.force_login(self.area_officer)
        self.assertEqual(self.client.get(history_url(self.other)).status_code, 404)
        self.assertEqual(self.client.get(version_url(self.other, self.first)).status_code, 404)
        response = self.client.post(version_url(self.other, self.first), {"name": "X"})
        self.assertEqual(response.status_code, 404)

    def test_malformed_ids_in_history_addresses_are_404(self):
        self.client.force_login(self.alliance)
        for url in (
            "/quan-tri/cooperatives/organization/abc/history/",
            f"/quan-tri/cooperatives/organization/{self.other.pk}/history/abc/",
            "/quan-tri/cooperatives/figures/x/history/1/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_restoring_a_version_keeps_the_current_area(self):
        Location.objects.create(
            organization=self.other, area=self.yen_bang, valid_from=datetime.date(2024, 1, 1)
        )
        self.other.refresh_from_db()
        self.assertEqual(self.other.area, self.yen_bang)
        old = self.other.history.filter(area_id=self.hai_phuc.pk).first().instance
        self.assertEqual(old.area_id, self.hai_phuc.pk)
        old.save()  # what the version page does when restoring
        self.other.refresh_from_db()
        self.assertEqual(self.other.area, self.yen_bang)


class CachedAreaTests(RolesTestCase):
    def test_bulk_delete_of_locations_refreshes_the_current_area(self):
        Location.objects.create(
            organization=self.own, area=self.hai_phuc, valid_from=datetime.date(2024, 1, 1)
        )
        self.own.refresh_from_db()
        self.assertEqual(self.own.area, self.hai_phuc)
        self.client.force_login(self.alliance)
        latest = self.own.locations.get(area=self.hai_phuc)
        response = self.client.post(
            reverse("admin:cooperatives_location_changelist"),
            {"action": "delete_selected", "_selected_action": [latest.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.own.refresh_from_db()
        self.assertEqual(self.own.area, self.yen_bang)

    def test_moving_a_location_to_another_organisation_refreshes_both(self):
        location = self.own.locations.get()
        location.organization = self.other
        location.valid_from = datetime.date(2024, 1, 1)
        location.save()
        self.own.refresh_from_db()
        self.other.refresh_from_db()
        self.assertIsNone(self.own.area)
        self.assertEqual(self.other.area, self.yen_bang)


class InlineTests(RolesTestCase):
    def test_approved_figures_cannot_be_changed_through_the_organisation_page(self):
        figures = self.own.figures.get()
        figures.state = Figures.State.APPROVED
        figures.save()
        self.client.force_login(self.area_officer)
        data = organization_form(self.client, self.own, **{"figures-0-revenue": "5.000"})
        response = self.client.post(
            reverse("admin:cooperatives_organization_change", args=[self.own.pk]), data
        )
        self.assertIn(response.status_code, (200, 302))
        figures.refresh_from_db()
        self.assertEqual(figures.revenue, 2300)
        self.assertEqual(figures.state, Figures.State.APPROVED)

    def test_duplicate_members_in_one_save_get_a_message_not_an_error_page(self):
        self.client.force_login(self.alliance)
        data = organization_form(self.client, self.own)
        total = int(data["members-TOTAL_FORMS"])
        data.update(
            {
                "members-TOTAL_FORMS": str(total + 2),
                f"members-{total}-full_name": "Nguyễn Văn A",
                f"members-{total}-member_type": "official",
                f"members-{total}-party_type": "person",
                f"members-{total + 1}-full_name": "Nguyễn Văn A",
                f"members-{total + 1}-member_type": "official",
                f"members-{total + 1}-party_type": "person",
            }
        )
        response = self.client.post(
            reverse("admin:cooperatives_organization_change", args=[self.own.pk]), data
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "xuất hiện hai lần")
        self.assertFalse(Member.objects.filter(full_name="Nguyễn Văn A").exists())

    def test_officer_of_a_new_commune_can_save_records_entered_under_a_merged_one(self):
        new_commune = f.area("15001", "Xã Ý Yên", Area.Level.COMMUNE, self.province)
        self.yen_bang.valid_to = datetime.date(2025, 6, 30)
        self.yen_bang.save()
        self.yen_bang.successors.add(new_commune)
        officer, _ = set_role(username="canbo_xa_moi", role="area", area_codes=["15001"])
        self.client.force_login(officer)
        data = organization_form(self.client, self.own, phone="0228 123 456")
        response = self.client.post(
            reverse("admin:cooperatives_organization_change", args=[self.own.pk]), data
        )
        self.assertEqual(
            response.status_code,
            302,
            getattr(response, "context", None) and response.context["errors"],
        )
        self.own.refresh_from_db()
        self.assertEqual(self.own.phone, "0228 123 456")


class OddInputTests(RolesTestCase):
    def test_decomposed_unicode_name_is_composed_before_validation(self):
        self.client.force_login(self.alliance)
        existing = self.own.ocop_products.get()
        decomposed = unicodedata.normalize("NFD", existing.name)
        response = self.client.post(
            reverse("admin:cooperatives_ocopproduct_add"),
            {
                "organization": self.own.pk,
                "name": decomposed,
                "group": "food",
                "stars": 3,
                "certified_on": "01/03/2024",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Chủ thể đã có sản phẩm OCOP cùng tên.")
        self.assertEqual(OcopProduct.objects.filter(organization=self.own).count(), 1)

    def test_nul_characters_are_refused_politely(self):
        self.client.force_login(self.alliance)
        response = self.client.get(
            reverse("admin:cooperatives_figures_changelist"), {"organization__kind": "\x00"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("không hợp lệ", response.content.decode())

    def test_search_is_folded_and_matches_inside_names(self):
        self.client.force_login(self.alliance)
        response = self.client.get(
            reverse("admin:cooperatives_organization_changelist"), {"q": "TRE ĐAN"}
        )
        self.assertEqual(list(response.context["cl"].result_list), [self.other])
        self.assertEqual(Organization.objects.filter(name_folded__contains="tre dan").count(), 1)
