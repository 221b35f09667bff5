"""`make drill-db`: PostgreSQL goes away under load, and comes back.

By default on a throwaway cluster of its own (initdb into a temporary folder, a free
loopback port; migrated and loaded with the demo province), so it is safe to run anywhere:
the shared server is never touched. `--data-dir DIR --database-url URL` drills a given
cluster instead (stopped and started with `pg_ctl -D DIR`, as the folder's owner).

gunicorn serves the portal as in production (DEBUG off, collected static files, the
Dockerfile's three sync workers); several threads load visitors' pages (cached ones, and
searches that always reach the database) and /healthz for `--duration` seconds. At
`--down-at` PostgreSQL is stopped (`pg_ctl stop -m fast`, open sessions cut), at `--up-at`
started again. Per phase (before, down, recovering, after) the drill reports requests,
status codes and the slowest response, and fails unless:

- before the outage every response is 200;
- while it is down every response is 200 (a cached page) or 503 (the Vietnamese page,
  with Retry-After), none slower than `--bound` seconds, never a 500 or a dropped
  connection;
- after `--recovery` seconds from the restart every response is 200 again, from the
  same gunicorn (no restart).

The result replaces the drill's section in docs/performance.md. gunicorn listens on
``--port`` (or ``BENCH_PORT``), else on a free loopback port; the throwaway cluster on a
free port of its own.

``--smoke`` (or ``BENCH_SMOKE=1``): a 12-second drill (down at 3 s, up at 6 s) on a
throwaway cluster without the demo data, printed only, to show the drill still runs.
"""

import argparse
import collections
import datetime
import importlib.metadata
import os
import platform
import pwd
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs_section import replace_section  # noqa: E402  (bench/, the script's folder)

from testing.throwaway_postgres import ThrowawayPostgres, free_port, server_bin  # noqa: E402

SECTION = "## Database outage drill (make drill-db)"
DOCS = [ROOT / "docs" / "performance.md"]
WORKERS = os.environ.get("GUNICORN_WORKERS", "3")  # as the Dockerfile
SEARCH_WORDS = ["nong nghiep", "dich vu", "thuy san", "may tre", "gao", "rau", "xay dung",
                "van tai", "dien", "nuoc", "tin dung", "che", "muoi", "hoa", "lua"]  # fmt: skip


class GivenCluster:
    """A cluster the operator names: stopped and started with its own pg_ctl."""

    def __init__(self, data_dir: str, url: str):
        self.data, self.url = Path(data_dir), url
        self.bin = server_bin()
        owner = pwd.getpwuid(self.data.stat().st_uid).pw_name
        self.prefix = ["runuser", "-u", owner, "--"] if os.geteuid() == 0 else []

    def _pg_ctl(self, *args: str) -> None:
        command = [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "-t", "60", "stop")

    def start(self) -> None:
        self._pg_ctl("-l", str(self.data / "drill-server.log"), "-w", "-t", "60", "start")


@dataclass
class Result:
    started: float  # seconds since the load began
    path: str
    status: str  # "200", "503", ... or "error: <kind>"
    seconds: float
    retry_after: bool


def portal_env(url: str, port: int) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": "drill-" + "d" * 50, "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
           "DJANGO_SECURE_SSL_REDIRECT": "0", "PORT": str(port)}  # fmt: skip
    env.pop("REDIS_URL", None)  # each worker's own page cache, as without Redis
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, timeout=900)  # fmt: skip


def get(url: str, timeout: float = 15) -> tuple[str, bytes, bool]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return str(r.status), r.read(), r.headers.get("Retry-After") is not None
    except urllib.error.HTTPError as e:
        return str(e.code), e.read(), e.headers.get("Retry-After") is not None
    except (OSError, urllib.error.URLError) as e:
        return f"error: {type(getattr(e, 'reason', e)).__name__}", b"", False


def start_gunicorn(env: dict, port: int, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "htx_portal.wsgi:application", "--bind",
               f"127.0.0.1:{port}", "--workers", WORKERS, "--timeout", "60",
               "--log-level", "error"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log
    )
    for _ in range(150):
        if get(f"http://127.0.0.1:{port}/healthz", timeout=2)[0] == "200":
            return server
        time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("gunicorn did not start")


def pages(base: str) -> list[str]:
    """Visitors' pages: cached ones, and searches that always reach the database."""
    found = []
    for section in ("hop-tac-xa", "tin-tuc"):
        status, body, _ = get(f"{base}/sitemap-{section}.xml")
        if status == "200":
            locs = re.findall(rb"<loc>https?://[^/]+(/[^<]*)</loc>", body)
            found += [loc.decode() for loc in locs[:3]]
    return ["/", "/hop-tac-xa/", "/tin-tuc/", "/san-pham-ocop/", "/healthz", *found]


