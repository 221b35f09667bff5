"""Uploaded spreadsheets are read within limits (docs/security.md, "Spreadsheet imports").

The hostile files (testing/hostile_files.py): a sparse sheet with one cell at XFD1048576 (which made
calamine allocate 512 GB and abort the worker), deflate bombs (one honest about its size,
one declaring a small one), a 5-million-character cell, and files with too many rows or
columns. Each must be refused quickly with a Vietnamese sentence naming the limit; a real
``manage.py import_data`` process must exit with that sentence (not die), under 300 MB.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest.mock import patch

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings

from core.spreadsheets import limits
from core.spreadsheets.tables import FileProblem, read_table
from testing.hostile_files import (
    MAIN,
    declare_smaller,
    header_row,
    inline,
    repeated,
    workbook,
)
from testing.roles import RolesTestCase
from testing.spreadsheets import FIGURES_HEADER, csv_file, xlsx

ROOT = Path(__file__).resolve().parents[2]


def table_rows(data: bytes, name: str = "du-lieu.xlsx") -> list:
    table = read_table(data, name)
    return [table.headers, *(values for _, values in table.rows)]


class Refusals(SimpleTestCase):
    """read_table refuses each hostile file with its own sentence, in little time."""

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="htx-limits-"))
        self.addCleanup(shutil.rmtree, self.folder)

    def assert_refused(self, data: bytes, message: str, name: str = "du-lieu.xlsx"):
        started = time.monotonic()
        with self.assertRaises(FileProblem) as caught:
            table_rows(data, name)
        self.assertIn(message, str(caught.exception))
        self.assertLess(time.monotonic() - started, 10)

    def test_sparse_cell_at_xfd1048576_with_its_dimension(self):
        path = workbook(
            self.folder / "thua.xlsx",
            header_row() + b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>",
            dimension="A1:XFD1048576",
        )
        self.assertLess(path.stat().st_size, 2000)
        self.assert_refused(
            path.read_bytes(),
            "Tệp có quá nhiều cột: vùng dữ liệu khai báo kéo đến cột XFD, tối đa 200 cột.",
        )

    def test_sparse_cell_behind_a_lying_dimension(self):
        path = workbook(
            self.folder / "thua.xlsx",
            header_row() + b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>",
            dimension="A1:C1",
        )
        self.assert_refused(path.read_bytes(), "Tệp có quá nhiều dòng: tối đa 100.000 dòng dữ liệu")

    def test_far_column_with_another_attribute_first(self):
        # Not the form the fast scan reads: the exact parse finds the reference.
        path = workbook(
            self.folder / "thua.xlsx",
            header_row() + b'<row r="2"><c t="n" r="XFD2"><v>1</v></c></row>',
        )
        self.assert_refused(path.read_bytes(), "Tệp có quá nhiều cột: ô XFD2 có dữ liệu")

    def test_cells_without_references_are_counted(self):
        cells = b"<c><v>1</v></c>" * 201
        path = workbook(self.folder / "rong.xlsx", header_row() + b"<row>" + cells + b"</row>")
        self.assert_refused(path.read_bytes(), "Tệp có quá nhiều cột: ô GS2 có dữ liệu")

    def test_repeated_cell_in_one_row(self):
        # The same cell over and over (with an attribute before the reference, so that
        # the exact parse, which counts the cells of each row, reads it).
        cells = b'<c t="n" r="A2"><v>1</v></c>' * 300
        path = workbook(self.folder / "lap.xlsx", header_row() + b'<row r="2">' + cells + b"</row>")
        self.assert_refused(path.read_bytes(), "Tệp có quá nhiều cột: dòng 2 có 201 ô")

    def test_deflate_bomb(self):
        path = workbook(self.folder / "bom.xlsx", repeated(300))
        self.assertLess(path.stat().st_size, 5 * 1024 * 1024)
        self.assert_refused(path.read_bytes(), "vượt giới hạn 200 MB")

    @override_settings(IMPORT_MAX_UNZIPPED_MB=1000)
    def test_deflate_bomb_within_the_size_limit_is_refused_by_its_ratio(self):
        path = workbook(self.folder / "bom.xlsx", repeated(300))
        self.assert_refused(path.read_bytes(), "Tệp .xlsx bị nén bất thường")

    def test_deflate_bomb_declaring_a_small_size(self):
        path = workbook(self.folder / "bom.xlsx", repeated(300))
        declare_smaller(path, "xl/worksheets/sheet1.xml", 50_000)
        self.assert_refused(path.read_bytes(), "vượt giới hạn 200 MB")

    def test_five_million_character_cell(self):
        data = xlsx([FIGURES_HEADER, ["0600000001", 2023, "x" * 5_000_000]])
        self.assert_refused(data, "Ô C2 dài quá 10.000 ký tự, giới hạn của một ô.")

    @override_settings(IMPORT_MAX_ROWS=5)
    def test_too_many_rows(self):
        rows = [FIGURES_HEADER] + [["0600000001", 2023, 6]] * 6
        message = "Tệp có quá nhiều dòng: tối đa 5 dòng dữ liệu"
        self.assert_refused(xlsx(rows), message)
        self.assert_refused(csv_file(rows), message, "du-lieu.csv")
        self.assertEqual(len(table_rows(xlsx(rows[:6]))), 6)
        self.assertEqual(len(table_rows(csv_file(rows[:6]), "du-lieu.csv")), 6)
        # Records, not lines: a cell over several lines is one row.
        lines = [FIGURES_HEADER] + [["0600000001", 2023, "dòng một\ndòng hai"]] * 5
        self.assertEqual(len(table_rows(csv_file(lines), "du-lieu.csv")), 6)

    def test_too_many_columns(self):
        rows = [FIGURES_HEADER, ["0600000001"] + [""] * 199 + ["thừa"]]
        message = "Tệp có quá nhiều cột: dòng 2 có dữ liệu ở cột thứ 201, tối đa 200 cột."
        self.assert_refused(csv_file(rows), message, "du-lieu.csv")
        self.assert_refused(
            xlsx(rows),
            "Tệp có quá nhiều cột: vùng dữ liệu khai báo kéo đến cột GS, tối đa 200 cột.",
        )

    def test_long_csv_cells(self):
        long = [FIGURES_HEADER, ["0600000001", 2023, "x" * 20_000]]
        self.assert_refused(
            csv_file(long), "Ô C2 dài quá 10.000 ký tự, giới hạn của một ô.", "du-lieu.csv"
        )
        huge = [FIGURES_HEADER, ["0600000001", 2023, "x" * 5_000_000]]
        self.assert_refused(
            csv_file(huge), "Dòng 2 có một ô dài quá 10.000 ký tự, giới hạn của một ô.", "a.csv"
        )

    def test_too_many_parts_or_shared_strings(self):
        rows = [FIGURES_HEADER] + [[f"06{i:08d}", 2023, 6] for i in range(20)]
        with patch.object(limits, "MAX_PARTS", 5):
            self.assert_refused(xlsx(rows), "Tệp .xlsx có quá nhiều phần (tối đa 5)")
        strings = b"".join(f"<si><t>{i}</t></si>".encode() for i in range(11))
        shared = {"xl/sharedStrings.xml": b'<sst xmlns="' + MAIN + b'">' + strings + b"</sst>"}
        path = workbook(self.folder / "chuoi.xlsx", header_row(), extra=shared)
        with patch.object(limits, "DENSE_CELLS", 10):
            self.assert_refused(path.read_bytes(), "Tệp .xlsx có hơn 10 chuỗi chữ khác nhau")
        with patch.object(limits, "DENSE_CELLS", 11):
            self.assertEqual(table_rows(path.read_bytes()), [FIGURES_HEADER[:3]])

    def test_a_wide_sparse_sheet_is_streamed_with_the_same_values(self):
        rows = [FIGURES_HEADER, ["0600000001", 2023, 6, None, None, 2.5], ["0600000002", 2024]]
        data = xlsx(rows)
        with patch.object(limits, "DENSE_CELLS", 10):
            self.assertTrue(limits.check_xlsx(data, limits.Limits.from_settings()).streamed)
            streamed = table_rows(data)
        self.assertFalse(limits.check_xlsx(data, limits.Limits.from_settings()).streamed)
        blank = lambda value: "" if value is None else value  # noqa: E731
        self.assertEqual(
            [[blank(v) for v in row] for row in streamed],
            [[blank(v) for v in row] for row in table_rows(data)],
        )

    def test_ordinary_files_are_read_as_before(self):
        # Empty formatted rows far down (Excel writes them for a row height) hold no cell.
        path = workbook(
            self.folder / "thuong.xlsx",
            header_row()
            + b'<row r="2">'
            + inline("A2", "0600000001")
            + b'<c r="B2"><v>2023</v></c></row>'
            + b'<row r="900000" ht="20" customHeight="1"/>',
        )
        self.assertEqual(
            table_rows(path.read_bytes()), [FIGURES_HEADER[:3], ["0600000001", 2023.0, ""]]
        )
        # Cells without references, placed one after another as calamine places them.
        path = workbook(
            self.folder / "khong-tham-chieu.xlsx",
            b"<row>"
            + b"".join(
                f'<c t="inlineStr"><is><t>{h}</t></is></c>'.encode() for h in FIGURES_HEADER[:2]
            )
            + b"</row><row><c><v>7</v></c></row>",
        )
        self.assertEqual(table_rows(path.read_bytes()), [FIGURES_HEADER[:2], [7.0, ""]])


WRAPPER = """
import json, resource, subprocess, sys
limit = 1536 * 1024 * 1024
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=cap)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"rc": done.returncode, "stderr": done.stderr, "peak_mb": peak}))
"""


class ImportCommandWithinMemory(SimpleTestCase):
    """A real ``import_data`` process refuses each bomb and stays small.

    The process runs under a 1.5 GB address-space cap, so that a regression makes this
    test fail (the reader aborts) instead of taking the machine's memory.
    """

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="htx-limits-cmd-"))
        self.addCleanup(shutil.rmtree, self.folder)

    def run_import(self, path: Path) -> dict:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "1",
            # The file is refused before any query: the database is never opened.
            "DATABASE_URL": f"sqlite:///{self.folder / 'khong-dung.sqlite3'}",
        }
        command = [sys.executable, "manage.py", "import_data", "--kind", "figures", str(path)]
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return json.loads(done.stdout)

    def assert_refused(self, path: Path, message: str):
        outcome = self.run_import(path)
        self.assertEqual(outcome["rc"], 1, outcome["stderr"][-2000:])
        self.assertIn(message, outcome["stderr"])
        self.assertNotIn("Traceback", outcome["stderr"])
        self.assertLess(outcome["peak_mb"], 300)

    def test_sparse_cell_at_xfd1048576(self):
        path = workbook(
            self.folder / "thua.xlsx",
            header_row() + b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>",
            dimension="A1:XFD1048576",
        )
        self.assert_refused(path, "Tệp có quá nhiều cột")

    def test_sparse_cell_behind_a_lying_dimension(self):
        path = workbook(
            self.folder / "thua.xlsx",
            header_row() + b'<row r="2">' + inline("XFD2", "x") + b"</row>",
            dimension="A1:C2",
        )
        self.assert_refused(path, "Tệp có quá nhiều cột: ô XFD2 có dữ liệu")

    def test_deflate_bombs(self):
        path = workbook(self.folder / "bom.xlsx", repeated(300))
        self.assert_refused(path, "vượt giới hạn 200 MB")
        declare_smaller(path, "xl/worksheets/sheet1.xml", 50_000)
        self.assert_refused(path, "vượt giới hạn 200 MB")


class AdminUploadRefusal(RolesTestCase):
    url = "/quan-tri/cooperatives/figures/nhap-tep/"

    def test_sparse_bomb_is_refused_on_the_upload_page(self):
        self.client.force_login(self.alliance)
        folder = Path(tempfile.mkdtemp(prefix="htx-limits-admin-"))
        self.addCleanup(shutil.rmtree, folder)
        path = workbook(
            folder / "thua.xlsx",
            header_row() + b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>",
            dimension="A1:C1",
        )
        upload = SimpleUploadedFile("thua.xlsx", path.read_bytes())
        page = self.client.post(self.url, {"file": upload})
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Tệp có quá nhiều dòng: tối đa 100.000 dòng dữ liệu")
        self.assertNotIn("token", page.context)


@override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=0)
class UploadTemporaryFiles(RolesTestCase):
    url = "/quan-tri/cooperatives/organization/nhap-tep/"

    def test_the_spooled_upload_is_gone_before_the_import_runs(self):
        from cooperatives.admin import spreadsheets as admin_spreadsheets

        folder = tempfile.mkdtemp(prefix="htx-limits-uploads-")
        self.addCleanup(shutil.rmtree, folder)
        seen = []
        real_import = admin_spreadsheets.import_file

        def import_file(**options):
            seen.append(os.listdir(folder))
            return real_import(**options)

        self.client.force_login(self.alliance)
        upload = SimpleUploadedFile("to-chuc.csv", csv_file([FIGURES_HEADER, ["x"] * 3]))
        with (
            self.settings(FILE_UPLOAD_TEMP_DIR=folder),
            patch.object(admin_spreadsheets, "import_file", import_file),
        ):
            page = self.client.post(self.url, {"file": upload})
        self.assertEqual(page.status_code, 200)
        self.assertEqual(seen, [[]])
        self.assertEqual(os.listdir(folder), [])
