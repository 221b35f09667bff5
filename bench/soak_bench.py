"""`make bench-soak`: the public pages under load for minutes, while imports and reports run.

On the national dataset of `make bench-report` (built on first use; its database and the
port as bench/common.py says), gunicorn is started as
`make bench-web` starts it (DEBUG off, WhiteNoise, the Dockerfile's worker count, no Redis:
each worker keeps its own page cache in memory). For ``SOAK_SECONDS`` (default 300):

- wrk loads a mix of public pages, rotated by a Lua script: home, directory, a directory
  search, an organisation page, an article, the OCOP catalogue and /thong-ke/;
- another process imports files with the real ``manage.py import_data``, one after the
  other: organisations of a dedicated set (codes ``0999…``, in one commune of the measured
  province) with their names alternating, and their figures with values alternating, so
  every import writes and moves the data versions on (the pages' caches are thrown away);
- a third builds the province's report with ``manage.py build_report``, PDF and JSON in
  turn.

Every few seconds the resident memory (RSS) of each gunicorn worker is read from /proc.
Goals: no error at all (wrk's non-2xx/3xx and socket errors, an import or report that
exits non-zero, a worker that dies or is replaced); for each worker, the growth of RSS from
the first minute's average to the last minute's average under ``GROWTH_BOUND_MB``, and its
peak under ``PEAK_BOUND_MB``. The dedicated organisations, their figures, history and the
import batches are deleted at the end. Results go to docs/performance.md.
"""

import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import common  # noqa: E402
import report_bench  # noqa: E402  (sets up Django on the benchmark database)
import web_bench  # noqa: E402
from common import database, machine  # noqa: E402
from django.conf import settings  # noqa: E402
from docs_section import replace_section  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from cooperatives.models import (  # noqa: E402
    Area,
    Figures,
    ImportBatch,
    Location,
    Organization,
    Sector,
)

SECONDS = int(os.environ.get("SOAK_SECONDS", "5" if common.SMOKE else "300"))
CONNECTIONS, THREADS = (4, 1) if common.SMOKE else (16, 2)
SAMPLE_EVERY = 1.0 if common.SMOKE else 3.0
# A request still unanswered after this long counts as an error (gunicorn's own worker
# timeout is 60 s); slower answers show in the latencies.
WRK_TIMEOUT_S = 30
GROWTH_BOUND_MB, PEAK_BOUND_MB = 30, 250
# The soak set's codes: "0999" and six digits, a code (10 digits) no other set uses.
PREFIX, SOAK_ORGS = "0999", 30 if common.SMOKE else 300
PROVINCE = report_bench.MEASURED
DOC, SECTION = ROOT / "docs" / "performance.md", "## Soak (make bench-soak)"
PYTHON = sys.executable

LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


# --------------------------------------------------------------------------- files


def workbook(header: list[str], rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tempfile.mktemp(suffix=".xlsx")
    book.save(path)
    data = Path(path).read_bytes()
    os.unlink(path)
    return data


def soak_files(folder: Path, commune: Area, sector: Sector) -> list[tuple[str, Path]]:
    """Two organisations files and two figures files, each changing every row of the other."""
    files = []
    for turn in (0, 1):
        orgs = [
            [f"{PREFIX}{i:06d}", f"HTX Thử tải {i}{' (mới)' if turn else ''}", "HTX",
             sector.name, commune.code, "01/07/2025"]
            for i in range(SOAK_ORGS)
        ]  # fmt: skip
        path = folder / f"to-chuc-{turn}.xlsx"
        header = ["Mã số", "Tên", "Loại hình", "Lĩnh vực", "Địa bàn", "Ngày thành lập"]
        path.write_bytes(workbook(header, orgs))
        files.append(("organizations", path))
        figures = [
            [f"{PREFIX}{i:06d}", 2025, 12, 10 + i % 7, 5 + turn,
             float(Decimal(1000 + i + turn * 500) / 10)]
            for i in range(SOAK_ORGS)
        ]  # fmt: skip
        path = folder / f"so-lieu-{turn}.xlsx"
        path.write_bytes(workbook(
            ["Mã số", "Năm", "Số tháng", "Số lao động thường xuyên", "Số lao động đóng BHXH",
             "Doanh thu (triệu đồng)"], figures))  # fmt: skip
        files.append(("figures", path))
    # Order: organisations 0, figures 0, organisations 1, figures 1, …
    return files


def clean_up(first_batch: int) -> int:
    """Delete the dedicated organisations with their rows, history and import batches."""
    ids = list(Organization.objects.filter(code__startswith=PREFIX).values_list("pk", flat=True))
    Figures.objects.filter(organization_id__in=ids).delete()
    Location.objects.filter(organization_id__in=ids).delete()
    Organization.objects.filter(pk__in=ids).delete()
    Figures.history.filter(organization_id__in=ids).delete()
    Location.history.filter(organization_id__in=ids).delete()
    Organization.history.filter(id__in=ids).delete()
    deleted, _ = ImportBatch.objects.filter(pk__gte=first_batch).delete()
    return len(ids)


# --------------------------------------------------------------------------- workers


class Loop(threading.Thread):
    """Runs commands one after the other until stopped, counting runs and failures."""

    def __init__(self, name: str, commands: list[list[str]], env: dict[str, str]):
        super().__init__(name=name, daemon=True)
        self.commands, self.env = commands, env
        self.stop = threading.Event()
        self.done, self.failures, self.seconds = 0, [], []

    def run(self) -> None:
        turn = 0
        while not self.stop.is_set():
            command = self.commands[turn % len(self.commands)]
            started = time.perf_counter()
            result = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True,
                                    text=True)  # fmt: skip
            self.seconds.append(time.perf_counter() - started)
            if result.returncode != 0:
                self.failures.append(f"{' '.join(command[2:5])}: {result.stderr.strip()[-500:]}")
            else:
                self.done += 1
            turn += 1


