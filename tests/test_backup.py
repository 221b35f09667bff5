"""`make backup` / `make restore`: a backup restored into an empty database has every row.

The commands run as an operator runs them (their own processes), on scratch databases.
"""

import json
import sqlite3
from pathlib import Path

from django.apps import apps
from django.db import models

from core import backups
from testing.scratch import (
    connect,
    environment,
    manage,
    migrated_sqlite,
    postgres_settings,
    scratch_database,
    url_for,
)

CHECKSUM = (
    "SELECT COUNT(*), md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
    'FROM "{table}" t'
)


def pg_fingerprint(config: dict, name: str) -> dict[str, tuple[int, str]]:
    """Row count and checksum of the rows of every table of database ``name``."""
    connection = connect(config, name)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            tables = [row[0] for row in cursor.fetchall()]
            result = {}
            for table in tables:
                cursor.execute(CHECKSUM.format(table=table))
                result[table] = cursor.fetchone()
        return result
    finally:
        connection.close()


def file_columns() -> list[tuple[str, str]]:
    return [
        (model._meta.db_table, field.column)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def test_postgresql_backup_restores_into_an_empty_database(tmp_path):
    config = postgres_settings()
    media = tmp_path / "media"
    restored_media = tmp_path / "media-restored"
    with (
        scratch_database(config, "backup_source", migrated=True) as source,
        scratch_database(config, "backup_target") as target,
    ):
        env = environment(DATABASE_URL=url_for(config, source), DJANGO_MEDIA_ROOT=str(media))
        manage("load_demo", env=env)
        done = manage("backup", "--output", str(tmp_path / "backups"), env=env)
        (folder,) = (tmp_path / "backups").iterdir()
        assert str(folder) in done.stdout
        assert {p.name for p in folder.iterdir()} == {
            backups.PG_DUMP, backups.MEDIA_ARCHIVE, backups.MANIFEST
        }  # fmt: skip

        target_env = environment(
            DATABASE_URL=url_for(config, target), DJANGO_MEDIA_ROOT=str(restored_media)
        )
        manage("restore", str(folder), env=target_env)

        before, after = pg_fingerprint(config, source), pg_fingerprint(config, target)
        assert after == before
        for table in ("cooperatives_organization", "cooperatives_figures", "news_article",
                      "cooperatives_member", "auth_group"):  # fmt: skip
            assert before[table][0] > 0, table

        # Every uploaded file a restored record names is there, byte for byte.
        connection = connect(config, target)
        named = []
        with connection.cursor() as cursor:
            for table, column in file_columns():
                cursor.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" <> \'\'')
                named += [row[0] for row in cursor.fetchall()]
        connection.close()
        assert len(named) >= 29  # the demo articles' covers at least
        for name in named:
            assert (restored_media / name).is_file(), name
            assert (restored_media / name).read_bytes() == (media / name).read_bytes()
        manifest = json.loads((folder / backups.MANIFEST).read_text())
        assert manifest["media_files"] == sum(1 for p in media.rglob("*") if p.is_file())

        # A second restore finds the database no longer empty and refuses, changing nothing.
        again = manage("restore", str(folder), env=target_env, check=False)
        assert again.returncode == 1
        assert "Cơ sở dữ liệu đích không trống" in again.stderr
        assert "--force" in again.stderr
        assert pg_fingerprint(config, target) == before


def test_restore_refuses_a_media_folder_with_files(tmp_path):
    """Checked before anything is written, on any engine (here a scratch SQLite file)."""
    env = environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'a.sqlite3'}", DJANGO_MEDIA_ROOT=str(tmp_path / "m")
    )
    migrated_sqlite(tmp_path / "a.sqlite3")
    manage("backup", "--output", str(tmp_path / "b"), env=env)
    (folder,) = (tmp_path / "b").iterdir()
    crowded = tmp_path / "crowded"
    crowded.mkdir()
    (crowded / "old.jpg").write_bytes(b"x")
    target = tmp_path / "b.sqlite3"
    refused = manage(
        "restore", str(folder), check=False,
        env=environment(DATABASE_URL=f"sqlite:///{target}", DJANGO_MEDIA_ROOT=str(crowded)),
    )  # fmt: skip
    assert refused.returncode == 1
    assert "Thư mục tệp tải lên" in refused.stderr and "không trống" in refused.stderr
    assert not target.exists() or target.stat().st_size == 0


def test_sqlite_backup_restores_every_row_and_file(tmp_path):
    source, target = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"
    media, restored_media = tmp_path / "media", tmp_path / "media-restored"
    env = environment(DATABASE_URL=f"sqlite:///{source}", DJANGO_MEDIA_ROOT=str(media))
    migrated_sqlite(source)
    manage("create_demo_admin", env=env)
    (media / "tin-tuc" / "2026").mkdir(parents=True)
    (media / "tin-tuc" / "2026" / "anh.jpg").write_bytes(b"\xff\xd8 image bytes")
    manage("backup", "--output", str(tmp_path / "backups"), env=env)
    (folder,) = (tmp_path / "backups").iterdir()
    assert (folder / backups.SQLITE_COPY).is_file()

    manage("restore", str(folder), env=environment(
        DATABASE_URL=f"sqlite:///{target}", DJANGO_MEDIA_ROOT=str(restored_media)
    ))  # fmt: skip

    def rows(path: Path) -> dict[str, list]:
        connection = sqlite3.connect(path)
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )]  # fmt: skip
        result = {t: sorted(map(repr, connection.execute(f'SELECT * FROM "{t}"'))) for t in tables}
        connection.close()
        return result

    before = rows(source)
    assert before["auth_user"] and before["auth_group"]
    assert rows(target) == before
    assert (restored_media / "tin-tuc" / "2026" / "anh.jpg").read_bytes() == b"\xff\xd8 image bytes"


def test_backup_of_a_missing_sqlite_file_is_refused(tmp_path):
    missing = tmp_path / "chua-co.sqlite3"
    env = environment(DATABASE_URL=f"sqlite:///{missing}", DJANGO_MEDIA_ROOT=str(tmp_path / "m"))
    refused = manage("backup", "--output", str(tmp_path / "b"), env=env, check=False)
    assert refused.returncode == 1
    assert "Không có tệp cơ sở dữ liệu" in refused.stderr
    assert not (tmp_path / "b").exists()
