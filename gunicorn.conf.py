"""Gunicorn settings for the image (read from ./gunicorn.conf.py, its working directory).

Everything comes from the environment, so one image fits one small machine or many:

    PORT                  port to listen on (all interfaces)          8000
    GUNICORN_WORKERS      worker processes                            3
    GUNICORN_THREADS      threads per worker (gthread when above 1)   1
    GUNICORN_TIMEOUT      seconds before a silent worker is restarted 60
    GUNICORN_LOG_LEVEL    gunicorn's own messages                     info
    GUNICORN_ACCESS_LOG   "-" for gunicorn's access log on stdout     off
    GUNICORN_FORWARDED_ALLOW_IPS  addresses/networks whose X-Forwarded-Proto gunicorn
                          believes (also proxy_allow_ips)   "*" behind the TLS proxy, else ""
    HTX_UPLOAD_TEMP_ROOT  where workers spool large uploads, one folder each
                                                  <system temp>/htx-uploads-<uid>

gunicorn's own default trusts X-Forwarded-Proto from 127.0.0.1 whatever the portal's
settings say, so a client on the same machine (or anything that reaches gunicorn
through a local port forward) could make a plain-HTTP request look secure. Here nobody
is trusted ("") unless DJANGO_BEHIND_TLS_PROXY=1; then everyone is ("*"), because the
proxy's address is not known in advance (a container network) and gunicorn must be
reachable only through it: compose.yaml publishes no port of "web". Name the proxy's
addresses in GUNICORN_FORWARDED_ALLOW_IPS where they are known (e.g. "10.0.0.5" or
"172.16.0.0/12"). The client address is the portal's business, not gunicorn's
(HTX_TRUSTED_PROXY_HOPS, core/clientip.py).

The portal logs every request itself, as JSON without query strings (core/logs.py),
so gunicorn's access log is off; turned on, it writes a plain line with the path only
(%(U)s: no query string, no user agent, no client address).

Sync workers by default: behind a buffering reverse proxy they are gunicorn's advice, and
with threaded (gthread) workers a kept-alive connection stays with the worker that took
it, so under steady load one worker served everything while two idled (make bench-soak,
docs/performance.md). GUNICORN_THREADS above 1 is for machines without such a proxy.
"""

import os
import shutil
import tempfile


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"{name} must be a whole number above 0, not {raw!r}.")
    return int(raw)


def _flag(name: str) -> bool:
    """The same reading of a 1/0 variable as htx_portal/settings.py's envbool."""
    raw = os.environ.get(name, "").strip().lower()
    if raw in {"", "0", "false", "no", "off"}:
        return False
    if raw in {"1", "true", "yes", "on"}:
        return True
    raise SystemExit(f"{name} must be 1 or 0, not {raw!r}.")


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

# X-Forwarded-Proto (and the PROXY protocol, were it turned on) only from the proxy.
_trusted = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS")
if _trusted is None:
    _trusted = "*" if _flag("DJANGO_BEHIND_TLS_PROXY") else ""
forwarded_allow_ips = _trusted.strip()
proxy_allow_ips = forwarded_allow_ips
# Not even the proxy sets SCRIPT_NAME or PATH_INFO (gunicorn's default lets a trusted
# peer do so): Caddy passes a client's header names through, and a client-chosen
# SCRIPT_NAME would prefix every link of a page that may then be cached for everyone.
# Header names with underscores are dropped (header_map "drop", gunicorn's default).
forwarder_headers = ""

loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Off by default: the portal's own JSON request log (core/logs.py) replaces it. When
# turned on, a plain line (gunicorn cannot escape a path for JSON): the path without its
# query string, no referrer (either may carry a search for a person).
access_log_format = "%(t)s gunicorn.access %(m)s %(U)s %(s)s %(B)s %(M)sms"


# Uploads over 2.5 MB are spooled to a temporary file while they arrive. A worker killed
# meanwhile (out of memory, SIGKILL, the timeout) never removes it, so each worker spools
# into a folder of its own, which the master removes when the worker exits for whatever
# reason. Folders are grouped by master (several servers may share one machine); at start
# a master removes its own and those of masters no longer running. The portal reads the
# worker's folder from HTX_UPLOAD_TEMP_DIR (FILE_UPLOAD_TEMP_DIR in settings.py).
upload_root = os.environ.get("HTX_UPLOAD_TEMP_ROOT") or os.path.join(
    tempfile.gettempdir(), f"htx-uploads-{os.getuid()}"
)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _master_dir(pid: int) -> str:
    return os.path.join(upload_root, f"master-{pid}")


def on_starting(server):
    os.makedirs(upload_root, mode=0o700, exist_ok=True)
    for name in os.listdir(upload_root):
        pid = name.removeprefix("master-")
        if pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            shutil.rmtree(os.path.join(upload_root, name), ignore_errors=True)


def post_fork(server, worker):
    folder = os.path.join(_master_dir(os.getppid()), f"worker-{worker.pid}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.environ["HTX_UPLOAD_TEMP_DIR"] = folder


def child_exit(server, worker):
    shutil.rmtree(os.path.join(_master_dir(os.getpid()), f"worker-{worker.pid}"), True)


def on_exit(server):
    shutil.rmtree(_master_dir(os.getpid()), ignore_errors=True)
