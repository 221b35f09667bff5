"""Cooperatives filing for themselves (issue 18): invitations and filer accounts, what a
filing's form reads and checks, and every change of a filing's state.

The form's fields are the ``figures`` import's columns (``FiguresKind.columns``): their
names, units, hints and parsers, and the import's own row checks (``check_row``), so a
value the import refuses the form refuses with the same words. The annual update reads
the ``organizations`` import's columns the same way.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cooperatives.models import (
    Collection,
    Figures,
    Filer,
    Filing,
    Invitation,
    Organization,
    Sector,
)
from cooperatives.models.filing import grouped_code, normalize_code, secret_hash
from cooperatives.spreadsheets.base import Context
from cooperatives.spreadsheets.engine import parse_values
from cooperatives.spreadsheets.kinds.organizations import OrganizationKind
from cooperatives.spreadsheets.kinds.records import FiguresKind
from core.lib.formatting import vn_number

# --- what a figures filing asks for -----------------------------------------------------
# The import's columns, less those the collection fixes (organisation, year, months) and
# the kind of data (a cooperative files its own official figures).
FIXED_ATTRS = ("organization", "year", "months", "data_kind")
FIGURES_COLUMNS = [column for column in FiguresKind.columns if column.attr not in FIXED_ATTRS]
FIGURES_UNITS = {
    "members": "người",
    "workers": "người",
    "insured_workers": "người",
    "managers": "người",
    "managers_university": "người",
    "managers_college": "người",
    "managers_trained": "người",
    "revenue": "triệu đồng",
    "profit": "triệu đồng",
    "tax_paid": "triệu đồng",
    "avg_income": "triệu đồng/người/tháng",
}
# A value this many times the previous filing's, or this many times smaller, asks for
# confirmation: a revenue typed in đồng instead of millions, a member count with a zero too
# many.
WARN_RATIO = 3
COMPARED = ("members", "workers", "revenue", "avg_income", "tax_paid", "insured_workers")
# What the annual update lets a cooperative propose, as the organisations import's headers.
UPDATE_HEADERS = {
    "representative": "Người đại diện",
    "address": "Địa chỉ",
    "phone": "Điện thoại",
    "email": "Email",
    "charter_capital": "Vốn điều lệ (triệu đồng)",
    "sector": "Lĩnh vực",
    "status": "Tình trạng",
    "status_changed_on": "Ngày đổi tình trạng",
}
UPDATE_COLUMNS = [column for column in OrganizationKind.columns if column.attr in UPDATE_HEADERS]
# Members are counted in the year's figures, not in the record: proposed with the update,
# they go to the figures of the year (Số thành viên).
MEMBERS_HEADER = "Số thành viên"


class FilingError(Exception):
    """A refusal to show the person as it is (Vietnamese)."""


@dataclass
class Checked:
    """A form's values read and checked: ``values`` (attr -> value, for the record),
    ``errors`` (attr -> Vietnamese message) and ``warnings`` (attr -> message asking for
    confirmation)."""

    values: dict
    errors: dict
    warnings: dict


def _message(error) -> str:
    if error.value:
        return f"“{error.value}” {error.message}"
    return error.message[:1].upper() + error.message[1:]


def _attr_by_header(columns) -> dict:
    return {column.header: column.attr for column in columns}


def check_figures(raw: dict, *, organization, collection) -> Checked:
    """Read the form's text (attr -> what was typed) like an import row, and compare the
    result with the organisation's previous figures."""
    typed = {column.header: raw.get(column.attr, "") for column in FIGURES_COLUMNS}
    row, errors = parse_values(FiguresKind(), typed)
    if not errors:
        FiguresKind().check_row(Context(), row, None, errors)
    by_header = _attr_by_header(FIGURES_COLUMNS)
    messages = {}
    for error in errors.items:
        messages.setdefault(by_header.get(error.header, "__all__"), _message(error))
    values = {attr: row.data.get(attr) for attr in by_header.values()}
    warnings = {} if messages else compare_with_previous(values, organization, collection)
    return Checked(values, messages, warnings)


def previous_figures(organization, year: int, months: int):
    """The figures to compare a filing with: the same period of the year before, else
    the latest earlier period of the same length, else the latest earlier period; figures
    staff are still drafting do not count."""
    earlier = (
        Figures.objects.filter(organization=organization)
        .exclude(state=Figures.State.DRAFT)
        .filter(year__lt=year)
        .order_by("-year", "-months")
    )
    return earlier.filter(months=months).first() or earlier.first()


