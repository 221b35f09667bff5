"""What every bench shares: its database, its size (full or smoke) and table builders.

Databases. Each bench works on a PostgreSQL database of its own, named
``<BENCH_DB_PREFIX>_<bench>`` (prefix ``htx_bench`` by default, ``htx_bench_smoke`` in a
smoke run), on the server and with the credentials of ``DATABASE_URL`` when that is a
PostgreSQL address (so CI's role creates and drops them), else
``postgres://postgres@127.0.0.1:5432``. A bench's own variable (e.g.
``BENCH_REPORT_DATABASE_URL``) overrides the whole address.

Smoke runs. ``BENCH_SMOKE=1`` (or ``--smoke``) makes each bench run on a tiny dataset for a
few seconds, to show it still works; a smoke run never writes docs/performance.md.

Ports. Servers listen on ``BENCH_PORT`` when it is set, else on a free loopback port.

Nothing here imports Django: the benches import it before setting Django up.
"""

import datetime
import io
import os
import platform
import re
import socket
import sys
import time
from decimal import Decimal
from urllib.parse import quote, urlsplit

SMOKE = os.environ.get("BENCH_SMOKE") == "1" or "--smoke" in sys.argv
LOAD_AT_START = os.getloadavg()  # other work on the machine shows in the results' line
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"


def database_name(bench: str) -> str:
    prefix = os.environ.get("BENCH_DB_PREFIX") or ("htx_bench_smoke" if SMOKE else "htx_bench")
    return f"{prefix}_{bench}"


def database_url(bench: str) -> str:
    """The address of ``bench``'s own database (see the module's docstring)."""
    own = os.environ.get(f"BENCH_{bench.upper()}_DATABASE_URL")
    if own:
        return own
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        base = DEFAULT_SERVER
    parts = urlsplit(base)
    query = f"?{parts.query}" if parts.query else ""  # e.g. sslmode
    return f"{parts.scheme}://{parts.netloc}/{quote(database_name(bench), safe='')}{query}"


def server_settings(url: str) -> dict:
    """psycopg2.connect() keywords for the server of ``url`` (its maintenance database)."""
    import dj_database_url

    db = dj_database_url.parse(url)
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(f"PostgreSQL needed, not {url}")
    keywords = {k.lower(): db[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if db.get(k)}
    return keywords, db["NAME"]


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the database of ``url`` when missing (``fresh``: drop it first)."""
    import psycopg2
    import psycopg2.errors

    server, name = server_settings(url)
    conn = psycopg2.connect(dbname="postgres", **server)
    conn.autocommit = True
    with conn.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            # A smoke run copies a database migrated once (bench/smoke.py) to save minutes.
            template = os.environ.get("BENCH_TEMPLATE_DATABASE")
            clause = f' TEMPLATE "{template}"' if template else ""
            for attempt in range(30):  # another bench may be copying the template right now
                try:
                    cursor.execute(f'CREATE DATABASE "{name}"{clause}')
                    break
                except psycopg2.errors.ObjectInUse:
                    if attempt == 29:
                        raise
                    time.sleep(1)
    conn.close()


def drop_database(url: str) -> None:
    import psycopg2

    server, name = server_settings(url)
    conn = psycopg2.connect(dbname="postgres", **server)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def port() -> int:
    """``BENCH_PORT``, or a free loopback port."""
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def machine() -> str:
    """The machine, for the results: CPUs, memory, Python and Django."""
    import django

    with open("/proc/cpuinfo") as f:
        cpu = re.search(r"model name\s*:\s*(.*)", f.read())
    with open("/proc/meminfo") as f:
        ram = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1)) / 2**20
    return (f"{len(os.sched_getaffinity(0))} CPU ({cpu.group(1) if cpu else '?'}), {ram:.1f} GB "
            f"RAM, Python {platform.python_version()}, Django {django.get_version()}, load "
            f"average {LOAD_AT_START[1]:.1f} (5 min) when the bench started")  # fmt: skip


def database() -> str:
    """The database server of Django's default connection, for the results."""
    from django.db import connection

    if connection.vendor != "postgresql":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


# --------------------------------------------------------------------------- COPY builders


def _copy_text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (dict, list)):
        import json

        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (datetime.date, Decimal, int, float)):
        value = str(value)
    text = str(value)
    if text == r"\N":
        return text
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def copy_columns(model, given: list[str]) -> tuple[list[str], list]:
    """The columns a COPY into ``model``'s table must list besides ``given``, and their values.

    Every NOT NULL column the rows do not give gets its field's default (a column added by
    a later migration with a Python-only default would otherwise make the COPY fail);
    nullable ones are left NULL, text ones without a default empty (as Django does). A NOT
    NULL column without any default is an error naming it.
    """
    extra, values = [], []
    for field in model._meta.concrete_fields:
        column = field.column
        if column in given or field.primary_key or field.null:
            continue
        auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        if not field.has_default() and not auto and not field.empty_strings_allowed:
            raise SystemExit(
                f"{model._meta.db_table}.{column} is NOT NULL without a default: "
                "give it in the bench's rows"
            )
        if auto:
            value = datetime.datetime.now(datetime.UTC)
        else:
            value = field.get_default()
        extra.append(column)
        values.append(value)
    return extra, values


