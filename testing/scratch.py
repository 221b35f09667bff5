"""Scratch PostgreSQL databases and real `manage.py`/gunicorn processes for ops tests.

These tests run the commands an operator runs, in processes of their own, on databases
of their own (named after the test database, dropped afterwards), so that nothing they
commit reaches the test database of the rest of the suite.
"""

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def postgres_settings() -> dict:
    """The connection settings of DATABASE_URL; the test is skipped unless it is PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    return config


def url_for(config: dict, name: str) -> str:
    user = quote(config.get("USER") or "", safe="")
    password = quote(config.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = config.get("HOST") or "127.0.0.1"
    port = config.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{name}"


def _admin(config: dict):
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or "127.0.0.1",
        port=config.get("PORT") or 5432,
    )
    connection.autocommit = True
    return connection


def connect(config: dict, name: str):
    import psycopg2

    return psycopg2.connect(
        dbname=name,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or "127.0.0.1",
        port=config.get("PORT") or 5432,
    )


# One test run (all its pytest-xdist workers): migrated templates are built once per run.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex


@contextlib.contextmanager
def run_lock(name: str):
    """Held by one process of the machine at a time (the workers of a run share it)."""
    with open(Path(tempfile.gettempdir()) / f"htx-test-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrated_template(config: dict, admin) -> str:
    """A database ``manage.py migrate`` made in this test run, to copy (8 s per migrate saved
    for each scratch database that is only the ground for a test). Called under the lock;
    a template of an earlier run (another RUN_ID in its comment) is made again."""
    name = f"test_{config['NAME'].removeprefix('test_')}_migrated"
    with admin.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
        if row is not None and row[0] == RUN_ID:
            return name
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "-v0", env=environment(DATABASE_URL=url_for(config, name)))
    with admin.cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE \"{name}\" IS '{RUN_ID}'")
    return name


@contextlib.contextmanager
def scratch_database(config: dict, suffix: str, migrated: bool = False):
    """An empty database of this test run, dropped afterwards; yields its name.

    ``migrated``: a copy of a database as ``manage.py migrate`` leaves it (made once per test
    run), for the tests that only need one to start from.
    """
    name = f"test_{config['NAME'].removeprefix('test_')}_{suffix}"
    admin = _admin(config)
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if migrated:
            with run_lock(f"migrated-{config['NAME']}"):
                template = _migrated_template(config, admin)
                with admin.cursor() as cursor:
                    cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        else:
            with admin.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def migrated_sqlite(path: Path) -> None:
    """``path``: a SQLite database as ``manage.py migrate`` leaves it, copied from one made
    once per test run (a migrate takes about 8 s)."""
    template = Path(tempfile.gettempdir()) / f"htx-test-migrated-{RUN_ID}.sqlite3"
    with run_lock("migrated-sqlite"):
        if not template.exists():
            for old in Path(tempfile.gettempdir()).glob("htx-test-migrated-*.sqlite3"):
                if time.time() - old.stat().st_mtime > 86400:  # other runs' copies, a day on
                    old.unlink(missing_ok=True)
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            manage("migrate", "--noinput", "-v0",
                   env=environment(DATABASE_URL=f"sqlite:///{building}"))  # fmt: skip
            building.rename(template)
    shutil.copyfile(template, path)


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update({"DJANGO_DEBUG": "1", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"the server stopped (exit {process.returncode}):\n{output}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise AssertionError(f"no answer on port {port} within {seconds} s")


def stop(process: subprocess.Popen) -> str:
    """Stop a server this test started and return what it printed."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.stdout.read() if process.stdout else ""


VENV_BIN = Path(PYTHON).parent


def production_environment(port: int, **extra: str) -> dict[str, str]:
    """The variables a production container gets (DEBUG off), for a loopback test."""
    env = environment(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="test-only-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        PYTHONDONTWRITEBYTECODE="1",
        PORT=str(port),
        PATH=f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
    )
    env.update(extra)
    return env


def start_gunicorn(cwd: Path, env: dict[str, str], user: str | None = None) -> subprocess.Popen:
    """The image's command line (``gunicorn``, settings from ./gunicorn.conf.py)."""
    command = ["gunicorn"]
    if user is not None:
        # runuser keeps no environment of its own beyond what env(1) is given here.
        command = [shutil.which("runuser"), "-u", user, "--", "/usr/bin/env", "-i",
                   *(f"{k}={v}" for k, v in env.items()), "gunicorn"]  # fmt: skip
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
