"""When the database cannot be reached: a quick Vietnamese 503 page, never a hang or a 500.

Any page whose request meets ``OperationalError`` or ``InterfaceError`` (the connection is
refused, times out, drops, or a statement passes the web statement timeout) answers
``templates/503.html`` with ``Retry-After``. The page is rendered without a request, so no
context processor runs and nothing reads the database. Two hooks catch the error:
``DatabaseUnavailableMiddleware.process_exception`` for errors raised by a view (or while
its template renders), and ``server_error`` (``handler500``) for errors raised by a
middleware, e.g. a session saved on the way out. The connection itself recovers by
Django's health checks (``CONN_HEALTH_CHECKS``): the next request after PostgreSQL is back
opens a fresh one, without a restart.
"""

import base64
import hashlib
import logging
import re
import sys

from django.conf import settings
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
    transaction,
)
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger("core.database")

RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (OperationalError, InterfaceError)


def is_unavailable(exc: BaseException | None) -> bool:
    if isinstance(exc, OperationalError) and "no such table" in str(exc):
        return False  # an SQLite database not migrated yet: a fault, not an outage
    return isinstance(exc, UNAVAILABLE)


_STYLE = re.compile(rb"<style>(.*?)</style>", re.DOTALL)
NONE = "'none'"


def with_own_policy(response: HttpResponse) -> HttpResponse:
    """Give a standalone error page (500, 503) a policy allowing exactly its own styles.

    These pages carry their CSS inline, so that they need neither the database nor a
    static file; the site's policy allows no inline style, and a page answered from a
    middleware's failure would not even pass the CSP middleware. django-csp leaves a
    policy already set alone.
    """
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode()}'"
        for m in _STYLE.finditer(response.content)
    ]
    response["Content-Security-Policy"] = (
        f"default-src 'none'; style-src {' '.join(hashes) or NONE}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return response


def unavailable_response() -> HttpResponse:
    """The 503 page: rendered from the template alone (no request, no context processor)."""
    body = loader.get_template("503.html").render({"alliance_name": settings.ALLIANCE_NAME})
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return with_own_policy(response)


class DatabaseUnavailableMiddleware:
    """Turn a view's database outage into the 503 page (in DEBUG too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_unavailable(exception):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        return unavailable_response()


def server_error(request):
    """``handler500``: the 503 page when the failure was the database, else the 500 page."""
    exc = sys.exc_info()[1]
    if is_unavailable(exc):
        logger.warning("Database unavailable for %s: %s", request.path, exc)
        return unavailable_response()
    return with_own_policy(defaults.server_error(request))


def limit_web_statements() -> None:
    """Cap every statement of this (web) process at ``DB_STATEMENT_TIMEOUT`` seconds.

    Called by ``wsgi.py`` and ``asgi.py`` only, before the first request: management
    commands (imports, benchmarks, migrations) keep PostgreSQL's default (no limit). The
    option is added to the connection's startup parameters, so it costs no round trip.
    """
    db = settings.DATABASES["default"]
    seconds = getattr(settings, "DB_STATEMENT_TIMEOUT", 0)
    if db["ENGINE"] != "django.db.backends.postgresql" or seconds <= 0:
        return
    options = db.setdefault("OPTIONS", {})
    current = options.get("options", "")
    if "statement_timeout" not in current:
        options["options"] = f"{current} -c statement_timeout={seconds * 1000}".strip()


def analyze(*models, history: bool = True, using: str = DEFAULT_DB_ALIAS) -> None:
    """Refresh PostgreSQL's statistics of the tables of ``models`` once the data is in.

    After a bulk write the planner still believes the tables as they were (often empty),
    and may pick a nested loop over 100,000 rows: a report took 389 ms instead of 55 ms
    straight after ``load_demo``. Autovacuum gets there, but later. ``ANALYZE`` runs when
    the current transaction commits (at once outside one), since inside it would count
    rows other sessions cannot see yet, or may never see; with ``history``, the tables of
    the models' django-simple-history records too. A no-op on other databases. A failure
    is logged, not raised: the data is saved already, only the statistics wait.

    Callers: ``load_demo``, ``load_areas``, imports and undos of more than
    ``HTX_ANALYZE_AFTER_ROWS`` rows, and the bench builders (``analyze(Organization,
    Figures)`` after their COPY).
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        manager = getattr(model._meta, "simple_history_manager_attribute", None)
        if history and manager:
            tables.append(getattr(model, manager).model._meta.db_table)
    tables = list(dict.fromkeys(tables))
    if not tables:
        return

    def run() -> None:
        quote = connection.ops.quote_name
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {', '.join(quote(table) for table in tables)}")
        except DatabaseError as error:
            logger.warning("ANALYZE of %s failed: %s", ", ".join(tables), error)

    transaction.on_commit(run, using=using)
