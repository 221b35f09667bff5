"""`manage.py backup`: the database and the uploaded files, in one timestamped folder.

PostgreSQL is dumped with ``pg_dump --format=custom`` (consistent while the site runs);
SQLite is copied with SQLite's online backup API. Uploads (``MEDIA_ROOT``) go into
``media.tar.gz``. ``manifest.json`` records when, from which engine, and how many rows
each table had, so that ``manage.py restore`` can check the result.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from core import backups


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và thư mục tệp tải lên vào một thư mục có ghi thời điểm."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("HTX_BACKUP_DIR") or str(settings.BASE_DIR / "backups"),
            help="Thư mục chứa các bản sao lưu (mặc định: HTX_BACKUP_DIR hoặc backups/).",
        )

    def handle(self, *args, output: str, **options) -> None:
        engine = backups.engine(connection.settings_dict)
        if engine == "sqlite3" and not Path(connection.settings_dict["NAME"]).is_file():
            raise CommandError(
                f"Không có tệp cơ sở dữ liệu {connection.settings_dict['NAME']}: chưa có gì "
                "để sao lưu (chạy manage.py migrate trước)."
            )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(output) / f"htx-{stamp}"
        try:
            target.mkdir(parents=True, exist_ok=False)
        except FileExistsError:
            raise CommandError(f"Thư mục {target} đã có; chạy lại sau một giây.") from None
        except OSError as error:
            raise CommandError(f"Không tạo được thư mục {target}: {error.strerror}.") from None
        if engine == "postgresql":
            # The dump and the manifest's row counts see the same snapshot, so that a
            # backup of a site in use still checks out when restored.
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                dump = target / backups.PG_DUMP
                result = subprocess.run(
                    ["pg_dump", "--format=custom", "--no-owner", "--no-acl",
                     f"--snapshot={snapshot}", "--file", str(dump)],
                    env=backups.libpq_env(connection.settings_dict),
                    capture_output=True,
                    text=True,
                )  # fmt: skip
                if result.returncode != 0:
                    raise CommandError(f"pg_dump không chạy được:\n{result.stderr.strip()}")
                rows = backups.row_counts(connection)
        else:
            source = sqlite3.connect(connection.settings_dict["NAME"])
            copy = sqlite3.connect(target / backups.SQLITE_COPY)
            with copy:
                source.backup(copy)
            source.close()
            rows = backups.sqlite_row_counts(copy)  # of the copy, which a restore checks
            copy.close()
        media = Path(settings.MEDIA_ROOT)
        files = 0
        with tarfile.open(target / backups.MEDIA_ARCHIVE, "w:gz") as archive:
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        archive.add(path, arcname=str(path.relative_to(media)), recursive=False)
                        files += 1
        manifest = {
            "created": timezone.now().isoformat(),
            "engine": engine,
            "media_files": files,
            "rows": rows,
        }
        (target / backups.MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        total = sum(manifest["rows"].values())
        self.stdout.write(
            f"Đã sao lưu vào {target}: {len(manifest['rows'])} bảng, {total} dòng, {files} tệp."
        )
