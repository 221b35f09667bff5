"""The date semantics of docs/interfaces.md §2.2: existing at D, location at D, in A at D."""

import datetime

from django.test import TestCase

from cooperatives.models import Area, AreaMap, Location, Organization
from testing import factories as f

BEFORE_REFORM = datetime.date(2023, 6, 30)
AFTER_REFORM = datetime.date(2025, 12, 31)
LAST_OLD_DAY = datetime.date(2025, 6, 30)
FIRST_NEW_DAY = datetime.date(2025, 7, 1)


def codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


class ReformTree(TestCase):
    """Old province with two districts; after 1 July 2025 new communes under a new province."""

    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.old_province = f.area("36", "Tỉnh Nam Định", P, valid_to=LAST_OLD_DAY)
        cls.new_province = f.area("37", "Tỉnh Ninh Bình", P)
        cls.old_province.successors.add(cls.new_province)
        cls.y_yen = f.area("360", "Huyện Ý Yên", D, cls.old_province, valid_to=LAST_OLD_DAY)
        cls.hai_hau = f.area("366", "Huyện Hải Hậu", D, cls.old_province, valid_to=LAST_OLD_DAY)
        old = {"level": C, "valid_to": LAST_OLD_DAY}
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", parent=cls.y_yen, **old)
        cls.yen_tien = f.area("13903", "Xã Yên Tiến", parent=cls.y_yen, **old)
        cls.hai_phuc = f.area("14200", "Xã Hải Phúc", parent=cls.hai_hau, **old)
        cls.hai_chau = f.area("14203", "Xã Hải Châu", parent=cls.hai_hau, **old)
        new = {"level": C, "parent": cls.new_province, "valid_from": FIRST_NEW_DAY}
        cls.xa_y_yen = f.area("15001", "Xã Ý Yên", **new)
        cls.xa_yen_dong = f.area("15002", "Xã Yên Đồng", **new)
        cls.xa_hai_hau = f.area("15003", "Xã Hải Hậu", **new)
        cls.yen_bang.successors.add(cls.xa_y_yen)  # merged
        cls.yen_tien.successors.add(cls.xa_y_yen, cls.xa_yen_dong)  # split in two
        cls.hai_phuc.successors.add(cls.xa_hai_hau)  # merged
        cls.hai_chau.successors.add(cls.xa_hai_hau)  # merged

        cls.moved = f.organization(cls.yen_bang, code="MOVED", founded_on=datetime.date(2015, 1, 1))
        Location.objects.create(
            organization=cls.moved, area=cls.hai_phuc, valid_from=datetime.date(2022, 3, 1)
        )
        cls.split = f.organization(cls.yen_tien, code="SPLIT")
        cls.district_level = f.organization(cls.hai_hau, code="DISTRICT")
        cls.merged = f.organization(cls.hai_chau, code="MERGED")
        cls.suspended = f.organization(
            cls.hai_chau,
            code="SUSPENDED",
            status=Organization.Status.SUSPENDED,
            status_changed_on=datetime.date(2023, 1, 10),
        )
        cls.ceased_day_before = f.organization(
            cls.hai_chau,
            code="CEASED_EVE",
            status=Organization.Status.DISSOLVED,
            status_changed_on=BEFORE_REFORM - datetime.timedelta(days=1),
        )
        cls.ceased_on_day = f.organization(
            cls.hai_chau,
            code="CEASED_DAY",
            status=Organization.Status.MERGED,
            status_changed_on=BEFORE_REFORM,
        )
        cls.ceased_after = f.organization(
            cls.hai_chau,
            code="CEASED_LATER",
            status=Organization.Status.CONVERTED,
            status_changed_on=BEFORE_REFORM + datetime.timedelta(days=1),
        )
        cls.founded_after = f.organization(
            cls.hai_chau, code="YOUNG", founded_on=BEFORE_REFORM + datetime.timedelta(days=1)
        )
        cls.new_commune_org = f.organization(
            cls.xa_hai_hau, code="NEWCOMMUNE", founded_on=datetime.date(2025, 8, 1)
        )

    def in_area(self, area, day):
        return codes(Organization.objects.in_area_at(area, day))


