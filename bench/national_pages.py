"""Pages one at a time on the national dataset (part of `make bench-report`).

Each page of issue 15's list, asked for through Django's test client in the bench's own
process (DEBUG off, the settings of production otherwise): public pages as an anonymous
visitor whose page the page cache does not serve (a session cookie of no session, as
the first visitor after a change), the home page also with every cache emptied before
each request (the first visitor after a change, with nothing computed yet), staff pages
signed in as a superuser. The median of ``RUNS`` requests after one warm-up, and the
queries of one request. Goal: every page under 300 ms, with a number of queries that does
not grow with the rows behind the page (tests/test_pages_at_scale.py holds that part).
"""

import statistics
import time

import common
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cooperatives.models import Organization

RUNS = 1 if common.SMOKE else 7
GOAL_MS = 300
SECTION = "## Pages at national scale (make bench-report)"
BENCH_USER = "bench-pages"


def _clear_caches() -> None:
    for cache in caches.all():
        cache.clear()


def pages(province: str) -> list[tuple[str, str, str, bool]]:
    """(label, address, who: "visitor" or "staff", empty the caches before each request)."""
    org = (
        Organization.objects.filter(is_public=True, area__isnull=False)
        .order_by("code")
        .values_list("pk", "code")[10_000 if not common.SMOKE else 0]
    )
    return [
        ("Trang chủ, lần đầu sau khi dữ liệu đổi (mọi cache trống)", "/", "visitor", True),
        ("Trang chủ, không cache", "/", "visitor", False),
        ("Trang chủ, cán bộ đã đăng nhập", "/", "staff", False),
        ("Danh bạ, trang 1, không cache", "/hop-tac-xa/", "visitor", False),
        ("Danh bạ, tìm gõ sai “nghim”", "/hop-tac-xa/?q=nghim", "visitor", False),
        ("Danh bạ, tìm gõ sai “thu ngiem”", "/hop-tac-xa/?q=thu+ngiem", "visitor", False),
        ("Trang tổ chức", f"/hop-tac-xa/{org[1]}/", "visitor", False),
        ("Sơ đồ trang (chỉ mục)", "/sitemap.xml", "visitor", False),
        ("Sơ đồ trang tổ chức (5.000 địa chỉ)", "/sitemap-hop-tac-xa.xml", "visitor", False),
        ("Quản trị: trang chủ cán bộ", "/quan-tri/", "staff", False),
        ("Báo cáo: chọn địa bàn và kỳ", "/bao-cao/", "staff", False),
        ("Báo cáo tỉnh, 6 tháng 2025 (trang)", f"/bao-cao/{province}/2025/6/", "staff", False),
        ("Quản trị: danh sách số liệu", "/quan-tri/cooperatives/figures/", "staff", False),
        ("Quản trị: danh sách tổ chức", "/quan-tri/cooperatives/organization/", "staff", False),
        (
            "Quản trị: tìm tổ chức “nghim”",
            "/quan-tri/cooperatives/organization/?q=nghim",
            "staff",
            False,
        ),
        ("Quản trị: lịch sử địa bàn", "/quan-tri/cooperatives/location/", "staff", False),
        (
            "Quản trị: sửa tổ chức (20 kỳ số liệu)",
            f"/quan-tri/cooperatives/organization/{org[0]}/change/",
            "staff",
            False,
        ),
    ]


def measure(province: str) -> list[dict]:
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    visitor = Client()
    visitor.cookies["sessionid"] = "bench-uncached-visitor"  # no such session
    staff = Client()
    staff.force_login(user)
    results = []
    with override_settings(REQUIRE_2FA=False, ALLOWED_HOSTS=["*"], PROVINCE_CODE=province):
        for label, address, who, cold in pages(province):
            client = staff if who == "staff" else visitor
            if cold:
                _clear_caches()
            response = client.get(address)  # warm-up (and the check)
            if response.status_code != 200:
                raise SystemExit(f"{address}: status {response.status_code}")
            times = []
            for _ in range(RUNS):
                if cold:
                    _clear_caches()
                started = time.perf_counter()
                client.get(address)
                times.append(time.perf_counter() - started)
            if cold:
                _clear_caches()
            with CaptureQueriesContext(connection) as queries:
                client.get(address)
            results.append({
                "label": label, "address": address, "ms": statistics.median(times) * 1000,
                "queries": len(queries), "kb": len(response.content) / 1024,
            })  # fmt: skip
    get_user_model().objects.filter(username=BENCH_USER).delete()
    return results


def section(results: list[dict], when: str) -> str:
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    lines = [
        "| Page | Address | Median ms | Queries | KB | Goal | Met |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| {r['label']} | `{r['address']}` | {r['ms']:.0f} | {r['queries']} "
            f"| {r['kb']:.0f} | < {GOAL_MS} ms | {yes(r['ms'] < GOAL_MS)} |"
            for r in results
        ],
    ]
    return "\n".join([
        SECTION, "",
        "Each page asked for through Django's test client in one process on the national "
        "dataset above (DEBUG off): visitors' pages with a session cookie of no session, so "
        "the page cache steps aside and the page is built (the first visitor after a data "
        "change); the first home page row also with every cache emptied before each "
        "request (nothing computed yet); staff pages signed in as a superuser. Median of "
        f"{RUNS} requests after one warm-up, the queries of one request, the page's size.",
        "", f"Run: {when}.", "", *lines, "",
    ])  # fmt: skip


def print_results(results: list[dict]) -> None:
    for r in results:
        print(f"{r['label']}: {r['ms']:.0f} ms, {r['queries']} queries, {r['kb']:.0f} KB")
