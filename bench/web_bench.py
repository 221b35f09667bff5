"""`make bench-web`: the portal's pages served as in production, under load.

On the national dataset of `make bench-report` (built on first use, its database as
bench/common.py says: ``BENCH_REPORT_DATABASE_URL`` or ``<BENCH_DB_PREFIX>_report``), with
the demo news added: collectstatic, then gunicorn (DEBUG off, WhiteNoise, PostgreSQL, the
Dockerfile's worker count) on loopback (``BENCH_PORT``, else a free port), loaded by wrk
from a second process for ``DURATION`` s per page at 32 connections, in one run:

- a static file served by the same gunicorn/WhiteNoise: the ceiling, measured at the start
  and again just before each cached page (whose share is taken against that one);
- visitors' pages as cached: home, directory page 1, a directory search, an organisation
  page, an article, the sitemap index and the organisations' first sitemap page;
- the same pages uncached (each request carries a session cookie of no session, which makes
  the page cache step aside, so every request builds the page), and several directory
  searches uncached: words, words with diacritics, and typos (``?q=nghim``);
- the province's report page for a signed-in official (signed in through the sign-in form,
  with ``HTX_REQUIRE_2FA=0`` for the bench's server).

Goals: no errors; p99 under 200 ms; each cached page at least 40 % of the static file's
rate; uncached directory search at least 200 requests/s. Results go to
docs/performance.md, except in a smoke run (``BENCH_SMOKE=1``: 1 s per page, no warm-up).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import common  # noqa: E402
import report_bench  # noqa: E402  (sets up Django on the benchmark database, builds it)
from common import database, machine  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from docs_section import replace_section  # noqa: E402

from cooperatives.models import Organization  # noqa: E402
from news.models import Article  # noqa: E402

DURATION, CONNECTIONS, THREADS = (1, 8, 2) if common.SMOKE else (20, 32, 2)
WARM_UP = 0 if common.SMOKE else 3
# wrk drops (and counts as errors) answers slower than this; its default, 2 s, hid the
# latency of slow uncached pages under 32 connections.
WRK_TIMEOUT_S = 10
WORKERS = os.environ.get("GUNICORN_WORKERS", "3")  # as gunicorn.conf.py (the image)
SERVER_THREADS = os.environ.get("GUNICORN_THREADS", "1")
# How the docs name the server measured (gunicorn.conf.py picks the worker class).
SERVER = (f"{WORKERS} sync workers" if SERVER_THREADS == "1"
          else f"{WORKERS} workers of {SERVER_THREADS} threads")  # fmt: skip
GOAL_P99_MS, GOAL_SHARE, GOAL_SEARCH_RATE, GOAL_PAGE_MS = 200, 0.40, 200, 300
UNCACHED = "sessionid=bench-uncached-visitor"  # no such session: the visitor stays anonymous
PASSWORD = "Bench-web-lanh-dao-2025"
DOC, SECTION = ROOT / "docs" / "performance.md", "## Public pages (make bench-web)"
PROVINCE = report_bench.MEASURED


def free_port() -> int:
    """``BENCH_PORT``, or a free loopback port."""
    return common.port()


def prepare() -> dict[str, str]:
    """Data for every page, and the visitors' addresses to load (cached)."""
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
        "Sơ đồ trang (chỉ mục)": "/sitemap.xml",
    }


def official() -> str:
    """An official with a known password, for the signed-in pages; their user name."""
    from cooperatives.services import set_role
    from core.roles import OFFICIAL

    user, _ = set_role(username="bench_web_official", role=OFFICIAL)
    user.set_password(PASSWORD)
    user.save()
    return user.get_username()


