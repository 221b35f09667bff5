"""Limits per client address on the readers' forms (questions and comments together).

Counted in the Django cache (shared by every process with ``REDIS_URL``; per process
otherwise), in fixed windows: accepted submissions per clock hour and per day, and
attempts (every POST, refused ones too) per clock hour. The address is kept only as a
keyed hash in the key, never in the database or the logs.
"""

import datetime
import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from core.clientip import client_ip

HOUR, DAY = 3600, 86400


@dataclass(frozen=True)
class Window:
    name: str
    seconds: int
    setting: str


POSTS_PER_HOUR = Window("posts-hour", HOUR, "READER_POSTS_PER_HOUR")
POSTS_PER_DAY = Window("posts-day", DAY, "READER_POSTS_PER_DAY")
ATTEMPTS_PER_HOUR = Window("attempts-hour", HOUR, "READER_ATTEMPTS_PER_HOUR")
POSTS = (POSTS_PER_HOUR, POSTS_PER_DAY)


def _who(request) -> str:
    address = client_ip(request) or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _offset() -> float:
    """Seconds the local time is ahead of UTC: days run from local midnight."""
    return timezone.localtime().utcoffset().total_seconds()


def _index(window: Window, now: float) -> int:
    return int((now + _offset()) // window.seconds)


def _key(window: Window, who: str, now: float) -> str:
    return f"reader-limit:{window.name}:{_index(window, now)}:{who}"


def _count(window: Window, who: str, now: float) -> int:
    return cache.get(_key(window, who, now), 0)


def _add(window: Window, who: str, now: float) -> None:
    key = _key(window, who, now)
    # Kept a little past its window, so that a count read at the boundary is still right.
    if not cache.add(key, 1, window.seconds + 60):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, window.seconds + 60)


def refused_until(request, *, posting: bool) -> datetime.datetime | None:
    """When the address may send again, or None if it may now. ``posting``: also count
    the attempts (a POST), not only the accepted submissions."""
    now = time.time()
    who = _who(request)
    windows = [*POSTS, ATTEMPTS_PER_HOUR] if posting else list(POSTS)
    ends = [
        (_index(w, now) + 1) * w.seconds - _offset()
        for w in windows
        if _count(w, who, now) >= getattr(settings, w.setting)
    ]
    if not ends:
        return None
    return datetime.datetime.fromtimestamp(max(ends), tz=datetime.UTC).astimezone(
        timezone.get_current_timezone()
    )


def count_attempt(request) -> None:
    _add(ATTEMPTS_PER_HOUR, _who(request), time.time())


def count_post(request) -> None:
    now, who = time.time(), _who(request)
    for window in POSTS:
        _add(window, who, now)
