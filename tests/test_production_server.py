"""The image's way of serving, proven without Docker (no daemon or registry here).

The project is copied to a folder its server cannot write to, static files are collected
as the Dockerfile does, and the image's command (``gunicorn``, reading gunicorn.conf.py)
runs as an unprivileged user with DEBUG off: pages are served, hashed static files carry
a year-long (WhiteNoise: ten years) immutable cache header and come compressed, and every
request is logged as a JSON line.
"""

import gzip
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import brotli

from testing.scratch import (
    ROOT,
    free_port,
    production_environment,
    start_gunicorn,
    stop,
    wait_until_up,
)


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def test_gunicorn_conf_reads_workers_and_threads_from_the_environment():
    def printed(**env) -> dict[str, str]:
        result = subprocess.run(
            ["gunicorn", "--print-config"], cwd=ROOT, capture_output=True, text=True,
            env=production_environment(8123, **env),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return dict(
            (part.strip() for part in line.split("=", 1))
            for line in result.stdout.splitlines()
            if "=" in line
        )

    config = printed(GUNICORN_WORKERS="5", GUNICORN_THREADS="4", GUNICORN_TIMEOUT="90")
    assert config["workers"] == "5" and config["threads"] == "4"
    assert config["worker_class"] == "gthread" and config["timeout"] == "90"
    assert config["bind"] == "['0.0.0.0:8123']"
    assert config["wsgi_app"] == "htx_portal.wsgi:application"
    assert config["accesslog"] == "None"  # the portal's own JSON log instead
    one = printed(GUNICORN_WORKERS="1", GUNICORN_THREADS="1")
    assert one["workers"] == "1" and one["worker_class"] == "sync"
    wrong = subprocess.run(
        ["gunicorn", "--print-config"], cwd=ROOT, capture_output=True, text=True,
        env=production_environment(8123, GUNICORN_WORKERS="ba"),
    )  # fmt: skip
    assert wrong.returncode != 0
    assert "GUNICORN_WORKERS must be a whole number above 0" in wrong.stdout + wrong.stderr


def test_image_command_as_unprivileged_user_on_a_read_only_copy(image):
    data = image.data_dir("single")
    port = free_port()
    env = image.environment(
        port, GUNICORN_WORKERS="2", GUNICORN_THREADS="2",
        DATABASE_URL=f"sqlite:///{data / 'db.sqlite3'}", DJANGO_MEDIA_ROOT=str(data / "media"),
    )  # fmt: skip
    migrated = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                              cwd=image.app, env=env, capture_output=True, text=True)  # fmt: skip
    assert migrated.returncode == 0, migrated.stderr
    for path in data.glob("db.sqlite3*"):
        os.chown(path, image.uid, image.gid)
    denied = subprocess.run(["runuser", "-u", "nobody", "--", "touch", str(image.app / "x")],
                            capture_output=True)  # fmt: skip
    assert denied.returncode != 0  # the code is read-only for the server

    server = start_gunicorn(image.app, env, user="nobody")
    try:
        wait_until_up(port, server)
        url = f"http://127.0.0.1:{port}"

        # Every process of the server runs as nobody.
        children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                  text=True).stdout.split()  # fmt: skip
        (master,) = [int(pid) for pid in children]  # runuser -> env -> exec gunicorn
        workers = subprocess.run(["pgrep", "-P", str(master)], capture_output=True,
                                 text=True).stdout.split()  # fmt: skip
        assert len(workers) == 2
        for pid in [master, *map(int, workers)]:
            status = Path(f"/proc/{pid}/status").read_text()
            uid_line = next(line for line in status.splitlines() if line.startswith("Uid:"))
            assert uid_line.split()[1:] == [str(image.uid)] * 4

        status, headers, body = fetch(f"{url}/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "Đang online" in body.decode()

        manifest = json.loads((image.app / "staticfiles" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["css/site.css"]
        assert hashed != "css/site.css"
        status, headers, plain = fetch(f"{url}/static/{hashed}")
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert "Content-Encoding" not in headers
        assert plain == (ROOT / "static" / "css" / "site.css").read_bytes()
        _, headers, packed = fetch(f"{url}/static/{hashed}", **{"Accept-Encoding": "br"})
        assert headers["Content-Encoding"] == "br" and brotli.decompress(packed) == plain
        assert headers["Vary"] == "Accept-Encoding"
        _, headers, packed = fetch(f"{url}/static/{hashed}", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(packed) == plain
        # A name without its hash may change under the same address: a short cache only.
        _, headers, _ = fetch(f"{url}/static/css/site.css")
        assert headers["Cache-Control"] == "max-age=60, public"
    finally:
        output = stop(server)
    assert "Using worker: gthread" in output
    assert output.count("Booting worker with pid") == 2
    logged = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    pages = [entry for entry in logged if entry.get("logger") == "htx.requests"]
    assert {"path": "/", "status": 200} in [{k: e[k] for k in ("path", "status")} for e in pages]
    assert all(entry["request_id"] and "duration_ms" in entry for entry in pages)