def get(port: int, path: str, cookie: str = "") -> tuple[int, object, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(port: int, username: str) -> str:
    return common.sign_in(port, username, PASSWORD)


def sitemap_page(port: int) -> str:
    """The organisations' first sitemap page, as the index names it."""
    status, _, body = get(port, "/sitemap.xml")
    if status != 200:
        sys.exit(f"/sitemap.xml answered {status}")
    pages = re.findall(r"<loc>https?://[^/<]+(/sitemap-hop-tac-xa\.xml[^<]*)</loc>", body.decode())
    if not pages:
        sys.exit("/sitemap.xml names no organisations' sitemap page")
    return pages[0].replace("&amp;", "&")


def all_pages(port: int, visitors: dict[str, str], word: str) -> list[tuple[str, str, str]]:
    """(name, address, cookie) of every page measured, in order."""
    visitors = {**visitors, "Sơ đồ trang (trang tổ chức)": sitemap_page(port)}
    pages = [(name, path, "") for name, path in visitors.items()]
    pages += [(f"{name}, không cache", path, UNCACHED) for name, path in visitors.items()
              if name != "Danh bạ, tìm kiếm"]  # fmt: skip
    searches = {
        "từ không dấu": f"thu nghiem {word}",
        "có dấu": "Thử nghiệm",
        "gõ sai “nghim”": "nghim",
        "gõ sai “thu ngiem”": "thu ngiem",
    }
    pages += [(f"Danh bạ, tìm {label}, không cache", f"/hop-tac-xa/?{urlencode({'q': q})}",
               UNCACHED) for label, q in searches.items()]  # fmt: skip
    session = sign_in(port, official())
    report = f"/bao-cao/{PROVINCE}/2025/12/"
    status, _, _ = get(port, report, session)
    if status != 200:
        sys.exit(f"{report} answered {status} to the signed-in official")
    pages.append(("Báo cáo tỉnh, cán bộ đã đăng nhập", report, session))
    return pages


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
            "HTX_REQUIRE_2FA": "0",  # the bench signs an official in with a password
            "PORT": str(port),
        }
    )
    return env


def static_address() -> str:
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def start(port: int) -> subprocess.Popen:
    command = [str(Path(sys.executable).parent / "gunicorn"), "htx_portal.wsgi:application",
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


def load(port: int, path: str, cookie: str = "") -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    status, _, _ = get(port, path, cookie)  # built once (e.g. the home's report)
    if status != 200:
        sys.exit(f"{path} answered {status}")
    header = ["-H", f"Cookie: {cookie}"] if cookie else []
    # Warm every worker (each has its own page cache) before measuring.
    if WARM_UP:
        subprocess.run(["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{WARM_UP}s", *header, url],
                       capture_output=True, check=True)  # fmt: skip
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency",
         "--timeout", f"{WRK_TIMEOUT_S}s", *header, url],
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


def alongside(port: int, path: str) -> dict:
    """A cached page's load, with the static file's measured just before it (``static``)."""
    static = load(port, static_address())
    return {**load(port, path), "static": static}


def goal(name: str, cookie: str, result: dict, ceiling: dict) -> tuple[str, bool]:
    """The goal of one page, and whether it was met (never with no answer at all)."""
    share = result["rate"] / result.get("static", ceiling)["rate"]
    if result["total"] == 0:
        result = {**result, "errors": result["errors"] or 1}
    if not cookie:
        text = f"p99 < {GOAL_P99_MS} ms, ≥ {GOAL_SHARE:.0%} of static"
        return text, result["p99"] < GOAL_P99_MS and share >= GOAL_SHARE and not result["errors"]
    if name.startswith("Danh bạ, tìm"):
        text = f"≥ {GOAL_SEARCH_RATE} requests/s"
        return text, result["rate"] >= GOAL_SEARCH_RATE and not result["errors"]
    text = f"p50 < {GOAL_PAGE_MS} ms"
    return text, result["p50"] < GOAL_PAGE_MS and not result["errors"]


