"""Request and error logs an operator can act on, with no personal data in them.

One line per request (logger ``htx.requests``): time, request id, method, path without
its query string (only the names of its parameters), status, duration in milliseconds,
response size and the signed-in user's id (never a name). An uncaught exception
(logger ``htx.errors``) carries the same request id, path and user id, the exception's
type and its traceback frames, but not its message: database errors quote the values
that failed (an ID number searched for, a form's content), and no request body or query
value is ever logged. ``HTX_LOG_FORMAT`` chooses ``json`` (one JSON object a line, the
default in production) or ``plain`` (the default with DJANGO_DEBUG=1).

The request id is taken from the proxy's ``X-Request-ID`` when it looks like one, else
made here, and is sent back in the response's ``X-Request-ID``: a person reporting an
error can quote it, and the proxy's log can be joined with this one.
"""

import contextvars
import datetime
import json
import logging
import re
import sys
import time
import traceback
import uuid

from django.conf import settings
from django.core.signals import got_request_exception
from django.dispatch import receiver

from core.database import is_unavailable

requests_log = logging.getLogger("htx.requests")
errors_log = logging.getLogger("htx.errors")

REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
QUIET = ("/healthz",)  # a load balancer's probes: logged only when they fail (also /static/)
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# Django attaches the request to some records; its repr holds the full query string.
UNSAFE = {"request", "server_time"}


def frames(exc_info) -> list[str]:
    """The traceback of ``exc_info`` as "file:line in function: code", without the message."""
    return [
        f"{frame.filename}:{frame.lineno} in {frame.name}: {(frame.line or '').strip()}"
        for frame in traceback.extract_tb(exc_info[2])
    ]


def fields(record: logging.LogRecord) -> dict:
    data = {
        "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
            timespec="milliseconds"
        ),
        "level": record.levelname,
        "logger": record.name,
        "message": record.getMessage(),
    }
    skipped = STANDARD | UNSAFE
    data.update({k: v for k, v in vars(record).items() if k not in skipped and k[0] != "_"})
    if record.exc_info and record.exc_info[0] is not None:
        data["exception"] = record.exc_info[0].__qualname__
        data["traceback"] = frames(record.exc_info)
    return data


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(fields(record), ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = fields(record)
        head = f"{data.pop('time')} {data.pop('level')} {data.pop('logger')} {data.pop('message')}"
        trace = data.pop("traceback", [])
        extra = " ".join(f"{key}={value}" for key, value in data.items())
        return "\n    ".join([f"{head} {extra}".rstrip(), *trace])


def user_id(request) -> int | None:
    """The signed-in user's id, if the request has already loaded its user.

    Never loads it: the logger must not query the database (it runs when the database
    is gone, and from the exception signal, where a second error would escape every
    handler and leave gunicorn's bare 500).
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "_cached_user", None)  # set by auth's lazy request.user
    return user.pk if user is not None and user.is_authenticated else None


_current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "htx_request_id", default=None
)


class RequestIdFilter(logging.Filter):
    """Give every record logged while a request is served that request's id, so that a
    warning from deep inside (the database gone, a refused host, a sign-in lock) can be
    joined with the request's own line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            current = _current_request_id.get()
            if current is not None:
                record.request_id = current
        return True


def _static_prefix() -> str:
    return "/" + settings.STATIC_URL.lstrip("/")


def request_id(request) -> str:
    value = getattr(request, "request_id", None)
    if value is None:
        given = request.headers.get("X-Request-ID", "")
        value = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = value
    return value


class RequestLogMiddleware:
    """First in MIDDLEWARE, so that it times and logs every answer, even a refusal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        rid = request_id(request)
        token = _current_request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            _current_request_id.reset(token)
        response["X-Request-ID"] = rid
        if response.status_code < 400 and (
            request.path in QUIET or request.path.startswith(_static_prefix())
        ):
            # Probes, and static files served well (the reverse proxy logs those): a line
            # each would cost a quarter of the static files' rate and say nothing.
            return response
        if getattr(response, "streaming", False):
            size = response.get("Content-Length")
            size = int(size) if size else None
        else:
            size = len(response.content)
        status = response.status_code
        requests_log.log(
            logging.ERROR if status >= 500 else logging.INFO,
            "%s %s %s", request.method, request.path, status,
            extra={
                "request_id": rid,
                "method": request.method,
                "path": request.path,
                "query": sorted(request.GET.keys()),
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "size": size,
                "user_id": user_id(request),
            },
        )  # fmt: skip
        return response


@receiver(got_request_exception, dispatch_uid="htx-log-errors")
def log_exception(sender, request=None, **kwargs) -> None:
    """Log an uncaught exception with what is needed to find it (Django sends it in)."""
    exc_info = sys.exc_info()
    if request is None or exc_info[0] is None:
        return
    if is_unavailable(exc_info[1]):
        return  # the database is gone: core.database logs it once, as a warning
    errors_log.error(
        "%s on %s %s", exc_info[0].__qualname__, request.method, request.path,
        exc_info=exc_info,
        extra={
            "request_id": request_id(request),
            "method": request.method,
            "path": request.path,
            "query": sorted(request.GET.keys()),
            "user_id": user_id(request),
        },
    )  # fmt: skip