def workers_of(master: int) -> list[int]:
    """The gunicorn master's child processes, from each process's /proc/PID/stat."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        # "pid (command) state ppid …": the command may hold spaces and parentheses.
        if int(stat.rpartition(")")[2].split()[1]) == master:
            found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return None
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


class Sampler(threading.Thread):
    def __init__(self, master: int):
        super().__init__(name="rss", daemon=True)
        self.master = master
        self.stop = threading.Event()
        self.started = time.monotonic()
        self.first = workers_of(master)
        self.samples: dict[int, list[tuple[float, float]]] = {pid: [] for pid in self.first}
        self.replaced: list[str] = []

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_EVERY):
            now = time.monotonic() - self.started
            current = workers_of(self.master)
            if current != self.first and not self.replaced:
                self.replaced.append(f"workers {self.first} became {current} at {now:.0f} s")
            for pid in self.first:
                value = rss_mb(pid)
                if value is not None:
                    self.samples[pid].append((now, value))


def summary(samples: list[tuple[float, float]], seconds: int) -> dict:
    window = min(60, seconds / 3)
    first = [mb for t, mb in samples if t <= window] or [samples[0][1]]
    last = [mb for t, mb in samples if t >= samples[-1][0] - window] or [samples[-1][1]]
    first_mb, last_mb = sum(first) / len(first), sum(last) / len(last)
    return {
        "first": first_mb,
        "last": last_mb,
        "growth": last_mb - first_mb,
        "peak": max(mb for _, mb in samples),
        "window": window,
    }


# --------------------------------------------------------------------------- main


def wrk_load(port: int, paths: list[str], folder: Path) -> dict:
    script = folder / "mix.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    url = f"http://127.0.0.1:{port}/"
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s",
         "--timeout", f"{WRK_TIMEOUT_S}s", "--latency", "-s", str(script), url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "total": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx": 0,
        "socket": 0,
        "socket_detail": "",
        "p50": web_bench.milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": web_bench.milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "max": web_bench.milliseconds(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output)[1]),
    }
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        result["non_2xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                          output):  # fmt: skip
        result["socket"] = sum(int(n) for n in match.groups())
        result["socket_detail"] = match.group(0)
    return result


def write_doc(load: dict, workers: dict, imports: Loop, reports: Loop, problems: list[str],
              when: str, others: str) -> None:  # fmt: skip
    ok = lambda good: "yes" if good else "**no**"  # noqa: E731
    rows = ["| Worker | RSS first minute MB | RSS last minute MB | Growth MB | Peak MB | "
            "Bounds met |", "|---|---|---|---|---|---|"]  # fmt: skip
    for n, (pid, s) in enumerate(workers.items(), start=1):
        met = s["growth"] < GROWTH_BOUND_MB and s["peak"] < PEAK_BOUND_MB
        rows.append(f"| {n} (pid {pid}) | {s['first']:.1f} | {s['last']:.1f} | "
                    f"{s['growth']:+.1f} | {s['peak']:.1f} | {ok(met)} |")  # fmt: skip
    errors = load["non_2xx"] + load["socket"] + len(imports.failures) + len(reports.failures)
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    body = [
        SECTION, "",
        f"gunicorn with {web_bench.SERVER} as in "
        "`make bench-web` (DEBUG off, "
        "page caches in each worker's memory), on the national dataset of `make bench-report`, "
        f"for {SECONDS} s. wrk ({THREADS} threads, {CONNECTIONS} connections) rotates home, "
        "directory, a directory search, an organisation page, an article, the OCOP catalogue "
        "and /thong-ke/. At the same time one process runs real `manage.py import_data` one "
        f"after the other ({SOAK_ORGS} organisations of a dedicated set, then their figures, "
        "each file changing every row of the previous one, so each import writes and throws "
        "the pages' caches away), another `manage.py build_report` of the province (PDF and "
        f"JSON in turn). A request unanswered after {WRK_TIMEOUT_S} s counts as an error. "
        f"Each worker's RSS is read from /proc every {SAMPLE_EVERY:.0f} s. "
        f"Goals: no error; per worker, RSS growth from the first to the last minute's average "
        f"under {GROWTH_BOUND_MB} MB and peak under {PEAK_BOUND_MB} MB. The dedicated rows are "
        "deleted at the end.",
        "", f"Run: {when}. {others}", "",
        "| Requests | Requests/s | p50 ms | p99 ms | Max ms | HTTP errors | Imports (mean s) "
        "| Reports (mean s) | Errors | Goals met |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| {load['total']:,} | {load['rate']:,.0f} | {load['p50']:.1f} | {load['p99']:.1f} | "
        f"{load['max']:.0f} | "
        f"{load['non_2xx'] + load['socket']} | {imports.done} ({mean(imports.seconds):.1f}) | "
        f"{reports.done} ({mean(reports.seconds):.1f}) | {errors} | "
        f"{ok(not problems)} |",
        "", *rows, "",
    ]  # fmt: skip
    if problems:
        body += ["Problems:", "", *[f"- {p}" for p in problems], ""]
    replace_section(DOC, SECTION, "\n".join(body))


def busy_elsewhere() -> str:
    """Say whether other work loads the machine (the load average before starting)."""
    load1, load5, _ = os.getloadavg()
    cpus = len(os.sched_getaffinity(0))
    if load5 > cpus / 2:
        return (f"The machine was shared: load average {load1:.1f} (5 min: {load5:.1f}) on "
                f"{cpus} CPUs before the run started.")  # fmt: skip
    return f"Quiet machine: load average {load1:.1f} before the run started."


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("make bench-soak needs wrk: apt-get install wrk")
    pages = web_bench.prepare()
    pages["Sản phẩm OCOP"] = "/san-pham-ocop/"
    pages["Thống kê"] = "/thong-ke/"
    settings.DEBUG = False
    province = Area.objects.with_code_on(PROVINCE, datetime.date(2025, 12, 31))
    commune = Area.objects.filter(level="commune", code__startswith=f"{PROVINCE}9").order_by(
        "code"
    )[0]
    sector = Sector.objects.order_by("pk")[0]
    clean_up(10**12)  # a previous run stopped half way leaves its rows
    last = ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first()
    first_batch = (last or 0) + 1
    env = web_bench.environment(0)
    web_bench.collect_static(env)
    others = busy_elsewhere()
    folder = Path(tempfile.mkdtemp(prefix="htx-soak-"))
    port = web_bench.free_port()
    server = web_bench.start(port)
    problems: list[str] = []
    try:
        for path in pages.values():  # every page answers before the load starts
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
                r.read()
        files = soak_files(folder, commune, sector)
        imports = Loop("imports", [[PYTHON, "manage.py", "import_data", "--kind", kind, str(p)]
                                   for kind, p in files], env)  # fmt: skip
        reports = Loop("reports", [
            [PYTHON, "manage.py", "build_report", "--area", province.code, "--year", "2025",
             "--months", months, "--format", fmt, "--output", str(folder / f"bao-cao.{fmt}")]
            for months, fmt in (("6", "pdf"), ("12", "json"))], env)  # fmt: skip
        sampler = Sampler(server.pid)
        for thread in (sampler, imports, reports):
            thread.start()
        load = wrk_load(port, list(pages.values()), folder)
        for thread in (sampler, imports, reports):
            thread.stop.set()
        for thread in (sampler, imports, reports):
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
        removed = clean_up(first_batch)
        print(f"cleaned up: {removed} dedicated organisations")
    workers = {pid: summary(s, SECONDS) for pid, s in sampler.samples.items() if s}
    if load["non_2xx"] or load["socket"]:
        problems.append(f"wrk: {load['non_2xx']} non-2xx/3xx responses, "
                        f"{load['socket']} socket errors ({load['socket_detail']})")  # fmt: skip
    problems += [f"import failed: {f}" for f in imports.failures]
    problems += [f"report failed: {f}" for f in reports.failures]
    problems += sampler.replaced
    if imports.done == 0 or reports.done == 0:
        problems.append(f"too few runs: {imports.done} imports, {reports.done} reports")
    for pid, s in workers.items():
        if s["growth"] >= GROWTH_BOUND_MB:
            problems.append(f"worker {pid}: RSS grew {s['growth']:.1f} MB")
        if s["peak"] >= PEAK_BOUND_MB:
            problems.append(f"worker {pid}: RSS peaked at {s['peak']:.1f} MB")
    print(f"{load['total']:,} requests, {load['rate']:,.0f}/s, p50 {load['p50']:.1f} ms, "
          f"p99 {load['p99']:.1f} ms, HTTP errors {load['non_2xx'] + load['socket']}")  # fmt: skip
    print(f"imports: {imports.done} done, {len(imports.failures)} failed; "
          f"reports: {reports.done} done, {len(reports.failures)} failed")  # fmt: skip
    for pid, s in workers.items():
        print(f"worker {pid}: RSS {s['first']:.1f} -> {s['last']:.1f} MB "
              f"({s['growth']:+.1f}), peak {s['peak']:.1f} MB")  # fmt: skip
    when = f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {database()}, {machine()}"
    if common.SMOKE:
        print("smoke run: docs/performance.md left as it is")
    else:
        write_doc(load, workers, imports, reports, problems, when, others)
        print(f"written: {DOC.relative_to(ROOT)}")
    if problems:
        sys.exit("soak goals missed:\n" + "\n".join(problems))


if __name__ == "__main__":
    main()
