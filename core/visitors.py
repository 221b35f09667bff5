"""The visitor counter of the public site (Đang online, Hôm nay, Trong tuần, Tất cả).

No database write per page view and no personal data: a visit is a browser seen for the
first time in 30 minutes, known by a cookie that holds only the five-minute window in
which the browser was last counted online (no identifier; the server keeps nothing per
browser). Online are the browsers counted in the current window. Visits are counted in
the cache and added to the day's total (``VisitDay``) at most once a minute. Pages, even
cached ones, carry a placeholder that is replaced by the current numbers on the way out.

A new visitor's view costs three cache operations (a round trip each with Redis): the
day's visits and the window's browsers incremented, and the numbers read in one
``get_many``; a known browser within its window, only the read.
"""

import atexit
import datetime
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.html import format_html

from core.caching import fill_in
from core.lib.formatting import vn_number
from core.models import VisitDay

PLACEHOLDER = b"<!--so-nguoi-truy-cap-->"
COOKIE = "htx_luot"
VISIT_SECONDS = 30 * 60
ONLINE_SECONDS = 5 * 60
FLUSH_SECONDS = 60
SKIPPED = ("/quan-tri/", "/static/", "/media/", "/healthz", "/robots.txt", "/sitemap.xml")
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|monitor|curl|wget|python|facebookexternalhit|whatsapp"
    r"|zalo|telegram|slack|discord|headless",
    re.I,
)
# The cookie's value: the online window it was last counted in. Sixteen hex digits are
# the random token of earlier versions: a known browser, counted online again once.
KNOWN = re.compile(r"[0-9]{1,12}|[0-9a-f]{16}")


def _pending_key(day: datetime.date) -> str:
    return f"visitors:pending:{day.isoformat()}"


def _online_key(window: int) -> str:
    return f"visitors:online:{window}"


def _cache():
    return caches["visitors"]


def count(request, response) -> None:
    """Count this page view's visit (if it starts one) and mark its browser online."""
    known = request.COOKIES.get(COOKIE, "")
    if not KNOWN.fullmatch(known):
        _increment(_pending_key(timezone.localdate()), 3 * 24 * 3600)
    # Online: browsers counted in the current five-minute window, each once: its cookie
    # says the window it was counted in. A browser could lie, as it could by dropping
    # the cookie; it only changes its own count.
    window = str(int(time.time() // ONLINE_SECONDS))
    if known != window:
        _increment(_online_key(int(window)), 2 * ONLINE_SECONDS)
    response.set_cookie(
        COOKIE, window, max_age=VISIT_SECONDS, httponly=True, samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip


def _increment(key: str, timeout: int) -> None:
    """Add one to ``key``, made with ``timeout`` if it is not there: one cache operation
    on every view but the first of its key (a round trip each with Redis)."""
    cache = _cache()
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or just expired)
        if not cache.add(key, 1, timeout=timeout):
            try:
                cache.incr(key)  # another process made it meanwhile
            except ValueError:  # and it expired between the two calls
                cache.set(key, 1, timeout=timeout)


# How often one process asks for the flush lock (``maybe_flush``): the lock itself keeps
# the flushes of all processes to one a minute; asking on every view cost a cache
# operation each.
FLUSH_TRY_SECONDS = 5
_next_try = 0.0


def maybe_flush() -> None:
    """``flush`` if this process has not tried for ``FLUSH_TRY_SECONDS``."""
    global _next_try
    moment = time.monotonic()
    if moment >= _next_try:
        _next_try = moment + FLUSH_TRY_SECONDS
        flush()


def forget_flush_attempt() -> None:
    """Let this process ask for the flush lock on its next view (the lock emptied with
    the cache, in tests)."""
    global _next_try
    _next_try = 0.0


def flush(*, now: bool = False) -> None:
    """Add the counted visits to the days' totals (at most once a minute, one process).

    The counts leave the cache only once the database has them.
    """
    cache = _cache()
    if not cache.add("visitors:flush-lock", 1, timeout=FLUSH_SECONDS) and not now:
        return
    today = timezone.localdate()
    written = []
    try:
        with transaction.atomic():
            for day in (today - datetime.timedelta(days=1), today):
                pending = cache.get(_pending_key(day)) or 0
                if pending:
                    added = VisitDay.objects.filter(day=day).update(visits=F("visits") + pending)
                    if not added:
                        VisitDay.objects.create(day=day, visits=pending)
                    written.append((_pending_key(day), pending))
    except DatabaseError:
        return
    for key, pending in written:
        try:
            cache.decr(key, pending)
        except ValueError:
            pass
    cache.delete("visitors:totals")


def _flush_at_exit() -> None:
    try:
        flush(now=True)
    except Exception:  # the database may be gone already; nothing to report to
        pass


atexit.register(_flush_at_exit)


def _stored_totals(totals: dict | None) -> dict:
    """The days' totals in the database: ``totals`` as the cache had them (None if it
    had none), read anew if missing or of another day."""
    today = timezone.localdate()
    if totals is None or totals["day"] != today:
        week_start = today - datetime.timedelta(days=today.weekday())
        days = VisitDay.objects.filter(day__gte=week_start).values_list("day", "visits")
        by_day = dict(days)
        totals = {
            "day": today,
            "today": by_day.get(today, 0),
            "week": sum(by_day.values()),
            "all": VisitDay.objects.aggregate(n=Sum("visits"))["n"] or 0,
        }
        _cache().set("visitors:totals", totals, FLUSH_SECONDS)
    return totals


def numbers() -> dict:
    """Online now, today, this week (from Monday) and all time, pending visits included."""
    today = timezone.localdate()
    window = int(time.time() // ONLINE_SECONDS)
    keys = ("visitors:totals", _pending_key(today), _online_key(window), _online_key(window - 1))
    found = _cache().get_many(keys)  # one round trip
    totals = _stored_totals(found.get(keys[0]))
    pending = found.get(keys[1]) or 0
    # Browsers seen in this five-minute window, or the last one while this one fills up.
    online = max(found.get(keys[2]) or 0, found.get(keys[3]) or 0)
    return {
        "online": max(online, 1),
        "today": totals["today"] + pending,
        "week": totals["week"] + pending,
        "all": totals["all"] + pending,
    }


def render(values: dict) -> bytes:
    items = [("Đang online", values["online"]), ("Hôm nay", values["today"]),
             ("Trong tuần", values["week"]), ("Tất cả", values["all"])]  # fmt: skip
    html = "".join(
        format_html("<li>{}: <strong>{}</strong></li>", label, vn_number(n)) for label, n in items
    )
    return f'<ul class="visitors">{html}</ul>'.encode()


class VisitorCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code in (200, 403, 404)
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(SKIPPED)
            and not getattr(response, "streaming", False)
        ):
            if response.status_code == 200 and not ROBOTS.search(
                request.headers.get("User-Agent", "")
            ):
                count(request, response)
                maybe_flush()
            fill_in(response, PLACEHOLDER, lambda: render(numbers()))
        return response
