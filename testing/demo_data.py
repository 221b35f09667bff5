"""The demo province (``load_demo``) for tests that only read it, built once per test run.

``load_demo`` takes 13–20 s; half a dozen test classes start from it. On PostgreSQL the first
call in a test run runs the command and keeps what it wrote (the rows it added or changed, as
``COPY`` text, and the files it added under ``MEDIA_ROOT``) in a file of the run, which every
pytest-xdist worker shares; later calls, in any worker, write the same rows and files back in
a second or two. They do so only onto the database the command started from: every other row
of every table is compared with the one the snapshot was taken over, and if anything differs
(a transactional test flushed the tables and seeded them again under new ids, say) the command
runs again instead. On SQLite the command always runs.

The command itself is tested in ``demo/tests/test_demo.py``, which always runs it.
"""

import io
import pickle
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

from testing.scratch import RUN_ID, run_lock

SNAPSHOT = Path(tempfile.gettempdir()) / f"htx-test-demo-{RUN_ID}.pickle"
VERSIONS = "core_dataversion"


def load_demo_data(test_class=None) -> None:
    """The database as ``load_demo`` leaves it, from the run's snapshot when it fits.

    ``test_class``: the TestCase whose ``setUpTestData`` calls this (for a cleanup after it).
    """
    if connection.vendor != "postgresql":
        call_command("load_demo", stdout=io.StringIO())
        return
    with run_lock(f"demo-{RUN_ID}"):
        snapshot = pickle.loads(SNAPSHOT.read_bytes()) if SNAPSHOT.exists() else None
        base = _rows()
        if snapshot is not None:
            if base == snapshot["base"]:
                _restore(snapshot)
                return
            extra = set(base) - set(snapshot["base"])
            if all("_historical" in table for table in extra):
                # After a flush by a transactional test, the migrations' rows are there again
                # under new ids (with history rows: the models saved them), and nothing else:
                # they are replaced by the snapshot's own. ContentType's cache then holds the
                # snapshot's ids; a TestCase's rollback brings the others back, so the cache
                # is emptied again after the class.
                if connection.in_atomic_block:
                    if test_class is None:
                        raise ValueError("load_demo_data(cls) in a TestCase's setUpTestData")
                    test_class.addClassCleanup(ContentType.objects.clear_cache)
                _restore(snapshot, wipe=set(base))
                return
        paths = _paths()
        call_command("load_demo", stdout=io.StringIO())
        if snapshot is None:
            snapshot = _capture(base, paths)
            if snapshot is not None:
                building = SNAPSHOT.with_suffix(".building")
                building.write_bytes(pickle.dumps(snapshot))
                building.rename(SNAPSHOT)


def _tables() -> dict[str, str]:
    """Every table of the project, with its primary key's column."""
    with connection.cursor() as cursor:
        return {
            table: connection.introspection.get_primary_key_column(cursor, table)
            for table in sorted(connection.introspection.django_table_names(only_existing=True))
        }


def _rows() -> dict[str, dict]:
    """Every row of every table, as primary key → checksum of the row."""
    result = {}
    with connection.cursor() as cursor:
        for table, key in _tables().items():
            if table == VERSIONS:
                continue  # moved on by every write; a restore moves them on again
            cursor.execute(f'SELECT "{key}", md5(t::text) FROM "{table}" t')
            rows = dict(cursor.fetchall())
            if rows:
                result[table] = rows
    return result


def _paths() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()} if root.is_dir() else set()


def _capture(base: dict, paths_before: set[Path]) -> dict | None:
    after, keys = _rows(), _tables()
    changed = {}
    for table, rows in after.items():
        before = base.get(table, {})
        if set(before) - set(rows):
            return None  # the command deleted rows: not a snapshot this module can replay
        pks = [pk for pk, checksum in rows.items() if before.get(pk) != checksum]
        if pks:
            changed[table] = pks
    with connection.cursor() as cursor:

        def copy(table: str, pks: list) -> tuple[str, list, bytes]:
            out = io.BytesIO()
            select = f'SELECT * FROM "{table}" WHERE "{keys[table]}" = ANY(%s)'
            cursor.copy_expert(f"COPY ({cursor.mogrify(select, [pks]).decode()}) TO STDOUT", out)
            return keys[table], pks, out.getvalue()

        data = {table: copy(table, pks) for table, pks in changed.items()}
        seeds = {table: copy(table, list(rows)) for table, rows in base.items()}
    root = Path(settings.MEDIA_ROOT)
    files = {str(p): (root / p).read_bytes() for p in _paths() - paths_before}
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT name FROM "{VERSIONS}"')
        versions = [name for (name,) in cursor.fetchall()]
    return {"base": base, "seeds": seeds, "data": data, "files": files, "versions": versions}


def _restore(snapshot: dict, wipe: set[str] = frozenset()) -> None:
    """``wipe``: tables emptied first, and the rows the snapshot was taken over put back."""
    from cooperatives.models import AreaMap
    from core.freshness import bump

    # In one transaction: the foreign keys (DEFERRABLE INITIALLY DEFERRED) are checked at
    # its end, so the tables can be written in any order.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in sorted(wipe):
            cursor.execute(f'DELETE FROM "{table}"')
        tables = [*(snapshot["seeds"].items() if wipe else ()), *snapshot["data"].items()]
        for table, (key, pks, rows) in tables:
            cursor.execute(f'DELETE FROM "{table}" WHERE "{key}" = ANY(%s)', [pks])
            cursor.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(rows))
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [f'"{table}"', key])
            sequence = cursor.fetchone()[0]
            if sequence:  # rows came with their ids: the sequence must be past them
                cursor.execute(
                    f'SELECT setval(%s, GREATEST((SELECT max("{key}") FROM "{table}"), '
                    f"(SELECT last_value FROM {sequence})))",
                    [sequence],
                )
        # New versions: pages cached from an earlier copy of these rows are not served.
        for name in snapshot["versions"]:
            bump(name)
    ContentType.objects.clear_cache()
    root = Path(settings.MEDIA_ROOT)
    for path, content in snapshot["files"].items():
        target = root / path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    AreaMap._current = None
