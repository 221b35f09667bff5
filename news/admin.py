from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from import_export.fields import Field
from simple_history.admin import SimpleHistoryAdmin

from core.admin import FoldedSearchMixin, SafeHistoryMixin, SafeListParametersMixin
from core.csp import NonceMediaMixin
from core.list_exports import MOMENT, NUMBER, ListExportMixin, VietnameseResource, YesNo
from core.locking import OptimisticLockingAdmin
from news.models import Article, Attachment, Banner, Category, Link, SiteContent, Tag
from news.services import (
    banner_needs_storing,
    cover_needs_storing,
    logo_needs_storing,
    store_banner_image,
    store_cover_image,
    store_site_logo,
)


class HttpsLinks:
    """A web address typed without a scheme is taken as https://."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "order"]


class ArticleForm(forms.ModelForm):
    source_url = forms.URLField(
        label="Liên kết nguồn", required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Article
        fields = [
            "title", "slug", "lead", "body", "highlight", "cover", "cover_caption", "cover_alt",
            "category", "tags", "organizations", "featured", "album", "video", "author",
            "source_name", "source_url", "status", "publish_at",
        ]  # fmt: skip

    def __init__(self, *args, can_publish: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_publish = can_publish
        if "organizations" in self.fields:
            self.fields["organizations"].error_messages["invalid_choice"] = (
                "Chỉ gắn được tổ chức đang công khai trên trang: “%(value)s” không phải "
                "tổ chức công khai nào."
            )
        if "status" in self.fields and not can_publish:
            self.fields[
                "status"
            ].help_text = (
                "Bạn chỉ lưu được bản nháp; biên tập viên hoặc cán bộ Liên minh sẽ đăng bài."
            )

    def _save_m2m(self):
        """Links to organisations made private since are kept, though the form hides them.

        The field offers public organisations only (``limit_choices_to``), so those links
        are neither shown nor sent back; saving the article must not drop them.
        """
        hidden = []
        if self.instance.pk and "organizations" in self.fields:
            hidden = list(
                self.instance.organizations.filter(is_public=False).values_list("pk", flat=True)
            )
        super()._save_m2m()
        if hidden:
            self.instance.organizations.add(*hidden)

    def clean(self):
        """Without the publishing right one writes drafts only.

        The stored row decides (not the form's copy, which is an old revision when one
        is being restored): an article that is published, scheduled or taken down is
        left to those who may publish, and a draft stays a draft.
        """
        cleaned = super().clean()
        if self.can_publish:
            return cleaned
        stored = (
            Article.objects.filter(pk=self.instance.pk).values_list("status", flat=True).first()
            if self.instance.pk
            else None
        )
        if stored not in (None, Article.Status.DRAFT):
            raise ValidationError(
                "Bài này đã đăng, đã hẹn giờ hoặc đã gỡ: chỉ người có quyền đăng bài mới sửa được."
            )
        if cleaned.get("status") != Article.Status.DRAFT:
            self.add_error("status", "Bạn không có quyền đăng bài: hãy lưu ở trạng thái Bản nháp.")
        return cleaned


class ArticleStateFilter(admin.SimpleListFilter):
    title = "trạng thái"
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return list(Article.STATE_LABELS.items())

    def queryset(self, request, queryset):
        now, value = timezone.now(), self.value()
        if value == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
        if value == "published":
            return queryset.published(now)
        if value in ("draft", "unpublished"):
            return queryset.filter(status=value)
        return queryset


class ArticleResource(VietnameseResource):
    """The article list as an editor reads it (django-import-export; no import layout)."""

    title = Field("title", "Tiêu đề")
    category = Field("category__name", "Chuyên mục")
    state = Field("state_label", "Trạng thái")
    publish_at = Field("publish_at", "Ngày đăng", widget=MOMENT)
    featured = Field("featured", "Nổi bật", widget=YesNo())
    view_count = Field("view_count", "Lượt xem", widget=NUMBER)
    author = Field("author", "Tác giả")
    address = Field("get_absolute_url", "Địa chỉ")

    class Meta:
        model = Article
        fields = ["title", "category", "state", "publish_at", "featured", "view_count",
                  "author", "address"]  # fmt: skip


@admin.register(Article)
class ArticleAdmin(
    ListExportMixin,
    SafeListParametersMixin,
    NonceMediaMixin,
    OptimisticLockingAdmin,
    HttpsLinks,
    FoldedSearchMixin,
    SafeHistoryMixin,
    SimpleHistoryAdmin,
):
    form = ArticleForm
    list_export_resource = ArticleResource
    list_export_stem = "bai-viet"
    list_display = ["title", "category", "state_column", "publish_at", "featured", "view_count",
                    "author"]  # fmt: skip
    list_filter = [ArticleStateFilter, "category", "featured", "tags"]
    list_select_related = ["category"]
    search_fields = ["search_folded"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["tags", "organizations", "album", "video"]
    inlines = [AttachmentInline]
    readonly_fields = ["preview_link", "view_count", "created_by", "updated_by", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "highlight"]}),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption", "cover_alt"]}),
        ("Phân loại", {"fields": ["category", "tags", "organizations", "featured"]}),
        ("Album ảnh và video kèm bài", {"fields": ["album", "video"]}),
        ("Tác giả và nguồn", {"fields": ["author", "source_name", "source_url"]}),
        ("Đăng bài", {"fields": ["status", "publish_at", "preview_link"]}),
        ("Theo dõi", {"fields": ["view_count", "created_by", "updated_by", "updated_at"]}),
    ]

    class Media:
        js = ["js/prose-editor-vi.js"]

    @admin.display(description="trạng thái")
    def state_column(self, obj: Article) -> str:
        return obj.state_label

    @admin.display(description="xem trước")
    def preview_link(self, obj: Article) -> str:
        if not obj.pk:
            return "Lưu bài để xem trước."
        label = "Xem bài trên trang" if obj.is_live else "Xem trước bài như khi đăng"
        return format_html('<a href="{}" target="_blank">{}</a>', obj.get_absolute_url(), label)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.published_once:
            fields.append("slug")  # the public may have it: the address stays
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        can_publish = request.user.has_perm("news.publish_article")

        class Form(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, can_publish=can_publish, **inner)

        return Form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        if cover_needs_storing(obj):
            # Never stored as uploaded: upright, without metadata, with its sizes.
            store_cover_image(article=obj, upload=obj.cover, user=request.user)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug"]


@admin.register(SiteContent)
class SiteContentAdmin(HttpsLinks, admin.ModelAdmin):
    """One record: the list goes straight to it."""

    def save_model(self, request, obj, form, change):
        if logo_needs_storing(obj):
            # Never stored as uploaded: upright, without metadata, header-sized.
            store_site_logo(content=obj, upload=obj.logo)
        else:
            super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not SiteContent.objects.exists() and self.has_change_permission(request):
            SiteContent.load().save()
        return redirect(reverse("admin:news_sitecontent_change", args=[1]))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Banner)
class BannerAdmin(HttpsLinks, admin.ModelAdmin):
    list_display = ["title", "place", "order", "is_active"]
    list_filter = ["place", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["title"]

    def save_model(self, request, obj, form, change):
        if banner_needs_storing(obj):
            # Never stored as uploaded: upright, without metadata.
            store_banner_image(banner=obj, upload=obj.image)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Link)
class LinkAdmin(HttpsLinks, admin.ModelAdmin):
    list_display = ["name", "url", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


# The sections beside the news (issue 19), each in its own package.
from news.gallery import admin as gallery_admin  # noqa: E402, F401
from news.library import admin as library_admin  # noqa: E402, F401
from news.questions import admin as questions_admin  # noqa: E402, F401