def write_doc(rows: list[tuple[str, str, str, dict]], ceiling: dict, when: str) -> None:
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    lines = [
        "| Page | Address | Requests/s | Static file just before, requests/s "
        "| Share of static | p50 ms | p99 ms | Errors | Goal | Met |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| Static file (ceiling, at the start) | `/static/css/site.<hash>.css` "
        f"| {ceiling['rate']:,.0f} | | 100 % | {ceiling['p50']:.1f} | {ceiling['p99']:.1f} "
        f"| {ceiling['errors']} | | |",
    ]
    for name, path, cookie, result in rows:
        static = result.get("static", ceiling)
        share = result["rate"] / static["rate"]
        beside = f"{static['rate']:,.0f}" if "static" in result else ""
        text, met = goal(name, cookie, result, ceiling)
        p50, p99 = f"{result['p50']:.1f}", f"{result['p99']:.1f}"
        if result["total"] == 0:  # wrk had no answer within its timeout: no latency to show
            p50 = p99 = f"> {WRK_TIMEOUT_S * 1000:,}"
        lines.append(
            f"| {name} | `{path}` | {result['rate']:,.0f} | {beside} | {share:.0%} | {p50} "
            f"| {p99} | {result['errors']} | {text} | {yes(met)} |"
        )
    body = [
        SECTION, "",
        f"gunicorn with {SERVER} (gunicorn.conf.py), "
        "DEBUG off, WhiteNoise, "
        f"PostgreSQL with the national dataset of `make bench-report` (province {PROVINCE} as "
        f"the portal's province) and the demo news; wrk from a second process on loopback, "
        f"{THREADS} threads, {CONNECTIONS} connections, {DURATION} s per page, after a "
        f"{WARM_UP} s warm-up; an answer slower than {WRK_TIMEOUT_S} s counts as an error. "
        "Visitors' pages are cached whole (keyed by data versions read "
        "from PostgreSQL at most once a second per process) and answered before sessions, "
        "CSRF and authentication once an address is known; the visitor counter is filled in "
        "on every response. Pages marked *không cache* are asked for with a session cookie of "
        "no session: the visitor stays anonymous, but the page cache steps aside, so every "
        "request builds the page (as the first visitor after a data change does). The report "
        "page is asked for by an official signed in through the sign-in form. "
        "A cached page's share is of the static file's rate measured just before it, "
        "with the same load (the machine's speed drifts by 10–30 % over minutes); the other "
        "pages' shares are of the rate at the start. "
        f"Goals: no errors; cached pages p99 under {GOAL_P99_MS} ms and at least "
        f"{GOAL_SHARE:.0%} of the static file's rate; uncached directory searches at least "
        f"{GOAL_SEARCH_RATE} requests/s; other uncached pages p50 under {GOAL_PAGE_MS} ms.",
        "", f"Run: {when}.", "", *lines, "",
    ]  # fmt: skip
    replace_section(DOC, SECTION, "\n".join(body))


def collect_static(env: dict[str, str]) -> None:
    """Hashed static files for the production settings, as the image's build makes them
    (skipped when ``BENCH_STATIC_READY=1``: bench/smoke.py collects them once for all)."""
    if os.environ.get("BENCH_STATIC_READY") == "1":
        return
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
                   env=env, check=True)  # fmt: skip


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("make bench-web needs wrk: apt-get install wrk")
    visitors = prepare()
    word = visitors["Danh bạ, tìm kiếm"].rsplit("+", 1)[1]
    collect_static(environment(0))
    port = free_port()
    server = start(port)
    try:
        pages = all_pages(port, visitors, word)
        ceiling = load(port, static_address())
        print(f"static: {ceiling['rate']:,.0f} req/s, p99 {ceiling['p99']:.1f} ms")
        rows = []
        for name, path, cookie in pages:
            # A cached page's share is taken against the static file measured just before
            # it: this machine's speed drifts by 10-30 % over minutes, and a ceiling read
            # once at the start gave shares that moved with the drift (docs/performance.md).
            result = load(port, path, cookie) if cookie else alongside(port, path)
            rows.append((name, path, cookie, result))
            print(f"{name}: {result['rate']:,.0f} req/s"
                  f" ({result['rate'] / result.get('static', ceiling)['rate']:.0%}),"
                  f" p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms,"
                  f" errors {result['errors']}")  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    if common.SMOKE:
        print("smoke run: docs/performance.md left as it is")
        failed = [name for name, _, _, result in rows if result["total"] == 0]
        if failed:
            sys.exit(f"no answer at all: {', '.join(failed)}")
        return
    write_doc(rows, ceiling, f"{time.strftime('%Y-%m-%d')}, {database()}, {machine()}")
    print(f"written: {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
