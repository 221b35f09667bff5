"""The database goes away: a quick Vietnamese 503 page, /healthz says so, and recovery
without a restart (docs/operations.md)."""

import base64
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client, RequestFactory, override_settings

from core import database, freshness
from testing.throwaway_postgres import ThrowawayPostgres, free_port, server_bin, wait_until

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = connection.vendor == "postgresql"
needs_postgres = pytest.mark.skipif(
    not POSTGRES, reason="an in-memory SQLite test database cannot be made unreachable"
)
VIETNAMESE = "Hệ thống tạm thời gián đoạn"


def test_the_503_page_is_vietnamese_and_reads_nothing():
    # No django_db mark: any query while rendering would fail this test.
    response = database.unavailable_response()
    assert response.status_code == 503
    assert response["Retry-After"] == str(database.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert VIETNAMESE in text and settings.ALLIANCE_NAME in text
    assert "{%" not in text and "/static/" not in text
    assert_own_policy(response)


def assert_own_policy(response):
    """The page's inline styles, and nothing else, are allowed by its own policy."""
    style = re.search(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"style-src 'sha256-{digest}';" in policy
    assert policy.startswith("default-src 'none';") and "unsafe-inline" not in policy


def test_handler500_answers_503_for_a_database_outage_and_500_otherwise():
    request = RequestFactory().get("/hop-tac-xa/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = database.server_error(request)
    assert response.status_code == 503
    assert VIETNAMESE in response.content.decode()
    assert_own_policy(response)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = database.server_error(request)
    assert response.status_code == 500
    assert_own_policy(response)


def test_an_unmigrated_sqlite_database_is_a_fault_not_an_outage():
    assert not database.is_unavailable(OperationalError("no such table: news_article"))
    assert database.is_unavailable(OperationalError("database is locked"))


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_statement_timeout_is_for_web_processes_on_postgresql_only():
    pg = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c jit=off"}}
    lite = {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}}
    with override_settings(DATABASES={"default": pg}, DB_STATEMENT_TIMEOUT=30):
        database.limit_web_statements()
        database.limit_web_statements()  # once only
        assert pg["OPTIONS"]["options"] == "-c jit=off -c statement_timeout=30000"
    with override_settings(DATABASES={"default": lite}, DB_STATEMENT_TIMEOUT=30):
        database.limit_web_statements()
        assert lite["OPTIONS"] == {}
    # The test process (like every management command) has no statement timeout.
    assert "statement_timeout" not in connection.settings_dict["OPTIONS"].get("options", "")


@contextmanager
def database_at(port: int):
    """Point this process's connection at ``port`` on loopback (really, no mock)."""
    connection.close()
    saved = connection.settings_dict["HOST"], connection.settings_dict["PORT"]
    connection.settings_dict["HOST"], connection.settings_dict["PORT"] = "127.0.0.1", str(port)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["HOST"], connection.settings_dict["PORT"] = saved


@contextmanager
def black_hole():
    """A port that accepts connections and never answers, like a host that went dark."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_at_once_and_cached_pages_are_still_served(client, admin_user):
    from news import counters
    from testing import news_factories

    freshness._known.clear()
    article = news_factories.article("Bài đã lưu trước sự cố").get_absolute_url()
    assert client.get("/tin-tuc/").status_code == 200  # cached for visitors
    assert "1 lượt xem" in client.get(article).content.decode()
    counters.discard()  # its stored count forgotten: it would be read from the database
    # As gunicorn would: an exception Django turned into a response is not re-raised.
    staff = Client(raise_request_exception=False)
    staff.force_login(admin_user)
    with database_at(free_port()):  # nothing listens: connection refused
        started = time.monotonic()
        response = client.get("/hop-tac-xa/")
        assert time.monotonic() - started < 2
        assert response.status_code == 503
        assert VIETNAMESE in response.content.decode()
        assert client.get("/healthz").status_code == 503
        cached = client.get("/tin-tuc/")
        assert cached.status_code == 200  # from the cache, with the versions last read
        assert "Thống kê truy cập" in cached.content.decode()
        cached = client.get(article)  # its view count left out, as the visitor counter is
        assert cached.status_code == 200
        assert "Bài đã lưu trước sự cố" in cached.content.decode()
        assert "lượt xem" not in cached.content.decode()
        # Signed-in staff never get cached pages: their session is in the database. The
        # failure happens in a middleware (the session), and the error log must not
        # reach for the database again (that escaped as gunicorn's bare 500).
        for path in ("/tin-tuc/", "/quan-tri/"):
            response = staff.get(path)
            assert response.status_code == 503
            assert VIETNAMESE in response.content.decode()
            assert_own_policy(response)
            assert response["X-Request-ID"]  # answered through the request log
    assert client.get("/hop-tac-xa/").status_code == 200
    assert client.get("/healthz").status_code == 200


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_an_unreachable_database_costs_the_connect_timeout_not_a_hang(client):
    assert settings.DB_CONNECT_TIMEOUT == connection.settings_dict["OPTIONS"]["connect_timeout"]
    with black_hole() as port, database_at(port):
        started = time.monotonic()
        response = client.get("/healthz")
        took = time.monotonic() - started
    assert response.status_code == 503
    assert settings.DB_CONNECT_TIMEOUT - 0.5 < took < settings.DB_CONNECT_TIMEOUT + 2


def _get(url: str) -> tuple[int, str, float, dict]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=15) as r:
            return r.status, r.read().decode(), time.monotonic() - started, dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), time.monotonic() - started, dict(e.headers)


@pytest.mark.skipif(not POSTGRES, reason="PostgreSQL only: stops a PostgreSQL server")
@pytest.mark.skipif(server_bin() is None, reason="PostgreSQL server binaries not installed")
def test_gunicorn_recovers_by_itself_when_postgresql_comes_back():
    """A real gunicorn on a throwaway cluster: stop it, start it, same server process."""
    with ThrowawayPostgres() as pg:
        env = {**os.environ, "DATABASE_URL": pg.url, "DJANGO_DEBUG": "0",
               "DJANGO_SECRET_KEY": "outage-test-" + "k" * 50,
               "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0"}  # fmt: skip
        env.pop("REDIS_URL", None)
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                       cwd=ROOT, env=env, check=True, timeout=120)  # fmt: skip
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "htx_portal.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30", "--log-level", "error"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            started = wait_until(lambda: _probe(base + "/healthz") == 200, 30)
            assert started, "gunicorn did not start"
            pid = _worker_pids(server.pid)
            # Pages without static files (DEBUG off needs collected static files for those).
            assert _get(base + "/sitemap.xml")[0] == 200  # now cached for visitors
            assert _get(base + "/sitemap-trang.xml")[0] == 200

            pg.stop()
            status, body, took, headers = _get(base + "/sitemap-hop-tac-xa.xml")
            assert (status, took < 2) == (503, True), (status, took)
            assert VIETNAMESE in body and headers.get("Retry-After") == "30"
            status, body, took, _ = _get(base + "/healthz")
            assert (status, took < 2) == (503, True)
            assert "Cơ sở dữ liệu không phản hồi" in body
            time.sleep(1.2)  # past DATA_VERSION_TTL: the versions must be asked for again
            assert _get(base + "/sitemap.xml")[0] == 200  # cached pages are still served

            pg.start()
            assert _get(base + "/healthz")[0] == 200
            assert _get(base + "/sitemap-hop-tac-xa.xml")[0] == 200
            assert _get(base + "/sitemap-trang.xml")[0] == 200
            assert server.poll() is None and _worker_pids(server.pid) == pid  # no restart
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def _probe(url: str) -> int | None:
    try:
        return _get(url)[0]
    except OSError:
        return None


def _worker_pids(master: int) -> set[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return set(children.read_text().split()) if children.exists() else set()
