"""Test-wide settings: uploads and generated images go to a temporary folder."""

import shutil
import tempfile

import pytest
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def temporary_media():
    folder = tempfile.mkdtemp(prefix="htx-test-media-")
    with override_settings(MEDIA_ROOT=folder):
        yield folder
    shutil.rmtree(folder, ignore_errors=True)