class ExistingAtTests(ReformTree):
    def test_ceased_the_day_before_no_longer_exists(self):
        existing = codes(Organization.objects.existing_at(BEFORE_REFORM))
        self.assertNotIn("CEASED_EVE", existing)
        eve_before = BEFORE_REFORM - datetime.timedelta(days=2)
        self.assertIn("CEASED_EVE", codes(Organization.objects.existing_at(eve_before)))

    def test_ceased_on_the_day_no_longer_exists_but_ceasing_later_still_does(self):
        existing = codes(Organization.objects.existing_at(BEFORE_REFORM))
        self.assertNotIn("CEASED_DAY", existing)
        self.assertIn("CEASED_LATER", existing)

    def test_suspended_still_exists(self):
        self.assertIn("SUSPENDED", codes(Organization.objects.existing_at(BEFORE_REFORM)))

    def test_founded_after_the_day_does_not_exist_yet(self):
        existing = codes(Organization.objects.existing_at(BEFORE_REFORM))
        self.assertNotIn("YOUNG", existing)
        self.assertTrue(self.founded_after.exists_at(self.founded_after.founded_on))

    def test_model_method_agrees_with_queryset(self):
        existing = codes(Organization.objects.existing_at(BEFORE_REFORM))
        for org in Organization.objects.all():
            self.assertEqual(org.exists_at(BEFORE_REFORM), org.code in existing, org.code)


class LocationAtTests(ReformTree):
    def test_moved_organisation_counts_where_it_was_at_each_date(self):
        before_move = datetime.date(2021, 12, 31)
        self.assertIn("MOVED", self.in_area(self.yen_bang, before_move))
        self.assertIn("MOVED", self.in_area(self.y_yen, before_move))
        self.assertNotIn("MOVED", self.in_area(self.hai_hau, before_move))
        self.assertNotIn("MOVED", self.in_area(self.y_yen, BEFORE_REFORM))
        self.assertIn("MOVED", self.in_area(self.hai_phuc, BEFORE_REFORM))
        self.assertEqual(self.moved.location_at(before_move).area, self.yen_bang)
        self.assertEqual(self.moved.location_at(BEFORE_REFORM).area, self.hai_phuc)

    def test_moved_organisation_current_area_is_the_latest_location(self):
        self.moved.refresh_from_db()
        self.assertEqual(self.moved.area, self.hai_phuc)

    def test_split_commune_leaves_organisation_unplaced_after_reform(self):
        self.assertIn("SPLIT", self.in_area(self.yen_tien, BEFORE_REFORM))
        self.assertIn("SPLIT", self.in_area(self.old_province, BEFORE_REFORM))
        for area in (self.new_province, self.xa_y_yen, self.xa_yen_dong):
            self.assertNotIn("SPLIT", self.in_area(area, AFTER_REFORM))
        self.assertIn("SPLIT", codes(Organization.objects.unplaced_at(AFTER_REFORM)))
        self.assertNotIn("SPLIT", codes(Organization.objects.unplaced_at(BEFORE_REFORM)))

    def test_a_move_recorded_ahead_does_not_hide_where_it_is_today(self):
        # Its latest location (its current ``area``) is a commune that exists; on the day
        # it is still in the split one, so it is unplaced that day, and placed after.
        Location.objects.create(
            organization=self.split, area=self.xa_y_yen, valid_from=datetime.date(2026, 3, 1)
        )
        self.split.refresh_from_db()
        self.assertEqual(self.split.area, self.xa_y_yen)
        self.assertIn("SPLIT", codes(Organization.objects.unplaced_at(AFTER_REFORM)))
        self.assertNotIn(
            "SPLIT", codes(Organization.objects.unplaced_at(datetime.date(2026, 3, 1)))
        )

    def test_merged_commune_follows_its_single_successor(self):
        self.assertIn("MERGED", self.in_area(self.xa_hai_hau, AFTER_REFORM))
        self.assertIn("MERGED", self.in_area(self.new_province, AFTER_REFORM))
        self.assertNotIn("MERGED", self.in_area(self.hai_hau, AFTER_REFORM))
        self.assertNotIn("MERGED", codes(Organization.objects.unplaced_at(AFTER_REFORM)))

    def test_district_level_record_counts_in_district_and_province_only(self):
        self.assertIn("DISTRICT", self.in_area(self.hai_hau, BEFORE_REFORM))
        self.assertIn("DISTRICT", self.in_area(self.old_province, BEFORE_REFORM))
        self.assertNotIn("DISTRICT", self.in_area(self.hai_chau, BEFORE_REFORM))
        # Districts were abolished with no successor: unplaced after the reform.
        self.assertNotIn("DISTRICT", self.in_area(self.new_province, AFTER_REFORM))
        self.assertIn("DISTRICT", codes(Organization.objects.unplaced_at(AFTER_REFORM)))

    def test_last_old_day_and_first_new_day(self):
        self.assertIn("MERGED", self.in_area(self.hai_chau, LAST_OLD_DAY))
        self.assertNotIn("MERGED", self.in_area(self.xa_hai_hau, LAST_OLD_DAY))
        self.assertIn("MERGED", self.in_area(self.xa_hai_hau, FIRST_NEW_DAY))

    def test_new_commune_before_it_existed_is_unplaced(self):
        before = datetime.date(2025, 8, 1)
        self.assertIn("NEWCOMMUNE", self.in_area(self.xa_hai_hau, before))
        Location.objects.filter(organization=self.new_commune_org).update(
            valid_from=datetime.date(2024, 1, 1)
        )
        self.new_commune_org.founded_on = datetime.date(2020, 1, 1)
        self.new_commune_org.save()
        self.assertNotIn("NEWCOMMUNE", self.in_area(self.old_province, BEFORE_REFORM))
        self.assertIn("NEWCOMMUNE", codes(Organization.objects.unplaced_at(BEFORE_REFORM)))

    def test_organisation_without_location_at_date_is_unplaced(self):
        homeless = f.organization(None, code="HOMELESS")
        self.assertIn("HOMELESS", codes(Organization.objects.unplaced_at(BEFORE_REFORM)))
        self.assertNotIn(homeless.code, self.in_area(self.old_province, BEFORE_REFORM))

    def test_in_area_is_one_query_with_a_loaded_area_map(self):
        area_map = AreaMap()
        with self.assertNumQueries(1):
            list(Organization.objects.in_area_at(self.old_province, BEFORE_REFORM, area_map))


