"""One cached area tree per registry version (``AreaMap.current``), shared by every reader."""

import datetime
from types import SimpleNamespace
from unittest import mock

from django.test import TestCase

from cooperatives import public
from cooperatives.models import Area, AreaMap
from testing import factories as f

TODAY = datetime.date(2026, 1, 15)


class CurrentAreaMapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.province = f.area("37", "Tỉnh Ninh Bình", Area.Level.PROVINCE)
        cls.commune = f.area("15001", "Xã Yên Đồng", Area.Level.COMMUNE, cls.province)

    def test_public_pages_read_the_one_cached_tree(self):
        area_map = AreaMap.current()
        self.assertIs(AreaMap.current(), area_map)
        with self.assertNumQueries(1):  # the registry's version, nothing of the tree
            place = public.place_of(self.commune.pk, TODAY)
        self.assertEqual(place["current"], "Xã Yên Đồng, Tỉnh Ninh Bình")
        with mock.patch.object(AreaMap, "__init__", side_effect=AssertionError("a new tree")):
            (org,) = public.with_places([SimpleNamespace(area_id=self.commune.pk)], TODAY)
            public.AreaChoiceField.area_choices()
        self.assertEqual(org.place, place)
        self.assertIn("area_choices", area_map.memo)  # kept with the tree it came from

    def test_a_change_to_the_registry_brings_a_new_tree(self):
        area_map = AreaMap.current()
        self.commune.name = "Xã Yên Đồng Mới"
        self.commune.save()
        fresh = AreaMap.current()
        self.assertIsNot(fresh, area_map)
        self.assertEqual(fresh.chain(self.commune.pk), "Xã Yên Đồng Mới, Tỉnh Ninh Bình")
        self.assertNotIn("area_choices", fresh.memo)

    def test_a_unit_the_cached_tree_lacks_is_read_afresh(self):
        """Another process made it and this one has not seen the new version yet."""
        AreaMap.current()
        with mock.patch("core.freshness.version", return_value=-1):
            stale = AreaMap.current()
            newer = Area.objects.bulk_create(
                [Area(code="15002", name="Xã Mới", level=Area.Level.COMMUNE, parent=self.province)]
            )[0]
            self.assertIs(AreaMap.current(), stale)
            place = public.place_of(newer.pk, TODAY)
        self.assertEqual(place["current"], "Xã Mới, Tỉnh Ninh Bình")
