"""Forwarded headers against the image's real gunicorn, sent as an attacker would.

Requests go straight to gunicorn on 127.0.0.1 (as they could if its port were published)
carrying whatever X-Forwarded-For and X-Forwarded-Proto the attacker likes:

- with no proxy configured, eight wrong passwords each under a new X-Forwarded-For still
  lock the account (the lock is on the connection's address), and X-Forwarded-Proto:
  https from 127.0.0.1 does not make a plain request secure (gunicorn's own default
  would have believed it);
- with compose's configuration (DJANGO_BEHIND_TLS_PROXY=1, HTX_TRUSTED_PROXY_HOPS=1)
  the address the proxy appended is the one locked, whatever the client wrote before
  it, and another appended address may still sign in.

Sign-ins are real POSTs to /quan-tri/login/ with the CSRF cookie and token of the form.
gunicorn.conf.py's trust (forwarded_allow_ips, proxy_allow_ips) is also read back with
``gunicorn --print-config``.
"""

import http.client
import os
import re
import sqlite3
import subprocess
from urllib.parse import urlencode

import pytest

from testing.scratch import (
    ROOT,
    free_port,
    manage,
    migrated_sqlite,
    production_environment,
    start_gunicorn,
    stop,
    wait_until_up,
)

USERNAME = "lienminh"
PASSWORD = "Lien-minh-HTX-2025-mat-khau"
WRONG = "Bạn hãy nhập đúng Tên đăng nhập và mật khẩu"
LOCKED = "Tài khoản tạm thời bị khóa"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CREATE_USER = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({USERNAME!r}, "lm@example.vn", {PASSWORD!r})
"""


class Browser:
    """One client of a server: keeps the CSRF cookie, sends any header it likes."""

    def __init__(self, port: int):
        self.port = port
        status, headers, body = self.request("GET", "/quan-tri/login/")
        assert status == 200, body
        self.csrf_cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        self.token = TOKEN.search(body).group(1)

    def request(self, method: str, path: str, body: str | None = None, **headers: str):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def sign_in(self, password: str, forwarded_for: str) -> tuple[int, str]:
        form = {"username": USERNAME, "password": password, "csrfmiddlewaretoken": self.token}
        status, _, body = self.request(
            "POST", "/quan-tri/login/?next=/quan-tri/", body=urlencode(form),
            **{"Content-Type": "application/x-www-form-urlencoded",
               "Cookie": f"csrftoken={self.csrf_cookie}",
               "X-Forwarded-For": forwarded_for},
        )  # fmt: skip
        return status, body


def test_gunicorn_trusts_forwarded_headers_only_behind_the_proxy():
    def trusted(**env: str) -> tuple[str, str]:
        environment = production_environment(8123, **env)
        environment.pop("FORWARDED_ALLOW_IPS", None)
        result = subprocess.run(["gunicorn", "--print-config"], cwd=ROOT, env=environment,
                                capture_output=True, text=True)  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        config = dict(
            (part.strip() for part in line.split("=", 1))
            for line in result.stdout.splitlines()
            if "=" in line
        )
        return config["forwarded_allow_ips"], config["proxy_allow_ips"]

    assert trusted() == ("[]", "[]")  # not gunicorn's own 127.0.0.1
    assert trusted(DJANGO_BEHIND_TLS_PROXY="1") == ("['*']", "['*']")
    named = trusted(DJANGO_BEHIND_TLS_PROXY="1", GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.5")
    assert named == ("['10.0.0.5']", "['10.0.0.5']")
    wrong = subprocess.run(
        ["gunicorn", "--print-config"], cwd=ROOT, capture_output=True, text=True,
        env=production_environment(8123, DJANGO_BEHIND_TLS_PROXY="vang"),
    )  # fmt: skip
    assert wrong.returncode != 0
    assert "DJANGO_BEHIND_TLS_PROXY must be 1 or 0" in wrong.stdout + wrong.stderr


def failed_addresses(database) -> list[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT ip_address FROM axes_accessfailurelog ORDER BY id")
        return [address for (address,) in rows]


@pytest.fixture(scope="module")
def served(image):
    """A function starting the image's gunicorn (as nobody, on one migrated SQLite
    database with one account) under extra variables; every server is stopped after."""
    data = image.data_dir("proxy-headers")
    database = data / "db.sqlite3"
    admin_env = {**image.environment(0, DATABASE_URL=f"sqlite:///{database}"), "DJANGO_DEBUG": "1"}
    migrated_sqlite(database)
    manage("shell", "-c", CREATE_USER, env=admin_env)
    for path in data.glob("db.sqlite3*"):
        os.chown(path, image.uid, image.gid)
    servers = []

    def serve(**extra: str) -> int:
        port = free_port()
        env = image.environment(
            port, GUNICORN_WORKERS="2", DATABASE_URL=f"sqlite:///{database}",
            DJANGO_MEDIA_ROOT=str(data / "media"), **extra,
        )  # fmt: skip
        env.pop("FORWARDED_ALLOW_IPS", None)  # gunicorn's own default variable
        server = start_gunicorn(image.app, env, user="nobody")
        servers.append(server)
        wait_until_up(port, server)
        return port

    serve.database = database
    try:
        yield serve
    finally:
        for server in servers:
            stop(server)


def test_without_a_proxy_a_new_forwarded_for_per_attempt_does_not_escape_the_lock(served):
    browser = Browser(served())
    answers = [browser.sign_in("sai-mat-khau", f"198.51.100.{n}") for n in range(1, 9)]
    assert [status for status, _ in answers] == [200] * 4 + [429] * 4
    assert all(WRONG in body for _, body in answers[:4])
    assert all(LOCKED in body and f"<strong>{USERNAME}</strong>" in body for _, body in answers[4:])
    # The right password, under yet another address, is refused too.
    status, body = browser.sign_in(PASSWORD, "203.0.113.200")
    assert status == 429 and LOCKED in body
    assert set(failed_addresses(served.database)) == {"127.0.0.1"}


def test_without_a_proxy_forwarded_https_from_localhost_is_not_believed(served):
    port = served()
    browser = Browser(port)
    forwarded = {"X-Forwarded-Proto": "https"}
    status, headers, _ = browser.request("GET", "/quan-tri/login/", **forwarded)
    assert status == 200
    # Django sends HSTS only on a request it takes for HTTPS (request.is_secure()).
    assert "Strict-Transport-Security" not in headers
    # The same header through compose's proxy configuration counts: the check can fail.
    behind = Browser(served(DJANGO_BEHIND_TLS_PROXY="1"))
    _, headers, _ = behind.request("GET", "/quan-tri/login/", **forwarded)
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    # Trusting the proxy's scheme does not let a client behind it set the WSGI path.
    _, _, body = behind.request("GET", "/quan-tri/login/", SCRIPT_NAME="/tan-cong")
    assert 'action="/quan-tri/login/' in body and "/tan-cong" not in body


def test_behind_one_proxy_the_appended_address_is_locked_and_a_forged_one_ignored(served):
    with sqlite3.connect(served.database) as connection:
        connection.execute("DELETE FROM axes_accessattempt")
        connection.execute("DELETE FROM axes_accessfailurelog")
    browser = Browser(served(DJANGO_BEHIND_TLS_PROXY="1", HTX_TRUSTED_PROXY_HOPS="1"))
    # The client writes a new address each time; the proxy appends the one it saw.
    statuses = [
        browser.sign_in("sai-mat-khau", f"10.0.0.{n}, 198.51.100.7")[0] for n in range(1, 9)
    ]
    assert statuses == [200] * 4 + [429] * 4
    status, body = browser.sign_in(PASSWORD, "10.0.0.99, 198.51.100.7")
    assert status == 429 and LOCKED in body
    assert set(failed_addresses(served.database)) == {"198.51.100.7"}
    # Another client (another appended address) is not locked, even quoting the first.
    status, _ = browser.sign_in(PASSWORD, "198.51.100.7, 198.51.100.8")
    assert status == 302
