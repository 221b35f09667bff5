"""One shared cast for permission tests: a person per role, each with a known area."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.test import TestCase

from cooperatives.models import Area, Member
from cooperatives.services import set_role
from core.roles import ALLIANCE, AREA, EDITOR, OFFICIAL
from testing import factories as f

_extra = itertools.count(1)


def form_post_data(form) -> dict:
    """The POST data of an admin form as it stands: its initial values, formatted as its
    widgets show them (what a browser would send back unchanged)."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if value is not None and hasattr(field.widget, "format_value"):
            value = field.widget.format_value(value)
        if value is not None:
            data[name] = value
    return data


def clear_caches() -> None:
    """Empty every cache: pages, and the visitor counter's (flush lock, counts)."""
    from django.core.cache import caches

    from core import caching, visitors

    for cache in caches.all():
        cache.clear()
    caching.forget_addresses()  # the process's own list of the emptied pages
    visitors.forget_flush_attempt()  # the process's own clock of the emptied flush lock


class RolesTestCase(TestCase):
    """Alliance staff, an area officer of Huyện Ý Yên, an editor, an official, anonymous.

    Each district has one HTX with figures, an OCOP product, a loan and a member.
    """

    @classmethod
    def setUpTestData(cls):
        P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
        cls.province = f.area("36", "Tỉnh Nam Định", P)
        cls.y_yen = f.area("360", "Huyện Ý Yên", D, cls.province)
        cls.hai_hau = f.area("366", "Huyện Hải Hậu", D, cls.province)
        cls.yen_bang = f.area("13900", "Xã Yên Bằng", C, cls.y_yen)
        cls.hai_phuc = f.area("14200", "Xã Hải Phúc", C, cls.hai_hau)
        cls.own = cls.make_htx(cls.yen_bang, "0600000001", "HTX Nông nghiệp Yên Bằng")
        cls.other = cls.make_htx(cls.hai_phuc, "0600000002", "HTX Mây tre đan Hải Phúc")

        User = get_user_model()
        cls.superuser = User.objects.create_superuser("root", password="x")
        cls.alliance, _ = set_role(username="lienminh", role=ALLIANCE)
        cls.area_officer, _ = set_role(username="canbo_yyen", role=AREA, area_codes=["360"])
        cls.editor, _ = set_role(username="bientap", role=EDITOR)
        cls.official, _ = set_role(username="lanhdao", role=OFFICIAL)

    @classmethod
    def make_htx(cls, commune, code, name):
        org = f.organization(commune, code=code, name=name)
        f.figures(org, 2023, 6, members=20, workers=10, revenue=2300)
        f.ocop(org, name=f"Sản phẩm của {name}")
        org.loans.create(
            source="provincial_fund", amount=500, disbursed_on=datetime.date(2023, 2, 1)
        )
        Member.objects.create(organization=org, full_name="Trần Văn An", id_number="036090001234")
        return org

    def add_orgs(self, count: int, area: Area) -> None:
        """Add ``count`` more rows to every admin list, for query counts.

        Each new organisation has figures, an OCOP product expiring soon, a loan and a
        member; each also brings a split commune (so it is unplaced today), a target and
        a user.
        """
        from django.utils import timezone

        from reports.models import Target

        today = timezone.localdate()
        for _ in range(count):
            number = next(_extra)
            org = self.make_htx(area, f"07{number:08d}", f"HTX Thêm {number}")
            org.ocop_products.update(expires_on=today + datetime.timedelta(days=20))
            split = f.area(
                f"9{number:04d}",
                f"Xã Tách {number}",
                Area.Level.COMMUNE,
                area.parent,
                valid_to=today - datetime.timedelta(days=1),
            )
            split.successors.add(area, self.hai_phuc)
            stranded = f.organization(split, code=f"08{number:08d}")
            self.assertIsNotNone(stranded.area)
            Target.objects.create(
                area=area, year=2000 + number, months=6, indicator="htx_new", value=number
            )
            get_user_model().objects.create_user(f"nguoidung{number}")
