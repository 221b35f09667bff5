"""The library in the admin: editors and alliance staff keep documents, their files,
issuing bodies and fields (roles: news/apps.py)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from core.admin import FoldedSearchMixin, SafeHistoryMixin, SafeListParametersMixin
from core.spreadsheets.tables import EXTENSIONS
from news.library import imports
from news.models import Document, DocumentFile, Issuer, Topic

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp danh mục văn bản",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ["title", "file", "order"]


@admin.register(Document)
class DocumentAdmin(
    SafeListParametersMixin, FoldedSearchMixin, SafeHistoryMixin, SimpleHistoryAdmin
):
    list_display = ["title_column", "issuer", "issued_on", "status", "topic", "is_published"]
    list_display_links = ["title_column"]
    list_filter = ["doc_type", "status", "is_published", "topic", "issuer"]
    list_select_related = ["issuer", "topic"]
    search_fields = ["search_folded"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuer", "replaced_by", "organizations", "articles"]
    inlines = [DocumentFileInline]
    readonly_fields = ["page_link", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["doc_type", "number", "summary"]}),
        ("Ban hành", {"fields": ["issuer", "signer", "issued_on", "effective_on"]}),
        ("Hiệu lực", {"fields": ["status", "replaced_by"]}),
        ("Phân loại", {"fields": ["topic", "organizations", "articles"]}),
        ("Hiển thị", {"fields": ["is_published", "slug", "page_link"]}),
        ("Theo dõi", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description="văn bản", ordering="number")
    def title_column(self, obj: Document) -> str:
        return obj.title

    @admin.display(description="trang văn bản")
    def page_link(self, obj: Document) -> str:
        if not obj.pk:
            return "Lưu văn bản để có trang."
        if not obj.is_published:
            return "Chưa hiện trên trang (bỏ chọn “hiện trên trang”)."
        return format_html(
            '<a href="{}" target="_blank">Xem trên trang</a>', obj.get_absolute_url()
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("slug")  # the address is public once made: it stays
        return fields

    # --- import from a spreadsheet ------------------------------------------------------
    change_list_template = "admin/news/document/change_list.html"

    def has_import_permission(self, request) -> bool:
        user = request.user
        return user.has_perm("news.add_document") and user.has_perm("news.change_document")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("nhap/", view(self.import_view), name="news_document_import"),
            path("nhap/mau.xlsx", view(self.template_view), name="news_document_template"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": self.has_import_permission(request), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        response = HttpResponse(imports.template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="danh-muc-van-ban-mau.xlsx"'
        return response

    def import_view(self, request):
        """Check a list of documents and, if asked and every row is good, import it whole."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        outcome, checked_only, file_name = None, False, ""
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            file_name = upload.name
            checked_only = request.POST.get("buoc") != "nhap"
            limit = settings.IMPORT_MAX_UPLOAD_MB * 2**20
            data = upload.read(limit + 1)
            outcome = imports.import_documents(data, file_name, dry_run=checked_only)
            if outcome.ok and not checked_only:
                self.message_user(
                    request,
                    f"Đã nhập tệp “{file_name}”: {outcome.created} văn bản mới, "
                    f"{outcome.updated} văn bản cập nhật.",
                    messages.SUCCESS,
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Nhập danh mục văn bản từ bảng tính",
            "form": form,
            "outcome": outcome,
            "checked_only": checked_only,
            "file_name": file_name,
            "columns": imports.COLUMNS,
            "max_mb": settings.IMPORT_MAX_UPLOAD_MB,
        }
        return TemplateResponse(request, "admin/news/document/import.html", context)


@admin.register(Issuer)
class IssuerAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name_folded"]
    readonly_fields = ["slug"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