def compare_with_previous(values: dict, organization, collection) -> dict:
    previous = previous_figures(organization, collection.year, collection.months)
    if previous is None:
        return {}
    labels = {column.attr: column.header for column in FIGURES_COLUMNS}
    warnings = {}
    for attr in COMPARED:
        new, old = values.get(attr), getattr(previous, attr)
        if new is None or old is None or old <= 0 or new < 0:
            continue
        ratio = Decimal(new) / Decimal(old)
        if new > 0 and 1 / WARN_RATIO < ratio < WARN_RATIO:
            continue
        name = labels[attr].split(" (")[0]
        before = f"{previous.period_label}: {vn_plain(old)}"
        if new == 0:
            change = "bằng 0"
        elif ratio >= WARN_RATIO:
            change = f"gấp {vn_number(ratio, 1, strip_zero=True)} lần kỳ trước"
        else:
            change = f"chỉ bằng {vn_number(ratio * 100, 1, strip_zero=True)}% kỳ trước"
        warnings[attr] = (
            f"{name} {vn_plain(new)} {change} ({before}). "
            "Hãy kiểm tra lại đơn vị và số chữ số; nếu đúng, đánh dấu xác nhận."
        )
    return warnings


def check_update(raw: dict, *, organization) -> Checked:
    """The annual update's proposal: the fields changed from the record, read with the
    organisations import's parsers and checked against the record's own rules."""
    typed = {
        UPDATE_HEADERS[attr]: raw.get(attr, "")
        for attr in UPDATE_HEADERS
        if attr not in ("sector",)
    }
    kind = OrganizationKind()
    row, errors = parse_values(kind, typed)
    if not errors:
        # The import's own rules for a row about this record (its head office unchanged).
        kind.current_location = {organization.pk: (organization.area_id, None)}
        kind.check_row(Context(), row, organization, errors)
    by_header = _attr_by_header(UPDATE_COLUMNS)
    messages = {}
    for error in errors.items:
        messages.setdefault(by_header.get(error.header, "__all__"), _message(error))
    proposed = {}
    for attr in UPDATE_HEADERS:
        if attr == "sector":
            value = raw.get("sector") or None
            if value and not Sector.objects.filter(pk=value).exists():
                messages["sector"] = "Lĩnh vực đã chọn không có trong danh sách."
            current = str(organization.sector_id)
        else:
            value = row.data.get(attr)
            current = getattr(organization, attr)
        if value in (None, "") and current in (None, ""):
            continue
        if attr == "sector" and value == current:
            continue
        if attr != "sector" and _same(current, value):
            continue
        proposed[attr] = value
    members = raw.get("members", "")
    if str(members).strip():
        member_row, member_errors = parse_values(FiguresKind(), {MEMBERS_HEADER: members})
        if member_errors:
            messages["members"] = _message(member_errors.items[0])
        else:
            proposed["members"] = member_row.data["members"]
    if not messages:
        messages.update(_record_rules(organization, proposed))
    return Checked(proposed, messages, {})


def _same(old, new) -> bool:
    if old in (None, "") and new in (None, ""):
        return True
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return old is not None and new is not None and Decimal(old) == Decimal(new)
    return old == new


def _record_rules(organization, proposed: dict) -> dict:
    """The record's own rules (``Organization.full_clean``) on the record as proposed."""
    candidate = Organization.objects.get(pk=organization.pk)
    _apply(candidate, proposed)
    try:
        candidate.full_clean(exclude=["code", "name_folded"])
    except ValidationError as error:
        return {
            (field if field in UPDATE_HEADERS else "__all__"): " ".join(texts)
            for field, texts in error.message_dict.items()
        }
    return {}


def _apply(organization, proposed: dict) -> None:
    for attr, value in proposed.items():
        if attr == "members":
            continue
        if attr == "sector":
            organization.sector_id = int(value)
        else:
            setattr(
                organization, attr, "" if value is None and attr != "charter_capital" else value
            )


# --- stored values: JSON ------------------------------------------------------------------
def to_json(values: dict) -> dict:
    stored = {}
    for attr, value in values.items():
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        stored[attr] = value
    return stored


def vn_plain(value) -> str:
    """A number in Vietnamese with the decimals it has and no more (``2.312,5``)."""
    number = Decimal(str(value)).normalize()
    return vn_number(number, max(0, -number.as_tuple().exponent))


