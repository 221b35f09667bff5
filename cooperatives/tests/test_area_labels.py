"""A reused code names two units: every place a person picks or sees one tells them apart."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives.models import Area
from core.lib.reform import REFORM_DATE
from testing import factories as f
from testing.roles import RolesTestCase, clear_caches

LAST_DAY = REFORM_DATE - datetime.timedelta(days=1)
OLD_LABEL = "Xã Bình Minh · 14011 · đến 30/06/2025"
NEW_LABEL = "Xã Nam Minh · 14011 · từ 01/07/2025"
NBSP = "\u00a0"


class ReusedCodeTestCase(RolesTestCase):
    """Xã Bình Minh had code 14011 until 30/06/2025; Xã Nam Minh has it since."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        C = Area.Level.COMMUNE
        cls.binh_minh = f.area("14011", "Xã Bình Minh", C, cls.y_yen, valid_to=LAST_DAY)
        cls.nam_minh = f.area("14011", "Xã Nam Minh", C, cls.province, valid_from=REFORM_DATE)
        cls.binh_minh.successors.add(cls.nam_minh)
        cls.old_htx = f.organization(cls.binh_minh, code="0600000811", name="HTX Bình Minh cũ")
        cls.new_htx = f.organization(
            cls.nam_minh,
            code="0600000812",
            name="HTX Nam Minh mới",
            founded_on=datetime.date(2025, 8, 1),
        )
        # Moved away before the reform: in neither unit.
        cls.moved = f.organization(cls.binh_minh, code="0600000813", name="HTX Đã chuyển")
        cls.moved.locations.create(area=cls.hai_phuc, valid_from=datetime.date(2020, 1, 1))


class AdminLabelTests(ReusedCodeTestCase):
    def autocomplete(self, **params):
        query = {"app_label": "cooperatives", "model_name": "location", "field_name": "area"}
        response = self.client.get(reverse("admin:autocomplete"), {**query, **params})
        self.assertEqual(response.status_code, 200)
        return [item["text"] for item in response.json()["results"]]

    def test_autocomplete_shows_both_units_of_a_code_with_their_dates(self):
        self.client.force_login(self.alliance)
        self.assertEqual(self.autocomplete(term="14011"), [OLD_LABEL, NEW_LABEL])

    def test_autocomplete_of_staff_areas_and_area_parents_shows_labels_too(self):
        self.client.force_login(self.superuser)
        texts = self.autocomplete(model_name="staffprofile", app_label="cooperatives",
                                  field_name="areas", term="minh")  # fmt: skip
        self.assertEqual(texts, [OLD_LABEL, NEW_LABEL])
        texts = self.autocomplete(model_name="area", field_name="parent", term="36")
        self.assertIn("Tỉnh Nam Định · 36", texts)
        self.assertIn("Huyện Ý Yên · 360", texts)

    def test_other_autocompletes_keep_their_text(self):
        self.client.force_login(self.alliance)
        response = self.client.get(
            reverse("admin:autocomplete"),
            {"app_label": "cooperatives", "model_name": "figures",
             "field_name": "organization", "term": "0600000811"},
        )  # fmt: skip
        self.assertEqual([r["text"] for r in response.json()["results"]], ["HTX Bình Minh cũ"])

    def test_area_list_shows_parent_successors_and_dates(self):
        self.client.force_login(self.alliance)
        response = self.client.get(reverse("admin:cooperatives_area_changelist"), {"q": "14011"})
        shown = list(response.context["cl"].result_list)
        self.assertEqual(shown, [self.binh_minh, self.nam_minh])
        self.assertContains(response, "Huyện Ý Yên · 360")  # Bình Minh's parent
        self.assertContains(response, NEW_LABEL)  # Bình Minh's successor
        self.assertContains(response, "30/06/2025")

    def test_area_list_query_count_does_not_grow_with_rows(self):
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_area_changelist")

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        few = count()
        for number in range(8):
            old = f.area(f"2{number:04d}", f"Xã Cũ {number}", Area.Level.COMMUNE, self.y_yen,
                         valid_to=LAST_DAY)  # fmt: skip
            new = f.area(f"2{number:04d}", f"Xã Mới {number}", Area.Level.COMMUNE, self.province,
                         valid_from=REFORM_DATE)  # fmt: skip
            old.successors.add(new, self.nam_minh)
        self.assertEqual(count(), few)

    def test_location_inline_and_staff_areas_show_the_chosen_unit_with_its_dates(self):
        self.client.force_login(self.superuser)
        page = self.client.get(
            reverse("admin:cooperatives_organization_change", args=[self.old_htx.pk])
        )
        self.assertContains(page, f'<option value="{self.binh_minh.pk}" selected>{OLD_LABEL}')
        self.assertContains(page, OLD_LABEL)  # the current area, read-only
        self.area_officer.staff_profile.areas.add(self.nam_minh)
        page = self.client.get(reverse("admin:auth_user_change", args=[self.area_officer.pk]))
        self.assertContains(page, f'<option value="{self.nam_minh.pk}" selected>{NEW_LABEL}')

    def test_organisation_and_location_lists_name_the_unit(self):
        self.client.force_login(self.alliance)
        for model in ("organization", "location"):
            response = self.client.get(
                reverse(f"admin:cooperatives_{model}_changelist"), {"q": "0600000812"}
            )
            self.assertContains(response, NEW_LABEL)

    def test_area_filter_names_each_unit(self):
        self.client.force_login(self.alliance)
        response = self.client.get(reverse("admin:cooperatives_organization_changelist"))
        self.assertContains(response, "Huyện Ý Yên · 360")


