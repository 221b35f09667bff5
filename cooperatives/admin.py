from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from cooperatives.admin_base import (
    AreaLabelMixin,
    RegistryAdmin,
    ScopedAdmin,
    ScopedInline,
    area_list_filter,
    install_labelled_autocomplete,
    money_column,
)
from cooperatives.admin_privacy import (
    MaskedMemberInlineMixin,
    MemberInlineForm,
    PersonalDataAdminMixin,
)
from cooperatives.admin_spreadsheets import SpreadsheetAdminMixin
from cooperatives.models import (
    Area,
    AreaMap,
    ExpiringOcopProduct,
    Figures,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
    Sector,
    StaffProfile,
    UnplacedOrganization,
    short_period_label,
)
from cooperatives.official_units import default_successor_code
from cooperatives.scoping import area_scope, scoped_area_ids
from cooperatives.services import PlacementError, place_organization, placement_day
from cooperatives.text import fold
from htx_portal.locking import OptimisticLockingAdmin, new_version

EXPIRY_WARNING_DAYS = 90

# Every autocomplete of the admin asks its model admin for the text (areas: Area.label).
install_labelled_autocomplete(admin.site)


def area_label(area) -> str:
    return area.label if area is not None else "—"


class ValidityFilter(admin.SimpleListFilter):
    title = _("hiệu lực")
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return [("current", _("Đang tồn tại")), ("ended", _("Đã hết hiệu lực"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "current":
            return queryset.existing_at(today)
        if self.value() == "ended":
            return queryset.filter(valid_to__lt=today)
        return queryset


@admin.register(Area)
class AreaAdmin(SpreadsheetAdminMixin, RegistryAdmin):
    spreadsheet_kind = "areas"
    list_display = [
        "code",
        "name",
        "level",
        "parent_label",
        "valid_from",
        "valid_to",
        "successor_list",
    ]
    list_filter = ["level", ValidityFilter]
    search_fields = ["code", "name_folded__contains"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent", "successors"]

    class Media:
        css = {"all": ["css/admin.css"]}  # parent and successors shown whole, with dates

    # Two units of one code, oldest first (a blank start is the oldest, on every database).
    ordering = ["code", F("valid_from").asc(nulls_first=True)]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("successors")

    def autocomplete_label(self, obj) -> str:
        return obj.label

    @admin.display(description=_("cấp trên"), ordering="parent__code")
    def parent_label(self, obj):
        return area_label(obj.parent)

    @admin.display(description=_("thay thế bởi"))
    def successor_list(self, obj):
        return "; ".join(a.label for a in obj.successors.all()) or "—"

    def get_search_results(self, request, queryset, search_term):
        # Area officers may place head offices only in their own areas.
        if request.GET.get("model_name") == "location" and area_scope(request.user) is not None:
            queryset = queryset.filter(pk__in=scoped_area_ids(request.user))
        return super().get_search_results(request, queryset, search_term)


@admin.register(Sector)
class SectorAdmin(RegistryAdmin):
    list_display = ["name", "is_agricultural", "order"]
    list_editable = ["is_agricultural", "order"]
    list_filter = ["is_agricultural"]
    search_fields = ["name_folded__contains"]


class LocationInline(ScopedInline, admin.TabularInline):
    model = Location
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ["area"]
    verbose_name_plural = _("Lịch sử địa bàn trụ sở (địa bàn mới nhất là địa bàn hiện tại)")

    class Media:
        # Wide enough for "Xã Bình Minh · 14011 · đến 30/06/2025": the dates tell apart
        # the units that share a code, so they must not be cut off.
        css = {"all": ["css/admin.css"]}


class FiguresInline(ScopedInline, admin.TabularInline):
    """Figures of the organisation, read-only here: they are entered, approved and sent
    back for approval on their own page, where the approval rules apply."""

    model = Figures
    extra = 0
    can_delete = False
    fields = [
        "year",
        "months",
        "data_kind",
        "members",
        "workers",
        "revenue",
        "profit",
        "avg_income",
        "rating",
        "meets_ntm_13_1",
        "state",
    ]
    readonly_fields = fields
    show_change_link = True
    classes = ["collapse"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OcopInline(ScopedInline, admin.TabularInline):
    model = OcopProduct
    extra = 0
    fields = ["name", "group", "stars", "certified_on", "decision_number", "level", "expires_on"]
    show_change_link = True


class LoanInline(ScopedInline, admin.TabularInline):
    model = Loan
    extra = 0
    fields = ["source", "amount", "disbursed_on", "matures_on", "outstanding"]


class MemberFormSet(BaseInlineFormSet):
    """Two rows for the same person in one save would break the register's unique keys."""

    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("full_name"):
                continue
            ident = (data.get("id_number") or "").strip()
            key = ("id", ident) if ident else ("name", fold(data["full_name"]))
            if key in seen:
                raise ValidationError(
                    f"“{data['full_name']}” xuất hiện hai lần trong sổ thành viên "
                    "(cùng số giấy tờ, hoặc cùng họ tên khi không có số giấy tờ)."
                )
            seen[key] = form


class MemberInline(MaskedMemberInlineMixin, ScopedInline, admin.TabularInline):
    model = Member
    formset = MemberFormSet
    form = MemberInlineForm
    extra = 0
    fields = [
        "full_name",
        "member_type",
        "party_type",
        "id_number",
        "capital_contribution",
        "joined_on",
        "left_on",
    ]
    show_change_link = True
    classes = ["collapse"]


@admin.register(Organization)
class OrganizationAdmin(OptimisticLockingAdmin, SpreadsheetAdminMixin, ScopedAdmin):
    spreadsheet_kind = "organizations"
    scope_lookup = "area_id"

    list_display = [
        "code",
        "name",
        "kind",
        "sector",
        "area_name",
        "founded_on",
        "status",
        "is_alliance_member",
        "is_public",
    ]
    list_display_links = ["code", "name"]
    list_filter = [
        "kind",
        "sector",
        area_list_filter("area_id"),
        "status",
        "is_alliance_member",
        "is_new_model",
        "is_public",
    ]
    list_select_related = ["sector", "area"]
    search_fields = ["code", "name_folded__contains", "tax_code"]
    autocomplete_fields = ["sector"]
    readonly_fields = ["current_area", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["code", "name", "kind", "sector", "founded_on", "current_area"]}),
        (
            _("Liên hệ"),
            {"fields": ["address", "phone", "email", "representative", "contacts_public"]},
        ),
        (
            _("Đăng ký và tình trạng"),
            {
                "fields": [
                    "charter_capital",
                    "tax_code",
                    ("status", "status_changed_on"),
                    ("is_alliance_member", "alliance_joined_on"),
                    "is_new_model",
                    "is_public",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]
    inlines = [LocationInline, FiguresInline, OcopInline, LoanInline, MemberInline]

    def _news_lookup(self, request) -> bool:
        """A news writer choosing the organisations an article is about.

        Editors may not read the registry, but they may find public organisations by
        name for that one field (the autocomplete of ``news.Article.organizations``).
        """
        match = request.resolver_match
        return bool(
            match
            and match.url_name == "autocomplete"
            and request.GET.get("app_label") == "news"
            and request.GET.get("model_name") == "article"
            and request.GET.get("field_name") == "organizations"
            and (
                request.user.has_perm("news.add_article")
                or request.user.has_perm("news.change_article")
            )
        )

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or (
            obj is None and self._news_lookup(request)
        )

    def get_search_results(self, request, queryset, search_term):
        if self._news_lookup(request):
            queryset = queryset.filter(is_public=True)
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=_("địa bàn"), ordering="area__code")
    def area_name(self, obj):
        return area_label(obj.area)

    @admin.display(description=_("địa bàn hiện tại"))
    def current_area(self, obj):
        return area_label(obj.area)


@admin.register(Location)
class LocationAdmin(OptimisticLockingAdmin, ScopedAdmin):
    list_display = ["organization", "area_text", "valid_from"]
    list_filter = [area_list_filter("area_id")]
    list_select_related = ["organization", "area"]
    search_fields = ["organization__code", "organization__name_folded__contains"]
    autocomplete_fields = ["organization", "area"]

    @admin.display(description=_("địa bàn"), ordering="area__code")
    def area_text(self, obj):
        return area_label(obj.area)


@admin.register(Figures)
class FiguresAdmin(OptimisticLockingAdmin, SpreadsheetAdminMixin, ScopedAdmin):
    spreadsheet_kind = "figures"
    list_display = [
        "organization",
        "period",
        "data_kind",
        "members",
        "workers",
        money_column("revenue", _("doanh thu (triệu đồng)")),
        money_column("avg_income", _("thu nhập BQ (triệu đồng/người/tháng)")),
        "rating",
        "state",
    ]
    list_filter = [
        "year",
        "months",
        "organization__kind",
        area_list_filter("organization__area_id"),
        "data_kind",
        "state",
        "rating",
        "meets_ntm_13_1",
    ]
    list_select_related = ["organization"]
    search_fields = ["organization__code", "organization__name_folded__contains"]
    autocomplete_fields = ["organization"]
    actions = ["submit_selected", "approve_selected"]
    fieldsets = [
        (None, {"fields": ["organization", ("year", "months"), "data_kind", "state"]}),
        (
            _("Thành viên và lao động"),
            {"fields": [("members", "workers"), "insured_workers", "avg_income"]},
        ),
        (
            _("Kết quả sản xuất kinh doanh"),
            {"fields": [("revenue", "profit"), "tax_paid", "rating", "meets_ntm_13_1"]},
        ),
        (
            _("Cán bộ quản lý"),
            {
                "fields": [
                    "managers",
                    ("managers_university", "managers_college", "managers_trained"),
                ]
            },
        ),
    ]

    @admin.display(description=_("kỳ báo cáo"), ordering="year")
    def period(self, obj):
        return short_period_label(obj.year, obj.months)

    def can_approve(self, request) -> bool:
        return request.user.has_perm("cooperatives.approve_figures")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not self.can_approve(request) and "state" in form.base_fields:
            form.base_fields["state"].choices = [
                (value, label)
                for value, label in Figures.State.choices
                if value != Figures.State.APPROVED
            ]
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if (
            obj is not None
            and obj.state == Figures.State.APPROVED
            and not self.can_approve(request)
        ):
            readonly.append("state")
        return readonly

    def save_model(self, request, obj, form, change):
        if (
            change
            and obj.state == Figures.State.APPROVED
            and not self.can_approve(request)
            and form.changed_data
        ):
            obj.state = Figures.State.SUBMITTED
            messages.warning(
                request,
                _("Số liệu đã duyệt vừa được sửa nên chuyển về trạng thái “Đã gửi” để duyệt lại."),
            )
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Gửi duyệt số liệu đã chọn"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._set_state(
            request, queryset.filter(state=Figures.State.DRAFT), Figures.State.SUBMITTED
        )

    @admin.action(description=_("Duyệt số liệu đã chọn"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        self._set_state(
            request, queryset.exclude(state=Figures.State.APPROVED), Figures.State.APPROVED
        )

    def has_approve_permission(self, request):
        return self.can_approve(request)

    def _set_state(self, request, queryset, state) -> None:
        # Saved one by one so that each change lands in the history with its author.
        count = 0
        for figures in queryset.select_related("organization"):
            figures.state = state
            figures.version = new_version()  # an open form of these figures must be told
            figures.save(update_fields=["state", "updated_at", "version"])
            count += 1
        label = Figures.State(state).label
        self.message_user(request, f"Đã chuyển {count} bản ghi sang trạng thái “{label}”.")


class OcopExpiryFilter(admin.SimpleListFilter):
    title = _("hiệu lực chứng nhận")
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return [
            ("valid", _("Còn hiệu lực")),
            ("expiring", _("Sắp hết hạn (90 ngày)")),
            ("expired", _("Đã hết hạn")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "valid":
            return queryset.valid_at(today)
        if self.value() == "expiring":
            return queryset.expiring_within(EXPIRY_WARNING_DAYS, today)
        if self.value() == "expired":
            return queryset.filter(expires_on__lt=today)
        return queryset


@admin.register(OcopProduct)
class OcopProductAdmin(OptimisticLockingAdmin, SpreadsheetAdminMixin, ScopedAdmin):
    spreadsheet_kind = "ocop"
    list_display = [
        "name",
        "organization",
        "group",
        "stars",
        "certified_on",
        "expires_on",
        "expiry_state",
    ]
    list_filter = [
        "stars",
        "group",
        "level",
        OcopExpiryFilter,
        area_list_filter("organization__area_id"),
    ]
    list_select_related = ["organization"]
    search_fields = [
        "name_folded__contains",
        "organization__code",
        "organization__name_folded__contains",
    ]
    autocomplete_fields = ["organization"]

    class Media:
        # Colours of the certificate states (no inline styles under the CSP).
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("tình trạng chứng nhận"))
    def expiry_state(self, obj):
        days = obj.days_to_expiry()
        if days < 0:
            return format_html('<strong class="htx-expired">{}</strong>', "Đã hết hạn")
        if days <= EXPIRY_WARNING_DAYS:
            return format_html('<strong class="htx-expiring">Còn {} ngày</strong>', days)
        return "Còn hiệu lực"


@admin.register(Loan)
class LoanAdmin(OptimisticLockingAdmin, SpreadsheetAdminMixin, ScopedAdmin):
    spreadsheet_kind = "loans"
    list_display = [
        "organization",
        "source",
        money_column("amount", _("số tiền vay (triệu đồng)")),
        "disbursed_on",
        "matures_on",
        money_column("outstanding", _("dư nợ (triệu đồng)")),
    ]
    list_filter = ["source", area_list_filter("organization__area_id")]
    list_select_related = ["organization"]
    search_fields = ["organization__code", "organization__name_folded__contains"]
    autocomplete_fields = ["organization"]
    date_hierarchy = "disbursed_on"


@admin.register(Member)
class MemberAdmin(
    PersonalDataAdminMixin, OptimisticLockingAdmin, SpreadsheetAdminMixin, ScopedAdmin
):
    spreadsheet_kind = "members"
    change_form_template = "admin/cooperatives/member/change_form.html"
    list_display = [
        "full_name",
        "organization",
        "member_type",
        "party_type",
        "masked_id",
        "joined_on",
        "left_on",
    ]
    list_filter = ["member_type", "party_type", area_list_filter("organization__area_id")]
    list_select_related = ["organization"]
    search_fields = [
        "name_folded__contains",
        "organization__code",
        "organization__name_folded__contains",
    ]
    autocomplete_fields = ["organization"]
    actions = ["export_personal_data", "erase_on_request"]

    class Media:
        # The personal-data buttons' look (no inline styles under the CSP).
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("số giấy tờ"))
    def masked_id(self, obj):
        return obj.masked_id_number or "—"


class WorklistAdmin(ScopedAdmin):
    """A read-only list of records that need a person's attention."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # The worklists are proxies without a history of their own (their pages failed
    # with a server error): the history is on the organisation's or product's page.
    def history_view(self, request, object_id, extra_context=None):
        raise Http404

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise Http404


@admin.register(UnplacedOrganization)
class UnplacedOrganizationAdmin(WorklistAdmin):
    """Organisations whose recorded commune is gone with none or several successors.

    For a commune that was split, each successor is a button: one click records the
    organisation's new location there (``services.place_organization``). The buttons
    submit the change list's own form (POST, with its CSRF token) to the ``place`` view.
    """

    scope_lookup = "area_id"
    list_display = ["code", "organization_link", "kind", "recorded_area"]
    list_display_links = None
    list_filter = ["kind", "sector"]
    search_fields = ["code", "name_folded__contains"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        today = timezone.localdate()
        queryset = super().get_queryset(request)
        unplaced = Organization.objects.unplaced_at(today, AreaMap()).values("pk")
        return (
            queryset.filter(pk__in=unplaced)
            .select_related("area")
            .prefetch_related("area__successors", "area__children__successors")
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/place/",
                self.admin_site.admin_view(self.place_view),
                name="{}_{}_place".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_list_display(self, request):
        # The buttons depend on who looks at the list: a column made for this request.
        @admin.display(description=_("được thay thế bởi (bấm để chọn)"))
        def choices(obj):
            return self.choices(request, obj)

        return [*super().get_list_display(request), choices]

    def can_place(self, request, organization) -> bool:
        """Whether ``request.user`` may change ``organization`` (and so place it)."""
        organization_admin = self.admin_site.get_model_admin(Organization)
        return organization_admin.has_change_permission(request, organization)

    @admin.display(description=_("tên"), ordering="name_folded")
    def organization_link(self, obj):
        url = reverse("admin:cooperatives_organization_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)

    @admin.display(description=_("địa bàn đã ghi"))
    def recorded_area(self, obj):
        if obj.area is None:
            return "Chưa có địa bàn"
        return obj.area.label

    def choices(self, request, obj):
        successors = obj.area.placement_choices() if obj.area else []
        if not successors:
            return "Không có đơn vị thay thế: sửa lịch sử địa bàn trên trang của tổ chức"
        default = default_successor_code(obj.area.code)
        day = placement_day(obj.area)
        may_place = self.can_place(request, obj)
        url = reverse("admin:cooperatives_unplacedorganization_place", args=[obj.pk])
        items = []
        for area in successors:
            marker = ""
            if default is not None and area.code == default and area.exists_at(day):
                marker = format_html(
                    ' <strong class="htx-default">{}</strong>', "(mặc định theo dữ liệu chính thức)"
                )
            if may_place:
                item = format_html(
                    '<button type="submit" form="changelist-form" formaction="{}" name="area" '
                    'value="{}" class="button htx-place" title="{}">{}</button>{}',
                    url,
                    area.pk,
                    f"Ghi nhận “{obj.name}” ở {area.name} từ ngày {day:%d/%m/%Y}",
                    area.label,
                    marker,
                )
            else:
                item = format_html("{}{}", area.label, marker)
            items.append(item)
        return format_html(
            '<ul class="htx-choices">{}</ul>',
            format_html_join("", "<li>{}</li>", ((i,) for i in items)),
        )

    def place_view(self, request, object_id):
        """POST: place the organisation ``object_id`` in the successor ``area`` it names."""
        try:
            organization = Organization.objects.select_related("area").get(pk=int(object_id))
        except (ValueError, Organization.DoesNotExist):
            raise Http404 from None
        if not self.can_place(request, organization):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        changelist = reverse("admin:cooperatives_unplacedorganization_changelist")
        area = None
        if str(request.POST.get("area", "")).isdigit():
            area = Area.objects.filter(pk=int(request.POST["area"])).first()
        if area is None:
            self.message_user(request, "Chưa chọn đơn vị hành chính mới.", messages.ERROR)
            return HttpResponseRedirect(changelist)
        if not self.get_queryset(request).filter(pk=organization.pk).exists():
            self.message_user(
                request,
                f"“{organization.name}” không còn trong danh sách chưa xác định địa bàn "
                "(có thể người khác vừa xác định); không có gì thay đổi.",
                messages.WARNING,
            )
            return HttpResponseRedirect(changelist)
        old = organization.area
        try:
            location = place_organization(organization=organization, area=area, user=request.user)
        except (PlacementError, ValidationError) as error:
            text = error.messages[0] if isinstance(error, ValidationError) else str(error)
            self.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(changelist)
        summary = (
            f"Xác định địa bàn sau khi {old.label} hết hiệu lực: {area.label}, "
            f"từ ngày {location.valid_from:%d/%m/%Y}."
        )
        self.log_change(request, organization, summary)
        self.message_user(
            request,
            f"Đã ghi nhận “{organization.name}” ở {area.name} (mã {area.code}) từ ngày "
            f"{location.valid_from:%d/%m/%Y}.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(changelist)


@admin.register(ExpiringOcopProduct)
class ExpiringOcopProductAdmin(WorklistAdmin):
    list_display = ["product_link", "organization", "stars", "expires_on", "days_left"]
    list_display_links = None
    list_filter = ["stars", "group"]
    list_select_related = ["organization"]
    search_fields = [
        "name_folded__contains",
        "organization__name_folded__contains",
        "organization__code",
    ]
    ordering = ["expires_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).expiring_within(EXPIRY_WARNING_DAYS)

    @admin.display(description=_("sản phẩm"), ordering="name_folded")
    def product_link(self, obj):
        url = reverse("admin:cooperatives_ocopproduct_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)

    @admin.display(description=_("còn lại"), ordering="expires_on")
    def days_left(self, obj):
        return f"{obj.days_to_expiry()} ngày"


class StaffProfileInline(AreaLabelMixin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    autocomplete_fields = ["areas"]
    verbose_name_plural = _("Phạm vi địa bàn (chỉ dùng cho cán bộ địa bàn)")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [StaffProfileInline]
    list_display = ["username", "full_name", "email", "role_names", "is_staff", "is_active"]
    list_filter = ["groups", "is_staff", "is_superuser", "is_active"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("họ tên"))
    def full_name(self, obj):
        return obj.get_full_name() or "—"

    @admin.display(description=_("vai trò"))
    def role_names(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"