def typed_text(value, attr: str) -> str:
    """A stored value as the form shows it again: Vietnamese numbers (``2.312,5``), dates
    as ``30/06/2025``, choices by their label."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if attr == "rating":
        return Figures.Rating(value).label if value in Figures.Rating.values else str(value)
    if attr == "status":
        return Organization.Status(value).label if value in Organization.Status.values else value
    if attr == "status_changed_on":
        day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
        return f"{day:%d/%m/%Y}"
    if attr == "sector":
        return Sector.objects.filter(pk=value).values_list("name", flat=True).first() or ""
    if attr in UPDATE_HEADERS or isinstance(value, str) and not _numeric(value):
        if attr != "charter_capital":
            return str(value)
    return vn_plain(value)


def _numeric(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


# --- invitations and accounts ---------------------------------------------------------
def invite(*, organization, name: str, title: str, channel: str, email: str, by):
    """Create an invitation and return it with its secret (the link's token, or the
    printed code grouped in fours), which is shown or sent once and never kept."""
    if channel == Invitation.Channel.EMAIL and not email:
        raise FilingError("Hãy nhập email của người được mời.")
    invitation = Invitation(
        organization=organization,
        name=name,
        title=title,
        channel=channel,
        email=email,
        created_by=by if by is not None and by.pk else None,
    )
    secret = Invitation.new_secret(channel)
    invitation.set_secret(secret)
    invitation.save()
    if channel == Invitation.Channel.LETTER:
        return invitation, grouped_code(secret)
    return invitation, secret


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(secret_hash=secret_hash(token), channel=Invitation.Channel.EMAIL)
        .first()
    )


def invitation_for_code(code: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(secret_hash=secret_hash(normalize_code(code)), channel=Invitation.Channel.LETTER)
        .first()
    )


def _free_username(invitation: Invitation) -> str:
    User = get_user_model()
    wanted = [invitation.email.lower()] if invitation.email else []
    base = invitation.organization.code
    wanted += [base] + [f"{base}-{n}" for n in range(2, 100)]
    for name in wanted:
        if not User.objects.filter(username__iexact=name).exists():
            return name
    raise FilingError("Không tạo được tên đăng nhập; hãy liên hệ Liên minh.")


@transaction.atomic
def accept_invitation(invitation: Invitation, password: str) -> Filer:
    """Create the filer's account from a usable invitation, which then cannot be used
    again (two tabs racing on one link: the second is refused)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise FilingError(
            "Lời mời này đã được dùng hoặc đã hết hạn. Hãy đề nghị Liên minh hoặc cán bộ "
            "địa bàn gửi lời mời mới."
        )
    User = get_user_model()
    user = User(username=_free_username(invitation), email=invitation.email, is_staff=False)
    user.first_name = invitation.name[:150]
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise FilingError("Tên đăng nhập vừa được dùng; hãy thử lại.") from error
    filer = Filer.objects.create(
        user=user,
        organization=invitation.organization,
        name=invitation.name,
        title=invitation.title,
    )
    invitation.used_at = timezone.now()
    invitation.filer = filer
    invitation.save(update_fields=["used_at", "filer"])
    return filer


def filer_of(user) -> Filer | None:
    """The filer ``user`` is, or None (staff, anonymous, or an account without one)."""
    if not user.is_authenticated or not user.is_active or user.is_staff:
        return None
    try:
        return Filer.objects.select_related("organization").get(user=user)
    except Filer.DoesNotExist:
        return None


# --- what a cooperative sees --------------------------------------------------------------
def collections_for(organization, today: datetime.date | None = None) -> list[Collection]:
    """Collections that ask ``organization`` to file and accept filing today."""
    today = today or timezone.localdate()
    found = []
    for collection in Collection.objects.filter(closed_at__isnull=True, opens_on__lte=today):
        if collection.organizations().filter(pk=organization.pk).exists():
            found.append(collection)
    return found


def may_file(collection: Collection, organization) -> bool:
    return collection.organizations().filter(pk=organization.pk).exists()


def filing_for(collection, organization) -> Filing:
    """The organisation's filing to ``collection`` (unsaved when it has none yet)."""
    filing = Filing.objects.filter(collection=collection, organization=organization).first()
    return filing or Filing(collection=collection, organization=organization)


def approved_figures(collection, organization) -> Figures | None:
    """The period's figures when the alliance already approved them (filing closed)."""
    if collection.kind != Collection.Kind.FIGURES:
        return None
    return Figures.objects.filter(
        organization=organization,
        year=collection.year,
        months=collection.months,
        state=Figures.State.APPROVED,
    ).first()


# --- a filing's changes -------------------------------------------------------------------
def _locked(filing: Filing) -> Filing:
    if filing.pk is None:
        try:
            with transaction.atomic():
                filing.save()
        except IntegrityError:
            pass  # another request made it first: lock that one
        filing = Filing.objects.get(
            collection_id=filing.collection_id, organization_id=filing.organization_id
        )
    return (
        Filing.objects.select_for_update()
        .select_related("collection", "organization")
        .get(pk=filing.pk)
    )


