"""Sign-in through the real admin form: lockout after repeated failures, the audit of
sign-ins, sign-outs and failures, and the Vietnamese password rules."""

import datetime
from io import StringIO

import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from testing.roles import RolesTestCase

PASSWORD = "Lien-minh-HTX-2025-mat-khau"
LOGIN = "/quan-tri/login/?next=/quan-tri/"
WRONG = "Bạn hãy nhập đúng Tên đăng nhập và mật khẩu"
LOCKED = "Tài khoản tạm thời bị khóa"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 KiemThu"


class SignInTestCase(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alliance.set_password(PASSWORD)
        cls.alliance.save()

    def sign_in(self, password: str, username: str = "lienminh", ip: str = "203.0.113.7", **extra):
        return self.client.post(
            LOGIN,
            {"username": username, "password": password},
            REMOTE_ADDR=ip,
            HTTP_USER_AGENT=BROWSER,
            **extra,
        )


class LockoutTests(SignInTestCase):
    def test_wrong_passwords_show_the_vietnamese_message_until_the_lockout(self):
        for _ in range(4):
            response = self.sign_in("sai-mat-khau")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, WRONG)
            self.assertNotContains(response, LOCKED)
        response = self.sign_in("sai-mat-khau")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, LOCKED, status_code=429)
        self.assertContains(response, "<strong>lienminh</strong>", status_code=429)
        retry = timezone.localtime() + datetime.timedelta(minutes=30)
        self.assertContains(response, f"{retry:%d/%m/%Y}", status_code=429)
        self.assertContains(response, "khoảng 30 phút nữa", status_code=429)
        self.assertTemplateUsed(response, "base.html")

    def test_the_right_password_is_refused_while_locked_and_accepted_after_the_cool_off(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            for _ in range(5):
                self.sign_in("sai-mat-khau")
            response = self.sign_in(PASSWORD)
            self.assertEqual(response.status_code, 429)
            self.assertNotIn("_auth_user_id", self.client.session)
        with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
            self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        # Each attempt while locked starts the 30 minutes again.
        with time_machine.travel(start + datetime.timedelta(minutes=60), tick=False):
            response = self.sign_in(PASSWORD)
            self.assertRedirects(response, "/quan-tri/", fetch_redirect_response=False)

    def test_the_lock_holds_one_user_name_on_one_address(self):
        for _ in range(5):
            self.sign_in("sai-mat-khau")
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        # The same account from another address, another account from the same address.
        self.assertEqual(self.sign_in(PASSWORD, ip="198.51.100.20").status_code, 302)
        self.client.logout()
        self.editor.set_password(PASSWORD)
        self.editor.save()
        self.assertEqual(self.sign_in(PASSWORD, username="bientap").status_code, 302)

    def test_axes_reset_username_lifts_the_lock(self):
        for _ in range(5):
            self.sign_in("sai-mat-khau")
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        call_command("axes_reset_username", "lienminh", stdout=StringIO())
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)

    def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended(self):
        forwarded = {"HTTP_X_FORWARDED_FOR": "10.9.8.7, 198.51.100.33"}
        with override_settings(TRUSTED_PROXY_HOPS=1):
            self.sign_in("sai-mat-khau", ip="172.18.0.2", **forwarded)
        self.sign_in("sai-mat-khau", ip="172.18.0.2", **forwarded)
        failures = AccessFailureLog.objects.order_by("id")
        addresses = list(failures.values_list("ip_address", flat=True))
        # With no trusted proxy (HTX_TRUSTED_PROXY_HOPS=0) a client could pick its address: it
        # is ignored.
        self.assertEqual(addresses, ["198.51.100.33", "172.18.0.2"])

    def test_a_forged_forwarded_address_cannot_escape_the_lock_behind_the_proxy(self):
        with override_settings(TRUSTED_PROXY_HOPS=1):
            for number in range(5):
                forged = {"HTTP_X_FORWARDED_FOR": f"10.0.0.{number}, 198.51.100.33"}
                self.sign_in("sai-mat-khau", ip="172.18.0.2", **forged)
            forged = {"HTTP_X_FORWARDED_FOR": "10.0.0.99, 198.51.100.33"}
            self.assertEqual(self.sign_in(PASSWORD, ip="172.18.0.2", **forged).status_code, 429)


