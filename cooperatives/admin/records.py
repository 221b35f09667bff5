"""The records kept per organisation: figures, OCOP products, loans and members."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperatives.admin.base import (
    EXPIRY_WARNING_DAYS,
    ScopedAdmin,
    area_list_filter,
)
from cooperatives.admin.privacy import (
    PersonalDataAdminMixin,
)
from cooperatives.admin.spreadsheets import SpreadsheetAdminMixin
from cooperatives.models import Figures, Loan, Member, OcopProduct
from cooperatives.services import (
    approve_figures,
    ocop_photo_needs_storing,
    store_ocop_photo,
    submit_figures,
)
from core.admin import money_column
from core.lib.periods import months_label, short_period_label
from core.locking import OptimisticLockingAdmin


class FiguresYearFilter(admin.SimpleListFilter):
    """The years from settings.FIGURES_FIRST_YEAR to this year, newest first, and the
    years before: fixed choices, where Django's own filter reads the distinct years of
    every figures row (two million at national scale) on each visit of the list."""

    title = _("năm")
    parameter_name = "year__exact"
    EARLIER = "truoc"

    def lookups(self, request, model_admin):
        first = settings.FIGURES_FIRST_YEAR
        years = [(str(year), str(year)) for year in range(timezone.localdate().year, first - 1, -1)]
        return [*years, (self.EARLIER, _("Trước năm %(year)s") % {"year": first})]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.EARLIER:
            return queryset.filter(year__lt=settings.FIGURES_FIRST_YEAR)
        if value:
            # A year typed into the address that is not offered still filters, as
            # Django's own filter did; anything else finds nothing.
            return queryset.filter(year=int(value)) if value.isdigit() else queryset.none()
        return queryset


class FiguresMonthsFilter(admin.SimpleListFilter):
    """The two periods reported (the first six months, the whole year) and the rest:
    fixed choices, not the distinct months of every figures row."""

    title = _("kỳ báo cáo")
    parameter_name = "months__exact"
    OTHER = "khac"

    def lookups(self, request, model_admin):
        return [("6", months_label(6)), ("12", months_label(12)), (self.OTHER, _("Kỳ khác"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.OTHER:
            return queryset.exclude(months__in=[6, 12])
        if value:
            return queryset.filter(months=int(value)) if value.isdigit() else queryset.none()
        return queryset


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
        FiguresYearFilter,
        FiguresMonthsFilter,
        "organization__kind",
        area_list_filter("organization__area_id"),
        "data_kind",
        "state",
        "rating",
        "meets_ntm_13_1",
    ]
    list_select_related = ["organization"]
    # Newest period first, then by organisation id: the order of the figures_newest_first
    # index, and total with the unique period (no extra sort key). The model's own order
    # sorts by organisation name, a join and a sort over every row; a click on the
    # organisation column still asks for it.
    ordering = ["-year", "-months", "organization_id"]
    # One count of the filtered rows, not a second one of the whole table.
    show_full_result_count = False
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
        return Figures.may_approve(request.user)

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
        if change:
            state = obj.state_after_edit(edited=bool(form.changed_data), user=request.user)
            if state != obj.state:
                obj.state = state
                messages.warning(
                    request,
                    _(
                        "Số liệu đã duyệt vừa được sửa nên chuyển về trạng thái “Đã gửi” để "
                        "duyệt lại."
                    ),
                )
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Gửi duyệt số liệu đã chọn"), permissions=["change"])
    def submit_selected(self, request, queryset):
        count = submit_figures(figures=queryset, user=request.user)
        self._moved(request, count, Figures.State.SUBMITTED)

    @admin.action(description=_("Duyệt số liệu đã chọn"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        count = approve_figures(figures=queryset, user=request.user)
        self._moved(request, count, Figures.State.APPROVED)

    def has_approve_permission(self, request):
        return self.can_approve(request)

    def _moved(self, request, count: int, state) -> None:
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
            return queryset.expired_at(today)
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
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "organization",
                    "name",
                    "group",
                    "stars",
                    "certified_on",
                    "decision_number",
                    "level",
                    "expires_on",
                ]
            },
        ),
        (
            _("Giới thiệu cho người mua"),
            {
                "description": _(
                    "Hiện trên danh mục sản phẩm OCOP và trang riêng của sản phẩm. Ảnh được "
                    "xoay đúng chiều, bỏ thông tin máy chụp và vị trí, và thu nhỏ cho điện thoại."
                ),
                "fields": [
                    "description",
                    "photo",
                    "photo_alt",
                    "shop_address",
                    "sales_phone",
                    "buy_links",
                ],
            },
        ),
    ]

    class Media:
        # Colours of the certificate states (no inline styles under the CSP).
        css = {"all": ["css/admin.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("description", "buy_links"):
            # Several lines: sentences, or one address per line.
            field.widget = forms.Textarea(attrs={"rows": 3, "cols": 60})
        return field

    def save_model(self, request, obj, form, change):
        if ocop_photo_needs_storing(obj):
            # Never stored as uploaded: upright, without metadata, with its sizes.
            store_ocop_photo(product=obj, upload=obj.photo, user=request.user)
        else:
            super().save_model(request, obj, form, change)

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
