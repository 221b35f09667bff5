import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from cooperatives.models import Area
from cooperatives.roles import GROUP_NAMES
from cooperatives.tests import factories as f


def run(*args) -> str:
    out = io.StringIO()
    call_command("set_role", *args, stdout=out)
    return out.getvalue()


class SetRoleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.province = f.area("36", "Tỉnh Nam Định", Area.Level.PROVINCE)
        cls.district = f.area("360", "Huyện Ý Yên", Area.Level.DISTRICT, cls.province)

    def test_creates_area_officer_without_usable_password(self):
        output = run("canbo", "area", "--area", "360")
        user = get_user_model().objects.get(username="canbo")
        self.assertFalse(user.has_usable_password())
        self.assertTrue(user.is_staff)
        self.assertEqual([g.name for g in user.groups.all()], [GROUP_NAMES["area"]])
        self.assertEqual(list(user.staff_profile.areas.all()), [self.district])
        self.assertIn("Đã tạo tài khoản", output)
        self.assertTrue(user.has_perm("cooperatives.change_figures"))
        self.assertFalse(user.has_perm("cooperatives.approve_figures"))
        self.assertFalse(user.has_perm("cooperatives.delete_organization"))

    def test_changing_role_replaces_the_old_one(self):
        run("canbo", "area", "--area", "360", "--area", "36")
        output = run("canbo", "official")
        user = get_user_model().objects.get(username="canbo")
        self.assertEqual([g.name for g in user.groups.all()], [GROUP_NAMES["official"]])
        self.assertFalse(user.staff_profile.areas.exists())
        self.assertIn("Đã cập nhật tài khoản", output)
        self.assertTrue(user.has_perm("cooperatives.view_organization"))
        self.assertFalse(user.has_perm("cooperatives.change_organization"))
        self.assertFalse(user.has_perm("cooperatives.view_member"))

    def test_alliance_staff_may_approve_figures(self):
        run("lienminh", "alliance")
        user = get_user_model().objects.get(username="lienminh")
        self.assertTrue(user.has_perm("cooperatives.approve_figures"))
        self.assertTrue(user.has_perm("reports.change_target"))

    def test_area_role_needs_an_area(self):
        with self.assertRaisesMessage(CommandError, "cần ít nhất một địa bàn"):
            run("canbo", "area")
        self.assertFalse(get_user_model().objects.filter(username="canbo").exists())

    def test_unknown_area_code_is_named(self):
        with self.assertRaisesMessage(CommandError, "Không có đơn vị hành chính nào có mã “999”."):
            run("canbo", "area", "--area", "999")
        self.assertFalse(get_user_model().objects.filter(username="canbo").exists())

    def test_other_roles_take_no_area(self):
        with self.assertRaisesMessage(CommandError, "bỏ --area"):
            run("bientap", "editor", "--area", "360")

    def test_unknown_role_is_refused(self):
        with self.assertRaises(CommandError):
            run("ai", "superhero")
