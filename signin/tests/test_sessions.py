"""Staff sessions end after 30 idle minutes and 12 hours after signing in."""

import datetime

import time_machine
from axes.models import AccessLog
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from testing.roles import RolesTestCase

PASSWORD = "Lien-minh-HTX-2025-mat-khau"
ORGANIZATIONS = "/quan-tri/cooperatives/organization/"


class StaffSessionTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alliance.set_password(PASSWORD)
        cls.alliance.save()

    def sign_in(self):
        response = self.client.post(
            "/quan-tri/login/?next=/quan-tri/",
            {"username": "lienminh", "password": PASSWORD},
            REMOTE_ADDR="203.0.113.7",
        )
        self.assertEqual(response.status_code, 302)

    def assert_signed_out(self, response, message: str) -> None:
        login = reverse("admin:login")
        self.assertRedirects(
            response, f"{login}?next={ORGANIZATIONS}", fetch_redirect_response=False
        )
        page = self.client.get(response["Location"])
        self.assertContains(page, message)
        self.assertContains(page, 'id="login-form"')
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_an_idle_staff_session_ends_with_a_vietnamese_message(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.sign_in()
        # Working keeps the session alive: 25 minutes, then 25 more.
        with time_machine.travel(start + datetime.timedelta(minutes=25), tick=False):
            self.assertEqual(self.client.get(ORGANIZATIONS).status_code, 200)
        with time_machine.travel(start + datetime.timedelta(minutes=50), tick=False):
            self.assertEqual(self.client.get(ORGANIZATIONS).status_code, 200)
        with time_machine.travel(start + datetime.timedelta(minutes=81), tick=False):
            response = self.client.get(ORGANIZATIONS)
            self.assert_signed_out(
                response,
                "Phiên làm việc đã kết thúc vì không có thao tác trong 30 phút. "
                "Vui lòng đăng nhập lại.",
            )
        # The audit records when the session ended.
        self.assertIsNotNone(AccessLog.objects.get().logout_time)

    def test_a_busy_staff_session_still_ends_twelve_hours_after_signing_in(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.sign_in()
        for minutes in range(20, 12 * 60, 20):
            with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
                self.assertEqual(self.client.get(ORGANIZATIONS).status_code, 200, minutes)
        with time_machine.travel(start + datetime.timedelta(hours=12, minutes=5), tick=False):
            self.assert_signed_out(
                self.client.get(ORGANIZATIONS),
                "Phiên làm việc đã kết thúc sau 12 giờ kể từ khi đăng nhập. "
                "Vui lòng đăng nhập lại.",
            )

    @override_settings(STAFF_IDLE_TIMEOUT=datetime.timedelta(minutes=5))
    def test_the_idle_limit_comes_from_the_settings(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.sign_in()
        with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
            self.assert_signed_out(self.client.get(ORGANIZATIONS), "không có thao tác trong 5 phút")

    def test_visitors_are_left_alone(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.assertEqual(self.client.get("/").status_code, 200)
        with time_machine.travel(start + datetime.timedelta(hours=13), tick=False):
            self.assertEqual(self.client.get("/").status_code, 200)
            self.assertNotIn("sessionid", self.client.cookies)
