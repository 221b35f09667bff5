"""Article view counts without a database write per view.

Each process counts views in memory and adds them to the database at most once a
minute (one UPDATE per article viewed since), and when it exits. Pages show the stored
count plus this process's pending views.
"""

import atexit
import threading
import time

from django.db import DatabaseError, transaction
from django.db.models import F

from news.models import Article

FLUSH_EVERY_SECONDS = 60

_lock = threading.Lock()
_pending: dict[int, int] = {}
_last_flush = time.monotonic()


def count_view(article_id: int) -> None:
    global _last_flush
    with _lock:
        _pending[article_id] = _pending.get(article_id, 0) + 1
        due = time.monotonic() - _last_flush >= FLUSH_EVERY_SECONDS
        if due:
            _last_flush = time.monotonic()
    if due:
        flush()


def pending(article_id: int) -> int:
    with _lock:
        return _pending.get(article_id, 0)


# Stored counts as last read by this process: article id -> (count, when read).
_stored: dict[int, tuple[int, float]] = {}
STORED_SECONDS = 60


def total(article_id: int) -> int:
    """The count to show: stored (read at most once a minute) plus this process's pending."""
    now = time.monotonic()
    with _lock:
        known = _stored.get(article_id)
    if known is None or now - known[1] >= STORED_SECONDS:
        count = (
            Article.objects.filter(pk=article_id).values_list("view_count", flat=True).first() or 0
        )
        known = (count, now)
        with _lock:
            _stored[article_id] = known
    return known[0] + pending(article_id)


def discard() -> None:
    """Forget pending and stored counts, and start the minute to the next flush afresh
    (a test starting afresh, or a database restored): a view just after never flushes."""
    global _last_flush
    with _lock:
        _pending.clear()
        _stored.clear()
        _last_flush = time.monotonic()


def flush() -> int:
    """Write the pending counts; return how many articles were updated."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
    try:
        with transaction.atomic():  # all or nothing: a retry never counts twice
            for article_id, views in batch.items():
                Article.objects.filter(pk=article_id).update(view_count=F("view_count") + views)
    except DatabaseError:
        with _lock:  # keep them for the next flush rather than lose them
            for article_id, views in batch.items():
                _pending[article_id] = _pending.get(article_id, 0) + views
        return 0
    with _lock:  # written: the stored counts as read are out of date
        for article_id in batch:
            _stored.pop(article_id, None)
    return len(batch)


atexit.register(flush)
