"""Issue 12 item 3: organisations of a split commune, placed from the worklist in one click."""

import datetime
import io
import unittest
from types import SimpleNamespace
from unittest import mock

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives import official_units
from cooperatives.models import Area, Location, Organization
from cooperatives.services import set_role
from core.lib.reform import REFORM_DATE
from core.roles import AREA
from testing import factories as f
from testing.roles import RolesTestCase

LAST_DAY = REFORM_DATE - datetime.timedelta(days=1)
WORKLIST = "admin:cooperatives_unplacedorganization_changelist"
# The data set as read by cooperatives.official_units (its default new commune of each
# split old commune), replaced where a test needs a default the real data does not have.
OFFICIAL_DEFAULT = "cooperatives.official_units.load"


def place_url(org) -> str:
    return reverse("admin:cooperatives_unplacedorganization_place", args=[org.pk])


class SplitCommuneTestCase(RolesTestCase):
    """Xã Bình Minh (14011, in Huyện Ý Yên) was split between Xã Nam Minh, which took its
    code, and Xã Minh Tân; HTX Bình Minh was left there."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        C = Area.Level.COMMUNE
        cls.binh_minh = f.area("14011", "Xã Bình Minh", C, cls.y_yen, valid_to=LAST_DAY)
        cls.nam_minh = f.area("14011", "Xã Nam Minh", C, cls.province, valid_from=REFORM_DATE)
        cls.minh_tan = f.area("14020", "Xã Minh Tân", C, cls.province, valid_from=REFORM_DATE)
        cls.binh_minh.successors.add(cls.nam_minh, cls.minh_tan)
        cls.stranded = f.organization(cls.binh_minh, code="0600000777", name="HTX Bình Minh")
        cls.hai_hau_officer, _ = set_role(username="canbo_haihau", role=AREA, area_codes=["366"])

    def worklist(self):
        return self.client.get(reverse(WORKLIST))

    def place(self, org, area, **extra):
        return self.client.post(place_url(org), {"area": area.pk}, **extra)


class WorklistShowsTheChoicesTests(SplitCommuneTestCase):
    def test_worklist_shows_each_unit_the_commune_was_split_between(self):
        self.client.force_login(self.alliance)
        with mock.patch(
            OFFICIAL_DEFAULT, lambda: SimpleNamespace(default_successor={})
        ):  # the dataset names none
            response = self.worklist()
        self.assertEqual(list(response.context["cl"].result_list), [self.stranded])
        self.assertContains(response, "Xã Bình Minh · 14011 · đến 30/06/2025")
        self.assertContains(response, "Xã Nam Minh · 14011 · từ 01/07/2025")
        self.assertContains(response, "Xã Minh Tân · 14020 · từ 01/07/2025")
        # One button per unit, each submitting the list's form (CSRF token) to place it.
        self.assertContains(response, f'formaction="{place_url(self.stranded)}"', count=2)
        self.assertContains(response, f'name="area" value="{self.nam_minh.pk}"')
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertNotContains(response, "mặc định theo dữ liệu chính thức")

    def test_the_official_default_is_marked(self):
        self.client.force_login(self.alliance)
        with mock.patch(
            OFFICIAL_DEFAULT, lambda: SimpleNamespace(default_successor={"14011": "14020"})
        ):
            response = self.worklist()
        page = response.content.decode()
        marker = "mặc định theo dữ liệu chính thức"
        self.assertEqual(page.count(marker), 1)
        # The marker follows Minh Tân's button, not Nam Minh's.
        self.assertLess(page.index("Xã Minh Tân · 14020"), page.index(marker))
        self.assertLess(page.index("Xã Nam Minh · 14011"), page.index("Xã Minh Tân · 14020"))

    @unittest.skipUnless(
        official_units.default_successor_code("00007"), "the official data set is not installed"
    )
    def test_the_official_data_set_marks_its_default(self):
        """Phường Cống Vị (Hà Nội) was split; the data set's default is Phường Ngọc Hà."""
        hanoi = f.area("01", "Thành phố Hà Nội", Area.Level.PROVINCE)
        ba_dinh = f.area("001", "Quận Ba Đình", Area.Level.DISTRICT, hanoi, valid_to=LAST_DAY)
        cong_vi = f.area("00007", "Phường Cống Vị", Area.Level.COMMUNE, ba_dinh,
                         valid_to=LAST_DAY)  # fmt: skip
        ngoc_ha = f.area("00008", "Phường Ngọc Hà", Area.Level.COMMUNE, hanoi,
                         valid_from=REFORM_DATE)  # fmt: skip
        giang_vo = f.area("00025", "Phường Giảng Võ", Area.Level.COMMUNE, hanoi,
                          valid_from=REFORM_DATE)  # fmt: skip
        cong_vi.successors.add(ngoc_ha, giang_vo)
        f.organization(cong_vi, code="0100000007", name="HTX Cống Vị")
        self.client.force_login(self.alliance)
        page = self.worklist().content.decode()
        row = page[page.index("HTX Cống Vị") :]
        marker = "mặc định theo dữ liệu chính thức"
        self.assertLess(row.index("Phường Ngọc Hà · 00008"), row.index(marker))
        self.assertLess(row.index(marker), row.index("Phường Giảng Võ · 00025"))

    def test_a_broken_dataset_marks_nothing_and_the_list_still_opens(self):
        self.client.force_login(self.alliance)

        def broken():
            raise OSError("data file missing")

        with mock.patch(OFFICIAL_DEFAULT, broken):
            response = self.worklist()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Xã Minh Tân · 14020")

    def test_official_sees_the_choices_without_buttons(self):
        self.client.force_login(self.official)
        response = self.worklist()
        self.assertContains(response, "Xã Nam Minh · 14011 · từ 01/07/2025")
        self.assertNotContains(response, "formaction=")

    def test_worklist_query_count_does_not_grow_with_rows(self):
        self.client.force_login(self.area_officer)
        default = mock.patch(
            OFFICIAL_DEFAULT, lambda: SimpleNamespace(default_successor={"14011": "14011"})
        )

        def count() -> int:
            with default, CaptureQueriesContext(connection) as queries:
                response = self.worklist()
            self.assertEqual(response.status_code, 200)
            return len(queries)

        count()  # the area tree of this registry version is loaded once per process
        few = count()
        for number in range(5):
            f.organization(self.binh_minh, code=f"069000000{number}")
        self.assertEqual(len(self.worklist().context["cl"].result_list), 6)
        self.assertEqual(count(), few)