def load(base: str, paths: list[str], until: float, t0: float, out: list, lock) -> None:
    rng = random.Random()
    while time.monotonic() < until:
        if rng.random() < 0.4:  # a search: a new cache key, so the database is asked
            word = rng.choice(SEARCH_WORDS).replace(" ", "+")
            path = f"/hop-tac-xa/?q={word}+{rng.randint(1, 10**6)}"
        else:
            path = rng.choice(paths)
        started = time.monotonic()
        status, _, retry_after = get(base + path)
        result = Result(started - t0, path, status, time.monotonic() - started, retry_after)
        with lock:
            out.append(result)


def worker_pids(master: int) -> str:
    children = Path(f"/proc/{master}/task/{master}/children")
    return " ".join(sorted(children.read_text().split())) if children.exists() else ""


def machine() -> str:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    ram = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return (f"{len(os.sched_getaffinity(0))} CPU ({cpu.group(1) if cpu else '?'}), "
            f"{ram / 2**20:.1f} GB RAM, Python {platform.python_version()}, "
            f"Django {importlib.metadata.version('Django')}")  # fmt: skip


def analyse(results: list[Result], events: dict, args) -> tuple[list[str], list[str]]:
    """The report's table rows, and the failed promises."""
    down_from, up_at = events["stop issued"], events["started"]
    recovered = up_at + args.recovery

    def phase(r: Result) -> str:
        if r.started < down_from:
            # Begun before the stop but answered after it: its connection may be cut.
            return "before" if r.started + r.seconds < down_from else "in flight at the stop"
        if r.started < up_at:
            return "down"
        return "recovering" if r.started < recovered else "after"

    by_phase = collections.defaultdict(list)
    for r in results:
        by_phase[phase(r)].append(r)
    rows, failures = [], []
    for name in ("before", "in flight at the stop", "down", "recovering", "after"):
        group = by_phase.get(name, [])
        counts = collections.Counter(r.status for r in group)
        slowest = max((r.seconds for r in group), default=0.0)
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(counts.items()))
        rows.append(f"| {name} | {len(group)} | {statuses or '—'} | {slowest * 1000:.0f} |")
        if not group and name != "in flight at the stop":
            failures.append(f"no request in phase {name}")
    before, down, after = by_phase["before"], by_phase["down"], by_phase["after"]
    if any(r.status not in ("200", "503") for r in by_phase["in flight at the stop"]):
        failures.append("in flight at the stop: a response other than 200 or 503")
    if any(r.status != "200" for r in before):
        failures.append("before the outage: a response other than 200")
    if any(r.status not in ("200", "503") for r in down):
        failures.append("during the outage: a response other than 200 or 503 (500 or dropped)")
    if any(r.status == "503" and not r.retry_after for r in down):
        failures.append("during the outage: a 503 without Retry-After")
    if not any(r.status == "503" for r in down):
        failures.append("during the outage: no 503 at all (was the database really down?)")
    if any(r.seconds > args.bound for r in down):
        failures.append(f"during the outage: a response slower than {args.bound:g} s")
    if any(r.status != "200" for r in after):
        failures.append(f"{args.recovery:g} s after the restart: a response other than 200")
    return rows, failures