class AuditTests(SignInTestCase):
    def test_failed_and_successful_sign_ins_and_the_sign_out_are_recorded(self):
        self.sign_in("sai-mat-khau")
        failure = AccessFailureLog.objects.get()
        self.assertEqual(
            (failure.username, failure.ip_address, failure.user_agent, failure.locked_out),
            ("lienminh", "203.0.113.7", BROWSER, False),
        )
        self.assertRedirects(self.sign_in(PASSWORD), "/quan-tri/", fetch_redirect_response=False)
        entry = AccessLog.objects.get()
        self.assertEqual(
            (entry.username, entry.ip_address, entry.user_agent, entry.logout_time),
            ("lienminh", "203.0.113.7", BROWSER, None),
        )
        self.assertLess(timezone.now() - entry.attempt_time, datetime.timedelta(minutes=1))
        # A success clears the failure count (the failure log stays).
        self.assertFalse(AccessAttempt.objects.exists())
        self.client.post(reverse("admin:logout"), REMOTE_ADDR="203.0.113.7")
        entry.refresh_from_db()
        self.assertIsNotNone(entry.logout_time)

    def test_alliance_staff_read_the_audit_in_vietnamese_and_cannot_change_it(self):
        self.sign_in("sai-mat-khau")
        self.sign_in(PASSWORD)
        failure = AccessFailureLog.objects.get()
        response = self.client.get(reverse("admin:axes_accessfailurelog_changelist"))
        self.assertContains(response, "Lần đăng nhập thất bại")
        self.assertContains(response, "Địa chỉ IP")
        self.assertContains(response, "203.0.113.7")
        response = self.client.get(reverse("admin:axes_accesslog_changelist"))
        self.assertContains(response, "Thời điểm đăng xuất")
        self.assertContains(response, "lienminh")
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Nhật ký đăng nhập")
        self.assertNotContains(response, "Access logs")
        change = reverse("admin:axes_accessfailurelog_change", args=[failure.pk])
        page = self.client.get(change)
        self.assertContains(page, "Đăng nhập sai của lienminh lúc")
        self.assertNotContains(page, 'name="username"')
        self.client.post(change, {"username": "khac"})
        failure.refresh_from_db()
        self.assertEqual(failure.username, "lienminh")
        delete = reverse("admin:axes_accessfailurelog_delete", args=[failure.pk])
        self.assertEqual(self.client.post(delete, {"post": "yes"}).status_code, 403)
        self.assertTrue(AccessFailureLog.objects.filter(pk=failure.pk).exists())
        self.assertEqual(self.client.get(reverse("admin:axes_accesslog_add")).status_code, 403)

    def test_other_roles_do_not_see_the_audit(self):
        for user in (self.area_officer, self.editor, self.official):
            self.client.force_login(user)
            url = reverse("admin:axes_accesslog_changelist")
            self.assertEqual(self.client.get(url).status_code, 403, user)


class PasswordRuleTests(SignInTestCase):
    def test_weak_passwords_are_refused_in_vietnamese_in_the_admin(self):
        self.client.force_login(self.alliance)
        url = reverse("admin:password_change")
        page = self.client.get(url)
        self.assertContains(page, "Mật khẩu của bạn phải chứa ít nhất 10 ký tự.")
        for new, message in [
            ("12345678", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự."),
            ("1234567890", "Mật khẩu này hoàn toàn là số."),
            ("password123", "Mật khẩu này quá phổ biến."),
            ("lienminh2025", "Mật khẩu quá giống với Tên đăng nhập."),
        ]:
            response = self.client.post(
                url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
            )
            self.assertContains(response, message, msg_prefix=new)
            self.assertNotContains(response, "This password", msg_prefix=new)
        response = self.client.post(
            url,
            {"old_password": PASSWORD, "new_password1": "Xa-Yen-Bang-2026!",
             "new_password2": "Xa-Yen-Bang-2026!"},
        )  # fmt: skip
        self.assertRedirects(response, reverse("admin:password_change_done"))
