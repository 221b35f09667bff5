"""The galleries' writes: photos stored as article covers are, and videos checked and
stored with their poster."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core import images
from core.lib.text import nfc
from news.gallery.videos import parse_link, validate_video_file
from news.models import Album, Photo, Video

# Most photos one upload of the album form may add (a browser sends them in one request).
MAX_PHOTOS_AT_ONCE = 50


def photo_needs_storing(photo: Photo) -> bool:
    """Whether ``photo``'s image is a new upload, or a stored one without its sizes."""
    if not photo.image:
        return False
    return not getattr(photo.image, "_committed", True) or not photo.image_small


def default_alt(album: Album, number: int) -> str:
    """The description a photo gets when its uploader gave none: the album and its place."""
    return f"Ảnh {number} trong album “{album.title}”"[:300]


@transaction.atomic
def store_photo(*, photo: Photo, upload) -> Photo:
    """Make ``upload`` the picture of ``photo`` and save it: upright, without metadata
    (EXIF, GPS position, comments), in three WebP sizes (``core.images``), its size kept
    so that pages reserve its box."""
    photo.caption, photo.alt = nfc(photo.caption).strip(), nfc(photo.alt).strip()
    photo.width, photo.height = images.store_with_sizes(
        upload, photo.image, photo.image_small, photo.image_card, photo.image_large
    )
    photo.full_clean(exclude=["image"])  # checked as it arrived (validate_image)
    photo.save()
    return photo


@transaction.atomic
def add_photos(*, album: Album, uploads: Iterable, alt: str = "", caption: str = "") -> list:
    """Add ``uploads`` to ``album`` after its photos, each checked (``validate_image``)
    and stored as ``store_photo`` does; ``alt`` and ``caption`` are given to each (the
    alt, when empty, says which photo of the album it is)."""
    uploads = list(uploads)
    if len(uploads) > MAX_PHOTOS_AT_ONCE:
        raise ValidationError(
            f"Mỗi lần tải lên tối đa {MAX_PHOTOS_AT_ONCE} ảnh; đã chọn {len(uploads)} ảnh."
        )
    for upload in uploads:
        images.validate_image(upload)
    last = album.photos.aggregate(last=Max("order"))["last"] or 0
    count = album.photos.count()
    added = []
    for index, upload in enumerate(uploads, start=1):
        photo = Photo(
            album=album,
            caption=caption,
            alt=alt or default_alt(album, count + index),
            order=last + index,
        )
        added.append(store_photo(photo=photo, upload=upload))
    return added


def check_video(video: Video) -> None:
    """Raise a Vietnamese ValidationError (by field) when ``video`` cannot be shown:
    a file video needs an MP4 or WebM file and a poster, a link video a YouTube or Vimeo
    address."""
    errors = {}
    if video.source == Video.Source.FILE:
        if not video.file:
            errors["file"] = "Hãy chọn tệp video (MP4 hoặc WebM)."
        else:
            try:
                validate_video_file(video.file)
            except ValidationError as error:
                errors["file"] = error.messages
        if not video.poster:
            errors["poster"] = "Video tải lên cần ảnh đại diện (hiện trước khi bấm xem)."
    else:
        if not video.link:
            errors["link"] = "Hãy nhập liên kết video YouTube hoặc Vimeo."
        else:
            try:
                parse_link(video.link)
            except ValidationError as error:
                errors["link"] = error.messages
    if video.poster and not video.poster_alt.strip():
        errors["poster_alt"] = "Hãy mô tả ảnh đại diện cho người khiếm thị."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_video(*, video: Video) -> Video:
    """Check ``video`` (``check_video``), keep only its own source (a file or a link),
    store a new poster as covers are, and save it."""
    check_video(video)
    if video.source == Video.Source.FILE:
        video.file_type = validate_video_file(video.file)
        video.link, video.host, video.host_id = "", "", ""
    else:
        video.host, video.host_id = parse_link(video.link)
        video.file, video.file_type = "", ""
    video.poster_alt = nfc(video.poster_alt).strip()
    if video.poster and (not getattr(video.poster, "_committed", True) or not video.poster_small):
        video.poster_width, video.poster_height = images.store_with_sizes(
            video.poster, video.poster, video.poster_small, video.poster_card, video.poster_large
        )
    elif not video.poster:
        video.poster_small = video.poster_card = video.poster_large = ""
        video.poster_width = video.poster_height = None
    video.save()
    return video
