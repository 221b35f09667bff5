from django.contrib import admin

from cooperatives.admin_base import RegistryAdmin, money_column
from cooperatives.admin_spreadsheets import SpreadsheetAdminMixin
from reports.models import Target

value_column = money_column("value", "giá trị")


@admin.register(Target)
class TargetAdmin(SpreadsheetAdminMixin, RegistryAdmin):
    spreadsheet_kind = "targets"
    list_display = ["area", "period", "indicator", value_column, "basis"]
    list_filter = ["year", "months", "indicator", "area__level"]
    list_select_related = ["area"]
    search_fields = ["area__code", "area__name_folded__contains", "indicator", "basis"]
    autocomplete_fields = ["area"]

    @admin.display(description="kỳ", ordering="year")
    def period(self, obj):
        return f"{obj.months} tháng/{obj.year}" if obj.months != 12 else f"Năm {obj.year}"
