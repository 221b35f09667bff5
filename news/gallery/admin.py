"""The galleries in the admin (Tin tức › Album ảnh, Video): news editors and alliance
staff (their news permissions, news/apps.py)."""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from core.admin import SafeListParametersMixin
from news.gallery import queries
from news.gallery.forms import AlbumForm, VideoForm
from news.gallery.services import add_photos, photo_needs_storing, save_video, store_photo
from news.models import Album, Photo, Video


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 0
    fields = ["thumbnail", "image", "caption", "alt", "order"]
    readonly_fields = ["thumbnail"]

    @admin.display(description="xem trước")
    def thumbnail(self, photo: Photo) -> str:
        if not photo.image_small:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="120" height="{}" loading="lazy">',
            photo.image_small.url,
            round(120 * (photo.height or 3) / (photo.width or 4)),
        )


class PublicAddress:
    """The "Xem trên trang" link leads to the public page, which previews an unpublished one."""

    url_name = ""

    def view_on_site(self, obj) -> str:
        return reverse(self.url_name, args=[obj.slug])

    @admin.display(description="trạng thái")
    def state(self, obj) -> str:
        if not obj.is_published:
            return "Ẩn"
        return "Đang hiện" if queries.is_live(obj) else "Hẹn giờ hiện"


@admin.register(Album)
class AlbumAdmin(PublicAddress, SafeListParametersMixin, admin.ModelAdmin):
    url_name = "gallery:album"
    form = AlbumForm
    inlines = [PhotoInline]
    list_display = ["title", "photo_count", "taken_on", "state", "published_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "description"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "taken_on"]}),
        ("Thêm ảnh", {"fields": ["uploads", "uploads_caption", "uploads_alt"]}),
        ("Đăng", {"fields": ["is_published", "published_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(photos_total=Count("photos"))

    @admin.display(description="số ảnh", ordering="photos_total")
    def photo_count(self, album: Album) -> int:
        return album.photos_total

    def save_formset(self, request, form, formset, change):
        if formset.model is not Photo:
            return super().save_formset(request, form, formset, change)
        photos = formset.save(commit=False)
        for photo in formset.deleted_objects:
            photo.delete()
        for photo in photos:
            if photo_needs_storing(photo):
                # Never stored as uploaded: upright, without metadata, with its sizes.
                store_photo(photo=photo, upload=photo.image)
            else:
                photo.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        uploads = form.cleaned_data.get("uploads") or []
        if uploads:
            added = add_photos(
                album=form.instance,
                uploads=uploads,
                alt=form.cleaned_data.get("uploads_alt", ""),
                caption=form.cleaned_data.get("uploads_caption", ""),
            )
            messages.success(request, f"Đã thêm {len(added)} ảnh vào album.")


@admin.register(Video)
class VideoAdmin(PublicAddress, SafeListParametersMixin, admin.ModelAdmin):
    url_name = "gallery:video"
    form = VideoForm
    list_display = ["title", "source", "host_label", "featured", "state", "published_at"]
    list_filter = ["source", "featured", "is_published"]
    search_fields = ["title", "description"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "description"]}),
        ("Nguồn video", {"fields": ["source", "file", "link"]}),
        ("Ảnh đại diện", {"fields": ["poster", "poster_alt"]}),
        ("Đăng", {"fields": ["featured", "is_published", "published_at"]}),
    ]

    @admin.display(description="nơi phát")
    def host_label(self, video: Video) -> str:
        if video.source == Video.Source.FILE:
            return (video.file_type or "").upper() or "–"
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(video.host, "–")

    def save_model(self, request, obj, form, change):
        save_video(video=obj)
