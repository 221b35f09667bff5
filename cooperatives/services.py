"""Writes that touch several models: roles and staff accounts, placing organisations."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cooperatives.area_refs import AreaReferenceError, resolve_reference
from cooperatives.models import Area, Location, Organization, StaffProfile
from core.lib.reform import REFORM_DATE
from core.roles import AREA, GROUP_NAMES, role_group


class RoleError(ValueError):
    """A role assignment that cannot be made, with a message for people."""


@transaction.atomic
def set_role(
    *,
    username: str,
    role: str,
    area_codes: list[str] | None = None,
    today: datetime.date | None = None,
):
    """Give ``username`` exactly one role, creating the account (no usable password) if needed.

    Area officers need at least one area; the other roles take none. Each area is a code,
    naming the unit that has it today, or ``CODE@dd/mm/yyyy`` for the unit that had it on
    that day (``cooperatives.area_refs``). Return ``(user, created)``.
    """
    if role not in GROUP_NAMES:
        raise RoleError(f"Vai trò “{role}” không có. Chọn một trong: {', '.join(GROUP_NAMES)}.")
    area_codes = [code.strip() for code in area_codes or [] if code.strip()]
    if role == AREA and not area_codes:
        raise RoleError("Cán bộ địa bàn cần ít nhất một địa bàn: thêm --area MÃ.")
    if role != AREA and area_codes:
        raise RoleError("Chỉ vai trò cán bộ địa bàn (area) mới gắn với địa bàn; bỏ --area.")
    today = today or timezone.localdate()
    areas = []
    for reference in area_codes:
        try:
            areas.append(resolve_reference(reference, today))
        except AreaReferenceError as error:
            raise RoleError(str(error)) from None

    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
    user.is_staff = True
    user.save()
    user.groups.remove(*user.groups.filter(name__in=GROUP_NAMES.values()))
    user.groups.add(role_group(role))
    profile, _ = StaffProfile.objects.get_or_create(user=user)
    profile.areas.set(areas)
    return user, created


class PlacementError(ValueError):
    """An organisation that cannot be placed as asked, with a message for people."""


def placement_day(old: Area) -> datetime.date:
    """The first day an organisation of the ended unit ``old`` is in one of its successors:
    the day after its last (01/07/2025 for every unit the reform ended)."""
    if old.valid_to is None:
        return REFORM_DATE
    return old.valid_to + datetime.timedelta(days=1)


@transaction.atomic
def place_organization(*, organization: Organization, area: Area, user) -> Location:
    """Record that ``organization``, left in a commune that was split, is in ``area``.

    ``area`` must be one of the ``placement_choices`` of its recorded area (its
    successors, or for an abolished district those of its communes). The new location starts
    the day after the old unit's last day; the history names ``user``. Saving the location
    moves the organisation's version (its open admin forms are told) and its current area.
    """
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    old = organization.area
    if old is None or area not in old.placement_choices():
        raise PlacementError(
            f"{area.label} không phải là đơn vị thay thế địa bàn đã ghi của "
            f"“{organization.name}”; tải lại trang để xem các lựa chọn hiện có."
        )
    day = placement_day(old)
    latest = organization.locations.order_by("-valid_from").first()
    if latest is not None and latest.valid_from > day:
        raise PlacementError(
            f"“{organization.name}” đã có địa bàn từ ngày {latest.valid_from:%d/%m/%Y}, sau "
            f"ngày {day:%d/%m/%Y}: sửa lịch sử địa bàn trên trang của tổ chức."
        )
    location = organization.locations.filter(valid_from=day).first()
    if location is None:
        location = Location(organization=organization, valid_from=day)
    location.area = area
    location._history_user = user
    location.full_clean()
    location.save()
    return location
