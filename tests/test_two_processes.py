"""Two portal servers (as on two machines) against one PostgreSQL and one Redis.

Each is the image's gunicorn, with two workers, on its own port. A change saved by a
third process (an admin's ORM) shows on both within the data-version interval; a page
cached through one server is served to the other from Redis and left behind by both
after the change; visits through either add up on both. Without REDIS_URL each process
has its own cache and its own visitor count: several processes need REDIS_URL
(docs/operations.md).
"""

import os
import re
import secrets
import time
import urllib.request

import pytest

from testing.scratch import (
    free_port,
    manage,
    postgres_settings,
    scratch_database,
    start_gunicorn,
    stop,
    url_for,
    wait_until_up,
)

REDIS_URL = os.environ.get("HTX_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
# As behind a reverse proxy: both servers are asked for the site's one public name.
HOST = "congthongtin.example"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"
SETUP = """
from cooperatives.models import Area
from testing import factories
province = factories.area("36", "Tỉnh Nam Định", level=Area.Level.PROVINCE)
commune = factories.area("13669", "Xã Hải Tiến", parent=province)
factories.organization(commune, code="0600000001", name="HTX Rạng Đông")
"""
RENAME = """
from cooperatives.models import Organization
org = Organization.objects.get(code="0600000001")
org.name = "HTX Bình Minh"
org.save()
"""
TODAY = re.compile(r"Hôm nay: <strong>([0-9.]+)</strong>")


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


# Decided before the (slow) image fixture is built.
pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")),
        reason="needs PostgreSQL (DATABASE_URL)",
    ),
    pytest.mark.skipif(
        not _redis_answers(), reason=f"needs Redis at {REDIS_URL} (HTX_TEST_REDIS_URL)"
    ),
]


def get(url: str, cookie: str | None = None) -> str:
    headers = {"User-Agent": BROWSER, "Host": HOST}
    if cookie:
        headers["Cookie"] = f"htx_luot={cookie}"
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        return response.read().decode()


def visits_today(url: str) -> int:
    # A known browser (valid cookie) reads the counter without starting a visit.
    return int(TODAY.search(get(url, cookie="0123456789abcdef")).group(1).replace(".", ""))


@pytest.fixture
def redis_prefix():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    prefix = f"htx-test-{secrets.token_hex(4)}"
    yield client, prefix
    for key in client.scan_iter(match=f"{prefix}*", count=500):  # only this test's keys
        client.delete(key)
    client.close()


def test_two_servers_share_data_pages_and_visitor_counts(image, redis_prefix):
    config = postgres_settings()
    redis, prefix = redis_prefix
    data = image.data_dir("two")
    with scratch_database(config, "two_processes", migrated=True) as name:
        database = url_for(config, name)
        admin_env = {**image.environment(0, DATABASE_URL=database), "DJANGO_DEBUG": "1"}
        manage("shell", "-c", SETUP, env=admin_env)
        ports = free_port(), free_port()
        servers = [
            start_gunicorn(
                image.app,
                image.environment(
                    port,
                    GUNICORN_WORKERS="2",
                    GUNICORN_THREADS="2",
                    DATABASE_URL=database,
                    DJANGO_MEDIA_ROOT=str(data / "media"),
                    REDIS_URL=REDIS_URL,
                    HTX_CACHE_KEY_PREFIX=prefix,
                    DJANGO_ALLOWED_HOSTS=HOST,
                ),
                user="nobody",
            )  # fmt: skip
            for port in ports
        ]
        try:
            for port, server in zip(ports, servers, strict=True):
                wait_until_up(port, server)
            a, b = (f"http://127.0.0.1:{port}" for port in ports)

            def page_keys() -> list[bytes]:
                return list(redis.scan_iter(match=f"{prefix}:1:page*"))  # page: and page-whole:

            # Cached through A, served to B from the same entry (no second entry).
            assert "HTX Rạng Đông" in get(f"{a}/hop-tac-xa/")
            assert len(page_keys()) == 1
            assert "HTX Rạng Đông" in get(f"{b}/hop-tac-xa/")
            assert len(page_keys()) == 1

            # A change saved elsewhere: both servers show it within the version interval.
            manage("shell", "-c", RENAME, env=admin_env)
            deadline = time.monotonic() + 10
            seen = {a: "", b: ""}
            while time.monotonic() < deadline:
                seen = {url: get(f"{url}/hop-tac-xa/") for url in (a, b)}
                if all("HTX Bình Minh" in page for page in seen.values()):
                    break
                time.sleep(0.2)
            for page in seen.values():
                assert "HTX Bình Minh" in page and "HTX Rạng Đông" not in page
            assert len(page_keys()) == 2  # the new version's entry beside the stale one

            # Visits: three new browsers through A, two through B; both count five.
            before = visits_today(a)
            assert visits_today(b) == before
            for url in (a, a, a, b, b):
                get(f"{url}/")
            assert visits_today(a) == visits_today(b) == before + 5
        except Exception as error:
            logs = "\n".join(stop(server) for server in servers)
            raise AssertionError(f"{error}\nservers' output:\n{logs}") from error
        finally:
            outputs = [stop(server) for server in servers]
    for output in outputs:
        assert "Booting worker with pid" in output
        # No uncaught exception: the portal's error log, or gunicorn's own traceback.
        assert "htx.errors" not in output and "Traceback" not in output, output
