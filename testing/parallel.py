"""How ``make test`` spreads the suite over pytest-xdist workers (``-n auto``).

- A unit of work is a test class, or a module's test functions, never less: a class's
  ``setUpTestData`` and a module's fixtures are built once, on one worker.
- The modules of a group in GROUPS run together on one worker: those of the ``image``
  fixture (tests/conftest.py: a copy of the project with its static files collected and a
  virtualenv for the unprivileged user), so that it is built once. A test that uses the
  fixture from a module not listed stops the run with a message saying so.
  (pytest-xdist's own ``xdist_group`` mark does not work with pytest 9: it renames test ids
  in a way pytest 9 ignores.)
- Each worker runs the groups first, then the tests without a database (mostly servers and
  commands in subprocesses), then the transactional ones, then the TestCase classes: the
  long units start early and many short ones fill the end, so the workers finish together.
  Without xdist, pytest-django's order stands (TestCase classes first).
"""

import os

import pytest

# group: (fixture its tests use, modules)
GROUPS = {
    "image": (
        "image",
        (
            "tests/test_pdf_server.py",
            "tests/test_production_server.py",
            "tests/test_proxy_headers_server.py",
            "tests/test_security_server.py",
            "tests/test_two_processes.py",
        ),
    ),
}
GROUP_OF_MODULE = {module: group for group, (_, modules) in GROUPS.items() for module in modules}


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


class _WorkerOrder:
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        for item in items:
            for group, (fixture, modules) in GROUPS.items():
                if fixture in getattr(item, "fixturenames", ()):
                    if _module(item.nodeid) not in modules:
                        raise pytest.UsageError(
                            f"{item.nodeid} uses the {fixture} fixture: add its module to "
                            f"GROUPS[{group!r}] in testing/parallel.py"
                        )
        # After pytest-django's sort (TestCase, transactional, no database): reversed, with
        # the groups first. Every worker collects the same list, so the order is the same.
        django_order = {id(item): position for position, item in enumerate(items)}

        def key(item):
            grouped = _module(item.nodeid) in GROUP_OF_MODULE
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
            group = GROUP_OF_MODULE.get(_module(nodeid))
            if group is not None:
                return f"group:{group}"
            return nodeid.rsplit("::", 1)[0]  # the class, or the module of test functions

    # Keep the workers' order above (xdist would sort the units by their number of tests).
    config.option.loadscopereorder = False
    return ClassAndGroupScheduling(config, log)
