"""`manage.py restore FOLDER`: load a backup into an empty database and media folder.

A database that already has tables, or a media folder that already has files, is refused
unless ``--force`` is given (then the backup's tables replace those of the same name and
its files overwrite those of the same path). PostgreSQL is restored in one transaction
(all or nothing); afterwards every table's row count is checked against the manifest.
"""

import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core import backups


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu (của manage.py backup) vào cơ sở dữ liệu trống."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Thư mục sao lưu, ví dụ backups/htx-20260121-023000")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè cả khi cơ sở dữ liệu hoặc thư mục tệp tải lên không trống.",
        )

    def handle(self, *args, folder: str, force: bool, **options) -> None:
        source = Path(folder)
        try:
            manifest = json.loads((source / backups.MANIFEST).read_text())
        except (OSError, ValueError):
            raise CommandError(
                f"{source} không phải là một bản sao lưu (thiếu hoặc hỏng {backups.MANIFEST})."
            ) from None
        engine = backups.engine(connection.settings_dict)
        if manifest.get("engine") != engine:
            raise CommandError(
                f"Bản sao lưu là của {manifest.get('engine')}, cơ sở dữ liệu đích là {engine}."
            )
        tables = connection.introspection.table_names()
        if tables and not force:
            raise CommandError(
                f"Cơ sở dữ liệu đích không trống ({len(tables)} bảng). Khôi phục chỉ vào cơ sở "
                "dữ liệu trống; thêm --force để ghi đè dữ liệu đang có."
            )
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir() and any(p.is_file() for p in media.rglob("*")) and not force:
            raise CommandError(
                f"Thư mục tệp tải lên {media} không trống. Khôi phục chỉ vào thư mục trống; "
                "thêm --force để ghi đè."
            )
        if engine == "postgresql":
            self.restore_postgresql(source / backups.PG_DUMP, clean=bool(tables))
        else:
            self.restore_sqlite(source / backups.SQLITE_COPY)
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / backups.MEDIA_ARCHIVE, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder, devices.
            archive.extractall(media, filter="data")
        counts = backups.row_counts(connection)
        wrong = {
            table: (rows, counts.get(table))
            for table, rows in manifest["rows"].items()
            if counts.get(table) != rows
        }
        if wrong:
            lines = "\n".join(f"  {t}: sao lưu {a}, khôi phục {b}" for t, (a, b) in wrong.items())
            raise CommandError(f"Số dòng sau khi khôi phục không khớp bản sao lưu:\n{lines}")
        total = sum(counts.values())
        self.stdout.write(
            f"Đã khôi phục {source}: {len(counts)} bảng, {total} dòng, "
            f"{manifest.get('media_files', 0)} tệp."
        )

    def restore_postgresql(self, dump: Path, *, clean: bool) -> None:
        if not dump.is_file():
            raise CommandError(f"Thiếu tệp {dump}.")
        name = connection.settings_dict["NAME"]
        command = ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error",
                   "--single-transaction", "--dbname", name]  # fmt: skip
        if clean:
            command += ["--clean", "--if-exists"]
        connection.close()
        result = subprocess.run(
            [*command, str(dump)],
            env=backups.libpq_env(connection.settings_dict),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore không chạy được:\n{result.stderr.strip()}")

    def restore_sqlite(self, copy: Path) -> None:
        if not copy.is_file():
            raise CommandError(f"Thiếu tệp {copy}.")
        connection.close()
        source = sqlite3.connect(copy)
        target = sqlite3.connect(connection.settings_dict["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()
