import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from cooperatives.models import Area
from core.roles import GROUP_NAMES
from testing import factories as f


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


class ReusedCodeTests(TestCase):
    """14011 is Xã Bình Minh until 30/06/2025 and Xã Nam Minh from 01/07/2025."""

    @classmethod
    def setUpTestData(cls):
        province = f.area("36", "Tỉnh Nam Định", Area.Level.PROVINCE)
        last_day, first_day = datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)
        cls.old = f.area("14011", "Xã Bình Minh", Area.Level.COMMUNE, province, valid_to=last_day)
        cls.new = f.area("14011", "Xã Nam Minh", Area.Level.COMMUNE, province, valid_from=first_day)

    def areas_of(self, username):
        return list(get_user_model().objects.get(username=username).staff_profile.areas.all())

    def test_a_reused_code_is_the_unit_that_has_it_today(self):
        output = run("canbo", "area", "--area", "14011")
        self.assertEqual(self.areas_of("canbo"), [self.new])
        self.assertIn("Xã Nam Minh · 14011 · từ 01/07/2025", output)

    def test_an_old_unit_is_named_with_its_last_day(self):
        output = run("canbo", "area", "--area", "14011@30/06/2025")
        self.assertEqual(self.areas_of("canbo"), [self.old])
        self.assertIn("Xã Bình Minh · 14011 · đến 30/06/2025", output)
        run("canbo2", "area", "--area", "14011@01-01-2024", "--area", "14011")
        self.assertEqual(set(self.areas_of("canbo2")), {self.old, self.new})

    def test_a_code_no_unit_has_today_names_the_units_that_had_it(self):
        f.area("14099", "Xã Yên Cũ", Area.Level.COMMUNE, valid_to=datetime.date(2025, 6, 30))
        with self.assertRaises(CommandError) as raised:
            run("canbo", "area", "--area", "14099", "--area", "36")
        message = str(raised.exception)
        self.assertNotIn("\n", message)
        self.assertRegex(
            message,
            r"^Không có đơn vị hành chính nào mang mã “14099” vào ngày \d\d/\d\d/\d{4}: "
            r"mã này là Xã Yên Cũ \(đến 30/06/2025\)\.$",
        )
        self.assertFalse(get_user_model().objects.filter(username="canbo").exists())
        run("canbo", "area", "--area", "14099@30/06/2025")

    def test_a_code_on_a_day_before_its_unit_began_is_refused(self):
        f.area("99001", "Xã Mới Lập", Area.Level.COMMUNE, valid_from=datetime.date(2026, 1, 1))
        with self.assertRaisesMessage(CommandError, "mã này là Xã Mới Lập (từ 01/01/2026)"):
            run("canbo", "area", "--area", "99001@31/12/2025")

    def test_a_malformed_day_is_explained(self):
        with self.assertRaisesMessage(CommandError, "“31/02/2025” không phải là ngày hợp lệ"):
            run("canbo", "area", "--area", "14011@31/02/2025")

    def test_help_explains_the_syntax_in_vietnamese(self):
        from cooperatives.management.commands.set_role import Command

        help_text = Command().create_parser("manage.py", "set_role").format_help()
        self.assertIn("MÃ@dd/mm/yyyy", help_text)
        self.assertIn("14011@30/06/2025", help_text)
