"""An import killed in the middle of writing leaves nothing behind (docs/interfaces.md §1).

A real ``manage.py import_data`` process imports a large organisations file into the test
database; once PostgreSQL shows it holding the write lock on the organisations table (it
has begun inserting them), the process is killed. Nothing of the file may remain: no
organisation, location or history row, no import batch, unchanged data versions; and the
same command run again imports the whole file.
"""

import csv
import datetime
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import skipUnless
from unittest.mock import patch

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase

from cooperatives.models import Area, ImportBatch, Location, Organization, Sector
from cooperatives.spreadsheets import engine
from core.models import DataVersion
from testing.spreadsheets import csv_file
from testing.transactional import MigrationDataMixin

ROOT = Path(__file__).resolve().parents[2]
ROWS = 20_000  # enough that writing takes seconds, so the kill lands in the middle of it
HEADER = ["Mã số", "Tên", "Loại hình", "Lĩnh vực", "Địa bàn", "Ngày thành lập"]

# The import's own connection holds RowExclusiveLock on the organisations table from its
# first INSERT until its transaction ends.
WRITING_SQL = """
SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.relation = 'cooperatives_organization'::regclass AND l.mode = 'RowExclusiveLock'
  AND a.datname = current_database() AND a.pid <> pg_backend_pid()
"""


@skipUnless(
    connection.vendor == "postgresql",
    "needs PostgreSQL: a subprocess cannot see SQLite's in-memory test database, and the "
    "moment the import writes is read from pg_locks",
)
class InterruptedImportTests(MigrationDataMixin, TransactionTestCase):
    def setUp(self):
        province = Area.objects.create(code="36", name="Tỉnh Nam Định", level="province")
        district = Area.objects.create(
            code="360", name="Huyện Ý Yên", level="district", parent=province
        )
        self.communes = [
            Area.objects.create(
                code=f"139{n:02d}", name=f"Xã Thử {n}", level="commune", parent=district
            ).code
            for n in range(10)
        ]
        self.sector = Sector.objects.get_or_create(name="Nông nghiệp")[0].name
        folder = tempfile.mkdtemp(prefix="htx-interrupted-")
        self.addCleanup(shutil.rmtree, folder)
        self.file = Path(folder) / "to-chuc-lon.csv"
        with self.file.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            founded = datetime.date(2016, 3, 15).strftime("%d/%m/%Y")
            for i in range(ROWS):
                writer.writerow(
                    [f"08{i:08d}", f"HTX Ngắt quãng {i}", "HTX", self.sector,
                     self.communes[i % 10], founded]
                )  # fmt: skip
        self.versions = sorted(DataVersion.objects.values_list("name", "version"))

    def command(self) -> tuple[list[str], dict[str, str]]:
        env = dict(os.environ)
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
        env["DJANGO_DEBUG"] = "1"
        command = [sys.executable, str(ROOT / "manage.py"), "import_data",
                   "--kind", "organizations", str(self.file)]  # fmt: skip
        return command, env

    def writing_backend(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute(WRITING_SQL)
            row = cursor.fetchone()
        return row[0] if row else None

    def backend_alive(self, pid: int) -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
            return cursor.fetchone() is not None

    def interrupt(self, how: signal.Signals) -> None:
        command, env = self.command()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        backend = None
        deadline = time.monotonic() + 300
        try:
            while backend is None:
                if process.poll() is not None:
                    self.fail(
                        f"the import ended (exit {process.returncode}) before it was seen "
                        f"writing: {process.stderr.read().decode()[-2000:]}"
                    )
                if time.monotonic() > deadline:
                    self.fail("the import was never seen writing")
                backend = self.writing_backend()
                if backend is None:
                    time.sleep(0.02)
            process.send_signal(how)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stderr.close()
        self.assertEqual(process.returncode, -how)
        # The server notices the closed connection and rolls its transaction back.
        deadline = time.monotonic() + 60
        while self.backend_alive(backend):
            self.assertLess(time.monotonic(), deadline, "the killed import's backend lingers")
            time.sleep(0.1)

    def assert_nothing_left(self) -> None:
        self.assertFalse(Organization.objects.exists())
        self.assertFalse(Organization.history.exists())
        self.assertFalse(Location.objects.exists())
        self.assertFalse(ImportBatch.objects.exists())
        self.assertEqual(sorted(DataVersion.objects.values_list("name", "version")), self.versions)

    def assert_rerun_imports_everything(self) -> None:
        command, env = self.command()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])
        self.assertIn("Đã nhập 20.000 dòng: 20.000 tạo mới", done.stdout)
        self.assertEqual(Organization.objects.count(), ROWS)
        self.assertEqual(Location.objects.count(), ROWS)
        self.assertEqual(Organization.history.count(), ROWS)
        batch = ImportBatch.objects.get()
        self.assertEqual((batch.rows, batch.created, batch.updated), (ROWS, ROWS, 0))
        self.assertNotEqual(
            sorted(DataVersion.objects.values_list("name", "version")), self.versions
        )

    def test_killed_import_leaves_nothing_and_can_be_rerun(self):
        self.interrupt(signal.SIGKILL)
        self.assert_nothing_left()
        self.assert_rerun_imports_everything()

    def test_terminated_import_leaves_nothing(self):
        self.interrupt(signal.SIGTERM)
        self.assert_nothing_left()


class ImportCommandProgressTests(TestCase):
    """The command reports progress every few thousand rows (it once crashed doing so)."""

    def test_progress_lines_while_reading(self):
        commune = Area.objects.create(code="13900", name="Xã Yên Bằng", level="commune")
        rows = [HEADER] + [
            [f"08{i:08d}", f"HTX Tiến độ {i}", "HTX", "Nông nghiệp", commune.code, "15/03/2016"]
            for i in range(3)
        ]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "to-chuc.csv"
            path.write_bytes(csv_file(rows))
            out = io.StringIO()
            with patch.object(engine, "PROGRESS_EVERY", 2):
                call_command("import_data", "--kind", "organizations", str(path), stdout=out)
        self.assertIn("Đã đọc 2 dòng (", out.getvalue())
        # Then each later step once, in order.
        steps = [line for line in out.getvalue().splitlines() if line.startswith("Đang")]
        self.assertEqual(
            steps,
            [
                "Đang đối chiếu với dữ liệu hiện có…",
                "Đang ghi 3 dòng vào cơ sở dữ liệu…",
                "Đang ghi lịch sử thay đổi…",
            ],
        )
        self.assertIn("Đã nhập 3 dòng: 3 tạo mới", out.getvalue())
        self.assertEqual(Organization.objects.filter(code__startswith="08").count(), 3)
