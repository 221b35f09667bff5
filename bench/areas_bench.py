"""`make bench-areas`: Vietnam's official units at national scale (issue 12).

PostgreSQL, on a database of its own made afresh each run (``BENCH_AREAS_DATABASE_URL``, or
``<BENCH_DB_PREFIX>_areas`` on DATABASE_URL's server: see bench/common.py).
In one run:
1. ``load_areas --province 36`` (the new Tỉnh Ninh Bình's territory) and a register of
   ``ORGS`` organisations in its real old communes, with half-year and full-year figures for
   2024 and 2025, OCOP products and loans;
2. the province reports as JSON (``build_report`` + ``json.dumps``): new Tỉnh Ninh Bình for
   2025 (its 129 new communes as children, every location followed through the reform's
   successors) and old Tỉnh Nam Định for 2024 (its districts), medians of warm runs;
3. ``load_areas`` for the whole country in a child process: its time and peak RSS;
4. the same reports again with the 14,138 national units loaded: the ratio to step 2;
5. the admin's area list and the area autocomplete (as alliance staff, through Django's
   test client, so without network or server overhead), medians of warm runs.

``--smoke`` (or ``BENCH_SMOKE=1``): a small register, one round, few repetitions, and two
more provinces instead of the whole country, to check the bench still runs; it writes
nothing to docs/performance.md.
"""

import datetime
import json
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "htx_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
import common  # noqa: E402

os.environ["DATABASE_URL"] = common.database_url("areas")
SMOKE = common.SMOKE
ORGS = 300 if SMOKE else 3000
REPEAT = 3 if SMOKE else 15
DOC = ROOT / "docs" / "performance.md"
SECTION = "## Official units at national scale (make bench-areas)"
GOALS = {"load_s": 30, "load_mb": 300, "report_ratio": 1.10, "admin_ms": 200}

import django  # noqa: E402

common.ensure_database(os.environ["DATABASE_URL"], fresh=True)
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from docs_section import replace_section  # noqa: E402

from cooperatives.models import (  # noqa: E402
    Area,
    Figures,
    Loan,
    Location,
    OcopProduct,
    Organization,
    Sector,
)
from core import freshness  # noqa: E402
from core.lib.reform import LAST_OLD_DAY  # noqa: E402
from reports.compute import build_report  # noqa: E402

D2024 = datetime.date(2024, 12, 31)
D2025 = datetime.date(2025, 12, 31)


def load(*codes: str) -> None:
    call_command("load_areas", *(["--province", *codes] if codes else []), verbosity=0,
                 stdout=open(os.devnull, "w"))  # fmt: skip


