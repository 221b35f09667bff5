"""Uploads waiting for confirmation go through the storage API, so that any machine
sharing the storage (S3 with several machines) confirms what another one previewed."""

import datetime
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from cooperatives.models import Organization
from cooperatives.spreadsheets import pending
from testing.roles import RolesTestCase
from testing.spreadsheets import ORG_HEADER, org_row, xlsx

IN_MEMORY = {
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}


@override_settings(STORAGES=IN_MEMORY)
class PendingUploadTests(RolesTestCase):
    url = "/quan-tri/cooperatives/organization/nhap-tep/"

    def preview(self, code: str) -> str:
        data = xlsx([ORG_HEADER, org_row(code)])
        page = self.client.post(self.url, {"file": SimpleUploadedFile("to-chuc.xlsx", data)})
        return page.context["token"]

    def test_the_upload_waits_in_the_storage_and_leaves_it_when_confirmed(self):
        self.client.force_login(self.alliance)
        token = self.preview("0600000301")
        name = f"import-pending/{token}.upload"
        self.assertTrue(default_storage.exists(name))
        self.assertFalse((Path(settings.MEDIA_ROOT) / name).exists())  # not on this disk
        self.assertEqual(len(token), 32)  # 128 random bits, not guessable
        self.client.post(self.url, {"token": token})
        self.assertTrue(Organization.objects.filter(code="0600000301").exists())
        self.assertFalse(default_storage.exists(name))

    def test_old_uploads_are_removed_and_recent_ones_kept(self):
        day_before = timezone.now() - pending.MAX_AGE - datetime.timedelta(minutes=1)
        with mock.patch("django.core.files.storage.memory.now", return_value=day_before):
            old = pending.keep(b"cu")
            default_storage.save("import-pending/ghi-chu.txt", SimpleUploadedFile("x", b"x"))
        recent = pending.keep(b"moi")
        self.assertEqual(pending.forget_old(), 1)
        self.assertIsNone(pending.take(old))
        self.assertEqual(pending.take(recent), b"moi")
        self.assertTrue(default_storage.exists("import-pending/ghi-chu.txt"))  # no upload

    def test_a_removed_upload_is_expired_for_the_uploader(self):
        self.client.force_login(self.alliance)
        token = self.preview("0600000302")
        pending.forget_old(now=timezone.now() + pending.MAX_AGE + datetime.timedelta(seconds=1))
        page = self.client.post(self.url, {"token": token}, follow=True)
        self.assertContains(page, "Tệp chờ nhập đã hết hạn; hãy tải tệp lên lại.")
        self.assertFalse(Organization.objects.filter(code="0600000302").exists())

    def test_a_token_names_nothing_but_a_pending_upload(self):
        default_storage.save("bi-mat.upload", SimpleUploadedFile("x", b"x"))
        for token in ("../bi-mat", "", "a" * 31, "g" * 32 + "/"):
            self.assertIsNone(pending.take(token), token)
        self.assertTrue(default_storage.exists("bi-mat.upload"))  # neither read nor deleted
        token = pending.keep(b"du lieu")
        self.assertEqual(pending.take(token), b"du lieu")
        self.assertIsNone(pending.take(token))  # used once
