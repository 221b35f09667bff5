"""Test-wide settings: uploads go to a temporary folder; data versions are never memoised."""

import os
import shutil
import tempfile

import pytest
from django.db.models.signals import post_migrate
from django.test import override_settings
from hypothesis import HealthCheck, settings

from testing.transactional import restore_after_flush

# pytest-xdist: what runs together and in which order (make test runs -n auto).
pytest_plugins = ["testing.parallel"]

# Hypothesis profiles. "ci" (the default): the same 200 derandomised examples on every run,
# no per-example deadline (the machine may be loaded), no example database, so that a run
# is repeatable and each property takes about a second. "fuzz" (HYPOTHESIS_PROFILE=fuzz):
# a random search of 20,000 examples per property, to look for new counterexamples.
settings.register_profile(
    "ci", derandomize=True, max_examples=200, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.register_profile("fuzz", max_examples=20_000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Transactional tests flush every table at teardown; the data migrations' rows (sectors,
# role groups, news categories) are put back after each flush (testing/transactional.py),
# so that test cases run after them, in any order, find the database as migrated.
post_migrate.connect(restore_after_flush, dispatch_uid="testing.restore_after_flush")


@pytest.fixture(autouse=True, scope="session")
def temporary_media():
    folder = tempfile.mkdtemp(prefix="htx-test-media-")
    # Data versions read fresh on every call, so query counts do not depend on timing.
    # Passwords hashed with a fast hasher: hashing costs 0.35 s with the real one, and
    # tests sign people in by the hundred. The real hasher is what the servers that tests
    # start in processes of their own use (tests/test_*_server.py sign in through them).
    with override_settings(
        MEDIA_ROOT=folder,
        DATA_VERSION_TTL=0,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def remembered_images():
    """The demo's pictures are drawn and encoded once per process (testing/image_memo.py)."""
    from testing.image_memo import remembered

    with remembered():
        yield


@pytest.fixture(autouse=True)
def fresh_area_map():
    """Every test starts without a cached area map (``AreaMap.current``): tests write areas
    in bulk and roll back, which a data version cannot always tell."""
    from cooperatives.models import AreaMap

    AreaMap._current = None
    yield
    AreaMap._current = None