def build_register() -> None:
    """ORGS organisations in real old communes of old Nam Định, Hà Nam and Ninh Bình."""
    rng = random.Random(12)
    communes = list(Area.objects.filter(level=Area.Level.COMMUNE, valid_to=LAST_OLD_DAY))
    sectors = list(Sector.objects.all())
    orgs = []
    for i in range(ORGS):
        kind = rng.choices(list(Organization.Kind.values), [70, 2, 25, 3])[0]
        founded = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randint(0, 7300))
        ceased = rng.random() < 0.08
        orgs.append(
            Organization(
                code=f"09{i:08d}", name=f"HTX thử nghiệm {i}", name_folded=f"htx thu nghiem {i}",
                kind=kind, sector=rng.choice(sectors), founded_on=founded,
                status="dissolved" if ceased else "active",
                status_changed_on=datetime.date(2025, 3, 1) if ceased else None,
            )
        )  # fmt: skip
    Organization.objects.bulk_create(orgs, batch_size=1000)
    locations = [
        Location(organization=org, area=rng.choice(communes), valid_from=org.founded_on)
        for org in orgs
    ]
    Location.objects.bulk_create(locations, batch_size=1000)
    for loc in locations:
        Organization.objects.filter(pk=loc.organization_id).update(area=loc.area)
    figures = []
    for org in orgs:
        for year in (2024, 2025):
            for months in (6, 12):
                if rng.random() < 0.8:
                    figures.append(
                        Figures(
                            organization=org, year=year, months=months,
                            members=rng.randint(7, 400), workers=rng.randint(2, 40),
                            revenue=rng.randint(100, 9000), profit=rng.randint(-50, 600),
                            avg_income=rng.randint(25, 70) / 10,
                        )
                    )  # fmt: skip
    Figures.objects.bulk_create(figures, batch_size=2000)
    OcopProduct.objects.bulk_create(
        [
            OcopProduct(
                organization=org, name=f"Sản phẩm {org.code}", name_folded=f"san pham {org.code}",
                group="food", stars=rng.choice([3, 3, 4, 5]),
                certified_on=datetime.date(2023, 5, 1), expires_on=datetime.date(2026, 4, 30),
            )
            for org in orgs[: ORGS // 10]
        ]
    )  # fmt: skip
    Loan.objects.bulk_create(
        [
            Loan(organization=org, source="provincial_fund", amount=500, outstanding=300,
                 disbursed_on=datetime.date(2025, 2, 1))
            for org in orgs[: ORGS // 20]
        ]
    )  # fmt: skip


def analyze() -> None:
    """Refresh the planner's statistics after bulk writes, as autovacuum would on a site."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def median_ms(action, repeat: int = REPEAT) -> float:
    action()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def reports() -> dict[str, float]:
    new = Area.objects.with_code_on("37", D2025)
    old = Area.objects.with_code_on("36", D2024)
    return {
        "Tỉnh Ninh Bình (mới), 12 tháng 2025": median_ms(
            lambda: json.dumps(build_report(new, 2025, 12), ensure_ascii=False)
        ),
        "Tỉnh Nam Định (cũ), 12 tháng 2024": median_ms(
            lambda: json.dumps(build_report(old, 2024, 12), ensure_ascii=False)
        ),
    }


def load_country() -> tuple[float, float]:
    """Load the whole country in a child process; return (seconds, peak RSS in MB)."""
    started = time.perf_counter()
    country = ["--province", "01", "79"] if SMOKE else []  # smoke: two more provinces
    subprocess.run(
        [sys.executable, "manage.py", "load_areas", *country], cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL, env={**os.environ},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def drop_other_units(keep: set[int]) -> None:
    """Delete every unit outside the territory (communes first), back to step 1's state."""
    others = Area.objects.exclude(pk__in=keep)
    Area.successors.through.objects.filter(from_area__in=others).delete()
    Area.successors.through.objects.filter(to_area__in=others).delete()
    for level in (Area.Level.COMMUNE, Area.Level.DISTRICT, Area.Level.PROVINCE):
        others.filter(level=level)._raw_delete(connection.alias)
    freshness.bump("registry")  # deleted without signals: cached area maps must go


def admin_pages() -> dict[str, float]:
    user = get_user_model().objects.create_superuser("bench-admin", "", None)
    client = Client()
    client.force_login(user)
    pages = {
        "Danh sách đơn vị hành chính": reverse("admin:cooperatives_area_changelist"),
        "Danh sách, tìm “minh”": reverse("admin:cooperatives_area_changelist") + "?q=minh",
        "Gợi ý đơn vị (autocomplete), “minh”": reverse("admin:autocomplete")
        + "?term=minh&app_label=cooperatives&model_name=location&field_name=area",
        "Gợi ý đơn vị (autocomplete), trống": reverse("admin:autocomplete")
        + "?term=&app_label=cooperatives&model_name=location&field_name=area",
    }

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return {name: median_ms(lambda url=url: get(url)) for name, url in pages.items()}


machine, database = common.machine, common.database


def main() -> None:
    logging.disable(logging.INFO)  # no request log lines among the results
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    load("36")
    build_register()
    territory_ids = set(Area.objects.values_list("pk", flat=True))
    territory = len(territory_ids)
    # Without and with the national units, twice each, alternating: the machine is noisy.
    before, after, loads = [], [], []
    for round_ in range(1 if SMOKE else 2):
        if round_:
            drop_other_units(territory_ids)
        analyze()
        before.append(reports())
        loads.append(load_country())
        analyze()
        after.append(reports())
    national = Area.objects.count()
    load_s = statistics.median(s for s, _ in loads)
    load_mb = max(mb for _, mb in loads)
    before = {name: statistics.median(r[name] for r in before) for name in before[0]}
    after = {name: statistics.median(r[name] for r in after) for name in after[0]}
    analyze()
    admin = admin_pages()
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    load_ok = load_s < GOALS["load_s"] and load_mb < GOALS["load_mb"]
    lines = [
        SECTION, "",
        f"Run: {datetime.date.today():%Y-%m-%d}, {database()}, {machine()}. Register: "
        f"{ORGS:,} organisations in real communes of the new Tỉnh Ninh Bình's territory, "
        "figures for 2024 and 2025, OCOP products and loans. Times are medians of "
        f"{REPEAT} warm runs in one process; the reports were measured twice without and "
        "twice with the national units, alternating, and `load_areas` twice (median time, "
        "highest peak).", "",
        "| What | Measured | Goal | Met |", "|---|---|---|---|",
        f"| `load_areas`, whole country ({national:,} units, child process) "
        f"| {load_s:.1f} s, peak RSS {load_mb:.0f} MB | < {GOALS['load_s']} s, "
        f"< {GOALS['load_mb']} MB | {yes(load_ok)} |",
    ]  # fmt: skip
    for name, ms in before.items():
        ratio = after[name] / ms
        lines.append(
            f"| Report JSON, {name}: {territory:,} units → {national:,} units "
            f"| {ms:.1f} ms → {after[name]:.1f} ms (×{ratio:.2f}) "
            f"| within 10 % | {yes(ratio <= GOALS['report_ratio'])} |"
        )
    for name, ms in admin.items():
        lines.append(
            f"| Admin: {name}, {national:,} units | {ms:.0f} ms | < {GOALS['admin_ms']} ms "
            f"| {yes(ms < GOALS['admin_ms'])} |"
        )
    print("\n".join(lines))
    if SMOKE:
        print("smoke run: docs/performance.md left as it is")
    else:
        replace_section(DOC, SECTION, "\n".join(lines) + "\n")
        print(f"written: {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
