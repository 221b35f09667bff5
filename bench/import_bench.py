"""`make bench-import`: the spreadsheet import against a plain bulk_create of the same rows,
and against a plain django-import-export ModelResource.

On one database: (1) time ``import_file`` of 10,000 organisations and 100,000 figures rows
(XLSX), then read the process peak RSS; (2) empty the tables, time the floor (``bulk_create``
of instances built beforehand from the same rows, batch_size=1000, one transaction per kind);
(3) empty them, import again under tracemalloc for the memory of each call; (4) the peer
(bench/import_peer.py): the organisations' file imported by ``import_file`` again, then by a
ModelResource row by row and with ``use_bulk``, each on emptied tables, with what each
import wrote counted in the database. Writes the results to docs/performance.md. Query
logging is off, as in production.
"""

import datetime
import io
import os
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "htx_portal.settings")

import common  # noqa: E402
from docs_section import replace_section  # noqa: E402

SCRATCH = Path(f"/tmp/htx_bench_import_{os.getpid()}.sqlite3")
# BENCH_IMPORT_DATABASE_URL (PostgreSQL or sqlite:///file); else, when DATABASE_URL is
# PostgreSQL, a database of the bench's own on that server (its tables are emptied: never
# the site's); else a scratch SQLite file, deleted at the end.
if os.environ.get("BENCH_IMPORT_DATABASE_URL", "").startswith("sqlite"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_IMPORT_DATABASE_URL"]
elif os.environ.get("BENCH_IMPORT_DATABASE_URL") or os.environ.get("DATABASE_URL", "").startswith(
    ("postgres://", "postgresql://")
):
    os.environ["DATABASE_URL"] = common.database_url("import")
    common.ensure_database(os.environ["DATABASE_URL"])
else:
    os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"

import django  # noqa: E402

django.setup()

import batch_pages  # noqa: E402
import import_peer  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from cooperatives.models import Area, Figures, ImportBatch, Location, Organization, Sector  # noqa: E402
from cooperatives.spreadsheets.engine import import_file  # noqa: E402
from cooperatives.spreadsheets.kinds import KINDS  # noqa: E402
from core.lib.text import fold  # noqa: E402
from core.spreadsheets import cells  # noqa: E402

ORGS = 200 if common.SMOKE else 10_000
PERIODS = [(y, m) for y in range(2024 if common.SMOKE else 2021, 2026) for m in (6, 12)]
RATIO_GOAL, MEMORY_GOAL_MB = 3.0, 400
DOC, SECTION = ROOT / "docs" / "performance.md", "## Import (make bench-import)"
DISTRICTS = {"356": "Huyện Ý Yên", "357": "Huyện Nghĩa Hưng", "358": "Huyện Hải Hậu",
             "359": "Huyện Giao Thủy", "360": "Huyện Xuân Trường"}  # fmt: skip
STEMS = ["Yên", "Nghĩa", "Hải", "Giao", "Xuân"]
ENDS = ["Bằng", "Thành", "Lợi", "Phong", "Hòa", "Thịnh", "Tân", "Hưng", "Phú", "An"]
TRADES = ["Dịch vụ nông nghiệp", "Chăn nuôi", "Nuôi trồng thủy sản", "Mây tre đan", "Vận tải",
          "Điện năng", "Môi trường", "Gạo sạch", "Rau an toàn", "Làng nghề gỗ"]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
GIVEN = ["Văn An", "Thị Hoa", "Văn Bình", "Thị Lan", "Đức Minh", "Thị Hằng", "Văn Hùng", "Quang"]
COMMUNES = [f"13{d}{i}{j}" for d in range(5) for i in range(5) for j in (0, 5)]  # 50 codes
Row = dict[str, object]


def setup_areas() -> None:
    """A province, five districts, fifty communes (kept when the database already has them)."""
    add = lambda code, name, level, parent=None: Area.objects.get_or_create(  # noqa: E731
        code=code, defaults={"name": name, "level": level, "parent": parent})[0]  # fmt: skip
    province = add("36", "Tỉnh Nam Định", "province")
    for d, (code, name) in enumerate(DISTRICTS.items()):
        district = add(code, name, "district", province)
        for n, commune in enumerate(COMMUNES[d * 10 : d * 10 + 10]):
            add(commune, f"Xã {STEMS[d]} {ENDS[n]}", "commune", district)


def org_rows() -> Iterator[Row]:
    rng, areas = random.Random(1), COMMUNES
    sectors = list(Sector.objects.values_list("name", flat=True))
    for i in range(ORGS):
        founded = datetime.date(1997, 1, 1) + datetime.timedelta(days=rng.randrange(10_000))
        area, trade = rng.choice(areas), rng.choice(TRADES)
        village = f"{rng.choice(STEMS)} {rng.choice(ENDS)}"
        status = rng.choices(["active", "suspended", "dissolved"], [90, 6, 4])[0]
        member = rng.random() < 0.3
        yield {"code": f"06{i:08d}", "name": f"HTX {trade} {village} {i % 97 or ''}".strip(),
               "kind": rng.choices(["htx", "union", "group", "credit_fund"], [85, 2, 10, 3])[0],
               "sector": rng.choice(sectors), "area": area, "area_since": None,
               "founded_on": founded, "address": f"Thôn {rng.choice(ENDS)}, xã {village}",
               "phone": f"0228 38{rng.randrange(10_000, 99_999)}",
               "email": f"htx{i}@gmail.com" if rng.random() < 0.4 else "",
               "representative": f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
               "charter_capital": Decimal(rng.randrange(50, 50_000)) / 10, "tax_code": "",
               "is_alliance_member": member,
               "alliance_joined_on": founded + datetime.timedelta(days=400) if member else None,
               "is_new_model": rng.random() < 0.7, "status": status,
               "status_changed_on": None if status == "active" else datetime.date(2024, 6, 30),
               "is_public": True}  # fmt: skip


def figure_rows() -> Iterator[Row]:
    rng = random.Random(2)
    for i in range(ORGS):
        for year, months in PERIODS:
            workers, managers = rng.randrange(0, 60), rng.randrange(3, 10)
            yield {"organization": f"06{i:08d}", "year": year, "months": months,
                   "data_kind": "estimate" if (year, months) == (2025, 12) else "official",
                   "members": rng.randrange(7, 500), "workers": workers,
                   "revenue": Decimal(rng.randrange(0, 500_000)) / 10,
                   "profit": Decimal(rng.randrange(-2_000, 20_000)) / 10,
                   "avg_income": Decimal(rng.randrange(25, 120)) / 10,
                   "tax_paid": Decimal(rng.randrange(0, 5_000)) / 10,
                   "insured_workers": rng.randrange(0, workers + 1),
                   "rating": rng.choice(["good", "fair", "average", "weak", ""]),
                   "meets_ntm_13_1": rng.random() < 0.5, "managers": managers,
                   "managers_university": rng.randrange(0, managers + 1),
                   "managers_college": rng.randrange(0, managers + 1),
                   "managers_trained": rng.randrange(0, managers + 1)}  # fmt: skip


def cell(column, value: object) -> object:
    """Return a parsed value as staff would type it in the spreadsheet."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(column.parse, cells.Choices):
        return str(dict(column.parse.options)[value])
    return float(value) if isinstance(value, Decimal) else value


def xlsx(kind_name: str, rows: Iterator[Row]) -> bytes:
    columns = KINDS[kind_name].columns
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([column.header for column in columns])
    for row in rows:
        sheet.append([cell(column, row[column.attr]) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def empty_tables() -> None:
    models = [Figures, Location, Organization, ImportBatch]
    tables = [m._meta.db_table for m in models]
    tables += [m.history.model._meta.db_table for m in models[:3]]
    sql = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    connection.ops.execute_sql_flush(sql)


def run_import(kind_name: str, data: bytes, traced: bool) -> tuple[float, float]:
    """Return (seconds, tracemalloc peak MB or 0) of one ``import_file`` call."""
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    result = import_file(kind=KINDS[kind_name], data=data, file_name=f"{kind_name}.xlsx")
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
    tracemalloc.stop()
    if not result.ok or result.created == 0:
        sys.exit(f"{kind_name}: import failed: {[str(e) for e in result.errors[:5]]}")
    return seconds, peak


def floor() -> dict[str, float]:
    """Time plain bulk_create of instances built (untimed) from the same parsed rows."""
    sectors = {s.name: s for s in Sector.objects.all()}
    areas = {a.code: a for a in Area.objects.all()}
    orgs = [Organization(**{k: v for k, v in row.items() if k != "area_since"} | {
        "sector": sectors[row["sector"]], "area": areas[row["area"]],
        "name_folded": fold(row["name"])}) for row in org_rows()]  # fmt: skip
    started = time.perf_counter()
    with transaction.atomic():
        Organization.objects.bulk_create(orgs, batch_size=1000)
        locations = [Location(organization=o, area=o.area, valid_from=o.founded_on) for o in orgs]
        Location.objects.bulk_create(locations, batch_size=1000)
    seconds = {"organizations": time.perf_counter() - started}
    ids = {o.code: o.pk for o in orgs}
    figures = [Figures(**{k: v for k, v in row.items() if k != "organization"},
                       organization_id=ids[row["organization"]], state=Figures.State.SUBMITTED)
               for row in figure_rows()]  # fmt: skip
    started = time.perf_counter()
    with transaction.atomic():
        Figures.objects.bulk_create(figures, batch_size=1000)
    seconds["figures"] = time.perf_counter() - started
    return seconds


machine, database = common.machine, common.database  # kept for the benches that import them


HEADER = ["| Database | Rows | Import s | Floor s | Ratio | Import rows/s | Peak RSS MB "
          "| tracemalloc MB | ≤ 3× floor | < 400 MB | Date | Machine |",
          "|---" * 12 + "|"]  # fmt: skip


def write_doc(rows: list[str]) -> None:
    """Replace this database's rows of the section's table; PostgreSQL rows first."""
    text = DOC.read_text() if DOC.exists() else "# Performance\n\n"
    before, _, rest = text.partition(SECTION)
    old, nxt, after = rest.partition("\n## ")
    key = lambda line: line.split("|")[1].split()[0]  # noqa: E731
    kept = [line for line in old.splitlines() if line.startswith("| ") and line not in HEADER]
    kept = [line for line in kept if key(line) != key(rows[0])] + rows
    kept.sort(key=lambda line: key(line) != "PostgreSQL")
    body = [SECTION, "",
            f"Goals: importing {ORGS:,} organisations and {ORGS * len(PERIODS):,} figures rows "
            f"(XLSX) takes at most {RATIO_GOAL:g}× the floor (a plain `bulk_create` of the same "
            f"already-parsed rows, no history) and the process peaks under {MEMORY_GOAL_MB} MB. "
            "Times are without tracemalloc. Peak RSS is ru_maxrss after the timed imports (in "
            "brackets: before them, after generating the files); tracemalloc is the Python "
            "allocation peak of each import call, measured in a separate run.",
            "", *HEADER, *kept, ""]  # fmt: skip
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(before + "\n".join(body) + ("\n" + nxt + after if nxt else ""))


def compare_peers(data: bytes) -> tuple[list[str], tuple[float, float]]:
    """Import the organisations' file with ours, then each peer, on emptied tables; return
    the table's rows and the 1-minute load average before and after.

    Ours is timed again here rather than taken from the first import, so that every time
    of the comparison is taken minutes apart at most, under the same load on a shared
    machine.
    """
    load_before = os.getloadavg()[0]
    empty_tables()
    ours = run_import("organizations", data, traced=False)[0]
    results = [("ours: `import_file`", ours, import_peer.written())]
    our_values = import_peer.stored_values()
    for name, resource_class in import_peer.PEERS.items():
        empty_tables()
        seconds = import_peer.run(resource_class, data, ORGS)
        counts = import_peer.written()
        if counts["organizations"] != ORGS:
            sys.exit(f"{name}: {counts['organizations']} organisations written, not {ORGS}")
        differ = import_peer.stored_values() ^ our_values
        if differ:
            sys.exit(f"{name} stored other values than ours, e.g. {sorted(differ)[:2]}")
        results.append((name, seconds, counts))
    empty_tables()
    return import_peer.table(results), (load_before, os.getloadavg()[0])


def report(files: dict[str, bytes], times: dict, floors: dict, traced: dict, rss: tuple,
           peers: tuple[list[str], tuple[float, float]]) -> None:  # fmt: skip
    db, day, where = database(), datetime.date.today().isoformat(), machine()
    counts = {"organizations": ORGS, "figures": ORGS * len(PERIODS)}
    times["total"], floors["total"] = sum(times.values()), sum(floors.values())
    counts["total"], traced["total"] = sum(counts.values()), max(traced.values())
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    lines = []
    for name, rows in counts.items():
        ratio, total = times[name] / floors[name], name == "total"
        memory = f"{rss[1]:.0f} ({rss[0]:.0f})" if total else ""
        goals = f"{yes(ratio <= RATIO_GOAL)} | {yes(rss[1] < MEMORY_GOAL_MB)}" if total else " | "
        lines.append(f"| {db} | {rows:,} {name} | {times[name]:.2f} | {floors[name]:.2f} "
                     f"| {ratio:.2f} | {rows / times[name]:,.0f} | {memory} "
                     f"| {traced[name]:.0f} | {goals} | {day} | {where} |")  # fmt: skip
    sizes = ", ".join(f"{n} {len(d) / 2**20:.1f} MB" for n, d in files.items())
    print(f"XLSX files: {sizes}", *HEADER, *lines, "", import_peer.HEADING, *peers[0], sep="\n")
    if common.SMOKE:
        print("smoke run: docs/performance.md left as it is")
        return
    write_doc(lines)
    run_line = (f"Run: {day}, {db}, {where}; 1-minute load average {peers[1][0]:.1f} when "
                f"the comparison started, {peers[1][1]:.1f} when it ended.")  # fmt: skip
    replace_section(DOC, import_peer.HEADING, import_peer.section(peers[0], ORGS, run_line))
    print(f"written: {DOC.relative_to(ROOT)}")


def main() -> None:
    settings.DEBUG = False  # no query log: it would add memory and time the site never pays
    call_command("migrate", verbosity=0)
    setup_areas()
    empty_tables()
    files = {"organizations": xlsx("organizations", org_rows()),
             "figures": xlsx("figures", figure_rows())}  # fmt: skip
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = {name: run_import(name, data, traced=False)[0] for name, data in files.items()}
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    empty_tables()
    floors = floor()
    empty_tables()
    traced = {name: run_import(name, data, traced=True)[1] for name, data in files.items()}
    batches = batch_pages.measure()  # the admin pages of the two batches just imported
    batch_pages.print_results(batches)
    # Last, so that the peers' memory is not in the peak RSS above.
    peers = compare_peers(files["organizations"])
    report(files, times, floors, traced, (rss_before, peak_rss), peers)
    if not common.SMOKE:
        when = f"{datetime.date.today().isoformat()}, {common.database()}, {common.machine()}"
        replace_section(DOC, batch_pages.SECTION, batch_pages.section(batches, when))
    if os.environ["DATABASE_URL"] == f"sqlite:///{SCRATCH}":
        connection.close()
        SCRATCH.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
