"""Personal data (Decree 13/2023/NĐ-CP): who sees it, what a person's export holds.

The registry holds personal data in two places: the member register (``Member``: name,
ID number, capital, dates, and its history) and the contacts of organisations (the
representative's name, and for small groups often the leader's own phone, email and
address). docs/security.md states the rules; this module implements them once. Its
writes (logging an export, erasing a person on request) are in ``cooperatives.services``.
"""

import datetime
import json
import re

from django.utils import timezone

from cooperatives.models import Member, Organization
from cooperatives.scoping import area_scope
from core.lib.formatting import vn_number
from core.lib.text import fold

ERASED_LABEL = "(đã xóa theo yêu cầu)"


# --- who may see an ID number ---------------------------------------------------------
def may_see_id_number(user, member: Member | None = None) -> bool:
    """Full ID numbers: alliance staff, and area officers for members of their areas.

    That is the change permission on members plus the area scope; officials and editors
    have no member permission at all, and a view-only account sees masked numbers
    (``Member.masked_id_number``).
    """
    if not user.has_perm("cooperatives.change_member"):
        return False
    if member is None:
        return True
    scope = area_scope(user)
    return scope is None or member.organization.area_id in scope


# --- public contacts ------------------------------------------------------------------
# Free mail services: an address there belongs to a person, not to an organisation.
PERSONAL_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.com.vn",
        "ymail.com",
        "hotmail.com",
        "outlook.com",
        "outlook.com.vn",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "zoho.com",
        "mail.ru",
        "vnn.vn",
    }
)
# Vietnamese mobile numbers: 03x, 05x, 07x, 08x, 09x and ten digits (or +84 / 84 first).
_MOBILE = re.compile(r"^(?:\+?84|0)(?:3|5|7|8|9)\d{8}$")


def looks_personal_phone(phone: str) -> bool:
    digits = re.sub(r"[\s.\-()]", "", phone or "")
    return bool(_MOBILE.match(digits))


def looks_personal_email(email: str) -> bool:
    domain = (email or "").rsplit("@", 1)[-1].strip().lower()
    return domain in PERSONAL_MAIL_DOMAINS


def public_contacts(org: Organization) -> dict[str, str]:
    """The address, phone and email the public page of ``org`` may show.

    A record marked "liên hệ công khai" shows all three. Otherwise a tổ hợp tác shows
    none (its contacts are usually its leader's own), and any other organisation shows
    its address, and its phone and email only when they are not a person's: no mobile
    number, no address at a free mail service.
    """
    if org.contacts_public:
        return {"address": org.address, "phone": org.phone, "email": org.email}
    if org.kind == Organization.Kind.GROUP:
        return {"address": "", "phone": "", "email": ""}
    return {
        "address": org.address,
        "phone": "" if looks_personal_phone(org.phone) else org.phone,
        "email": "" if looks_personal_email(org.email) else org.email,
    }


# --- a person's records ---------------------------------------------------------------
def same_person(member: Member, queryset=None):
    """The member rows of the person ``member`` is: same ID number, or this row alone.

    Without an ID number, a name is not enough to say two organisations' members are the
    same person, so only the row itself is theirs.
    """
    queryset = Member.objects.all() if queryset is None else queryset
    if member.id_number:
        return queryset.filter(id_number=member.id_number)
    return queryset.filter(pk=member.pk)


def history_of(member: Member, member_ids: list[int], include_deleted: bool):
    """Historical rows of the person: of ``member_ids``, and (when ``include_deleted``)
    of deleted member rows that carried the same ID number."""
    from django.db.models import Q

    condition = Q(id__in=member_ids)
    if include_deleted and member.id_number:
        gone = Q(id_number=member.id_number) & ~Q(id__in=Member.objects.values("pk"))
        condition |= gone
    return Member.history.filter(condition)


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _when(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime("%H:%M:%S %d/%m/%Y")


def _money(value) -> str:
    return vn_number(value, 6, strip_zero=True, empty="")


HISTORY_TYPES = {"+": "Tạo mới", "~": "Cập nhật", "-": "Xóa"}


def _member_fields(m) -> dict:
    return {
        "Họ tên": m.full_name,
        "Số giấy tờ": m.id_number,
        "Loại thành viên": m.get_member_type_display(),
        "Đối tượng": m.get_party_type_display(),
        "Vốn góp (triệu đồng)": _money(m.capital_contribution),
        "Ngày gia nhập": _date(m.joined_on),
        "Ngày ra": _date(m.left_on),
    }


def personal_data(member: Member, user, organizations, members) -> dict:
    """Everything the registry holds about the person ``member`` is, as ``user`` may see it.

    ``members`` and ``organizations`` are the querysets ``user`` may see (already
    limited to their areas). Labels are Vietnamese: the file is given to the person.
    """
    rows = list(same_person(member, members).select_related("organization").order_by("pk"))
    unscoped = area_scope(user) is None
    history = (
        history_of(member, [m.pk for m in rows], include_deleted=unscoped)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    org_names = dict(Organization.objects.values_list("pk", "name"))
    by_member: dict[int, list] = {}
    for record in history:
        by_member.setdefault(record.id, []).append(
            {
                "Thời điểm": _when(record.history_date),
                "Loại thay đổi": HISTORY_TYPES.get(record.history_type, record.history_type),
                "Người thực hiện": record.history_user.get_username()
                if record.history_user
                else "",
                "Lý do": record.history_change_reason or "",
                "Tổ chức": org_names.get(record.organization_id, ""),
                **_member_fields(record),
            }
        )
    memberships = []
    for m in rows:
        memberships.append(
            {
                "Tổ chức": m.organization.name,
                "Mã số tổ chức": m.organization.code,
                **_member_fields(m),
                "Lịch sử thay đổi": by_member.pop(m.pk, []),
            }
        )
    deleted = [
        {"Bản ghi thành viên đã xóa": f"#{pk}", "Lịch sử thay đổi": records}
        for pk, records in by_member.items()
    ]
    folded = fold(member.full_name)
    contacts = [
        {
            "Tổ chức": org.name,
            "Mã số tổ chức": org.code,
            "Vai trò": "Người đại diện",
            "Địa chỉ": org.address,
            "Điện thoại": org.phone,
            "Email": org.email,
        }
        for org in organizations.order_by("code")
        if org.representative and fold(org.representative) == folded
    ]
    return {
        "Nội dung": "Dữ liệu cá nhân do Cổng thông tin Liên minh Hợp tác xã lưu giữ",
        "Căn cứ": "Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
        "Thời điểm xuất": _when(timezone.now()),
        "Người xuất": user.get_username(),
        "Tư cách thành viên": memberships,
        "Lịch sử của bản ghi thành viên đã xóa": deleted,
        "Người đại diện của tổ chức": contacts,
    }


def personal_data_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def member_label(member: Member) -> str:
    """How the admin log names a member: by number and organisation, not by name."""
    return f"Thành viên #{member.pk} của {member.organization.code}"


# --- erasure --------------------------------------------------------------------------
def erasure_plan(member: Member, user, members):
    """The member rows an erasure of ``member`` removes: the person's rows ``user`` may
    delete (``members`` is already limited to their areas)."""
    return list(same_person(member, members).select_related("organization").order_by("pk"))
