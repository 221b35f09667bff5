"""Two-factor sign-in: enrolment with a real authenticator code, the code after the
password, the shared lockout, backup codes, the policy and recovery."""

import datetime
import re
from base64 import b32decode
from io import StringIO

import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin import services
from testing.roles import RolesTestCase

PASSWORD = "Lien-minh-HTX-2025-mat-khau"
LOGIN = "/quan-tri/login/?next=/quan-tri/"
VERIFY = "/quan-tri/xac-thuc-hai-buoc/"
ENROL = "/quan-tri/xac-thuc-hai-buoc/dang-ky/"
BACKUP = "/quan-tri/xac-thuc-hai-buoc/ma-du-phong/"
IP = "203.0.113.7"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    """The code the authenticator app shows now (``offset`` steps later)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, offset):06d}"


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=True)
    return device, services.regenerate_backup_codes(user=user)


class TwoFactorTestCase(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for user in (cls.alliance, cls.area_officer, cls.editor, cls.official):
            user.set_password(PASSWORD)
            user.save()

    def sign_in(self, username: str = "lienminh", password: str = PASSWORD):
        return self.client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=IP)

    def send_code(self, code: str, next_url: str = "/quan-tri/"):
        return self.client.post(VERIFY, {"code": code, "next": next_url}, REMOTE_ADDR=IP)

    def assert_sent_to(self, response, address: str, next_url: str = "/quan-tri/"):
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], f"{address}?next={next_url.replace('/', '%2F')}")


class EnrolmentTests(TwoFactorTestCase):
    def test_enrolment_is_confirmed_with_a_real_code_and_shows_the_backup_codes_once(self):
        self.sign_in()
        page = self.client.get(ENROL)
        self.assertContains(page, "Đăng ký xác thực hai bước")
        self.assertContains(page, '<svg viewBox="')
        self.assertNotContains(page, "<style")
        device = TOTPDevice.objects.get(user=self.alliance)
        self.assertFalse(device.confirmed)
        secret = re.search(r'<p class="secret"><code>([A-Z2-7 ]+)</code>', page.text).group(1)
        self.assertEqual(b32decode(secret.replace(" ", "")), device.bin_key)
        # A reloaded page shows the same secret.
        self.assertContains(self.client.get(ENROL), secret)
        self.assertEqual(TOTPDevice.objects.filter(user=self.alliance).count(), 1)

        wrong = self.client.post(ENROL, {"code": "12345"})
        self.assertContains(wrong, "Mã xác thực gồm đúng 6 chữ số")
        wrong = self.client.post(ENROL, {"code": code_for(device, 5)})
        self.assertContains(wrong, "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại")
        device.refresh_from_db()
        self.assertFalse(device.confirmed)
        # django-otp waits after a wrong code before it checks another: 1 s after the
        # first, 16 s after the fifth. Five are recorded here, so that a slow machine
        # (a second between two requests) cannot outwait the throttle.
        self.assertEqual(device.throttling_failure_count, 1)
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_count=5, throttling_failure_timestamp=timezone.now()
        )
        too_soon = self.client.post(ENROL, {"code": code_for(device)})
        self.assertRegex(too_soon.text, r"cần chờ 1[56] giây trước khi thử lại")
        device.throttle_reset()

        done = self.client.post(ENROL, {"code": code_for(device), "next": "/quan-tri/"})
        self.assertContains(done, "Chúng chỉ hiện một lần này")
        self.assertIn("no-store", done["Cache-Control"])
        shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.text)
        stored = StaticToken.objects.filter(device__user=self.alliance)
        self.assertEqual(len(shown), 10)
        self.assertEqual(sorted(shown), sorted(stored.values_list("token", flat=True)))
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        # Signed in with the second factor: the admin opens, the codes are not shown again.
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
        again = self.client.get(ENROL)
        self.assertContains(again, "Xác thực hai bước đang bật")
        for code in shown:
            self.assertNotContains(again, code)

    @override_settings(OTP_STATIC_THROTTLE_FACTOR=0)
    def test_new_backup_codes_replace_the_old_ones(self):
        device, old = enrolled(self.editor)
        self.sign_in("bientap")
        self.send_code(code_for(device))
        self.assertContains(self.client.get(BACKUP), "Còn <strong>10</strong> mã dự phòng")
        page = self.client.post(BACKUP, {"next": "/quan-tri/"})
        new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.text)
        self.assertEqual(len(new), 10)
        self.assertFalse(set(new) & set(old))
        self.client.post(reverse("admin:logout"))
        self.sign_in("bientap")
        self.assertContains(self.send_code(old[0]), "Mã xác thực không đúng")
        self.assertRedirects(self.send_code(new[0]), "/quan-tri/", fetch_redirect_response=False)

    def test_the_enrolment_pages_are_for_signed_in_staff(self):
        for address in (VERIFY, ENROL, BACKUP):
            response = self.client.get(address)
            self.assertEqual(response.status_code, 302)
            self.assertTrue(response["Location"].startswith("/quan-tri/login/?next="))


# django-otp's own throttle (a wait of 1, 2, 4 ... seconds after a wrong code) is off here,
# so that wrong codes in a row reach the lockout; EnrolmentTests shows the throttle.
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)
class SignInTests(TwoFactorTestCase):
    def test_an_enrolled_editor_must_give_the_code_after_the_password(self):
        device, _ = enrolled(self.editor)
        response = self.sign_in("bientap")
        self.assertRedirects(response, "/quan-tri/", fetch_redirect_response=False)
        for address in ("/quan-tri/", "/quan-tri/news/article/", "/"):
            self.assert_sent_to(self.client.get(address), VERIFY, address)
        page = self.client.get(VERIFY + "?next=/quan-tri/")
        self.assertContains(page, "Xác thực hai bước")
        self.assertContains(page, 'autocomplete="one-time-code"')
        response = self.send_code(code_for(device))
        self.assertRedirects(response, "/quan-tri/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
        # The same code cannot be used twice.
        self.client.post(reverse("admin:logout"))
        self.sign_in("bientap")
        self.assertContains(self.send_code(code_for(device)), "Mã xác thực không đúng")

    def test_the_sign_out_is_audited_after_the_code_renewed_the_session(self):
        device, _ = enrolled(self.editor)
        self.sign_in("bientap")
        before = self.client.session.session_key
        self.send_code(code_for(device))
        self.assertNotEqual(self.client.session.session_key, before)
        self.client.post(reverse("admin:logout"), REMOTE_ADDR=IP)
        (entry,) = AccessLog.objects.filter(username="bientap")
        self.assertIsNotNone(entry.logout_time)

    def test_the_code_page_sends_back_only_to_this_site(self):
        device, _ = enrolled(self.editor)
        self.sign_in("bientap")
        response = self.send_code(code_for(device), next_url="https://lua-dao.example/")
        self.assertRedirects(response, "/quan-tri/", fetch_redirect_response=False)

    def test_a_backup_code_works_once(self):
        device, codes = enrolled(self.alliance)
        self.sign_in()
        spaced = f"{codes[0][:4].upper()} {codes[0][4:].upper()}"
        self.assertRedirects(self.send_code(spaced), "/quan-tri/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
        self.client.post(reverse("admin:logout"))
        self.sign_in()
        response = self.send_code(codes[0])
        self.assertContains(response, "Mã xác thực không đúng hoặc đã hết hạn")
        self.assertEqual(StaticToken.objects.filter(device__user=self.alliance).count(), 9)

    def test_wrong_codes_lock_the_account_like_wrong_passwords(self):
        device, _ = enrolled(self.alliance)
        self.sign_in()
        for left in (4, 3, 2, 1):
            response = self.send_code("000000" if code_for(device) != "000000" else "111111")
            self.assertContains(response, f"Còn {left} lần thử trước khi tài khoản bị khóa")
        response = self.send_code("abcdefgh")
        self.assertContains(response, "Tài khoản tạm thời bị khóa", status_code=429)
        self.assertContains(response, "mật khẩu hoặc mã xác thực", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        failures = AccessFailureLog.objects.filter(username="lienminh")
        self.assertEqual(failures.count(), 5)
        self.assertEqual(set(failures.values_list("path_info", flat=True)), {VERIFY})
        self.assertTrue(failures.filter(locked_out=True).exists())
        # The password no longer opens the account from this address, not even with a code.
        self.assertEqual(self.sign_in().status_code, 429)

    def test_wrong_passwords_and_wrong_codes_add_up_and_a_password_does_not_forgive_codes(self):
        device, _ = enrolled(self.alliance)
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.sign_in(password="sai-mat-khau")
            self.sign_in(password="sai-mat-khau")
            self.sign_in()
            self.send_code("999999" if code_for(device) != "999999" else "888888")
            # Signing in with the password again does not clear the count of codes.
            self.client.post(reverse("admin:logout"))
            self.sign_in()
            self.assertEqual(AccessAttempt.objects.get().failures_since_start, 3)
            self.send_code("999999" if code_for(device) != "999999" else "888888")
            response = self.send_code("999999" if code_for(device) != "999999" else "888888")
            self.assertEqual(response.status_code, 429)
        with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
            self.sign_in()
            self.assertRedirects(
                self.send_code(code_for(device)), "/quan-tri/", fetch_redirect_response=False
            )

    def test_the_right_code_clears_the_count(self):
        device, _ = enrolled(self.alliance)
        self.sign_in(password="sai-mat-khau")
        self.sign_in()
        self.send_code("999999" if code_for(device) != "999999" else "888888")
        self.assertEqual(AccessAttempt.objects.get().failures_since_start, 2)
        self.assertRedirects(
            self.send_code(code_for(device)), "/quan-tri/", fetch_redirect_response=False
        )
        self.assertFalse(AccessAttempt.objects.exists())

    def test_without_a_device_the_password_alone_clears_the_count(self):
        self.sign_in(password="sai-mat-khau")
        self.assertTrue(AccessAttempt.objects.exists())
        self.assertRedirects(self.sign_in(), "/quan-tri/", fetch_redirect_response=False)
        self.assertFalse(AccessAttempt.objects.exists())
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)


class PolicyTests(TwoFactorTestCase):
    @override_settings(REQUIRE_2FA=True)
    def test_alliance_and_area_staff_must_enrol_when_required(self):
        for username in ("lienminh", "canbo_yyen"):
            self.client.logout()
            self.sign_in(username)
            self.assert_sent_to(self.client.get("/quan-tri/"), ENROL)
            self.assert_sent_to(self.client.get("/bao-cao/"), ENROL, "/bao-cao/")
            # The code page sends someone without a device on to the enrolment.
            self.assert_sent_to(self.client.get(VERIFY + "?next=/quan-tri/"), ENROL)
            page = self.client.get(ENROL)
            self.assertContains(page, "phải dùng xác thực hai bước")

    @override_settings(REQUIRE_2FA=True)
    def test_editors_and_officials_may_enrol_but_need_not(self):
        for username in ("bientap", "lanhdao"):
            self.client.logout()
            self.sign_in(username)
            self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
            page = self.client.get(ENROL)
            self.assertContains(page, "bảo vệ tài khoản")
            self.assertNotContains(page, "phải dùng xác thực hai bước")

    def test_not_required_by_default_under_debug(self):
        self.sign_in()
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)


class RecoveryTests(TwoFactorTestCase):
    @override_settings(REQUIRE_2FA=True)
    def test_reset_2fa_removes_the_devices_and_the_person_enrols_again(self):
        device, _ = enrolled(self.alliance)
        self.sign_in()
        self.send_code(code_for(device))
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
        out = StringIO()
        call_command("reset_2fa", "lienminh", stdout=out)
        self.assertIn("Đã đặt lại xác thực hai bước của “lienminh” (2 thiết bị)", out.getvalue())
        self.assertFalse(TOTPDevice.objects.filter(user=self.alliance).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=self.alliance).exists())
        # The session verified with the removed device must enrol again.
        self.assert_sent_to(self.client.get("/quan-tri/"), ENROL)
        out = StringIO()
        call_command("reset_2fa", "lienminh", stdout=out)
        self.assertIn("chưa đăng ký xác thực hai bước", out.getvalue())
        with self.assertRaisesMessage(CommandError, "Không có tài khoản “khongco”."):
            call_command("reset_2fa", "khongco")

    def test_a_superuser_resets_from_the_admin_and_nobody_else_sees_the_devices(self):
        changelist = reverse("admin:otp_totp_totpdevice_changelist")
        for user in (self.alliance, self.area_officer, self.editor, self.official):
            self.client.force_login(user)
            self.assertEqual(self.client.get(changelist).status_code, 403, user)
        enrolled(self.area_officer)
        self.client.force_login(self.superuser)
        page = self.client.get(changelist)
        self.assertContains(page, "canbo_yyen")
        for label in ("Ứng dụng xác thực", "Tài khoản", "Dùng lần cuối lúc"):
            self.assertContains(page, label)
        self.assertNotContains(page, "TOTP")
        self.assertContains(page, "Đặt lại xác thực hai bước của người đã chọn")
        device = TOTPDevice.objects.get(user=self.area_officer)
        self.assertNotContains(page, device.key)
        response = self.client.post(
            changelist, {"action": "reset", "_selected_action": [device.pk]}, follow=True
        )
        self.assertContains(response, "Đã đặt lại xác thực hai bước của: canbo_yyen")
        self.assertFalse(TOTPDevice.objects.filter(user=self.area_officer).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=self.area_officer).exists())
