"""The areas (administrative units) and sectors."""

from django.contrib import admin
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.admin.base import (
    RegistryAdmin,
    area_label,
)
from cooperatives.admin.spreadsheets import SpreadsheetAdminMixin
from cooperatives.models import (
    Area,
    Sector,
)
from cooperatives.scoping import area_scope, scoped_area_ids


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
