"""`make bench-smoke`: every bench on a tiny dataset, to show none of them has rotted.

Each bench of the Makefile (``BENCHES``, one per ``bench-*`` target and the database drill;
tests/test_benches.py fails when a target is missing here) runs with ``BENCH_SMOKE=1``: a
few hundred organisations, a handful of requests, a few seconds of load. The run fails
(exit status 1) when a bench exits non-zero, does not print its result line
(``smoke run: …``), or when docs/performance.md changed: a smoke run never writes it.

Databases: PostgreSQL on the server and with the credentials of DATABASE_URL (default
``postgres://postgres@127.0.0.1:5432/postgres``), named ``<its database>_smoke_<bench>``
(``BENCH_DB_PREFIX`` to choose the prefix); the role needs CREATEDB. One database is
migrated once and the others are copied from it; all are dropped at the end. Static files
are collected once. Two lanes run side by side: the benches sharing the report's database
one after the other in one lane, the others in the second.
"""

import hashlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
PYTHON = sys.executable
DOC = ROOT / "docs" / "performance.md"
TIMEOUT_S = 600

# Make target -> the command it runs (in the smoke run). The report, web and soak benches
# share one database (the national dataset), so they run in one lane, in that order.
BENCHES = {
    "bench-report": ["bench/report_bench.py"],
    "bench-web": ["bench/web_bench.py"],
    "bench-soak": ["bench/soak_bench.py"],
    "bench-import": ["bench/import_bench.py"],
    "bench-undo": ["bench/undo_bench.py"],
    "bench-areas": ["bench/areas_bench.py"],
    "bench-pdf": ["bench/pdf_bench.py"],
    "drill-db": ["bench/db_drill.py"],
}
LANES = [
    ["bench-report", "bench-web", "bench-soak", "bench-import"],
    ["drill-db", "bench-pdf", "bench-undo", "bench-areas"],
]
RESULT = "smoke run:"


def prefix() -> tuple[str, str]:
    """(the databases' prefix, DATABASE_URL) for this run."""
    url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("make bench-smoke needs PostgreSQL: set DATABASE_URL.")
    name = urlsplit(url).path.lstrip("/") or "htx"
    return os.environ.get("BENCH_DB_PREFIX") or f"{name}_smoke", url


def run(target: str, env: dict, results: dict) -> None:
    started = time.monotonic()
    try:
        done = subprocess.run(
            [PYTHON, *BENCHES[target]], cwd=ROOT, env=env, capture_output=True, text=True,
            timeout=TIMEOUT_S,
        )  # fmt: skip
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as timeout:
        output, code = f"{timeout.stdout or ''}{timeout.stderr or ''}", "timeout"
    seconds = time.monotonic() - started
    problem = None
    if code != 0:
        problem = f"exit status {code}"
    elif RESULT not in output:
        problem = f"no result line ({RESULT!r})"
    results[target] = (seconds, problem, output)
    print(f"{target}: {'ok' if problem is None else problem} ({seconds:.0f} s)", flush=True)


def lane(targets: list[str], env: dict, results: dict) -> None:
    for target in targets:
        run(target, env, results)


def main() -> int:
    import common

    name_prefix, url = prefix()
    os.environ["DATABASE_URL"] = url
    os.environ["BENCH_DB_PREFIX"] = name_prefix
    template = f"{name_prefix}_template"
    env = {**os.environ, "BENCH_SMOKE": "1", "DJANGO_DEBUG": "1", "BENCH_STATIC_READY": "1",
           "BENCH_TEMPLATE_DATABASE": template, "BENCH_DB_PREFIX": name_prefix}  # fmt: skip
    for own in [k for k in env if k.startswith("BENCH_") and k.endswith("_DATABASE_URL")]:
        env.pop(own)  # a smoke run uses its own databases only
    env.pop("BENCH_PORT", None)  # benches run side by side: each takes a free port
    urls = {target: common.database_url(target.split("-")[1]) for target in BENCHES}
    before = hashlib.sha256(DOC.read_bytes()).hexdigest() if DOC.exists() else None
    started = time.monotonic()
    parts = urlsplit(url)
    template_url = parts._replace(path=f"/{template}").geturl()
    results: dict[str, tuple] = {}
    try:
        for target_url in [template_url, *urls.values()]:
            common.drop_database(target_url)
        print(f"Migrating the smoke databases' template ({template})…", flush=True)
        common.ensure_database(template_url)
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT,
                       env={**env, "DATABASE_URL": template_url}, check=True)  # fmt: skip
        print("Collecting static files…", flush=True)
        production = {**env, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "smoke-" + "s" * 50,
                      "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}  # fmt: skip
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
                       env=production, check=True)  # fmt: skip
        threads = [threading.Thread(target=lane, args=(targets, env, results))
                   for targets in LANES]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for target_url in [*urls.values(), template_url]:
            try:
                common.drop_database(target_url)
            except Exception as error:  # noqa: BLE001 - reported, the run's result stands
                print(f"could not drop {target_url.rsplit('/', 1)[1]}: {error}")
    failures = [target for target, (_, problem, _) in results.items() if problem]
    failures += [target for target in BENCHES if target not in results]
    for target in failures:
        seconds, problem, output = results.get(target, (0, "did not run", ""))
        print(f"\n==> {target}: {problem}\n{output[-4000:]}")
    after = hashlib.sha256(DOC.read_bytes()).hexdigest() if DOC.exists() else None
    if after != before:
        print("docs/performance.md changed: a smoke run must not write it")
        failures.append("docs")
    print(f"bench-smoke: {len(BENCHES) - len(failures)}/{len(BENCHES)} ok "
          f"in {time.monotonic() - started:.0f} s")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