def copy_rows(connection, model, columns: list[str], rows) -> int:
    """COPY ``rows`` (tuples in the order of ``columns``) into ``model``'s table, every NOT
    NULL column not listed filled with its field's default (``copy_columns``)."""
    extra, defaults = copy_columns(model, columns)
    tail = "".join("\t" + _copy_text(v) for v in defaults)
    buffer, count = io.StringIO(), 0
    for row in rows:
        buffer.write("\t".join(_copy_text(v) for v in row) + tail + "\n")
        count += 1
    buffer.seek(0)
    names = ", ".join(f'"{c}"' for c in [*columns, *extra])
    with connection.cursor() as cursor:  # the psycopg2 cursor under Django's wrapper
        cursor.cursor.copy_expert(f"COPY {model._meta.db_table} ({names}) FROM STDIN", buffer)
    return count


def insert_defaults(model, given: list[str]) -> tuple[str, str, list]:
    """For a hand-written ``INSERT INTO table (given…) SELECT …``: the column list and the
    select list to append (each starting with a comma, or empty) and their parameters,
    filling every NOT NULL column not given with its field's default (``copy_columns``)."""
    import json

    extra, defaults = copy_columns(model, given)
    values = [json.dumps(v) if isinstance(v, (dict, list)) else v for v in defaults]
    columns = "".join(f', "{c}"' for c in extra)
    return columns, ", %s" * len(extra), values


def analyze(connection, *models) -> None:
    """Planner statistics for the tables just filled (PostgreSQL), as a site would have."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {model._meta.db_table}")


# --------------------------------------------------------------------------- HTTP

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def http_request(port: int, path: str, method="GET", body=None, headers=None, timeout=120):
    """One request to the bench's server on loopback: (status, headers, body), no redirects
    followed."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def sign_in(port: int, username: str, password: str) -> str:
    """Sign in through the form as a browser does; the session cookie ("sessionid=…")."""
    from urllib.parse import urlencode

    status, headers, body = http_request(port, "/quan-tri/login/")
    if status != 200:
        sys.exit(f"the sign-in page answered {status}: {body[:1000]!r}")
    csrf = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    form = {"username": username, "password": password,
            "csrfmiddlewaretoken": CSRF_TOKEN.search(body.decode()).group(1)}  # fmt: skip
    status, headers, body = http_request(
        port, "/quan-tri/login/?next=/bao-cao/", "POST", urlencode(form),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"},
    )  # fmt: skip
    if status != 302:
        sys.exit(f"{username} could not sign in ({status})")
    session = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("sessionid=")]
    if not session:
        sys.exit(f"{username} could not sign in (no session)")
    return session[0].split(";")[0]
