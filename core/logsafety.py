"""No personal data in the logs (Decree 13/2023; docs/security.md).

Every log handler gets ``RedactPersonalData``: query strings are cut from any URL in a
message (an admin search for a member's name or ID number is ``?q=...``), and ID
numbers (9 or 12 digits), mobile phone numbers and email addresses are replaced, in the
message, its arguments and the formatted traceback (a database error quotes the values
of a violated unique key). Error reports (the debug page, e-mails to ADMINS) hide the
form fields and query parameters that carry personal data.
"""

import logging
import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

REDACTED = "[đã ẩn]"

_QUERY = re.compile(r"(?P<path>(?:https?://[^\s/?#\"']+)?/[^\s?#\"']*)\?[^\s#\"']*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# CMND (9 digits), CCCD (12 digits); a mobile number (0 or +84/84, then 3/5/7/8/9 and
# eight digits), also written with spaces or dots between groups.
_ID_NUMBER = re.compile(r"(?<![\w.])(?:\d{12}|\d{9})(?![\w])")
_PHONE = re.compile(r"(?<![\w+])(?:\+?84|0)[35789](?:[\s.]?\d){8}(?!\d)")


# Every pattern above needs one of these: most log text has none and is left at once.
_MAY_HOLD = re.compile(r"[0-9@?]")


def redact(text: str) -> str:
    """Return ``text`` without query strings, ID numbers, mobile numbers or emails."""
    if not text or not _MAY_HOLD.search(text):
        return text
    text = _QUERY.sub(lambda m: f"{m.group('path')}?{REDACTED}", text)
    text = _EMAIL.sub(REDACTED, text)
    text = _PHONE.sub(REDACTED, text)
    return _ID_NUMBER.sub(REDACTED, text)


# The attributes every log record has; anything else came in through ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class RedactPersonalData(logging.Filter):
    """Rewrites each record's message, its extra text fields (a request log's ``path``:
    a visitor may type an ID number into an address) and its traceback through
    ``redact``; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_htx_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        for key, value in list(vars(record).items()):
            if key in _STANDARD or key.startswith("_"):
                continue
            if isinstance(value, str):
                setattr(record, key, redact(value))
            elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                setattr(record, key, [redact(v) for v in value])
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._htx_redacted = True
        return True


def redact_all_handlers(config: dict) -> dict:
    """Add the redaction filter to every handler of a ``LOGGING`` dict, and send
    ``django.server`` (the development server's request lines, with their query
    strings) through the same handlers."""
    config = {**config}
    filters = {**config.get("filters", {})}
    filters["personal_data"] = {"()": "core.logsafety.RedactPersonalData"}
    config["filters"] = filters
    handlers = {}
    for name, handler in config.get("handlers", {}).items():
        handler = {**handler}
        handler["filters"] = [*handler.get("filters", []), "personal_data"]
        handlers[name] = handler
    config["handlers"] = handlers
    loggers = {**config.get("loggers", {})}
    root_handlers = config.get("root", {}).get("handlers", [])
    if "django.server" not in loggers and root_handlers:
        loggers["django.server"] = {
            "handlers": root_handlers,
            "level": "INFO",
            "propagate": False,
        }
    if "django" not in loggers:
        # Django's own defaults give the "django" logger a console handler of its own
        # (DEBUG only) and the ADMINS e-mails: both without the filter. Records go to the
        # root handlers instead, and the e-mails through the filter.
        filters.setdefault("require_debug_false", {"()": "django.utils.log.RequireDebugFalse"})
        handlers.setdefault(
            "mail_admins",
            {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "personal_data"],
            },
        )
        loggers["django"] = {"handlers": ["mail_admins"], "level": "INFO", "propagate": True}
    config["loggers"] = loggers
    return config


# Form fields (also as inline-formset fields, "members-0-id_number") and query
# parameters whose values are personal data.
_PERSONAL_FIELD = re.compile(
    r"(^|-)(id_number|full_name|representative|phone|email|address|q)$", re.IGNORECASE
)


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    """Error reports without personal data: the fields above are shown as stars, the
    query string is cut, and local variables are hidden outside DEBUG."""

    def get_post_parameters(self, request):
        params = super().get_post_parameters(request)
        if request is None or not self.is_active(request):
            return params
        params = params.copy()
        for key in list(params):
            if _PERSONAL_FIELD.search(key):
                params[key] = self.cleansed_substitute
        return params

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        if self.is_active(request):
            for key in ("QUERY_STRING", "HTTP_REFERER", "RAW_URI", "REQUEST_URI"):
                if meta.get(key):
                    meta[key] = redact(str(meta[key])) if key != "QUERY_STRING" else REDACTED
        return meta

    def get_traceback_frame_variables(self, request, tb_frame):
        if self.is_active(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)


class PersonalDataExceptionReporter(ExceptionReporter):
    """The error page and ADMINS e-mails: no query parameter values, no personal data in
    the address or the exception's text (outside DEBUG, like the filter)."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None and self.filter.is_active(self.request):
            data["request_GET_items"] = [(key, REDACTED) for key in self.request.GET]
            if data.get("request_insecure_uri"):
                data["request_insecure_uri"] = redact(str(data["request_insecure_uri"]))
            if data.get("exception_value"):
                data["exception_value"] = redact(str(data["exception_value"]))
        return data
