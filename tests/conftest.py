"""Shared set-up of the ops tests: the project as the image holds it, built once."""

import fcntl
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from testing.scratch import ROOT, VENV_BIN, production_environment

IGNORED = shutil.ignore_patterns(
    ".venv", ".git", "media", "staticfiles", "test-artifacts", "backups", "db.sqlite3*",
    "__pycache__", ".ruff_cache", ".pytest_cache", "node_modules",
    # Not in the image either (.dockerignore): test scaffolding and benchmarks.
    "testing", "tests", "bench", "conftest.py", "pytest.ini", ".hypothesis",
)  # fmt: skip
USER = "nobody"


@dataclass
class Image:
    base: Path  # a folder of this test session, removed afterwards
    app: Path  # the code, with collected static files, read-only for USER
    bin_dir: Path  # python and gunicorn that USER may run
    uid: int
    gid: int

    def data_dir(self, name: str) -> Path:
        """A folder USER may write to (the image's /data)."""
        folder = self.base / name
        (folder / "media").mkdir(parents=True)
        for path in (folder, folder / "media"):
            os.chown(path, self.uid, self.gid)
        return folder

    def environment(self, port: int, **extra: str) -> dict[str, str]:
        env = production_environment(port, HOME="/nonexistent", **extra)
        env["PATH"] = f"{self.bin_dir}:/usr/bin:/bin"
        return env


# Virtualenvs of Debian's python3 with the pinned requirements, kept between test runs
# (building one takes half a minute): one per content of requirements.txt and Python version.
VENV_CACHE = Path(tempfile.gettempdir())
VENV_CACHE_DAYS = 7  # others unused for longer are removed


def interpreter_for(user: str) -> tuple[Path, Callable[[], None]]:
    """A bin folder with ``python`` and ``gunicorn`` that ``user`` may run, and a function
    that returns once it is ready (it may still be installing in the background).

    The project's virtualenv may sit on an interpreter under /root (pyenv) that no other
    user may run; then a virtualenv of Debian's python3 gets the pinned requirements, as
    the image's build stage does (``pip install -r requirements.txt``). It is kept in
    VENV_CACHE, named after the requirements' and Python's hash, for the next runs.
    """
    bin_dir = VENV_BIN
    if subprocess.run(["runuser", "-u", user, "--", str(bin_dir / "python"), "-c", ""],
                      capture_output=True).returncode == 0:  # fmt: skip
        return bin_dir, lambda: None
    system = Path("/usr/bin/python3")
    if not system.exists():
        pytest.skip(f"no Python that the user {user} may run")
    version = subprocess.run([str(system), "-c", "import sys; print(sys.version)"],
                             capture_output=True, check=True).stdout  # fmt: skip
    requirements = (ROOT / "requirements.txt").read_bytes()
    key = hashlib.sha256(version + b"\0" + requirements).hexdigest()[:16]
    venv = VENV_CACHE / f"htx-image-venv-{key}"
    failures: list[str] = []

    def install() -> None:
        # One builder at a time (xdist workers, other runs); ".complete" marks a whole one.
        with open(VENV_CACHE / f"htx-image-venv-{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (venv / ".complete").exists():
                (venv / ".complete").touch()
                return
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([str(system), "-m", "venv", str(venv)], check=True)
            result = subprocess.run(
                [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                 "-r", str(ROOT / "requirements.txt")],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            if result.returncode != 0:
                failures.append(result.stderr[-3000:])
                shutil.rmtree(venv, ignore_errors=True)
                return
            (venv / ".complete").touch()
        for other in VENV_CACHE.glob("htx-image-venv-*"):
            marker = other / ".complete"
            if other.is_dir() and other != venv and marker.exists():
                if time.time() - marker.stat().st_mtime > VENV_CACHE_DAYS * 86400:
                    shutil.rmtree(other, ignore_errors=True)

    installing = threading.Thread(target=install)
    installing.start()

    def ready() -> None:
        installing.join()
        assert not failures and (venv / ".complete").exists(), failures

    return venv / "bin", ready


@pytest.fixture(scope="session")
def image():
    """/app of the image: a copy of the project, static files collected (as root, as the
    Dockerfile's build step does), then made read-only for the user that serves it."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root and runuser to serve as an unprivileged user")
    base = Path(tempfile.mkdtemp(prefix="htx-image-"))
    try:
        base.chmod(0o755)
        app = base / "app"
        shutil.copytree(ROOT, app, ignore=IGNORED)
        user = pwd.getpwnam(USER)
        bin_dir, interpreter_ready = interpreter_for(USER)
        env = production_environment(8000, DATABASE_URL=f"sqlite:///{base / 'unused.sqlite3'}")
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=app, env=env, check=True)  # fmt: skip
        for path in [app, *app.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o022)
        interpreter_ready()
        yield Image(base=base, app=app, bin_dir=bin_dir, uid=user.pw_uid, gid=user.pw_gid)
    finally:
        shutil.rmtree(base, ignore_errors=True)