class DirectoryFilterTests(ReusedCodeTestCase):
    def names(self, **params) -> list[str]:
        clear_caches()
        response = self.client.get(reverse("cooperatives:directory"), params)
        self.assertEqual(response.status_code, 200)
        return sorted(o.name for o in response.context["organizations"])

    def test_a_bare_code_is_the_unit_that_has_it_today(self):
        # Bình Minh's HTX is in Nam Minh today: its only successor.
        self.assertEqual(self.names(area="14011"), ["HTX Bình Minh cũ", "HTX Nam Minh mới"])

    def test_code_with_a_day_is_the_unit_that_had_it_then(self):
        self.assertEqual(self.names(area="14011@30-06-2025"), ["HTX Bình Minh cũ"])
        self.assertEqual(self.names(area="14011@30/06/2025"), ["HTX Bình Minh cũ"])
        self.assertEqual(self.names(area="14011@01-01-2020"), ["HTX Bình Minh cũ"])

    def test_a_bad_reference_is_ignored(self):
        everyone = self.names()
        self.assertIn("HTX Nam Minh mới", everyone)
        self.assertEqual(self.names(area="14011@31-02-2025"), everyone)
        self.assertEqual(self.names(area="14011@01-01-2030x"), everyone)
        self.assertEqual(self.names(area="99999"), everyone)

    def test_the_filter_lists_both_units_with_code_and_dates(self):
        clear_caches()
        page = self.client.get(reverse("cooperatives:directory")).content.decode()
        self.assertIn(f'<option value="14011">{NBSP * 2}{NEW_LABEL}', page)
        self.assertIn(
            '<option value="14011@30-06-2025">'
            f"{NBSP * 4}Xã Bình Minh (Huyện Ý Yên) · 14011 · đến 30/06/2025",
            page,
        )
        # A code only one unit ever had is shown by its name alone.
        self.assertIn(f'<option value="360">{NBSP * 2}Huyện Ý Yên</option>', page)

    def test_the_chosen_old_unit_stays_selected(self):
        clear_caches()
        response = self.client.get(reverse("cooperatives:directory"), {"area": "14011@30-06-2025"})
        self.assertContains(response, '<option value="14011@30-06-2025" selected>')

    def test_visitors_get_the_page_of_the_old_unit_they_chose_not_a_cached_other(self):
        # The visitors' page cache keys on the filters; an old unit's value
        # (CODE@dd-mm-yyyy) must count, or the unfiltered page is served for it.
        clear_caches()
        for area in ("", "14011@30-06-2025", "14011@30/06/2025"):
            self.client.get(reverse("cooperatives:directory"), {"area": area})
        for area in ("14011@30-06-2025", "14011@30/06/2025"):
            response = self.client.get(reverse("cooperatives:directory"), {"area": area})
            self.assertContains(response, "HTX Bình Minh cũ")
            self.assertNotContains(response, "HTX Nam Minh mới")
        response = self.client.get(reverse("cooperatives:directory"), {"kind": "htx"})
        self.assertNotContains(response, "selected>" + NBSP * 4 + "Xã Bình Minh")
        self.client.get(reverse("cooperatives:ocop"))
        ocop = self.client.get(reverse("cooperatives:ocop"), {"area": "14011@30-06-2025"})
        self.assertContains(ocop, '<option value="14011@30-06-2025" selected>')


class DirectoryOnRealUnitsTests(TestCase):
    """The portal of old Nam Định's alliance serves the whole new Tỉnh Ninh Bình."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_areas", "--province", "36", "01", stdout=io.StringIO())

    def options(self) -> str:
        clear_caches()
        return self.client.get(reverse("cooperatives:directory")).content.decode()

    def test_the_filter_offers_every_province_merged_into_the_new_one(self):
        for code in ("36", "37"):
            with self.subTest(province_code=code), override_settings(PROVINCE_CODE=code):
                page = self.options()
                self.assertIn("Tỉnh Hà Nam", page)  # merged with Nam Định into Ninh Bình
                self.assertIn("Phường Quang Trung (Thành phố Phủ Lý)", page)
                self.assertIn('<option value="37">Tỉnh Ninh Bình · 37 · từ 01/07/2025', page)
                self.assertIn("Tỉnh Ninh Bình · 37 · đến 30/06/2025", page)
                self.assertNotIn("Thành phố Hà Nội", page)  # another province