def _check_open(filing: Filing, today=None) -> None:
    if not filing.collection.accepts_filing(today):
        raise FilingError(
            f"Kỳ thu thập “{filing.collection}” đã đóng hoặc chưa mở, nên không nộp được."
        )
    if not filing.is_editable:
        raise FilingError(
            f"Hồ sơ đang ở trạng thái “{filing.get_state_display()}”, không sửa được nữa."
        )


@transaction.atomic
def save_draft(filing: Filing, raw: dict, *, user) -> Filing:
    """Keep what was typed, as typed, to finish later (no check: a draft may be half
    done)."""
    filing = _locked(filing)
    _check_open(filing)
    fields = _form_fields(filing.collection)
    filing.values = {attr: str(raw.get(attr, "")).strip()[:200] for attr in fields}
    filing._history_user = user
    filing.save()
    return filing


def _form_fields(collection) -> list[str]:
    if collection.kind == Collection.Kind.FIGURES:
        return [column.attr for column in FIGURES_COLUMNS]
    return [*UPDATE_HEADERS, "members"]


def _number(filing: Filing) -> str:
    prefix = "SL" if filing.collection.kind == Collection.Kind.FIGURES else "CN"
    base = f"{prefix}-{filing.collection.year}{filing.collection.months:02d}-{filing.pk:05d}"
    return base if filing.submissions <= 1 else f"{base}-L{filing.submissions}"


@transaction.atomic
def submit(filing: Filing, checked: Checked, *, user, confirmed=()) -> Filing:
    """Send the filing: figures become the period's ``Figures`` row, ``submitted``, in the
    filer's name; the filing gets its number (a new one at each resubmission)."""
    if checked.errors:
        raise FilingError("Hồ sơ còn lỗi; hãy sửa các ô được đánh dấu.")
    unconfirmed = set(checked.warnings) - set(confirmed)
    if unconfirmed:
        raise FilingError("Hãy xác nhận các số liệu chênh lệch lớn so với kỳ trước.")
    filing = _locked(filing)
    _check_open(filing)
    collection = filing.collection
    now = timezone.now()
    filing.submissions += 1
    filing.number = _number(filing)
    filing.values = to_json(checked.values)
    filing.confirmed_warnings = sorted(checked.warnings)
    filing.state = Filing.State.SUBMITTED
    filing.submitted_at = now
    filing.first_submitted_at = filing.first_submitted_at or now
    filing.submitted_by = user
    if collection.kind == Collection.Kind.FIGURES:
        filing.figures = _write_figures(filing, checked.values, user)
    filing._history_user = user
    filing._change_reason = f"HTX nộp hồ sơ số {filing.number}"
    filing.save()
    return filing


def _write_figures(filing: Filing, values: dict, user) -> Figures:
    collection = filing.collection
    figures = (
        Figures.objects.select_for_update()
        .filter(organization=filing.organization, year=collection.year, months=collection.months)
        .first()
    )
    if figures is not None and figures.state == Figures.State.APPROVED:
        raise FilingError(
            f"Số liệu {collection.period_label()} của đơn vị đã được Liên minh duyệt; muốn "
            "sửa, hãy liên hệ cán bộ Liên minh."
        )
    if figures is None:
        figures = Figures(
            organization=filing.organization,
            year=collection.year,
            months=collection.months,
            data_kind=Figures.DataKind.OFFICIAL,
        )
    for attr, value in values.items():
        if value is None and attr == "rating":
            value = ""
        setattr(figures, attr, value)
    figures.data_kind = Figures.DataKind.OFFICIAL
    figures.state = Figures.State.SUBMITTED
    figures._history_user = user
    figures._change_reason = f"HTX tự nộp qua cổng, hồ sơ số {filing.number}"
    figures.save()
    return figures


def _may_review(user, filing: Filing) -> bool:
    from cooperatives.scoping import area_scope

    if not (user.is_active and user.is_staff and user.has_perm("cooperatives.change_filing")):
        return False
    scope = area_scope(user)
    return scope is None or filing.organization.area_id in scope


