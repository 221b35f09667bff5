"""Uploads on S3-compatible storage (HTX_S3_BUCKET): /media/ redirects to a signed address.

No S3 service is reachable here: these tests check the settings the environment gives
and the addresses signed locally by boto3 (signing needs no network); storing files in a
real bucket is not exercised.
"""

import json
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase, override_settings

from testing.scratch import ROOT, environment

S3 = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "htx-media",
            "endpoint_url": "https://s3.example.vn",
            "region_name": "hn-1",
            "access_key": "TESTKEY",
            "secret_key": "test-secret",
            "querystring_expire": 3600,
        },
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def test_environment_chooses_s3_storage():
    code = "from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"

    def storages(**env):
        result = subprocess.run(
            [sys.executable, "-c", f"import django, json; django.setup(); {code}"], cwd=ROOT,
            env=environment(DJANGO_SETTINGS_MODULE="htx_portal.settings", **env),
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(result.stdout)

    assert storages()["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    s3 = storages(HTX_S3_BUCKET="htx-media", HTX_S3_ENDPOINT_URL="https://s3.example.vn")
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "htx-media"
    assert s3["OPTIONS"]["endpoint_url"] == "https://s3.example.vn"
    assert s3["OPTIONS"]["querystring_auth"] is True
    public = storages(HTX_S3_BUCKET="b", HTX_S3_CUSTOM_DOMAIN="anh.example.vn")
    assert public["OPTIONS"]["querystring_auth"] is False


@override_settings(STORAGES=S3)
class S3MediaTests(TestCase):
    def test_images_redirect_to_a_signed_address_with_their_type(self):
        response = self.client.get("/media/tin-tuc/2026/anh-bia.jpg")
        self.assertEqual(response.status_code, 302)
        address = urlsplit(response["Location"])
        self.assertEqual((address.scheme, address.netloc), ("https", "s3.example.vn"))
        self.assertEqual(address.path, "/htx-media/tin-tuc/2026/anh-bia.jpg")
        query = parse_qs(address.query)
        self.assertEqual(query["response-content-type"], ["image/jpeg"])
        self.assertIn("X-Amz-Signature", query)
        self.assertEqual(query["X-Amz-Expires"], ["3600"])
        self.assertEqual(response["Cache-Control"], "private, max-age=600")

    def test_documents_download_as_attachments(self):
        response = self.client.get("/media/tin-tuc/ke-hoach.pdf")
        query = parse_qs(urlsplit(response["Location"]).query)
        self.assertEqual(query["response-content-type"], ["application/pdf"])
        self.assertEqual(
            query["response-content-disposition"], ['attachment; filename="ke-hoach.pdf"']
        )

    def test_other_kinds_and_escapes_are_not_found(self):
        for path in ("/media/tin-tuc/trang.html", "/media/tin-tuc/x.svg",
                     "/media/../settings.jpg", "/media/tin-tuc/../../b.jpg"):  # fmt: skip
            self.assertEqual(self.client.get(path).status_code, 404, path)

    def test_private_files_are_not_signed(self):
        # Cached report PDFs live under private/ in the same bucket (core/private_files.py).
        for path in ("/media/private/bao-cao-pdf/36-1-2023-6/du-thao.pdf",
                     "/media/./private/bao-cao-pdf/x.pdf", "/media/Private/x.pdf"):  # fmt: skip
            self.assertEqual(self.client.get(path).status_code, 404, path)
        self.assertEqual(self.client.get("/media/tin-tuc/ke-hoach.pdf").status_code, 302)
