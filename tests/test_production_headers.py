"""Production settings on real responses: HTTPS, HSTS, cookies and security headers.

The settings module is executed afresh with the environment of a production deployment
(DJANGO_DEBUG unset), and the security settings it produces are applied to the test
client's site, so what is asserted is what production sends.
"""

import os
import runpy
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, TestCase, override_settings

SETTINGS_FILE = Path(settings.BASE_DIR) / "htx_portal" / "settings.py"
HOST = "htx.example.vn"
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "BEHIND_TLS_PROXY",
    "TRUSTED_PROXY_HOPS",
]


def production_settings(**env: str) -> dict:
    """The security settings ``htx_portal/settings.py`` gives a production environment."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environ.update(
        DJANGO_SECRET_KEY="k3Jx9-production-like-secret-For-tests-only-Qw8zR2vT6yB1nM4pL7sD0f",
        DJANGO_ALLOWED_HOSTS=HOST,
        **env,
    )
    with mock.patch.dict(os.environ, environ, clear=True):
        module = runpy.run_path(str(SETTINGS_FILE))
    values = {name: module.get(name) for name in SECURITY_SETTINGS}
    return values


class ProductionHeadersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = get_user_model().objects.create_superuser(
            "quantri", "quantri@example.com", "mat-khau-rat-dai-2025"
        )

    def client_for(self, **env: str) -> Client:
        values = production_settings(**env)
        self.assertFalse(values["DEBUG"])
        overrider = override_settings(**values)
        overrider.enable()
        self.addCleanup(overrider.disable)
        return Client(SERVER_NAME=HOST)

    def test_plain_http_is_redirected_to_https_except_the_health_check(self):
        client = self.client_for()
        response = client.get("/quan-tri/login/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], f"https://{HOST}/quan-tri/login/")
        health = client.get("/healthz")
        self.assertEqual(health.status_code, 200)
        self.assertEqual(health.content, b"ok\n")

    def test_https_responses_carry_hsts_and_the_security_headers(self):
        response = self.client_for().get("/quan-tri/login/", secure=True)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Strict-Transport-Security"], "max-age=31536000; includeSubDomains; preload"
        )
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        policy = dict(
            part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
        )
        self.assertEqual(policy["default-src"], "'self'")
        self.assertEqual(policy["script-src"], "'self'")
        self.assertEqual(policy["frame-ancestors"], "'none'")
        self.assertEqual(policy["object-src"], "'none'")
        self.assertEqual(policy["base-uri"], "'self'")
        self.assertEqual(policy["form-action"], "'self'")
        self.assertEqual(policy["img-src"], "'self' data:")
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])

    def test_hsts_lifetime_and_redirect_follow_the_environment(self):
        client = self.client_for(DJANGO_HSTS_SECONDS="600", DJANGO_SECURE_SSL_REDIRECT="0")
        self.assertEqual(client.get("/quan-tri/login/").status_code, 200)
        response = client.get("/quan-tri/login/", secure=True)
        self.assertTrue(response["Strict-Transport-Security"].startswith("max-age=600;"))

    def test_cookies_are_secure_and_the_session_cookie_is_http_only(self):
        client = self.client_for()
        login = client.get("/quan-tri/login/", secure=True)
        csrf = login.cookies[settings.CSRF_COOKIE_NAME]
        self.assertTrue(csrf["secure"])
        response = client.post(
            "/quan-tri/login/?next=/quan-tri/",
            {"username": "quantri", "password": "mat-khau-rat-dai-2025",
             "csrfmiddlewaretoken": csrf.value},
            secure=True,
            REMOTE_ADDR="203.0.113.7",
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        session = response.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(session["secure"])
        self.assertTrue(session["httponly"])
        self.assertEqual(session["samesite"], "Lax")

    def test_behind_the_tls_proxy_forwarded_https_counts_as_secure(self):
        client = self.client_for(DJANGO_BEHIND_TLS_PROXY="1")
        response = client.get("/quan-tri/login/", HTTP_X_FORWARDED_PROTO="https")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Strict-Transport-Security", response)
        self.assertEqual(client.get("/quan-tri/login/").status_code, 301)

    def test_without_the_proxy_setting_a_forwarded_header_is_not_trusted(self):
        client = self.client_for()
        response = client.get("/quan-tri/login/", HTTP_X_FORWARDED_PROTO="https")
        self.assertEqual(response.status_code, 301)
        self.assertNotIn("Strict-Transport-Security", response)

    def test_trusted_proxy_hops_follow_the_proxy_setting_unless_given(self):
        self.assertEqual(production_settings()["TRUSTED_PROXY_HOPS"], 0)
        behind = production_settings(DJANGO_BEHIND_TLS_PROXY="1")
        self.assertEqual(behind["TRUSTED_PROXY_HOPS"], 1)
        two = production_settings(DJANGO_BEHIND_TLS_PROXY="1", HTX_TRUSTED_PROXY_HOPS="2")
        self.assertEqual(two["TRUSTED_PROXY_HOPS"], 2)
        none = production_settings(DJANGO_BEHIND_TLS_PROXY="1", HTX_TRUSTED_PROXY_HOPS="0")
        self.assertEqual(none["TRUSTED_PROXY_HOPS"], 0)
        with self.assertRaisesMessage(ImproperlyConfigured, "HTX_TRUSTED_PROXY_HOPS must be 0"):
            production_settings(HTX_TRUSTED_PROXY_HOPS="-1")
        with self.assertRaisesMessage(ImproperlyConfigured, "HTX_TRUSTED_PROXY_HOPS must be a"):
            production_settings(HTX_TRUSTED_PROXY_HOPS="mot")

    def test_uploads_keep_their_own_sandbox_policy(self):
        media = Path(settings.MEDIA_ROOT) / "kiem-tra-csp.png"
        media.write_bytes(b"\x89PNG\r\n\x1a\n")
        self.addCleanup(media.unlink)
        response = self.client_for().get("/media/kiem-tra-csp.png", secure=True)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Security-Policy"], "default-src 'none'; sandbox")
