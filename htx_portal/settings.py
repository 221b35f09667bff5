"""Settings for the alliance portal, read from the environment only (DATA-CONTRACT.md §5)."""

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
    "django.contrib.humanize",
    "simple_history",
    "import_export",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # trigram lookups (used on PostgreSQL only)
    "django_prose_editor",
    "cooperatives",
    "reports",
    "news",
]

MIDDLEWARE = [
    "htx_portal.logs.RequestLogMiddleware",  # first: times and logs every answer
    "htx_portal.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "htx_portal.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "htx_portal.visitors.VisitorCounterMiddleware",
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
                "htx_portal.context_processors.site",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # PostgreSQL's JIT compiles report queries for 25-400 ms while they run in tens of
    # milliseconds (docs/performance.md); the site has no long analytical queries.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Page caches may be per process: they are keyed by data versions kept in the database
# (htx_portal/freshness.py), read at most once a second. REDIS_URL shares one cache
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
    _locmem = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {
        "default": {"BACKEND": _locmem, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 5000}},
        "visitors": {
            "BACKEND": _locmem, "LOCATION": "visitors", "OPTIONS": {"MAX_ENTRIES": 200_000},
        },
    }  # fmt: skip
DATA_VERSION_TTL = 1.0
# A Vietnamese page (templates/403_csrf.html) when a form's CSRF token is refused.
CSRF_FAILURE_VIEW = "htx_portal.views.csrf_failure"

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
# thousands separator would never show: htx_portal/formats/vi sets it.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["htx_portal.formats"]
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
# (htx_portal/media.py), unless HTX_S3_CUSTOM_DOMAIN names a public front for it.
if os.environ.get("HTX_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["HTX_S3_BUCKET"],
            "endpoint_url": os.environ.get("HTX_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("HTX_S3_REGION") or None,
            "custom_domain": os.environ.get("HTX_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": not os.environ.get("HTX_S3_CUSTOM_DOMAIN"),
            # Longer than a cached page lives (htx_portal/caching.py: 600 s at most).
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

# Spreadsheet imports: the largest file accepted, in megabytes.
IMPORT_MAX_UPLOAD_MB = envint("HTX_IMPORT_MAX_MB", 20)
# News uploads: cover and body images, and attachments (PDF, DOCX, XLSX).
IMAGE_MAX_MB = envint("HTX_IMAGE_MAX_MB", 10)
ATTACHMENT_MAX_MB = envint("HTX_ATTACHMENT_MAX_MB", 20)
# Uploads larger than the import limit are refused before they are read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

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

# Structured logs without personal data (htx_portal/logs.py, docs/parts/ops.md): one line
# per request on "htx.requests", uncaught exceptions on "htx.errors" (which replaces
# django.request's own 500 entry, whose text is not controlled here).
LOG_FORMAT = os.environ.get("HTX_LOG_FORMAT", "").strip().lower() or ("plain" if DEBUG else "json")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"HTX_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "htx_portal.logs.JsonFormatter"},
        "plain": {"()": "htx_portal.logs.PlainFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "CRITICAL"},
        # WeasyPrint narrates every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
