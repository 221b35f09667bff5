"""Which organisations a signed-in person may see and change in the registry."""

from django.utils import timezone

from cooperatives.models import AreaMap, StaffProfile
from cooperatives.roles import ALLIANCE, AREA, user_roles

_CACHE_ATTR = "_htx_area_scope"


def area_scope(user) -> frozenset[int] | None:
    """Return the location areas ``user`` is limited to, or None for the whole province.

    Area officers (and only they) are limited to the areas of their staff profile and
    everything below them. An area officer without areas sees nothing. The answer is
    kept on the user object, so one request computes it once.
    """
    if hasattr(user, _CACHE_ATTR):
        return getattr(user, _CACHE_ATTR)
    scope: frozenset[int] | None = None
    if user.is_authenticated and not user.is_superuser:
        roles = user_roles(user)
        if AREA in roles and ALLIANCE not in roles:
            area_ids = list(
                StaffProfile.areas.through.objects.filter(staffprofile__user=user).values_list(
                    "area_id", flat=True
                )
            )
            scope = (
                frozenset(AreaMap().raw_ids_for_scope(area_ids, timezone.localdate()))
                if area_ids
                else frozenset()
            )
    setattr(user, _CACHE_ATTR, scope)
    return scope


def scoped_area_ids(user) -> frozenset[int] | None:
    """Return the areas ``user`` may attach records to (theirs and below), or None for all."""
    scope = area_scope(user)
    if scope is None:
        return None
    area_ids = StaffProfile.areas.through.objects.filter(staffprofile__user=user).values_list(
        "area_id", flat=True
    )
    area_map = AreaMap()
    below: set[int] = set()
    for area_id in area_ids:
        below |= area_map.subtree(area_id)
    return frozenset(below)