class AreaMapTests(ReformTree):
    def test_resolve_follows_a_chain_of_single_successors(self):
        later = f.area(
            "15999",
            "Xã Hải Hậu Mới",
            parent=self.new_province,
            valid_from=datetime.date(2026, 1, 1),
        )
        self.xa_hai_hau.valid_to = datetime.date(2025, 12, 31)
        self.xa_hai_hau.save()
        self.xa_hai_hau.successors.add(later)
        area_map = AreaMap()
        self.assertEqual(area_map.resolve(self.hai_phuc.pk, datetime.date(2026, 6, 30)), later.pk)

    def test_resolve_stops_on_a_cycle(self):
        gone = {"parent": self.new_province, "valid_to": datetime.date(2025, 9, 30)}
        first = f.area("16001", "Xã Vòng Một", **gone)
        second = f.area("16002", "Xã Vòng Hai", **gone)
        first.successors.add(second)
        second.successors.add(first)
        self.assertIsNone(AreaMap().resolve(first.pk, datetime.date(2026, 1, 1)))

    def test_area_exists_on_both_ends_of_its_interval(self):
        self.assertTrue(self.hai_chau.exists_at(LAST_OLD_DAY))
        self.assertFalse(self.hai_chau.exists_at(FIRST_NEW_DAY))
        self.assertFalse(self.xa_hai_hau.exists_at(LAST_OLD_DAY))
        self.assertEqual(
            set(Area.objects.existing_at(FIRST_NEW_DAY).values_list("code", flat=True)),
            {"37", "15001", "15002", "15003"},
        )
