"""Settings for the alliance portal, read from the environment only (docs/interfaces.md §5)."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {raw!r}.")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def envlist(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production settings need a long random secret key "
            "(or set DJANGO_DEBUG=1 for development)."
        )
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789-abcdefghij"

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. Production settings need the site's host names, "
            "comma-separated (or set DJANGO_DEBUG=1 for development)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "import_export",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # trigram lookups (used on PostgreSQL only)
    "django_prose_editor",
    # The portal, lowest layer first (docs/architecture.md).
    "core",
    "cooperatives",
    "news",
    "reports",
    "demo",
]

MIDDLEWARE = [
    "core.logs.RequestLogMiddleware",  # first: times and logs every answer
    "core.middleware.HealthCheckMiddleware",
    "core.database.DatabaseUnavailableMiddleware",  # the 503 page when the DB is gone
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The counters fill in every page, also those served by the next one, which answers
    # visitors' cached pages before sessions, CSRF and authentication (core/caching.py).
    "core.visitors.VisitorCounterMiddleware",
    "news.middleware.ArticleViewsMiddleware",
    "core.caching.VisitorPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "htx_portal.urls"
WSGI_APPLICATION = "htx_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "news.context_processors.site",
            ],
        },
    },
]

# Without DATABASE_URL a newcomer gets an SQLite file next to manage.py; CI and production
# use PostgreSQL. Health checks let the site recover by itself when the database returns.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Resilience (docs/operations.md): when PostgreSQL is gone, pages answer the 503
# page quickly instead of hanging. A refused connection fails at once; an unreachable host
# after HTX_DB_CONNECT_TIMEOUT seconds; a connection whose server vanished mid-query after
# tcp_user_timeout. Web processes (wsgi.py/asgi.py) also cap each statement at
# HTX_DB_STATEMENT_TIMEOUT seconds (core/database.py); commands and imports do not.
DB_CONNECT_TIMEOUT = envint("HTX_DB_CONNECT_TIMEOUT", 3)
DB_STATEMENT_TIMEOUT = envint("HTX_DB_STATEMENT_TIMEOUT", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    _db_options.setdefault("tcp_user_timeout", 10_000)  # milliseconds
    # PostgreSQL's JIT compiles report queries for 25-400 ms while they run in tens of
    # milliseconds (docs/performance.md); the site has no long analytical queries.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Page caches may be per process: they are keyed by data versions kept in the database
# (core/freshness.py), read at most once a second. REDIS_URL shares one cache
# between processes and machines (the visitor counter needs it to count across them).
# The visitor counter has a cache of its own: one small key per browser online must not
# push cached pages out of a per-process cache.
if os.environ.get("REDIS_URL"):
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
              "LOCATION": os.environ["REDIS_URL"]}  # fmt: skip
    # Sites sharing one Redis database keep apart by prefix (HTX_CACHE_KEY_PREFIX).
    _prefix = os.environ.get("HTX_CACHE_KEY_PREFIX") or "htx"
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": _prefix},
        "visitors": {**_redis, "KEY_PREFIX": f"{_prefix}-visitors"},
    }
else:
    # At most 1,000 pages per worker (about 35 KB each, so some 35-50 MB): pages of
    # superseded data versions are only culled when the cache is full, so this bounds a
    # worker's memory however many imports it lives through (docs/operations.md, soak).
    _locmem = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {
        "default": {"BACKEND": _locmem, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 1000}},
        "visitors": {
            "BACKEND": _locmem, "LOCATION": "visitors", "OPTIONS": {"MAX_ENTRIES": 200_000},
        },
    }  # fmt: skip
DATA_VERSION_TTL = 1.0
# A Vietnamese page (templates/403_csrf.html) when a form's CSRF token is refused.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "admin:login"

# Vietnamese first. Django's own "vi" format file leaves NUMBER_GROUPING unset, so the
# thousands separator would never show: core/formats/vi sets it.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["core.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Several machines: uploads on S3-compatible storage (django-storages) when HTX_S3_BUCKET
# is set; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or the machine's role).
# The bucket stays private: /media/ answers with a short-lived signed address
# (core/media.py), unless HTX_S3_CUSTOM_DOMAIN names a public front for it.
if os.environ.get("HTX_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["HTX_S3_BUCKET"],
            "endpoint_url": os.environ.get("HTX_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("HTX_S3_REGION") or None,
            "custom_domain": os.environ.get("HTX_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": not os.environ.get("HTX_S3_CUSTOM_DOMAIN"),
            # Longer than a cached page lives (core/caching.py: 600 s at most).
            "querystring_expire": 3600,
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# The alliance, as named on pages and reports.
ALLIANCE_NAME = os.environ.get("HTX_ALLIANCE_NAME", "Liên minh Hợp tác xã tỉnh Nam Định")
PROVINCE_CODE = os.environ.get("HTX_PROVINCE_CODE", "36")
# The place on the date line of printed reports ("Nam Định, ngày ... tháng ... năm ...").
REPORT_PLACE = os.environ.get("HTX_REPORT_PLACE", "Nam Định")
# Who signs printed reports: on whose behalf, the title and the name under the signature
# (Decree 30/2020/NĐ-CP). An empty name leaves the space for a name written by hand.
REPORT_SIGNER_FOR = os.environ.get("HTX_REPORT_SIGNER_FOR", "TM. BAN THƯỜNG VỤ")
REPORT_SIGNER_TITLE = os.environ.get("HTX_REPORT_SIGNER_TITLE", "CHỦ TỊCH")
REPORT_SIGNER_NAME = os.environ.get("HTX_REPORT_SIGNER_NAME", "")
# Report PDFs and national reports built in the background (reports/tasks.py): at most
# this many of one person's are queued or running at once; beyond that, 429.
PDF_PER_USER = envint("HTX_PDF_PER_USER", 2)
if PDF_PER_USER < 1:
    raise ImproperlyConfigured(f"HTX_PDF_PER_USER must be 1 or more, not {PDF_PER_USER}.")

# The first year the figures admin list offers in its year filter (the years up to this
# one follow, newest first; older figures sit under "Trước năm ..."). Fixed choices: no
# DISTINCT over every figures row on each visit of the list.
FIGURES_FIRST_YEAR = envint("HTX_FIGURES_FIRST_YEAR", 2015)

# Spreadsheet imports: the largest file accepted, in megabytes.
IMPORT_MAX_UPLOAD_MB = envint("HTX_IMPORT_MAX_MB", 20)
# What one file may make the portal read (core/spreadsheets/limits.py): data rows
# below the header, columns, characters in one cell, and an .xlsx file's parts unzipped.
IMPORT_MAX_ROWS = envint("HTX_IMPORT_MAX_ROWS", 100_000)
IMPORT_MAX_COLUMNS = envint("HTX_IMPORT_MAX_COLUMNS", 200)
IMPORT_MAX_CELL_CHARS = envint("HTX_IMPORT_MAX_CELL_CHARS", 10_000)
IMPORT_MAX_UNZIPPED_MB = envint("HTX_IMPORT_MAX_UNZIPPED_MB", 200)
# An import of more data rows than this runs as a background job (core/jobs.py), its
# preview and its confirmation both; smaller files are checked and written in the request.
IMPORT_BACKGROUND_ROWS = envint("HTX_IMPORT_BACKGROUND_ROWS", 500)
# An import (or undo) writing more rows than this refreshes PostgreSQL's statistics of the
# tables it filled once it commits (core.database.analyze), as load_demo and load_areas do.
ANALYZE_AFTER_ROWS = envint("HTX_ANALYZE_AFTER_ROWS", 1000)
# News uploads: cover and body images, and attachments (PDF, DOCX, XLSX).
IMAGE_MAX_MB = envint("HTX_IMAGE_MAX_MB", 10)
ATTACHMENT_MAX_MB = envint("HTX_ATTACHMENT_MAX_MB", 20)
# Gallery videos uploaded as files (MP4, WebM), served by the portal with range requests.
VIDEO_MAX_MB = envint("HTX_VIDEO_MAX_MB", 50)
# Uploads larger than the import limit are refused before they are read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Under gunicorn each worker spools large uploads into a folder of its own, removed by
# the master whenever the worker exits, killed or not (gunicorn.conf.py).
FILE_UPLOAD_TEMP_DIR = os.environ.get("HTX_UPLOAD_TEMP_DIR") or None

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if envbool("DJANGO_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_SSL_REDIRECT:
        # Deliberately turned off (TLS ends at a proxy that redirects itself).
        SILENCED_SYSTEM_CHECKS = ["security.W008"]

# --- Sign-in protection, staff sessions and Content Security Policy (issue 7, security;
# docs/security.md). Kept in one block so it merges cleanly.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += [
    "csp",
    "signin.apps.AxesConfig",
    # Two-factor sign-in (signin/two_factor.py): authenticator-app codes and backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "signin",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "signin.sessions.StaffSessionMiddleware",
)
# After the session limits: staff who must give a second factor see nothing else first.
MIDDLEWARE.insert(
    MIDDLEWARE.index("signin.sessions.StaffSessionMiddleware") + 1,
    "signin.two_factor.TwoFactorMiddleware",
)
# CSP sets its header on every response that has none yet (uploads keep their own
# sandbox policy); Axes turns a locked-out sign-in into the lockout page, so it comes last.
MIDDLEWARE += ["core.csp.PolicyMiddleware", "axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script: the one inline tag we need (the rich-text editor's import
        # map) carries the request's nonce (core/csp.py).
        "script-src": [SELF, NONCE],
        # No inline style either, but for the one <style> element the rich-text editor
        # (Tiptap, inside django-prose-editor 0.28.0) writes at run time: its hash. An
        # upgrade of the editor that changes it fails tests/test_browser_csp.py.
        "style-src": [SELF, TIPTAP_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Password guessing: the admin sign-in locks a user name on one IP address after
# HTX_LOGIN_FAILURE_LIMIT failures, for HTX_LOGIN_LOCKOUT_MINUTES after the last one.
AXES_FAILURE_LIMIT = envint("HTX_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("HTX_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A correct password alone does not clear the failure count of an account with a second
# factor: signin/two_factor.py clears it once the code is right too, so wrong codes and
# wrong passwords add up to one lockout (docs/security.md).
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "signin.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "signin.lockout.client_ip"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_ENABLE_ADMIN = False  # signin/admin.py shows the records read-only, in Vietnamese
# Staff sessions end after HTX_STAFF_IDLE_MINUTES without a request, and in any case
# HTX_STAFF_SESSION_HOURS after signing in.
STAFF_IDLE_TIMEOUT = datetime.timedelta(minutes=envint("HTX_STAFF_IDLE_MINUTES", 30))
STAFF_SESSION_MAX_AGE = datetime.timedelta(hours=envint("HTX_STAFF_SESSION_HOURS", 12))
SESSION_COOKIE_AGE = int(STAFF_SESSION_MAX_AGE.total_seconds())
# Two-factor sign-in: required of alliance and area staff (and superusers) when
# HTX_REQUIRE_2FA is on (the default without DJANGO_DEBUG), offered to everyone else.
REQUIRE_2FA = envbool("HTX_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = ALLIANCE_NAME
# The client's address (sign-in lockout; core/clientip.py): REMOTE_ADDR with 0 hops, else
# the entry of X-Forwarded-For that the outermost of this many proxies appended. Behind
# the TLS proxy the default is 1 (compose.yaml's Caddy).
BEHIND_TLS_PROXY = envbool("DJANGO_BEHIND_TLS_PROXY", False)
TRUSTED_PROXY_HOPS = envint("HTX_TRUSTED_PROXY_HOPS", 1 if BEHIND_TLS_PROXY else 0)
if TRUSTED_PROXY_HOPS < 0:
    raise ImproperlyConfigured(
        f"HTX_TRUSTED_PROXY_HOPS must be 0 or more, not {TRUSTED_PROXY_HOPS}."
    )
# --- end of the security block.

# Structured logs without personal data (core/logs.py, docs/operations.md): one line
# per request on "htx.requests", uncaught exceptions on "htx.errors" (which replaces
# django.request's own 500 entry, whose text is not controlled here).
LOG_FORMAT = os.environ.get("HTX_LOG_FORMAT", "").strip().lower() or ("plain" if DEBUG else "json")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"HTX_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "plain": {"()": "core.logs.PlainFormatter"},
    },
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
    },  # fmt: skip
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "CRITICAL"},
        # WeasyPrint narrates every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Personal data never reaches logs or error reports (docs/security.md) ---------
# Applied to whatever LOGGING is defined above: every handler redacts query strings, ID
# numbers, mobile numbers and emails.
from core.logsafety import redact_all_handlers  # noqa: E402

LOGGING = redact_all_handlers(LOGGING)
DEFAULT_EXCEPTION_REPORTER = "core.logsafety.PersonalDataExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.logsafety.PersonalDataReporterFilter"

# --- Background jobs (core/jobs.py, docs/operations.md): django-tasks with its database
# backend. HTX_TASKS=database queues work in the database for `manage.py run_workers`
# (the default in production); HTX_TASKS=immediate runs a job inside the request that asks
# for it (the default with DJANGO_DEBUG=1, so that tests and a bare runserver need no
# worker). Queue "default": imports and undo; queue "pdf": PDF builds, at most
# HTX_PDF_MAX_PARALLEL at once per machine (one worker process each).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS_MODE = os.environ.get("HTX_TASKS", "").strip().lower() or (
    "immediate" if DEBUG else "database"
)
if TASKS_MODE not in ("database", "immediate"):
    raise ImproperlyConfigured(f"HTX_TASKS must be database or immediate, not {TASKS_MODE!r}.")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_MODE == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default", "pdf"],
    }
}
PDF_MAX_PARALLEL = envint("HTX_PDF_MAX_PARALLEL", 2)
if PDF_MAX_PARALLEL < 1:
    raise ImproperlyConfigured(f"HTX_PDF_MAX_PARALLEL must be 1 or more, not {PDF_MAX_PARALLEL}.")
# A running job that has reported nothing for this long is taken for dead (its worker was
# killed with its supervisor, or the machine stopped) and marked failed by run_workers.
JOB_STALE_SECONDS = envint("HTX_JOB_STALE_SECONDS", 1800)

# --- Mail to cooperatives (cooperatives/mailing.py; docs/operations.md, "Mail to
# cooperatives"): invitations and collection reminders, kept in an outbox and retried.
# An SMTP server when HTX_EMAIL_HOST is set; without one, development prints each mail in
# the terminal (console backend) and production hands it to localhost:25 (a local MTA).
EMAIL_HOST = os.environ.get("HTX_EMAIL_HOST", "").strip()
EMAIL_USE_TLS = envbool("HTX_EMAIL_TLS", False)  # STARTTLS, usually on port 587
EMAIL_USE_SSL = envbool("HTX_EMAIL_SSL", False)  # TLS from the start, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set HTX_EMAIL_TLS or HTX_EMAIL_SSL, not both.")
EMAIL_PORT = envint("HTX_EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_HOST_USER = os.environ.get("HTX_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HTX_EMAIL_PASSWORD", "")
# A server that does not answer fails the send (retried later) instead of holding a worker.
EMAIL_TIMEOUT = envint("HTX_EMAIL_TIMEOUT", 20)
if EMAIL_HOST or not DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_HOST or "localhost"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The absolute address links in mails start with (no trailing slash). Production without
# it: https:// and the first of DJANGO_ALLOWED_HOSTS.
SITE_URL = os.environ.get("HTX_SITE_URL", "").strip().rstrip("/")
if not SITE_URL:
    _site_host = "127.0.0.1:8000" if DEBUG else ALLOWED_HOSTS[0].lstrip(".")
    if "*" in _site_host:
        raise ImproperlyConfigured(
            "HTX_SITE_URL is not set and DJANGO_ALLOWED_HOSTS starts with a wildcard: set "
            "HTX_SITE_URL to the portal's address, e.g. https://lienminhhtx.example.gov.vn."
        )
    SITE_URL = f"{'http' if DEBUG else 'https'}://{_site_host}"
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"HTX_SITE_URL must start with https://, not {SITE_URL!r}.")
# The sender: the alliance's name and, unless set, no-reply at the site's host name.
from urllib.parse import urlsplit  # noqa: E402

_mail_domain = urlsplit(SITE_URL).hostname or ""
if not any(ch.isalpha() for ch in _mail_domain):  # an IP address is no mail domain
    _mail_domain = "localhost"
DEFAULT_FROM_EMAIL = (
    os.environ.get("HTX_EMAIL_FROM") or f"{ALLIANCE_NAME} <no-reply@{_mail_domain}>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Reminders: "before" goes this many days before a collection's deadline (0: on the day).
REMINDER_DAYS_BEFORE = envint("HTX_REMINDER_DAYS_BEFORE", 3)
# run_workers enqueues these tasks (dotted path: minutes between runs; 0 = never), so that
# reminders go without cron. Queuing twice sends nothing twice (cooperatives/mailing.py).
REMINDER_INTERVAL_MINUTES = envint("HTX_REMINDER_INTERVAL_MINUTES", 15)
if REMINDER_DAYS_BEFORE < 0 or REMINDER_INTERVAL_MINUTES < 0:
    raise ImproperlyConfigured(
        "HTX_REMINDER_DAYS_BEFORE and HTX_REMINDER_INTERVAL_MINUTES must be 0 or more."
    )
PERIODIC_TASKS = {"cooperatives.tasks.send_reminders": REMINDER_INTERVAL_MINUTES}

# --- Readers' questions and article comments (news/questions/, issue 19; docs/security.md,
# "Readers' questions and comments"). An image captcha drawn on the server (no third
# party, works offline; no audio), a honeypot and limits per client address.
INSTALLED_APPS += ["captcha"]
CAPTCHA_CHALLENGE_FUNCT = "news.questions.captcha.challenge"
CAPTCHA_LENGTH = 5
CAPTCHA_FONT_SIZE = 30
# Long enough to write a question on a phone; a stale one is refused with a new image.
CAPTCHA_TIMEOUT = 30  # minutes
CAPTCHA_FLITE_PATH = None  # no audio files
CAPTCHA_2X_IMAGE = True
# Any answer "passed" is accepted: for tests and development only, never in production.
CAPTCHA_TEST_MODE = envbool("HTX_CAPTCHA_TEST_MODE", False)
if CAPTCHA_TEST_MODE and not DEBUG:
    raise ImproperlyConfigured("HTX_CAPTCHA_TEST_MODE is for development only (DJANGO_DEBUG=1).")
# Questions and comments accepted per client address (core/clientip.py), counted
# together per clock hour and per day; any POST to the forms counts towards the attempts.
READER_POSTS_PER_HOUR = envint("HTX_READER_POSTS_PER_HOUR", 5)
READER_POSTS_PER_DAY = envint("HTX_READER_POSTS_PER_DAY", 20)
READER_ATTEMPTS_PER_HOUR = envint("HTX_READER_ATTEMPTS_PER_HOUR", 20)
# An asker's or commenter's email and phone are erased this many months after the answer
# (or after moderation; after sending while unanswered or unmoderated).
READER_CONTACT_MONTHS = envint("HTX_READER_CONTACT_MONTHS", 6)
if min(READER_POSTS_PER_HOUR, READER_POSTS_PER_DAY, READER_ATTEMPTS_PER_HOUR) < 1:
    raise ImproperlyConfigured(
        "HTX_READER_POSTS_PER_HOUR, HTX_READER_POSTS_PER_DAY and HTX_READER_ATTEMPTS_PER_HOUR "
        "must be 1 or more."
    )
if READER_CONTACT_MONTHS < 1:
    raise ImproperlyConfigured("HTX_READER_CONTACT_MONTHS must be 1 or more.")
# Once a day: erase contacts past READER_CONTACT_MONTHS and expired captchas.
PERIODIC_TASKS["news.questions.tasks.clean_up_reader_data"] = 24 * 60
