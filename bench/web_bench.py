"""`make bench-web`: the public pages served as in production, under load.

On the national dataset of `make bench-report` (built on first use), with the demo news
added: collectstatic, then gunicorn (DEBUG off, WhiteNoise, PostgreSQL, the Dockerfile's
worker count) on loopback, loaded by wrk from a second process for 30 s per page at 32
connections: home, directory page 1, a directory search, an organisation page, an
article, and in the same run a static file served by the same gunicorn/WhiteNoise as the
ceiling. Goals: no errors; p99 under 200 ms; each dynamic page at least 40 % of the
static file's rate. Results go to docs/performance.md.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import report_bench  # noqa: E402  (sets up Django on the benchmark database, builds it)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from docs_section import replace_section  # noqa: E402
from import_bench import database, machine  # noqa: E402

from cooperatives.models import Organization  # noqa: E402
from news.models import Article  # noqa: E402

DURATION, CONNECTIONS, THREADS = 30, 32, 2
WORKERS = os.environ.get("GUNICORN_WORKERS", "3")  # as gunicorn.conf.py (the image)
SERVER_THREADS = os.environ.get("GUNICORN_THREADS", "1")
# How the docs name the server measured (gunicorn.conf.py picks the worker class).
SERVER = (f"{WORKERS} sync workers" if SERVER_THREADS == "1"
          else f"{WORKERS} workers of {SERVER_THREADS} threads")  # fmt: skip
GOAL_P99_MS, GOAL_SHARE = 200, 0.40
DOC, SECTION = ROOT / "docs" / "performance.md", "## Public pages (make bench-web)"
PROVINCE = report_bench.MEASURED


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare() -> dict[str, str]:
    """Data for every page, and the addresses to load."""
    call_command("migrate", verbosity=0)
    if not report_bench.dataset_ready():
        report_bench.build_dataset()
    if not Article.objects.exists():
        from demo.news import load_news_demo

        load_news_demo()
    org = Organization.objects.filter(is_public=True, area__code__startswith=PROVINCE).first()
    article = Article.objects.published().first()
    word = org.name.split()[-1]
    return {
        "Trang chủ": "/",
        "Danh bạ, trang 1": "/hop-tac-xa/",
        "Danh bạ, tìm kiếm": f"/hop-tac-xa/?q=thu+nghiem+{word}",
        "Trang tổ chức": org.get_absolute_url(),
        "Bài viết": article.get_absolute_url(),
    }


def environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": os.environ["DATABASE_URL"],
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "HTX_PROVINCE_CODE": PROVINCE,
            "PORT": str(port),
        }
    )
    return env


def static_address() -> str:
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def start(port: int) -> subprocess.Popen:
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "htx_portal.wsgi:application",
               "--bind", f"127.0.0.1:{port}", "--workers", WORKERS, "--timeout", "60",
               "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=environment(port))
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"wrk printed a latency this script does not read: {text!r}")
    number, unit = match.groups()
    return float(number) * UNITS[unit]


def load(port: int, path: str) -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    urllib.request.urlopen(url, timeout=60).read()  # built once (e.g. the home's report)
    # Warm every worker (each has its own page cache) before measuring.
    subprocess.run(["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "-d3s", url],
                   capture_output=True, check=True)  # fmt: skip
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                          output):  # fmt: skip
        errors += sum(int(n) for n in match.groups())
    try:
        p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
        p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    except (AttributeError, ValueError):
        sys.exit(f"could not read wrk's output for {path}:\n{output}")
    return {"rate": rate, "total": total, "errors": errors, "p50": p50, "p99": p99}


def write_doc(rows: list[tuple[str, str, dict]], ceiling: dict, when: str) -> None:
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    lines = [
        "| Page | Address | Requests/s | Share of static | p50 ms | p99 ms | Errors | Goals met |",
        "|---|---|---|---|---|---|---|---|",
        f"| Static file (ceiling) | `/static/css/site.<hash>.css` | {ceiling['rate']:,.0f} "
        f"| 100 % | {ceiling['p50']:.1f} | {ceiling['p99']:.1f} | {ceiling['errors']} | |",
    ]
    for name, path, result in rows:
        share = result["rate"] / ceiling["rate"]
        met = result["errors"] == 0 and result["p99"] < GOAL_P99_MS and share >= GOAL_SHARE
        lines.append(
            f"| {name} | `{path}` | {result['rate']:,.0f} | {share:.0%} | {result['p50']:.1f} "
            f"| {result['p99']:.1f} | {result['errors']} | {yes(met)} |"
        )
    body = [
        SECTION, "",
        f"gunicorn with {SERVER} (gunicorn.conf.py), "
        "DEBUG off, WhiteNoise, "
        f"PostgreSQL with the national dataset of `make bench-report` (province {PROVINCE} as "
        f"the portal's province) and the demo news; wrk from a second process on loopback, "
        f"{THREADS} threads, {CONNECTIONS} connections, {DURATION} s per page, after a warm-up. "
        "Visitors' pages are cached whole (keyed by data versions read from PostgreSQL at most "
        "once a second per process); the visitor counter is filled in on every response. "
        f"Goals: no errors, p99 under {GOAL_P99_MS} ms, each page at least "
        f"{GOAL_SHARE:.0%} of the static file's rate.",
        "", f"Run: {when}.", "", *lines, "",
        "Before the article page was cached too (its views are now counted, and the count "
        "filled in, outside the cache), it rendered at about 190 requests/s with p50 170 ms "
        "on the same machine: each view made its queries and rendered the body. Building the "
        "directory's cache key with its filter form (to drop junk values) cost it a third of "
        "its rate (34 % of the static file); the key is now checked against the values each "
        "filter may take, without a form.", "",
    ]  # fmt: skip
    replace_section(DOC, SECTION, "\n".join(body))


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("make bench-web needs wrk: apt-get install wrk")
    pages = prepare()
    env = environment(0)
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic",
                    "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # fmt: skip
    port = free_port()
    server = start(port)
    try:
        ceiling = load(port, static_address())
        print(f"static: {ceiling['rate']:,.0f} req/s, p99 {ceiling['p99']:.1f} ms")
        rows = []
        for name, path in pages.items():
            result = load(port, path)
            rows.append((name, path, result))
            print(f"{name}: {result['rate']:,.0f} req/s ({result['rate'] / ceiling['rate']:.0%}),"
                  f" p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms,"
                  f" errors {result['errors']}")  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    write_doc(rows, ceiling, f"{time.strftime('%Y-%m-%d')}, {database()}, {machine()}")
    print(f"written: {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
