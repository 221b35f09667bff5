"""The organisations, with their locations, figures, OCOP products, loans and members inline."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.admin.base import (
    ScopedAdmin,
    ScopedInline,
    area_cell,
    area_label,
    area_list_filter,
)
from cooperatives.admin.privacy import (
    MaskedMemberInlineMixin,
    MemberInlineForm,
)
from cooperatives.admin.spreadsheets import SpreadsheetAdminMixin
from cooperatives.models import (
    Figures,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
)
from core.lib.periods import period_end, period_label
from core.lib.text import fold
from core.locking import OptimisticLockingAdmin


class LocationInline(ScopedInline, admin.TabularInline):
    model = Location
    row_select_related = ("area",)
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
    row_select_related = ("organization",)
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
    row_select_related = ("organization",)
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


class FiguresOfPeriodFilter(admin.SimpleListFilter):
    """Organisations with or without figures for the period being collected (the staff
    home's count links here): existing at the period's end, with figures of it or not."""

    title = _("số liệu kỳ hiện tại")
    parameter_name = "so_lieu_ky"

    def lookups(self, request, model_admin):
        from cooperatives.staff_home import current_period

        year, months = current_period(timezone.localdate())
        label = period_label(year, months)
        return [
            (f"{year}-{months}-co", f"Đã có số liệu {label}"),
            (f"{year}-{months}-chua", f"Chưa có số liệu {label}"),
        ]

    def queryset(self, request, queryset):
        value = self.value() or ""
        parts = value.split("-")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            return queryset
        year, months, answer = int(parts[0]), int(parts[1]), parts[2]
        if not 2000 <= year <= 2100 or not 1 <= months <= 12 or answer not in ("co", "chua"):
            return queryset
        filed = Exists(
            Figures.objects.filter(organization=OuterRef("pk"), year=year, months=months)
        )
        existing = queryset.existing_at(period_end(year, months))
        return existing.filter(filed) if answer == "co" else existing.filter(~filed)


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
        FiguresOfPeriodFilter,
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
        return area_cell(obj.area)

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
        return area_cell(obj.area)
