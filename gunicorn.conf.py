"""Gunicorn settings for the image (read from ./gunicorn.conf.py, its working directory).

Everything comes from the environment, so one image fits one small machine or many:

    PORT                  port to listen on (all interfaces)          8000
    GUNICORN_WORKERS      worker processes                            3
    GUNICORN_THREADS      threads per worker (gthread when above 1)   1
    GUNICORN_TIMEOUT      seconds before a silent worker is restarted 60
    GUNICORN_LOG_LEVEL    gunicorn's own messages                     info
    GUNICORN_ACCESS_LOG   "-" for gunicorn's access log on stdout     off

The portal logs every request itself, as JSON without query strings (core/logs.py),
so gunicorn's access log is off; turned on, it writes a plain line with the path only
(%(U)s: no query string, no user agent, no client address).

Sync workers by default: behind a buffering reverse proxy they are gunicorn's advice, and
with threaded (gthread) workers a kept-alive connection stays with the worker that took
it, so under steady load one worker served everything while two idled (make bench-soak,
docs/performance.md). GUNICORN_THREADS above 1 is for machines without such a proxy.
"""

import os


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"{name} must be a whole number above 0, not {raw!r}.")
    return int(raw)


wsgi_app = "htx_portal.wsgi:application"
bind = [f"0.0.0.0:{_number('PORT', 8000)}"]
workers = _number("GUNICORN_WORKERS", 3)
threads = _number("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _number("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# The workers' heartbeat files in memory, not on the container's disk layer.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The image's user has no writable home, and nothing here uses gunicornc.
control_socket_disable = True

loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Off by default: the portal's own JSON request log (core/logs.py) replaces it. When
# turned on, a plain line (gunicorn cannot escape a path for JSON): the path without its
# query string, no referrer (either may carry a search for a person).
access_log_format = "%(t)s gunicorn.access %(m)s %(U)s %(s)s %(B)s %(M)sms"
