"""Who may read which report."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from cooperatives.models import Area
from cooperatives.scoping import scoped_area_ids


def area_for_report(user, code: str) -> Area:
    """Return the area whose report ``user`` asks for, or raise 404/403.

    Alliance staff and officials read every area; area officers only their own areas
    and the areas below them.
    """
    area = get_object_or_404(Area, code=code)
    if not user.has_perm("reports.view_report"):
        raise PermissionDenied
    allowed = scoped_area_ids(user)
    if allowed is not None and area.pk not in allowed:
        raise PermissionDenied
    return area