def write_docs(rows, failures, events, args, setup: str, same_server: bool) -> str:
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    verdict = "all promises held" if not failures else "**failed**: " + "; ".join(failures)
    text = "\n".join([
        SECTION, "",
        f"{when}, {machine()}. {setup}; gunicorn with {WORKERS} sync workers, DEBUG off, "
        f"collected static files, no Redis; {args.threads} client threads on loopback for "
        f"{args.duration:g} s, each request either a visitors' page (home, directory, news, "
        "OCOP, organisation and article pages, mostly served from the page cache) or a "
        "directory search with a new query (always reaching the database), and /healthz. "
        f"PostgreSQL stopped (`pg_ctl stop -m fast`) at {events['stop issued']:.1f} s "
        f"(down at {events['stopped']:.1f} s), started at {events['start issued']:.1f} s "
        f"(accepting at {events['started']:.1f} s). Phases by the moment a request began; "
        "\"in flight at the stop\": begun before the stop, answered after it (its connection "
        f"may be cut); \"recovering\": the first {args.recovery:g} s after the restart.", "",
        "| Phase | Requests | Status codes | Slowest ms |",
        "|---|---|---|---|",
        *rows, "",
        f"Promises: before, all 200; in flight at the stop, 200 or 503; down, only 200 "
        "(cached pages) or 503 with Retry-After, "
        f"none slower than {args.bound:g} s; after the recovery window, all 200; the same "
        f"gunicorn workers throughout ({'yes' if same_server else '**no**'}). "
        f"Result: {verdict}.", "",
    ])  # fmt: skip
    for doc in DOCS:
        replace_section(doc, SECTION, text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", help="a cluster to drill (pg_ctl -D) instead of a new one")
    parser.add_argument("--database-url", help="the portal's database on --data-dir's cluster")
    parser.add_argument("--duration", type=float, default=75)
    parser.add_argument("--down-at", type=float, default=20)
    parser.add_argument("--up-at", type=float, default=40)
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--bound", type=float, default=2.0, help="slowest answer while down, s")
    parser.add_argument("--recovery", type=float, default=5.0, help="seconds allowed to recover")
    parser.add_argument("--no-docs", action="store_true", help="print only")
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("BENCH_PORT") or 0),
        help="gunicorn's port (default: BENCH_PORT, else a free one)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("BENCH_SMOKE") == "1",
        help="a short drill without demo data, printed only",
    )
    args = parser.parse_args()
    if args.smoke:
        args.duration, args.down_at, args.up_at, args.recovery = 12, 3, 6, 4
        args.threads, args.no_docs = 3, True
    if bool(args.data_dir) != bool(args.database_url):
        parser.error("--data-dir and --database-url go together")
    if not args.down_at < args.up_at < args.duration - args.recovery:
        parser.error("need down-at < up-at < duration - recovery")

    throwaway = None
    if args.data_dir:
        cluster = GivenCluster(args.data_dir, args.database_url)
        setup = "A given cluster"
    else:
        print("Creating a throwaway PostgreSQL cluster…", flush=True)
        cluster = throwaway = ThrowawayPostgres().create()
        setup = "A throwaway PostgreSQL cluster with the demo province (`load_demo`)"
    server = None
    try:
        port = args.port or free_port()
        env = portal_env(cluster.url, port)
        print("Migrating…", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        if throwaway is not None and not args.smoke:
            print("Loading the demo province…", flush=True)
            manage(env, "load_demo")
        if not (ROOT / "staticfiles" / "staticfiles.json").exists():
            print("Collecting static files…", flush=True)
            manage(env, "collectstatic", "--noinput", "-v0")
        log = tempfile.NamedTemporaryFile("w+", prefix="htx-drill-", suffix=".log")
        server = start_gunicorn(env, port, log)
        base = f"http://127.0.0.1:{port}"
        paths = pages(base)
        print("Pages: " + " ".join(paths), flush=True)
        for path in paths:  # every page built once, before the clock starts
            get(base + path)
        workers = worker_pids(server.pid)
        print(f"Load on {len(paths)} pages and searches for {args.duration:g} s…", flush=True)

        results, lock, t0 = [], threading.Lock(), time.monotonic()
        threads = [
            threading.Thread(target=load, args=(base, paths, t0 + args.duration, t0, results, lock))
            for _ in range(args.threads)
        ]
        for thread in threads:
            thread.start()
        events = {}
        time.sleep(max(0.0, t0 + args.down_at - time.monotonic()))
        events["stop issued"] = time.monotonic() - t0
        cluster.stop()
        events["stopped"] = time.monotonic() - t0
        print(f"PostgreSQL stopped at {events['stopped']:.1f} s", flush=True)
        time.sleep(max(0.0, t0 + args.up_at - time.monotonic()))
        events["start issued"] = time.monotonic() - t0
        cluster.start()
        events["started"] = time.monotonic() - t0
        print(f"PostgreSQL started at {events['started']:.1f} s", flush=True)
        for thread in threads:
            thread.join()
        same_server = server.poll() is None and worker_pids(server.pid) == workers
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
        if throwaway is not None:
            throwaway.destroy()

    log.seek(0)
    logged = log.read()
    log.close()
    # An uncaught exception is a line of the portal's error log (htx.errors; an outage is
    # logged as a warning instead), or a traceback from gunicorn itself.
    unexpected = [
        line for line in logged.splitlines() if "htx.errors" in line or "Traceback" in line
    ]
    print(f"gunicorn log: {len(logged.splitlines())} lines (503s are logged with their cause), "
          f"{len(unexpected)} errors")  # fmt: skip
    rows, failures = analyse(results, events, args)
    if unexpected:
        failures.append("errors in the server log")
        for line in unexpected[:5]:  # what went wrong, for the run's log
            print(line[:4000])
    if not same_server:
        failures.append("gunicorn or a worker restarted")
    if args.no_docs:
        print("\n".join(["| Phase | Requests | Status codes | Slowest ms |", *rows]))
        if args.smoke:
            print("smoke run: docs/performance.md left as it is")
    else:
        print(write_docs(rows, failures, events, args, setup, same_server))
        print("written: " + ", ".join(str(d.relative_to(ROOT)) for d in DOCS))
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
