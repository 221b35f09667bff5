"""Cooperatives filing for themselves, the staff side (issue 18): the invitations that
create the filers' accounts, the accounts, and the review of what the cooperatives filed.

Everything here goes through ``cooperatives.filings``: an invitation's secret is drawn
and hashed there, and a filing changes state only through its services, which check
the reviewer's rights again. Area officers work on the organisations of their areas only;
rows of other areas answer 404, as in the registry's own admin pages.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives import filings, mailing
from cooperatives.models import (
    Collection,
    Figures,
    Filer,
    Filing,
    Invitation,
    Organization,
    OutboxMail,
    Sector,
)
from cooperatives.scoping import area_scope
from core.admin import FoldedSearchMixin, SafeListParametersMixin


def local_time(moment) -> str:
    """A moment as staff read it: ``30/06/2025 14:05``, in the site's time zone."""
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else "—"


class AreaScopedAdmin(SafeListParametersMixin, FoldedSearchMixin, admin.ModelAdmin):
    """Rows of an organisation, limited to an area officer's areas (``ScopedAdmin``'s rule
    for models without a history: that one is a ``SimpleHistoryAdmin``). Rows outside
    the officer's areas do not exist for them: lists, forms and addresses (404)."""

    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = area_scope(request.user)
        return queryset if scope is None else queryset.filter(organization__area_id__in=scope)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Không tìm thấy bản ghi hoặc bản ghi không thuộc địa bàn của bạn."))
        return obj

    def in_scope(self, request, obj) -> bool:
        scope = area_scope(request.user)
        return obj is None or scope is None or obj.organization.area_id in scope

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = area_scope(request.user)
        if scope is not None and db_field.related_model is Organization:
            kwargs["queryset"] = Organization.objects.in_scope(scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        return False


# --- invitations --------------------------------------------------------------------------
class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["organization", "name", "title", "channel", "email"]
        widgets = {"channel": forms.RadioSelect}
        help_texts = {
            "email": _("Bắt buộc khi gửi thư điện tử; không dùng khi in thư mời có mã."),
        }

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Invitation.Channel.EMAIL and not cleaned.get("email"):
            self.add_error("email", "Hãy nhập email của người được mời.")
        elif channel == Invitation.Channel.LETTER:
            # The letter goes by post: an address typed before switching is not kept.
            cleaned["email"] = ""
        return cleaned


@admin.register(Invitation)
class InvitationAdmin(AreaScopedAdmin):
    """Staff invite a cooperative's person; the invitation is read-only afterwards (its
    secret is not kept, so there is nothing to show or edit but its state)."""

    form = InvitationForm
    list_display = ["organization", "person", "channel", "state", "expiry", "created_at_text"]
    list_filter = ["channel"]
    list_select_related = ["organization"]
    search_fields = ["organization__code", "organization__name_folded__contains"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["state", "expiry", "used_at", "filer", "created_by", "created_at_text"]
    fieldsets = [
        (None, {"fields": ["organization", "name", "title", "channel", "email"]}),
        (
            _("Tình trạng"),
            {"fields": ["state", "expiry", "used_at", "filer", "created_by", "created_at_text"]},
        ),
    ]
    add_fieldsets = [(None, {"fields": ["organization", "name", "title", "channel", "email"]})]

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        field = form.base_fields.get("organization")
        if field is not None:  # an invitation is for a registered organisation, not a new one
            widget = field.widget
            widget.can_add_related = widget.can_change_related = widget.can_view_related = False
        return form

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("người được mời"), ordering="name")
    def person(self, obj):
        return f"{obj.name}, {obj.title}" if obj.title else obj.name

    @admin.display(description=_("tình trạng"))
    def state(self, obj):
        return obj.state_label()

    @admin.display(description=_("hiệu lực đến"), ordering="expires_at")
    def expiry(self, obj):
        return local_time(obj.expires_at)

    @admin.display(description=_("mời lúc"), ordering="created_at")
    def created_at_text(self, obj):
        return local_time(obj.created_at)

    def add_view(self, request, form_url="", extra_context=None):
        context = {
            "title": "Mời người của HTX tạo tài khoản nộp số liệu",
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().add_view(request, form_url, context | (extra_context or {}))

    def save_model(self, request, obj, form, change):
        """The filing service makes the invitation (it draws the secret and keeps only its
        hash); the secret rides on the instance to the response, which sends or prints it
        once."""
        invitation, secret = filings.invite(
            organization=obj.organization,
            name=obj.name,
            title=obj.title,
            channel=obj.channel,
            email=obj.email,
            by=request.user,
        )
        obj.pk = invitation.pk
        obj.refresh_from_db()
        obj.one_time_secret = secret
        if obj.channel == Invitation.Channel.EMAIL:
            from cooperatives import mailing

            mailing.send_invitation(invitation, secret, by=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        if obj.channel == Invitation.Channel.LETTER:
            return self.letter_response(request, obj, obj.one_time_secret)
        until = timezone.localtime(obj.expires_at)
        messages.success(
            request,
            f"Đã gửi thư mời tới {obj.email} (nếu máy chủ thư chưa nhận, thư được gửi lại "
            f"tự động). Đường dẫn trong thư dùng được một lần, đến {until:%H:%M ngày %d/%m/%Y}.",
        )
        return redirect("admin:cooperatives_invitation_changelist")

    def letter_response(self, request, invitation, code):
        """The printable letter with the one-time code: in the response to the POST that
        made it, never in an address, never stored, never cached."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Thư mời sử dụng tài khoản nộp số liệu",
            "invitation": invitation,
            "organization": invitation.organization,
            "code": code,
            "accept_url": request.build_absolute_uri(reverse("space:accept_code")),
            "sign_in_url": request.build_absolute_uri(reverse("space:sign_in")),
            "expires": timezone.localtime(invitation.expires_at),
            "today": timezone.localdate(),
            "place": letter_place(settings.ALLIANCE_NAME),
            "staff_name": request.user.get_full_name() or request.user.get_username(),
        }
        response = TemplateResponse(request, "admin/cooperatives/invitation/letter.html", context)
        response["Cache-Control"] = "private, no-store"
        return response


def letter_place(alliance: str) -> str:
    """Where a letter is written, as administrative letters head their date: the province
    of "Liên minh Hợp tác xã tỉnh Nam Định" (empty if the name does not say)."""
    for word in ("tỉnh ", "thành phố ", "Tỉnh ", "Thành phố "):
        if word in alliance:
            return alliance.split(word, 1)[1].strip()
    return ""


# --- filers' accounts ---------------------------------------------------------------------
@admin.register(Filer)
class FilerAdmin(AreaScopedAdmin):
    """The cooperatives' accounts: made by invitations only, locked by alliance staff."""

    list_display = ["organization", "name", "title", "username", "email", "last_login",
                    "active"]  # fmt: skip
    list_filter = ["user__is_active"]
    list_select_related = ["organization", "user"]
    search_fields = ["organization__code", "organization__name_folded__contains"]
    fields = ["organization", "name", "title", "username", "email", "last_login", "active",
              "created_at"]  # fmt: skip
    readonly_fields = fields
    actions = ["lock", "unlock"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_lock_permission(self, request) -> bool:
        return request.user.has_perm("cooperatives.change_filer")

    @admin.display(description=_("tên đăng nhập"), ordering="user__username")
    def username(self, obj):
        return obj.user.get_username()

    @admin.display(description=_("email"))
    def email(self, obj):
        return obj.user.email or "—"

    @admin.display(description=_("đăng nhập lần cuối"), ordering="user__last_login")
    def last_login(self, obj):
        return local_time(obj.user.last_login) if obj.user.last_login else "Chưa đăng nhập"

    @admin.display(description=_("đang dùng"), boolean=True, ordering="user__is_active")
    def active(self, obj):
        return obj.user.is_active

    def _set_active(self, request, queryset, active: bool) -> int:
        """Lock or unlock the accounts (a locked one is signed out at its next request);
        each change goes to the admin's log under its filer."""
        count = 0
        for filer in queryset.select_related("user").filter(user__is_active=not active):
            if filer.user.is_staff:
                continue  # a filer's account is never staff; never touch one that is
            filer.user.is_active = active
            filer.user.save(update_fields=["is_active"])
            self.log_change(request, filer, "Khóa tài khoản" if not active else "Mở khóa")
            count += 1
        return count

    @admin.action(description=_("Khóa tài khoản"), permissions=["lock"])
    def lock(self, request, queryset):
        count = self._set_active(request, queryset, False)
        self.message_user(
            request,
            f"Đã khóa {count} tài khoản: không đăng nhập được nữa, phiên đang mở cũng thôi "
            "hiệu lực.",
            messages.SUCCESS,
        )

    @admin.action(description=_("Mở khóa tài khoản"), permissions=["lock"])
    def unlock(self, request, queryset):
        count = self._set_active(request, queryset, True)
        self.message_user(request, f"Đã mở khóa {count} tài khoản.", messages.SUCCESS)


# --- mail to cooperatives ----------------------------------------------------------------
@admin.register(OutboxMail)
class OutboxMailAdmin(AreaScopedAdmin):
    """What was mailed to the cooperatives, and what the mail server refused: invitations
    and reminders, read-only. Staff who may change it send failed mails again."""

    list_display = ["created_at_text", "kind", "organization", "collection", "recipient_text",
                    "state", "attempts", "sent_text", "last_error"]  # fmt: skip
    list_filter = ["state", "kind", "collection"]
    list_select_related = ["organization", "collection"]
    search_fields = ["organization__code", "organization__name_folded__contains", "subject"]
    fields = ["kind", "organization", "collection", "recipient_text", "subject", "body_text",
              "state", "attempts", "last_error", "retry_text", "sent_text", "created_by",
              "created_at_text"]  # fmt: skip
    readonly_fields = fields
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("cooperatives.change_outboxmail")

    @admin.display(description=_("tạo lúc"), ordering="created_at")
    def created_at_text(self, obj):
        return local_time(obj.created_at)

    @admin.display(description=_("gửi lúc"), ordering="sent_at")
    def sent_text(self, obj):
        return local_time(obj.sent_at)

    @admin.display(description=_("thử lại lúc"))
    def retry_text(self, obj):
        if obj.state == OutboxMail.State.FAILED and obj.next_attempt_at is None:
            return "Đã thôi gửi lại (quá số lần thử)"
        return local_time(obj.next_attempt_at)

    @admin.display(description=_("người nhận"))
    def recipient_text(self, obj):
        return ", ".join(obj.recipients) or "—"

    @admin.display(description=_("nội dung"))
    def body_text(self, obj):
        # An invitation's body holds its one-time link: nobody reads it but its recipient.
        if obj.kind == OutboxMail.Kind.INVITATION:
            return "(Thư mời có đường dẫn dùng một lần, không hiển thị.)"
        return obj.body or "—"

    @admin.action(description=_("Gửi lại các thư bị lỗi"), permissions=["resend"])
    def resend(self, request, queryset):
        chosen = queryset.count()
        count = mailing.resend(queryset)
        skipped = chosen - count
        text = f"Đã đưa {count} thư lỗi vào hàng đợi gửi lại."
        if skipped:
            text += f" {skipped} thư không bị lỗi nên không gửi lại."
        self.message_user(request, text, messages.SUCCESS if count else messages.WARNING)


# --- the review of filings ----------------------------------------------------------------
class FilingStateFilter(admin.SimpleListFilter):
    """The states, and "waiting" (sent or forwarded: staff still have to act), which the
    tracking page links to."""

    title = _("trạng thái")
    parameter_name = "trang_thai"
    WAITING = "cho-xu-ly"

    def lookups(self, request, model_admin):
        sent = [(v, label) for v, label in Filing.State.choices if v != Filing.State.DRAFT]
        return [(self.WAITING, _("Chờ cán bộ xử lý")), *sent]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.WAITING:
            return queryset.filter(state__in=Filing.IN_REVIEW)
        if value in Filing.State.values:
            return queryset.filter(state=value)
        return queryset


@admin.register(Filing)
class FilingAdmin(AreaScopedAdmin):
    """What the cooperatives sent, for area staff to check and the alliance to approve.

    The change page is the review: the values as filed, their history, and the buttons
    the person may use in the filing's state. Staff never edit the values here; figures
    are corrected on the Figures record, whose history keeps both versions."""

    list_display = ["number", "organization", "collection", "state", "submitted", "late",
                    "returns"]  # fmt: skip
    list_display_links = ["number", "organization"]
    list_filter = [FilingStateFilter, "collection"]
    list_select_related = ["organization", "collection"]
    search_fields = ["number", "organization__code", "organization__name_folded__contains"]
    ordering = ["-submitted_at", "-pk"]

    def get_queryset(self, request):
        # A filing never sent is the cooperative's draft, not staff's business yet.
        return super().get_queryset(request).filter(number__isnull=False)

    def has_add_permission(self, request):
        return False

    def get_actions(self, request):
        return {}

    @admin.display(description=_("nộp lúc"), ordering="submitted_at")
    def submitted(self, obj):
        return local_time(obj.submitted_at)

    @admin.display(description=_("nộp trễ hạn"), boolean=True)
    def late(self, obj):
        return obj.is_late

    # --- the review page ----------------------------------------------------------------
    def change_view(self, request, object_id, form_url="", extra_context=None):
        filing = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, filing):
            raise PermissionDenied
        if request.method == "POST":
            return self.act(request, filing)
        return TemplateResponse(request, "admin/cooperatives/filing/review.html",
                                self.review_context(request, filing))  # fmt: skip

    def allowed(self, request, filing) -> dict:
        """Which of the three steps the person may take on the filing now."""
        reviewer = self.has_change_permission(request, filing)
        return {
            "return": reviewer and filing.state in Filing.IN_REVIEW,
            "forward": reviewer and filing.state == Filing.State.SUBMITTED,
            "approve": reviewer
            and Figures.may_approve(request.user)
            and filing.state in Filing.IN_REVIEW,
        }

    def review_context(self, request, filing) -> dict:
        figures_kind = filing.collection.kind == Collection.Kind.FIGURES
        figures_url = None
        if filing.figures_id and request.user.has_perm("cooperatives.view_figures"):
            figures_url = reverse("admin:cooperatives_figures_change", args=[filing.figures_id])
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Hồ sơ {filing.number} – {filing.organization.name}",
            "filing": filing,
            "organization": filing.organization,
            "collection": filing.collection,
            "figures_kind": figures_kind,
            **(figures_table(filing) if figures_kind else {"rows": update_rows(filing)}),
            "timeline": timeline(filing),
            "may": self.allowed(request, filing),
            "figures_url": figures_url,
            "submitted": local_time(filing.submitted_at),
            "first_submitted": local_time(filing.first_submitted_at),
        }

    def act(self, request, filing):
        """One step, by the filing service: it checks rights and state again (a refusal in
        Vietnamese; no right at all is a 403)."""
        if not self.has_change_permission(request, filing):
            raise PermissionDenied
        step = request.POST.get("buoc", "")
        user = request.user
        try:
            if step == "tra-lai":
                comment = request.POST.get("review_comment", "")
                filings.return_filing(filing, comment=comment, user=user)
                done = "Đã trả lại hồ sơ cho HTX kèm ý kiến; HTX sửa và nộp lại."
                self.log_change(request, filing, f"Trả lại HTX: {comment.strip()}"[:500])
            elif step == "chuyen":
                filings.forward(filing, user=user)
                done = "Đã chuyển hồ sơ để Liên minh duyệt."
                self.log_change(request, filing, "Chuyển Liên minh duyệt")
            elif step == "duyet":
                filings.approve(filing, user=user)
                done = "Đã duyệt hồ sơ."
                self.log_change(request, filing, "Duyệt")
            else:
                messages.error(request, "Không rõ thao tác; hãy bấm một nút trên trang hồ sơ.")
                return redirect(request.path)
        except filings.FilingError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            messages.error(request, "Không áp dụng được đề xuất: " + " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(request.path)


# --- what the review page shows -----------------------------------------------------------
def figures_table(filing) -> dict:
    """Each figure as filed, with the comparison period's value (``previous``: its label)
    and whether the cooperative confirmed a large difference from it."""
    collection = filing.collection
    previous = filings.previous_figures(filing.organization, collection.year, collection.months)
    confirmed = set(filing.confirmed_warnings or [])
    rows = []
    for column in filings.FIGURES_COLUMNS:
        attr = column.attr
        earlier = getattr(previous, attr, None) if previous is not None else None
        rows.append(
            {
                "name": column.header,
                "value": filings.typed_text(filing.values.get(attr), attr) or "—",
                "previous": filings.typed_text(earlier, attr) or "—",
                "confirmed": attr in confirmed,
            }
        )
    return {"rows": rows, "previous": previous.period_label if previous is not None else ""}


# Text fields of the annual update: shown as typed (a phone number is not a number).
PLAIN = ("representative", "address", "phone", "email")


def update_text(attr: str, value) -> str:
    """A record's value or a proposed one, in Vietnamese."""
    if value is None or value == "":
        return "—"
    if attr in PLAIN:
        return str(value)
    if attr == "sector":
        return Sector.objects.filter(pk=value).values_list("name", flat=True).first() or "—"
    if attr == "status":
        return str(dict(Organization.Status.choices).get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return filings.typed_text(value, attr) or "—"


def update_rows(filing) -> list[dict]:
    """The fields the cooperative proposes to change: the record's value now → the
    proposed one (members: the year's figures)."""
    organization = filing.organization
    headers = {**filings.UPDATE_HEADERS, "members": filings.MEMBERS_HEADER}
    rows = []
    for attr, header in headers.items():
        if attr not in filing.values:
            continue
        if attr == "members":
            current = (
                Figures.objects.filter(
                    organization=organization, year=filing.collection.year, months=12
                )
                .values_list("members", flat=True)
                .first()
            )
        elif attr == "sector":
            current = organization.sector_id
        else:
            current = getattr(organization, attr)
        rows.append(
            {
                "name": header,
                "current": update_text(attr, current),
                "proposed": update_text(attr, filing.values[attr]),
            }
        )
    return rows


# A history record's reason (set by ``cooperatives.filings``) -> the step it records.
STEPS = (
    ("HTX nộp", "HTX nộp hồ sơ"),
    ("Trả lại", "Trả lại HTX để sửa"),
    ("Địa bàn", "Địa bàn đã kiểm tra, chuyển Liên minh duyệt"),
    ("Liên minh duyệt", "Liên minh duyệt"),
)


def step_of(reason: str) -> tuple[str, str] | None:
    return next(((p, label) for p, label in STEPS if reason.startswith(p)), None)


def timeline(filing) -> list[dict]:
    """The filing's submissions, returns (with their comments), checks and approval,
    oldest first, with who did each and when, from the filing's history."""
    steps = []
    for record in filing.history.select_related("history_user").order_by("history_date"):
        step = step_of(record.history_change_reason or "")
        if step is None:
            continue
        prefix, label = step
        user = record.history_user
        steps.append(
            {
                "what": f"{label} (số {record.number})" if prefix == "HTX nộp" else label,
                "when": local_time(record.history_date),
                "who": (user.get_full_name() or user.get_username()) if user else "—",
                "comment": record.review_comment if prefix == "Trả lại" else "",
            }
        )
    return steps
