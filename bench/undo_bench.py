"""`make bench-undo`: import a 15,000-row figures file and undo it, timed.

Builds its files with bench/import_bench.py's helpers (1,500 organisations, ten periods
each) and times, on one database: the import of the figures file (15,000 rows created)
and its undo (15,000 deleted), then the import of the same rows with other numbers
(15,000 updated) and its undo (15,000 restored). With ``--baseline REF`` (a git ref, e.g.
``main`` before the bulk undo) the same steps run again with ``undo_batch`` as it is in
REF, and the ratio is printed. Prints only; writes no document.

Its database: ``BENCH_UNDO_DATABASE_URL``; else, when DATABASE_URL is PostgreSQL, a
database of its own on that server (``<BENCH_DB_PREFIX>_undo``, see bench/common.py); else
a scratch SQLite file. ``BENCH_SMOKE=1``: 150 organisations, 600 rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        python bench/undo_bench.py --baseline main
"""

import argparse
import itertools
import os
import subprocess
import sys
import time
import types
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

if os.environ.get("BENCH_UNDO_DATABASE_URL") or os.environ.get("DATABASE_URL", "").startswith(
    ("postgres://", "postgresql://")
):  # import_bench takes its database from BENCH_IMPORT_DATABASE_URL
    os.environ["BENCH_IMPORT_DATABASE_URL"] = common.database_url("undo")
import import_bench as base  # noqa: E402 (sets Django up)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from cooperatives.models import Figures, ImportBatch  # noqa: E402
from cooperatives.spreadsheets import undo as current_undo  # noqa: E402
from cooperatives.spreadsheets.engine import import_file  # noqa: E402
from cooperatives.spreadsheets.kinds import KINDS  # noqa: E402

ORGS = 150 if common.SMOKE else 1_500
ROWS = ORGS * len(base.PERIODS)  # 15,000 in a full run


def baseline_undo(ref: str):
    """``undo_batch`` as module cooperatives/spreadsheets/undo.py is at git ref ``ref``."""
    source = subprocess.run(
        ["git", "show", f"{ref}:cooperatives/spreadsheets/undo.py"],
        cwd=base.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("cooperatives.spreadsheets.undo_baseline")
    module.__package__ = "cooperatives.spreadsheets"
    exec(compile(source, f"{ref}:cooperatives/spreadsheets/undo.py", "exec"), module.__dict__)
    return module.undo_batch


def files() -> dict[str, bytes]:
    rows = list(itertools.islice(base.figure_rows(), ROWS))
    changed = [
        {**row, "revenue": row["revenue"] + Decimal(1), "members": row["members"] + 1}
        for row in rows
    ]
    return {
        "organizations": base.xlsx("organizations", itertools.islice(base.org_rows(), ORGS)),
        "figures": base.xlsx("figures", iter(rows)),
        "figures changed": base.xlsx("figures", iter(changed)),
    }


def timed_import(data: bytes, name: str) -> tuple[float, ImportBatch]:
    started = time.perf_counter()
    result = import_file(kind=KINDS[name.split()[0]], data=data, file_name=f"{name}.xlsx")
    seconds = time.perf_counter() - started
    if not result.ok or not (result.created or result.updated):
        sys.exit(f"{name}: import failed: {[str(e) for e in result.errors[:5]]}")
    return seconds, result.batch


def timed_undo(undo_batch, batch: ImportBatch, expected: dict) -> float:
    started = time.perf_counter()
    done = undo_batch(batch=ImportBatch.objects.get(pk=batch.pk), user=None)
    seconds = time.perf_counter() - started
    if done != expected:
        sys.exit(f"undo of #{batch.pk}: {done}, expected {expected}")
    return seconds


def steps(undo_batch, data: dict[str, bytes]) -> dict[str, float]:
    base.empty_tables()
    timed_import(data["organizations"], "organizations")
    times = {}
    times["import (create)"], batch = timed_import(data["figures"], "figures")
    times["undo (delete)"] = timed_undo(undo_batch, batch, {"deleted": ROWS, "restored": 0})
    if Figures.objects.exists():
        sys.exit("the undo left figures behind")
    timed_import(data["figures"], "figures")
    times["import (update)"], batch = timed_import(data["figures changed"], "figures")
    times["undo (restore)"] = timed_undo(undo_batch, batch, {"deleted": 0, "restored": ROWS})
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git ref whose undo_batch to time as well")
    args = parser.parse_args()
    settings.DEBUG = False  # no query log, as in production
    call_command("migrate", verbosity=0)
    base.setup_areas()
    data = files()
    runs = {"bulk": steps(current_undo.undo_batch, data)}
    if args.baseline:
        runs[args.baseline] = steps(baseline_undo(args.baseline), data)
    base.empty_tables()
    print(f"{base.database()}, {base.machine()}")
    print(f"{ROWS:,} figures rows of {ORGS:,} organisations; seconds:")
    names = list(runs)
    print("| Step | " + " | ".join(names) + (" | Ratio |" if len(names) > 1 else " |"))
    for step in runs["bulk"]:
        cells = [f"{runs[name][step]:.2f}" for name in names]
        if len(names) > 1:
            cells.append(f"{runs[names[1]][step] / runs['bulk'][step]:.1f}×")
        print(f"| {step} | " + " | ".join(cells) + " |")
    if common.SMOKE:
        print("smoke run: every step ran")
    if connection.vendor == "sqlite" and str(base.SCRATCH) in str(connection.settings_dict["NAME"]):
        connection.close()
        base.SCRATCH.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
