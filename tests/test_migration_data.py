"""The data migrations' rows survive the flush that ends every transactional test
(testing/transactional.py): test cases run after one, in any order under pytest-xdist,
find the database as migrated."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from cooperatives.models import Sector
from news.models import Category


def seeded() -> tuple[int, int, int]:
    return Sector.objects.count(), Category.objects.count(), Group.objects.count()


@pytest.mark.django_db(transaction=True)
def test_a_flush_is_followed_by_the_migrations_rows():
    before = seeded()
    assert all(before), before
    roles = {group.name: group.permissions.count() for group in Group.objects.all()}
    Sector.objects.all().delete()
    call_command("flush", verbosity=0, interactive=False)  # as TransactionTestCase's teardown
    assert seeded() == before
    assert {group.name: group.permissions.count() for group in Group.objects.all()} == roles
