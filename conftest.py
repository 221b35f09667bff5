"""Test-wide settings: uploads go to a temporary folder; data versions are never memoised."""

import shutil
import tempfile

import pytest
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def temporary_media():
    folder = tempfile.mkdtemp(prefix="htx-test-media-")
    # Data versions read fresh on every call, so query counts do not depend on timing.
    with override_settings(MEDIA_ROOT=folder, DATA_VERSION_TTL=0):
        yield folder
    shutil.rmtree(folder, ignore_errors=True)
