"""How ``make test`` spreads the suite over pytest-xdist workers (``-n auto --dist loadgroup``).

- A unit of work is a test class, or a module's test functions, never less: a class's
  ``setUpTestData`` and a module's fixtures are built once, on one worker.
- Tests marked ``xdist_group(name)`` run together on one worker, whatever their module;
  every test that uses the ``image`` fixture (tests/conftest.py: a copy of the project with
  its static files collected, built once per worker) is put in the group ``image``.
- Each worker runs groups first, then the tests without a database (mostly servers and
  commands in subprocesses), then the transactional ones, then the TestCase classes: the
  long units start early and many short ones fill the end, so both workers finish together.
  (Without xdist, pytest-django's order stands: TestCase classes first.)

Loaded by the root conftest.py; without ``-n`` only the ``image`` marking applies, which
changes nothing.
"""

import os

import pytest

GROUPED_FIXTURES = {"image": "image"}  # fixture: group


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Before pytest-xdist reads the groups (it appends "@group" to the test ids).
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        for fixture, group in GROUPED_FIXTURES.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))


class _WorkerOrder:
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        # After pytest-django's sort (TestCase, transactional, no database): reversed, with
        # the groups first. Every worker collects the same list, so the order is the same.
        django_order = {id(item): position for position, item in enumerate(items)}

        def key(item):
            grouped = item.get_closest_marker("xdist_group") is not None
            return (not grouped, -_django_rank(item), django_order[id(item)])

        items.sort(key=key)


def _django_rank(item) -> int:
    """pytest-django's order: 0 TestCase, 1 transactional, 2 no database."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return 0 if issubclass(cls, TestCase) else 1
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    if marker is not None:
        return 1 if marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences") else 0
    return 0 if "db" in fixtures else 2


def pytest_configure(config):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        config.pluginmanager.register(_WorkerOrder(), "htx-worker-order")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ClassAndGroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.rfind("@") > nodeid.rfind("]"):  # xdist_group, as --dist loadgroup
                return "@" + nodeid.rsplit("@", 1)[-1]
            return nodeid.rsplit("::", 1)[0]  # the class, or the module of test functions

    # Keep the workers' order above (xdist would sort the units by their number of tests).
    config.option.loadscopereorder = False
    return ClassAndGroupScheduling(config, log)
