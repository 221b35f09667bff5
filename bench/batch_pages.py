"""The import batch pages after `make bench-import`'s imports (10,000 organisations, then
100,000 figures rows): each batch's admin page, as staff open it to check or undo an
import, timed one request at a time with its queries.

The page shows the batch's rows and whether it can still be undone; both must cost a
fixed number of queries whatever the batch's size (issue 15: 614 and 426 queries before).
"""

import statistics
import time

import common
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives.models import ImportBatch

RUNS = 1 if common.SMOKE else 7
GOAL_MS = 300
SECTION = "## Import batch pages (make bench-import)"
BENCH_USER = "bench-batch-pages"


def measure() -> list[dict]:
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    results = []
    with override_settings(REQUIRE_2FA=False, ALLOWED_HOSTS=["*"]):
        for batch in ImportBatch.objects.order_by("pk"):
            address = reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
            response = client.get(address)
            if response.status_code != 200:
                raise SystemExit(f"{address}: status {response.status_code}")
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                client.get(address)
                times.append(time.perf_counter() - started)
            with CaptureQueriesContext(connection) as queries:
                client.get(address)
            results.append({
                "label": f"{batch.get_kind_display()}, {batch.rows:,} rows",
                "ms": statistics.median(times) * 1000, "queries": len(queries),
            })  # fmt: skip
    get_user_model().objects.filter(username=BENCH_USER).delete()
    return results


def section(results: list[dict], when: str) -> str:
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    return "\n".join([
        SECTION, "",
        "The admin page of each batch just imported (`/quan-tri/cooperatives/importbatch/"
        "<id>/change/`: the batch's rows and whether it can still be undone), signed in as "
        "a superuser, through Django's test client in the bench's process (DEBUG off); "
        f"median of {RUNS} requests after one warm-up, and the queries of one request.",
        "", f"Run: {when}.", "",
        "| Batch | Median ms | Queries | Goal | Met |", "|---|---|---|---|---|",
        *[f"| {r['label']} | {r['ms']:.0f} | {r['queries']} | < {GOAL_MS} ms | "
          f"{yes(r['ms'] < GOAL_MS)} |" for r in results],
        "",
    ])  # fmt: skip


def print_results(results: list[dict]) -> None:
    for r in results:
        print(f"batch page, {r['label']}: {r['ms']:.0f} ms, {r['queries']} queries")
