"""Which organisations a signed-in person may see and change in the registry."""

from dataclasses import dataclass

from django.utils import timezone

from cooperatives.models import AreaMap, StaffProfile
from core.roles import ALLIANCE, AREA, user_roles

_CACHE_ATTR = "_htx_area_scope"


@dataclass(frozen=True)
class Scope:
    # Recorded head-office areas whose organisations the officer looks after.
    location_area_ids: frozenset[int]
    # Areas the officer may attach records to: their own areas and everything below.
    own_area_ids: frozenset[int]


def _scope(user) -> Scope | None:
    """Return the area officer's scope, or None when ``user`` is not limited to areas.

    Area officers (and only they) are limited to the areas of their staff profile and
    everything below them; one without areas sees nothing. The answer is kept on the
    user object, so a request computes it once.
    """
    if hasattr(user, _CACHE_ATTR):
        return getattr(user, _CACHE_ATTR)
    scope = None
    if user.is_authenticated and not user.is_superuser:
        roles = user_roles(user)
        if AREA in roles and ALLIANCE not in roles:
            area_ids = list(
                StaffProfile.areas.through.objects.filter(staffprofile__user=user).values_list(
                    "area_id", flat=True
                )
            )
            if area_ids:
                area_map = AreaMap.current()
                own: set[int] = set()
                for area_id in area_ids:
                    own |= area_map.subtree(area_id)
                locations = area_map.raw_ids_for_scope(area_ids, timezone.localdate())
                # Old units merged into theirs stay choosable, so that records entered
                # before the reform can still be saved and corrected.
                scope = Scope(frozenset(locations), frozenset(own | locations))
            else:
                scope = Scope(frozenset(), frozenset())
    setattr(user, _CACHE_ATTR, scope)
    return scope


def area_scope(user) -> frozenset[int] | None:
    """Return the head-office areas ``user`` is limited to, or None for the whole registry."""
    scope = _scope(user)
    return None if scope is None else scope.location_area_ids


def scoped_area_ids(user) -> frozenset[int] | None:
    """Return the areas ``user`` may attach records to, or None for all areas."""
    scope = _scope(user)
    return None if scope is None else scope.own_area_ids