@transaction.atomic
def return_filing(filing: Filing, *, comment: str, user) -> Filing:
    """Send the filing back to the cooperative with ``comment``; its figures go back to
    draft, out of the approval queue, until it sends them again."""
    filing = _locked(filing)
    if not _may_review(user, filing):
        raise PermissionDenied("Bạn không có quyền xử lý hồ sơ này.")
    if filing.state not in Filing.IN_REVIEW:
        raise FilingError(f"Hồ sơ đang “{filing.get_state_display()}”, không trả lại được.")
    comment = comment.strip()
    if not comment:
        raise FilingError("Hãy ghi rõ cần sửa gì để HTX biết (ý kiến khi trả lại).")
    filing.state = Filing.State.RETURNED
    filing.review_comment = comment
    filing.reviewed_at = timezone.now()
    filing.reviewed_by = user
    filing.returns += 1
    filing._history_user = user
    filing._change_reason = f"Trả lại: {comment}"[:500]
    filing.save()
    if filing.figures_id:
        figures = Figures.objects.select_for_update().get(pk=filing.figures_id)
        if figures.state == Figures.State.SUBMITTED:
            figures.state = Figures.State.DRAFT
            figures._history_user = user
            figures._change_reason = f"Trả lại HTX hồ sơ số {filing.number}"
            figures.save(update_fields=["state", "updated_at", "version"])
    return filing


@transaction.atomic
def forward(filing: Filing, *, user) -> Filing:
    """Area staff checked the filing: it goes on to the alliance for approval."""
    filing = _locked(filing)
    if not _may_review(user, filing):
        raise PermissionDenied("Bạn không có quyền xử lý hồ sơ này.")
    if filing.state != Filing.State.SUBMITTED:
        raise FilingError(f"Hồ sơ đang “{filing.get_state_display()}”, không chuyển được.")
    filing.state = Filing.State.FORWARDED
    filing.reviewed_at = timezone.now()
    filing.reviewed_by = user
    filing._history_user = user
    filing._change_reason = "Địa bàn đã kiểm tra, chuyển Liên minh duyệt"
    filing.save()
    return filing


@transaction.atomic
def approve(filing: Filing, *, user) -> Filing:
    """The alliance approves: the figures through the figures workflow
    (``services.approve_figures``, which approves their filing too); the annual update by
    applying the proposal to the record, in the history as the cooperative's proposal."""
    from cooperatives import services

    filing = _locked(filing)
    if not Figures.may_approve(user) or not _may_review(user, filing):
        raise PermissionDenied("Bạn không có quyền duyệt hồ sơ.")
    if filing.state not in Filing.IN_REVIEW:
        raise FilingError(f"Hồ sơ đang “{filing.get_state_display()}”, không duyệt được.")
    if filing.collection.kind == Collection.Kind.FIGURES:
        services.approve_figures(figures=Figures.objects.filter(pk=filing.figures_id), user=user)
        filing.refresh_from_db()
        return filing
    _apply_proposal(filing, user)
    mark_approved([filing.pk], user)
    filing.refresh_from_db()
    return filing


def _apply_proposal(filing: Filing, user) -> None:
    proposed = dict(filing.values)
    organization = Organization.objects.select_for_update().get(pk=filing.organization_id)
    record = {}
    for attr, value in proposed.items():
        if attr == "charter_capital" and value is not None:
            value = Decimal(value)
        elif attr == "status_changed_on" and value:
            value = datetime.date.fromisoformat(value)
        record[attr] = value
    members = record.pop("members", None)
    if record:
        _apply(organization, record)
        organization.full_clean(exclude=["code", "name_folded"])
        organization._history_user = user
        organization._change_reason = (
            f"Đề xuất của HTX (hồ sơ số {filing.number}), được {user.get_username()} chấp nhận"
        )
        organization.save()
    if members is not None:
        figures, _created = Figures.objects.get_or_create(
            organization=organization,
            year=filing.collection.year,
            months=12,
            defaults={"state": Figures.State.DRAFT},
        )
        figures.members = int(members)
        figures._history_user = user
        figures._change_reason = f"Số thành viên theo đề xuất của HTX (hồ sơ số {filing.number})"
        figures.save()


def mark_approved(filing_ids, user) -> None:
    """The filings among ``filing_ids`` awaiting review become approved (one by one, each
    in the history with its approver)."""
    now = timezone.now()
    for filing in Filing.objects.filter(pk__in=list(filing_ids), state__in=Filing.IN_REVIEW):
        filing.state = Filing.State.APPROVED
        filing.approved_at = now
        filing._history_user = user
        filing._change_reason = "Liên minh duyệt"
        filing.save(update_fields=["state", "approved_at", "updated_at"])


def sector_choices() -> list[tuple[str, str]]:
    return [
        (str(pk), name)
        for pk, name in Sector.objects.order_by("order", "name").values_list("pk", "name")
    ]
