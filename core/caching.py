"""Whole-page caching for visitors, correct by construction.

A page is cached under a key holding the versions of the data it shows (see
``freshness``), the scheme and host (feeds and sitemaps carry absolute addresses) and
the query parameters it reads, hashed. An entry never outlives the moment its page would
change by itself: the next scheduled article going live, or midnight for pages that
depend on the date (an OCOP certificate expiring). Only GET answers with status 200 and
no cookie are stored; signed-in people always get a fresh page.
"""

import datetime
import hashlib
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from core import freshness

CEILING_SECONDS = 600
MAX_CACHED_BYTES = 1_000_000  # a page bigger than this is served, not stored
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def next_midnight() -> datetime.datetime:
    today = timezone.localdate()
    return timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )


# Moments a kind of data changes by itself, without a write (a scheduled article going
# live): each app registers its own in ``AppConfig.ready`` (``news`` does).
_DEADLINES: dict[str, list[Callable]] = {}


def register_deadline(data: str, deadline: Callable) -> None:
    """Pages showing ``data`` are cached no longer than the moment ``deadline()`` gives."""
    if deadline not in _DEADLINES.setdefault(data, []):
        _DEADLINES[data].append(deadline)


def cached_for_visitors(
    view,
    name: str,
    *,
    data: Iterable[str] = ("news",),
    parameters: Iterable[str] | Callable = ("page", "q", "p"),
    deadlines: Iterable[Callable] = (),
):
    """Wrap ``view`` so that visitors' GETs are served from the cache.

    ``data``: the data versions the page shows; ``parameters``: the query parameters it
    reads (others do not make a new entry), or a function giving the request's canonical
    form (so that junk values share one entry); ``deadlines``: functions giving moments
    the page changes by itself besides those registered for
    its data (``register_deadline``), taken before rendering. A page number that is not
    canonical (``01``) is served but not stored, and so is anything a visitor with a
    session or a pending message sees: those pages are not the same for everyone.
    """
    data, deadlines = tuple(data), tuple(deadlines)
    canonical = parameters if callable(parameters) else None
    parameters = () if canonical else tuple(parameters)

    def personal(request) -> bool:
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies

    def wrapper(request, *args, **kwargs):
        if (
            request.user.is_authenticated
            or request.method not in ("GET", "HEAD")
            or personal(request)
        ):
            return view(request, *args, **kwargs)
        for page_parameter in ("page", "p"):
            number = request.GET.get(page_parameter)
            if number is not None and not PAGE_NUMBER.fullmatch(number):
                return view(request, *args, **kwargs)
        if canonical:
            values = canonical(request)
        else:
            values = [(k, [v[:100] for v in request.GET.getlist(k)[:5]]) for k in parameters]
        raw = f"{request.scheme}://{request.get_host()}{request.path}?{values}{args}{kwargs}"
        versions = ".".join(str(freshness.version(d)) for d in data)
        key = f"page:{name}:{versions}:{hashlib.sha256(raw.encode()).hexdigest()}"
        response = cache.get(key)
        if response is not None:
            return response
        due = list(deadlines) + [f for d in data for f in _DEADLINES.get(d, ())]
        moments = [moment for moment in (f() for f in due) if moment is not None]
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response = response.render()
        timeout = CEILING_SECONDS
        for moment in moments:
            timeout = min(timeout, int((moment - timezone.now()).total_seconds()))
        if (
            request.method == "GET"
            and response.status_code == 200
            and not response.cookies
            and len(response.content) <= MAX_CACHED_BYTES
            and timeout > 0
        ):
            cache.set(key, response, timeout)
        return response

    return wrapper
