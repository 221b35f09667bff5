"""Files the portal keeps for itself under private/ (core/private_files.py)."""

import os
import time
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from core import private_files

FOLDER = "private/test-private-files"


class PrivateFilesTests(SimpleTestCase):
    def path(self, name: str) -> Path:
        return Path(settings.MEDIA_ROOT) / FOLDER / name

    def test_only_private_names_are_written_and_a_newer_one_replaces_the_rest(self):
        with self.assertRaises(ValueError):
            private_files.write("tin-tuc/bao-cao.pdf", b"%PDF")
        private_files.write(f"{FOLDER}/cu.pdf", b"old")
        private_files.write(f"{FOLDER}/moi.pdf", b"new")
        private_files.write(f"{FOLDER}/moi.pdf", b"new")  # a second writer of the same name
        # A file being written now is left to its writer; one left an hour ago by a writer
        # that died is removed.
        self.path(".dang-ghi.pdf.1.tmp").write_bytes(b"partial")
        self.path(".bo-do.pdf.2.tmp").write_bytes(b"partial")
        old = time.time() - private_files.ABANDONED_SECONDS - 60
        os.utime(self.path(".bo-do.pdf.2.tmp"), (old, old))
        self.assertEqual(private_files.remove_others(f"{FOLDER}/moi.pdf"), 2)
        self.assertEqual(
            sorted(p.name for p in self.path("").iterdir()), [".dang-ghi.pdf.1.tmp", "moi.pdf"]
        )
        with private_files.open_file(f"{FOLDER}/moi.pdf") as file:
            self.assertEqual(file.read(), b"new")
        self.assertIsNone(private_files.open_file(f"{FOLDER}/cu.pdf"))

    def test_what_counts_as_private(self):
        for path in ("private/x.pdf", "./private/x.pdf", "PRIVATE/x", "private"):
            self.assertTrue(private_files.is_private(path), path)
        for path in ("tin-tuc/private/x.pdf", "privates/x.pdf", "", "tin-tuc/x.pdf"):
            self.assertFalse(private_files.is_private(path), path)
