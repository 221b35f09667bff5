"""Who may read which report, and which unit a code names for a period."""

from django.core.exceptions import PermissionDenied

from cooperatives.models import Area, code_not_on_day
from cooperatives.scoping import scoped_area_ids
from reports.compute import ReportRefused, report_end

COUNTRY_CODE = "VN"


class AreaRefused(ReportRefused):
    """A code that names no unit on the period's end; ``status`` 404 when none ever had it."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def area_for_report(user, code: str, year: int, months: int) -> Area | None:
    """Return the unit whose report ``user`` asks for (None: the whole country).

    A code names the unit that has it on the period's end E (docs/interfaces.md §2.2):
    official codes were reused by the 2025 reform. Raises PermissionDenied, or
    ReportRefused (an impossible period; AreaRefused: no unit has the code at E) with a
    Vietnamese sentence. Alliance staff and officials read every area and the whole
    country; area officers only their own areas and the areas below them.
    """
    if not user.has_perm("reports.view_report"):
        raise PermissionDenied
    allowed = scoped_area_ids(user)
    end = report_end(year, months)
    if code.upper() == COUNTRY_CODE:
        if allowed is not None:
            raise PermissionDenied
        return None
    area = Area.objects.with_code_on(code, end)
    if area is None:
        message = code_not_on_day(code, end)
        ever = Area.objects.filter(code=code).exists()
        raise AreaRefused(message[0].upper() + message[1:], status=400 if ever else 404)
    if allowed is not None and area.pk not in allowed:
        raise PermissionDenied
    return area
