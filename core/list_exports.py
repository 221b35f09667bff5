"""Excel and CSV exports of admin lists that have no import layout, by django-import-export.

The registry's kinds (organisations, figures, …) are exported in their import layout by
``cooperatives/spreadsheets``, which reads them back; lists that are only ever read
(articles, the import history, the sign-in audit) have no layout to keep, and are
exported here through django-import-export's resources and tablib's formats: one
``VietnameseResource`` per list names its columns in Vietnamese and renders values as
people read them.

``ListExportMixin`` adds "Xuất Excel" and "Xuất CSV" to such a list: the rows as the list
shows them (its filters, search and the person's scope, through ``get_queryset``).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import path
from django.utils import timezone
from import_export import resources
from import_export.formats.base_formats import CSV, XLSX
from import_export.widgets import DateTimeWidget, IntegerWidget, Widget

# Text that a spreadsheet would run as a formula; the registry's exports escape the same.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {"xlsx": XLSX, "csv": CSV}
MOMENT = DateTimeWidget(format="%d/%m/%Y %H:%M")  # in local time (USE_TZ)
NUMBER = IntegerWidget(coerce_to_string=False)


class YesNo(Widget):
    def render(self, value, obj=None, **kwargs):
        return "Có" if value else "Không"


class VietnameseResource(resources.ModelResource):
    """A resource whose text values never run as formulas in a spreadsheet."""

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
            return "'" + value
        return value


def listed_for_export(model_admin, request, formats):
    """(format, the rows the list shows) for an export of an admin list: its filters,
    search and the person's scope, without ``dinh_dang`` (the format asked for).

    On a format not in ``formats`` or filters the list refuses: (a 400 response, None).
    """
    from django.contrib.admin.options import IncorrectLookupParameters

    file_format = request.GET.get("dinh_dang", "xlsx")
    if file_format not in formats:
        return HttpResponseBadRequest("Định dạng phải là xlsx hoặc csv."), None
    params = request.GET.copy()
    params.pop("dinh_dang", None)
    request.GET = params
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return HttpResponseBadRequest("Bộ lọc của danh sách không hợp lệ."), None
    return file_format, changelist.get_queryset(request)


class ListExportMixin:
    """ "Xuất Excel" / "Xuất CSV" on an admin list, through ``list_export_resource``."""

    list_export_resource: type[VietnameseResource]
    list_export_stem = ""  # the file's name, without marks: ``bai-viet``
    change_list_template = "admin/change_list_export.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.list_export_view)
        own = [path("xuat/", view, name="{}_{}_list_export".format(*info))]
        return own + super().get_urls()

    def list_export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        file_format, queryset = listed_for_export(self, request, FORMATS)
        if queryset is None:
            return file_format  # the refusal
        dataset = self.list_export_resource().export(queryset=queryset)
        data = FORMATS[file_format]().export_data(dataset)
        if isinstance(data, str):  # CSV: with a BOM, so that Excel reads it as UTF-8
            data = ("\ufeff" + data).encode("utf-8")
        content_type = FORMATS[file_format].CONTENT_TYPE
        response = HttpResponse(data, content_type=content_type)
        name = f"{self.list_export_stem}-{timezone.localdate():%Y-%m-%d}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
