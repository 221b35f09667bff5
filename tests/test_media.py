"""Uploaded files are served with safe headers, and only the kinds the portal stores."""

from pathlib import Path

from django.conf import settings
from django.test import TestCase


class MediaTests(TestCase):
    def put(self, name: str, data: bytes) -> None:
        path = Path(settings.MEDIA_ROOT) / "tin-tuc" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def test_images_inline_documents_as_downloads_never_sniffed(self):
        self.put("anh.webp", b"RIFF0000WEBP")
        self.put("ke hoach.pdf", b"%PDF-1.4")
        image = self.client.get("/media/tin-tuc/anh.webp")
        self.assertEqual(image["Content-Type"], "image/webp")
        self.assertTrue(image["Content-Disposition"].startswith("inline"))
        document = self.client.get("/media/tin-tuc/ke hoach.pdf")
        self.assertEqual(document["Content-Type"], "application/pdf")
        self.assertEqual(document["Content-Disposition"], 'attachment; filename="ke hoach.pdf"')
        for response in (image, document):
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")
            self.assertIn("sandbox", response["Content-Security-Policy"])

    def test_other_files_and_paths_outside_media_are_404(self):
        self.put("trang.html", b"<script>alert(1)</script>")
        self.put("tep.svg", b"<svg onload='alert(1)'/>")
        for url in (
            "/media/tin-tuc/trang.html", "/media/tin-tuc/tep.svg", "/media/../manage.py",
            "/media/%2e%2e/settings.py", "/media/khong-co.jpg",
        ):  # fmt: skip
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_private_files_are_never_served(self):
        # Cached report PDFs (core/private_files.py) are reached only through the reports.
        folder = Path(settings.MEDIA_ROOT) / "private" / "bao-cao-pdf" / "36-1-2023-6"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "du-thao.pdf").write_bytes(b"%PDF-1.4 private")
        self.put("cong-khai.pdf", b"%PDF-1.4 public")
        self.assertEqual(self.client.get("/media/tin-tuc/cong-khai.pdf").status_code, 200)
        for url in (
            "/media/private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
            "/media/./private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
            "/media//private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
            "/media/tin-tuc/../private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
            "/media/tin-tuc/%2e%2e/private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
            "/media/PRIVATE/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)
