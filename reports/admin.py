from django.contrib import admin

from cooperatives.admin.base import RegistryAdmin
from cooperatives.admin.spreadsheets import SpreadsheetAdminMixin
from core.admin import money_column
from core.lib.periods import short_period_label
from reports.models import FrozenReport, Target

value_column = money_column("value", "giá trị")


@admin.register(Target)
class TargetAdmin(SpreadsheetAdminMixin, RegistryAdmin):
    spreadsheet_kind = "targets"
    list_display = ["area_name", "period", "indicator", value_column, "basis"]
    list_filter = ["year", "months", "indicator", "area__level"]
    list_select_related = ["area"]
    search_fields = ["area__code", "area__name_folded__contains", "indicator", "basis"]
    autocomplete_fields = ["area"]

    @admin.display(description="kỳ", ordering="year")
    def period(self, obj):
        return short_period_label(obj.year, obj.months)

    @admin.display(description="địa bàn", ordering="area__code")
    def area_name(self, obj):
        return obj.area.label  # codes were reused: the name and code with the dates


@admin.register(FrozenReport)
class FrozenReportAdmin(admin.ModelAdmin):
    list_display = ["area_name", "year", "months", "frozen_by", "frozen_at"]
    list_filter = ["year", "months"]
    list_select_related = ["area", "frozen_by"]
    readonly_fields = ["area_name", "year", "months", "frozen_by", "frozen_at"]
    exclude = ["data", "area"]

    @admin.display(description="địa bàn", ordering="area__code")
    def area_name(self, obj):
        return obj.area.label

    def has_add_permission(self, request):
        return False  # frozen from the report page, where the numbers are seen
