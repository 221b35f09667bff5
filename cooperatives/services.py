"""Writes that touch several models: roles and staff accounts."""

from django.contrib.auth import get_user_model
from django.db import transaction

from cooperatives.models import Area, StaffProfile
from cooperatives.roles import AREA, GROUP_NAMES, role_group


class RoleError(ValueError):
    """A role assignment that cannot be made, with a message for people."""


@transaction.atomic
def set_role(*, username: str, role: str, area_codes: list[str] | None = None):
    """Give ``username`` exactly one role, creating the account (no usable password) if needed.

    Area officers need at least one area; the other roles take none. Return
    ``(user, created)``.
    """
    if role not in GROUP_NAMES:
        raise RoleError(f"Vai trò “{role}” không có. Chọn một trong: {', '.join(GROUP_NAMES)}.")
    area_codes = [code.strip() for code in area_codes or [] if code.strip()]
    if role == AREA and not area_codes:
        raise RoleError("Cán bộ địa bàn cần ít nhất một địa bàn: thêm --area MÃ.")
    if role != AREA and area_codes:
        raise RoleError("Chỉ vai trò cán bộ địa bàn (area) mới gắn với địa bàn; bỏ --area.")
    areas = list(Area.objects.filter(code__in=area_codes))
    missing = sorted(set(area_codes) - {area.code for area in areas})
    if missing:
        raise RoleError(f"Không có đơn vị hành chính mã: {', '.join(missing)}.")

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
