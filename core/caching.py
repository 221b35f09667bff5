"""Whole-page caching for visitors, correct by construction.

A page is cached under a key holding the versions of the data it shows (see
``freshness``), the scheme and host (feeds and sitemaps carry absolute addresses) and
the query parameters it reads, hashed. An entry never outlives the moment its page would
change by itself: the next scheduled article going live, or midnight for pages that
depend on the date (an OCOP certificate expiring). Only GET answers with status 200 and
no cookie are stored; signed-in people always get a fresh page.

``VisitorPageMiddleware`` serves those pages early: it stores each page as the whole
middleware chain made it (security policy, frame and Vary headers included) and, for an
address it has seen, takes the next visitor's GET from the cache without sessions,
CSRF, authentication and the other middlewares, and without resolving the URL. It only
answers requests with no session or messages cookie (so anonymous, as the wrapper's
own check), with the entry the wrapper chose for that address under the same data
versions: it adds no page of its own and cannot serve one the wrapper would not. Only
GETs are answered early, once this process has seen the address; HEADs are answered
from the same pages through the chain. A view wrapped around ``cached_for_visitors``
keeps its address off the early path (its work would be skipped): work to do on every
view of a cached page belongs in a middleware placed before this one, as
``news.middleware.ArticleViewsMiddleware``. Pages keep the headers of the settings they
were made under until they expire (at most ``CEILING_SECONDS``).
"""

import datetime
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.cache import has_vary_header

from core import freshness

CEILING_SECONDS = 600
MAX_CACHED_BYTES = 1_000_000  # a page bigger than this is served, not stored
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
# Addresses (with their query strings) whose page a process remembers for the early path;
# the least recently served is forgotten first, so junk query strings cannot grow it.
KNOWN_ADDRESSES = 4096


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
        versions = tuple(freshness.version(d) for d in data)
        # VisitorPageMiddleware stores the page as the whole chain makes it, when this
        # wrapper is the address's view itself: a view wrapped around it may change the
        # answer or do work on every view, which the early path would skip. Otherwise
        # (wrapped, or called without the chain) the wrapper stores its view's answer,
        # under other keys.
        match = getattr(request, "resolver_match", None)
        early = getattr(request, "visitor_page", None)
        if match is None or match.func is not wrapper:
            early = None
        prefix = "page-whole" if early is not None else "page"
        digest = hashlib.sha256(raw.encode()).hexdigest()
        key = f"{prefix}:{name}:{'.'.join(map(str, versions))}:{digest}"
        response = cache.get(key)
        if response is not None:
            if early is not None:
                early.chosen(key, data, versions, timeout=None)
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
            if early is not None:
                early.chosen(key, data, versions, timeout=timeout)  # stored on its way out
            else:
                cache.set(key, response, timeout)
        return response

    return wrapper


def fill_in(response, placeholder: bytes, make: Callable[[], bytes]) -> None:
    """Replace ``placeholder`` in a page (cached or not) with what ``make`` gives, on its
    way out: with nothing while the database cannot be reached (a cached page is still
    served), and with the ``Content-Length`` the new body has."""
    if placeholder not in response.content:
        return
    try:
        made = make()
    except (OperationalError, InterfaceError):
        made = b""
    response.content = response.content.replace(placeholder, made)
    if response.has_header("Content-Length"):  # set by CommonMiddleware
        response["Content-Length"] = str(len(response.content))


def personal(request) -> bool:
    """Whether the request carries a session or a pending message: its pages are not
    the same for everyone."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


@dataclass
class _Choice:
    """The cached page ``cached_for_visitors`` chose for a request."""

    key: str
    data: tuple
    versions: tuple
    timeout: int | None  # None: the page came from the cache, nothing to store


class _Early:
    """Set on each request as ``request.visitor_page``; the wrapper tells it its choice."""

    choice: _Choice | None = None

    def chosen(self, key: str, data: Iterable[str], versions: tuple, *, timeout) -> None:
        self.choice = _Choice(key, tuple(data), versions, timeout)


# (scheme, host, path and query) -> the page the wrapper chose for it, in this process.
_known: OrderedDict[tuple, _Choice] = OrderedDict()
_known_lock = threading.Lock()


def forget_addresses() -> None:
    """Forget every address's page (the cache emptied, in tests)."""
    with _known_lock:
        _known.clear()


class VisitorPageMiddleware:
    """Serve visitors' cached pages before the rest of the chain (module docstring).

    Placed after WhiteNoise and the two counters (visitors, article views), which fill in
    every page it serves, and before the session middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or personal(request)
            or "HTTP_AUTHORIZATION" in request.META
        ):
            return self.get_response(request)
        if request.method == "HEAD":  # answered from the GETs' pages, by the chain
            request.visitor_page = _Early()
            return self.get_response(request)
        try:
            address = (request.scheme, request.get_host(), request.get_full_path())
        except Exception:  # a refused host: the chain answers it as it should
            return self.get_response(request)
        with _known_lock:
            known = _known.get(address)
            if known is not None:
                _known.move_to_end(address)
        if known is not None and known.versions == tuple(map(freshness.version, known.data)):
            response = cache.get(known.key)
            if response is not None:
                return response
        request.visitor_page = _Early()
        response = self.get_response(request)
        choice = request.visitor_page.choice
        if (
            choice is None  # not a visitors' page, or its view is wrapped (see the wrapper)
            or response.status_code != 200
            or response.cookies
            or getattr(response, "streaming", False)
            # A nonce is for one answer; private or no-store pages are for one person.
            or getattr(request, "_csp_nonce", None) is not None
            or has_vary_header(response, "*")
            or any(word in response.get("Cache-Control", "") for word in ("private", "no-store"))
        ):
            return response
        if choice.timeout is not None:
            cache.set(choice.key, response, choice.timeout)
        with _known_lock:
            _known[address] = choice
            _known.move_to_end(address)
            while len(_known) > KNOWN_ADDRESSES:
                _known.popitem(last=False)
        return response
