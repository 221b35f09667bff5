"""The admin's album and video forms: many photos at once, and a video's two sources."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from core import images
from news.gallery.services import MAX_PHOTOS_AT_ONCE, check_video
from news.gallery.videos import parse_link
from news.models import Album, Video


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several image files in one field, each checked as covers are (``validate_image``)."""

    widget = MultipleImageInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > MAX_PHOTOS_AT_ONCE:
            raise ValidationError(
                f"Mỗi lần tải lên tối đa {MAX_PHOTOS_AT_ONCE} ảnh; đã chọn {len(files)} ảnh."
            )
        errors, cleaned = [], []
        for upload in files:
            try:
                upload = super().clean(upload, initial)
                images.validate_image(upload)
            except ValidationError as error:
                name = getattr(upload, "name", "")
                errors.extend(m if name in m else f"{name}: {m}" for m in error.messages)
                continue
            cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned


class AlbumForm(forms.ModelForm):
    uploads = MultipleImageField(
        label="Thêm nhiều ảnh",
        required=False,
        help_text=(
            f"Chọn một lúc nhiều ảnh (tối đa {MAX_PHOTOS_AT_ONCE}) JPEG, PNG, WebP hoặc GIF; "
            "ảnh được xoay thẳng, bỏ thông tin máy chụp và vị trí GPS, thêm vào cuối album. "
            "Sửa chú thích và mô tả từng ảnh ở bảng bên dưới sau khi lưu."
        ),
    )
    uploads_caption = forms.CharField(
        label="Chú thích chung cho các ảnh thêm", max_length=300, required=False
    )
    uploads_alt = forms.CharField(
        label="Mô tả chung cho các ảnh thêm (cho người khiếm thị)",
        max_length=300,
        required=False,
        help_text="Để trống: “Ảnh 1 trong album …”, “Ảnh 2 …”, sửa được từng ảnh sau.",
    )

    class Meta:
        model = Album
        fields = ["title", "slug", "description", "taken_on", "is_published", "published_at"]


class VideoForm(forms.ModelForm):
    link = forms.CharField(
        label="Liên kết video",
        required=False,
        max_length=200,
        help_text=(
            "YouTube (youtube.com/watch?v=…, youtu.be/…, /shorts/…) hoặc Vimeo "
            "(vimeo.com/…). Trang chỉ nhúng trình phát của YouTube/Vimeo ở chế độ riêng tư "
            "sau khi người xem bấm phát."
        ),
    )

    class Meta:
        model = Video
        fields = [
            "title", "slug", "description", "source", "file", "link", "poster", "poster_alt",
            "featured", "is_published", "published_at",
        ]  # fmt: skip
        help_texts = {
            "poster": "Bắt buộc với video tải lên; ảnh được xử lý như ảnh đại diện bài viết.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            f"MP4 hoặc WebM, đuôi tệp đúng với nội dung, tối đa {settings.VIDEO_MAX_MB} MB. "
            "Nên nén ở độ phân giải 720p để xem nhanh trên điện thoại."
        )
        self.fields["file"].widget.attrs["accept"] = "video/mp4,video/webm"

    def clean_link(self) -> str:
        link = self.cleaned_data["link"].strip()
        if link and "://" not in link and not link.lower().startswith(("javascript:", "data:")):
            link = f"https://{link}"  # typed without its scheme, as browsers allow
        if link and self.cleaned_data.get("source") != Video.Source.FILE:
            parse_link(link)  # a Vietnamese message naming the host it refuses
        return link

    def _post_clean(self):
        super()._post_clean()
        try:
            check_video(self.instance)
        except ValidationError as error:
            # A field already refused says why once.
            fresh = {
                field: messages
                for field, messages in error.message_dict.items()
                if field not in self.errors
            }
            if fresh:
                self._update_errors(ValidationError(fresh))
