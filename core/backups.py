"""What ``manage.py backup`` writes and ``manage.py restore`` reads (one folder each).

::

    backups/htx-20260121-023000/
        database.dump      PostgreSQL: pg_dump --format=custom (or database.sqlite3)
        media.tar.gz       every file under MEDIA_ROOT, paths relative to it
        manifest.json      time, engine, file count, and row count per table
"""

import os

PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


def engine(settings_dict: dict) -> str:
    name = settings_dict["ENGINE"].rsplit(".", 1)[-1]
    if name not in ("postgresql", "sqlite3"):
        raise ValueError(f"Sao lưu chỉ hỗ trợ PostgreSQL và SQLite, không hỗ trợ {name}.")
    return name


def libpq_env(settings_dict: dict) -> dict[str, str]:
    """The environment pg_dump/pg_restore need to reach the database of ``settings_dict``."""
    env = dict(os.environ)
    values = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGSSLMODE": (settings_dict.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def row_counts(connection) -> dict[str, int]:
    """Rows in every table of the database, by table name."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def sqlite_row_counts(database) -> dict[str, int]:
    """``row_counts`` of an open sqlite3 connection, over the tables Django lists."""
    tables = [name for (name,) in database.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND NOT name = 'sqlite_sequence' ORDER BY name"
    )]  # fmt: skip
    return {t: database.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
