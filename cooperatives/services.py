"""The registry's writes: roles and staff accounts, placing organisations, approving
figures, an OCOP product's photo, and personal data (an export's log entry, erasure on
request)."""

import datetime
import json

from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cooperatives import privacy
from cooperatives.area_refs import AreaReferenceError, resolve_reference
from cooperatives.models import (
    Area,
    Figures,
    Filing,
    Location,
    Member,
    OcopProduct,
    Organization,
    StaffProfile,
)
from cooperatives.scoping import area_scope
from core import images
from core.lib.formatting import vn_number
from core.lib.reform import REFORM_DATE
from core.locking import new_version
from core.roles import AREA, GROUP_NAMES, role_group


def ocop_photo_needs_storing(product: OcopProduct) -> bool:
    """Whether ``product``'s photo is a new upload, or a stored one without its sizes."""
    if not product.photo:
        return False
    return not getattr(product.photo, "_committed", True) or not product.photo_list


@transaction.atomic
def store_ocop_photo(*, product: OcopProduct, upload, user=None) -> OcopProduct:
    """Make ``upload`` the photo of ``product`` and save the product.

    As an article's cover (``core.images``): turned upright, re-encoded without its
    metadata (camera, GPS position), with WebP sizes for the catalogue's cards and the
    product's page.
    """
    images.store_with_sizes(
        upload, product.photo, product.photo_list, product.photo_card, product.photo_large
    )
    if user is not None:
        product._history_user = user
    product.save()
    return product


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


# --- the figures workflow: draft → submitted → approved --------------------------------
def _move_figures(figures, state: str, user) -> int:
    # Saved one by one so that each change lands in the history with its author.
    count, approved = 0, []
    for record in figures.select_related("organization"):
        record.state = state
        record.version = new_version()  # an open form of these figures must be told
        record._history_user = user
        record.save(update_fields=["state", "updated_at", "version"])
        approved.append(record.pk)
        count += 1
    if state == Figures.State.APPROVED and approved:
        # Figures a cooperative filed: their filing is approved with them.
        from cooperatives.filings import mark_approved

        filed = Filing.objects.filter(figures_id__in=approved).values_list("pk", flat=True)
        mark_approved(filed, user)
    return count


@transaction.atomic
def submit_figures(*, figures, user) -> int:
    """Send the drafts among ``figures`` (a queryset) for approval; return how many."""
    return _move_figures(figures.filter(state=Figures.State.DRAFT), Figures.State.SUBMITTED, user)


@transaction.atomic
def approve_figures(*, figures, user) -> int:
    """Approve ``figures`` (a queryset) not approved yet, in ``user``'s name; return how many.

    Refused (``PermissionDenied``) to anyone without the approval permission.
    """
    if user is None or not Figures.may_approve(user):
        raise PermissionDenied("Bạn không có quyền duyệt số liệu.")
    return _move_figures(
        figures.exclude(state=Figures.State.APPROVED), Figures.State.APPROVED, user
    )


# --- personal data (cooperatives.privacy says what is whose) --------------------------
@transaction.atomic
def log_personal_data_export(*, member: Member, user, count: int) -> None:
    """Admin log entry of a person's export: which record, never their name or number."""
    LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(Member),
        object_id=str(member.pk),
        object_repr=privacy.member_label(member),
        action_flag=CHANGE,  # the admin log has no "viewed" flag
        change_message=(
            f"Xuất dữ liệu cá nhân của thành viên #{member.pk} "
            f"(tổ chức {member.organization.code}, {vn_number(count)} bản ghi thành viên)."
        ),
    )


@transaction.atomic
def erase_member_on_request(*, member: Member, user, members) -> dict[str, int]:
    """Erase the person ``member`` is, at their request: their member rows ``user`` may
    delete (``members`` is already limited to their areas) and every trace of their
    personal data. Return how many member and historical rows went.

    Removes the member rows, all their historical rows (so neither "Lịch sử" nor an
    import undo can bring them back), the history of deleted rows with the same ID
    number (for staff of the whole province), and their names from earlier admin log
    entries. Leaves one admin log entry per erased row saying who erased which
    organisation's member, when, without the name or number.
    """
    rows = privacy.erasure_plan(member, user, members)
    ids = [m.pk for m in rows]
    names = {m.full_name for m in rows}
    unscoped = area_scope(user) is None
    member_type = ContentType.objects.get_for_model(Member)
    org_type = ContentType.objects.get_for_model(Organization)
    history = privacy.history_of(member, ids, include_deleted=unscoped)
    history_ids = set(history.values_list("id", flat=True))
    labels = {m.pk: privacy.member_label(m) for m in rows}
    org_ids = {m.organization_id for m in rows}
    for m in rows:
        m.delete()
    purged = Member.history.filter(id__in=history_ids | set(ids)).delete()[0]
    # Earlier log entries name the member (their object name, and the organisation's
    # "added/changed/deleted member …" messages).
    for pk, label in labels.items():
        LogEntry.objects.filter(content_type=member_type, object_id=str(pk)).update(
            object_repr=label
        )
    for entry in LogEntry.objects.filter(
        content_type=org_type, object_id__in=[str(pk) for pk in org_ids]
    ):
        cleaned = _scrub_message(entry.change_message, names)
        if cleaned != entry.change_message:
            entry.change_message = cleaned
            entry.save(update_fields=["change_message"])
    for pk, m in zip(ids, rows, strict=True):  # a deleted instance has lost its pk
        LogEntry.objects.create(
            user_id=user.pk,
            content_type=member_type,
            object_id=str(pk),
            object_repr=labels[pk],
            action_flag=DELETION,
            change_message=(
                f"Xóa theo yêu cầu của chủ thể dữ liệu: thành viên #{pk} của tổ chức "
                f"{m.organization.code} ({m.organization.name}); đã xóa bản ghi và "
                "toàn bộ lịch sử của bản ghi."
            ),
        )
    return {"members": len(rows), "history": purged}


def _scrub_message(message: str, names: set[str]) -> str:
    """Replace ``names`` in a (JSON) admin change message."""
    if not message or not names:
        return message
    try:
        data = json.loads(message)
    except ValueError:
        for name in names:
            message = message.replace(name, privacy.ERASED_LABEL)
        return message

    def scrub(value):
        if isinstance(value, str):
            return privacy.ERASED_LABEL if value in names else value
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    return json.dumps(scrub(data))