class PlacementTests(SplitCommuneTestCase):
    def test_one_click_records_the_location_from_the_reform_with_history(self):
        self.client.force_login(self.alliance)
        version = self.stranded.version
        response = self.place(self.stranded, self.minh_tan)
        self.assertRedirects(response, reverse(WORKLIST), fetch_redirect_response=False)
        location = Location.objects.get(organization=self.stranded, area=self.minh_tan)
        self.assertEqual(location.valid_from, REFORM_DATE)
        # The old location stays: the organisation still counts in Bình Minh before.
        self.assertEqual(self.stranded.location_at(LAST_DAY).area, self.binh_minh)
        self.stranded.refresh_from_db()
        self.assertEqual(self.stranded.area, self.minh_tan)
        self.assertNotEqual(self.stranded.version, version)  # open forms are told
        record = location.history.get()
        self.assertEqual(record.history_type, "+")
        self.assertEqual(record.history_user, self.alliance)
        entry = LogEntry.objects.get(object_id=str(self.stranded.pk), action_flag=CHANGE)
        self.assertEqual(entry.user, self.alliance)
        self.assertIn("Xã Minh Tân · 14020", entry.change_message)
        self.assertEqual(entry.content_type.model_class(), Organization)
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertEqual(
            texts, ["Đã ghi nhận “HTX Bình Minh” ở Xã Minh Tân (mã 14020) từ ngày 01/07/2025."]
        )
        self.assertEqual(list(self.worklist().context["cl"].result_list), [])

    def test_area_officer_places_an_organisation_of_their_area(self):
        self.client.force_login(self.area_officer)
        self.place(self.stranded, self.nam_minh)
        self.stranded.refresh_from_db()
        self.assertEqual(self.stranded.area, self.nam_minh)
        self.assertEqual(self.stranded.locations.get(area=self.nam_minh).valid_from, REFORM_DATE)

    def test_area_officer_of_another_area_is_refused(self):
        self.client.force_login(self.hai_hau_officer)
        self.assertEqual(self.place(self.stranded, self.nam_minh).status_code, 403)
        self.assertFalse(Location.objects.filter(area=self.nam_minh).exists())

    def test_official_without_change_permission_is_refused(self):
        self.client.force_login(self.official)
        self.assertEqual(self.place(self.stranded, self.nam_minh).status_code, 403)
        self.assertFalse(Location.objects.filter(area=self.nam_minh).exists())

    def test_anonymous_is_sent_to_sign_in(self):
        response = self.place(self.stranded, self.nam_minh)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])
        self.assertFalse(Location.objects.filter(area=self.nam_minh).exists())

    def test_get_changes_nothing(self):
        self.client.force_login(self.alliance)
        response = self.client.get(place_url(self.stranded), {"area": self.nam_minh.pk})
        self.assertEqual(response.status_code, 405)
        self.assertFalse(Location.objects.filter(area=self.nam_minh).exists())

    def test_post_without_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alliance)
        response = client.post(place_url(self.stranded), {"area": self.nam_minh.pk})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Location.objects.filter(area=self.nam_minh).exists())

    def test_a_unit_that_is_not_a_successor_is_refused_with_a_message(self):
        self.client.force_login(self.alliance)
        response = self.place(self.stranded, self.hai_phuc)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Location.objects.filter(area=self.hai_phuc, valid_from=REFORM_DATE))
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("không phải là đơn vị thay thế", texts[0])

    def test_a_second_click_changes_nothing(self):
        self.client.force_login(self.alliance)
        self.place(self.stranded, self.nam_minh)
        response = self.place(self.stranded, self.minh_tan)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.stranded.locations.count(), 2)
        self.stranded.refresh_from_db()
        self.assertEqual(self.stranded.area, self.nam_minh)
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("không còn trong danh sách chưa xác định địa bàn", texts[-1])

    def test_unknown_organisation_or_area_changes_nothing(self):
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_unplacedorganization_place", args=[999999])
        self.assertEqual(self.client.post(url, {"area": self.nam_minh.pk}).status_code, 404)
        response = self.client.post(place_url(self.stranded), {"area": "abc"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.stranded.locations.count(), 1)


class NewCommuneOfficersSeeSplitCommunesTests(SplitCommuneTestCase):
    def test_officers_of_each_new_commune_see_and_place_the_organisation(self):
        officers = []
        for number, unit in enumerate([self.nam_minh, self.minh_tan]):
            officer, _ = set_role(
                username=f"can-bo-xa-moi-{number}", role=AREA, area_codes=[unit.code],
                today=datetime.date(2026, 1, 15),
            )  # fmt: skip
            officers.append(officer)
        for officer in officers:
            self.client.force_login(officer)
            rows = list(self.worklist().context["cl"].result_list)
            self.assertEqual(rows, [self.stranded], officer.username)
        self.client.force_login(officers[1])
        self.place(self.stranded, self.minh_tan)
        self.assertEqual(Location.objects.filter(organization=self.stranded).count(), 2)
        self.client.force_login(officers[0])  # placed in Minh Tân: no longer Nam Minh's
        self.assertEqual(list(self.worklist().context["cl"].result_list), [])
        admin_page = reverse("admin:cooperatives_organization_change", args=[self.stranded.pk])
        self.assertEqual(self.client.get(admin_page).status_code, 404)


class AbolishedDistrictTests(TestCase):
    """Older records kept at district level: the reform abolished the districts, so the
    worklist offers the new communes that took over the district's communes."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_areas", "--province", "36", stdout=io.StringIO())
        cls.nam_truc = Area.objects.with_code_on("362", LAST_DAY)
        cls.org = f.organization(cls.nam_truc, code="0600000888", name="HTX Huyện Nam Trực")
        cls.staff = get_user_model().objects.create_superuser("quan-tri", "", None)

    def test_the_district_offers_the_new_communes_of_its_territory(self):
        choices = self.nam_truc.placement_choices()
        expected = {
            s for c in self.nam_truc.children.all() for s in c.successors.all()
        }  # fmt: skip
        self.assertEqual(set(choices), expected)
        self.assertIn("Xã Nam Minh", [a.name for a in choices])  # took over Xã Bình Minh
        self.client.force_login(self.staff)
        page = self.client.get(reverse(WORKLIST))
        self.assertContains(page, "Xã Nam Minh · 14011 · từ 01/07/2025")
        nam_minh = Area.objects.with_code_on("14011", REFORM_DATE)
        response = self.client.post(place_url(self.org), {"area": nam_minh.pk})
        self.assertEqual(response.status_code, 302)
        location = self.org.locations.get(area=nam_minh)
        self.assertEqual(location.valid_from, REFORM_DATE)
        self.assertFalse(Organization.objects.unplaced_at(datetime.date(2025, 12, 31)).exists())

    def test_a_unit_outside_the_districts_territory_is_refused(self):
        elsewhere = Area.objects.filter(valid_from=REFORM_DATE, level="commune").exclude(
            pk__in=[a.pk for a in self.nam_truc.placement_choices()]
        )[0]
        self.client.force_login(self.staff)
        self.client.post(place_url(self.org), {"area": elsewhere.pk})
        self.assertEqual(self.org.locations.count(), 1)
