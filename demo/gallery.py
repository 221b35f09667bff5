"""The demonstration gallery: an album of the demo's own pictures and one video.

The album's photos are the drawn landscapes of the demo articles (``demo.covers``) and
still lifes of its OCOP products (``demo.product_photos``), stored as an editor's uploads
are. The video is a 10-second slideshow of those pictures marked "VIDEO MINH HỌA" (H.264
in MP4, which phones play; ``demo/media/video-minh-hoa.mp4``, 66 KB, made once with ffmpeg
and kept in the repository so that no tool is needed to load it). Both are attached to the
first demo article. Running it again changes nothing.
"""

from pathlib import Path
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

import demo.building.ocop as ocop_demo
import demo.news as news_demo
from demo.covers import cover_alt
from demo.news_content import SEED_ARTICLES
from demo.product_photos import PICTURES, photo_seed
from news.gallery.services import save_video, store_photo
from news.models import Album, Article, Photo, Video
from news.slugs import slug_from_title

VIDEO_FILE = Path(__file__).resolve().parent / "media" / "video-minh-hoa.mp4"
ALBUM_TITLE = "Hợp tác xã Nam Định qua ảnh"
VIDEO_TITLE = "Video minh họa: đồng quê và sản phẩm hợp tác xã"
# (seed of a drawn landscape, caption), then (product picture, caption).
LANDSCAPES = (
    (3, "Cánh đồng lúa của hợp tác xã nông nghiệp vào vụ"),
    (11, "Làng quê bên sông, nơi các tổ hợp tác làm nghề"),
    (19, "Mùa gặt trên cánh đồng mẫu lớn"),
    (29, "Đồng muối ven biển của hợp tác xã diêm nghiệp"),
    (41, "Chiều trên cánh đồng liên kết sản xuất"),
)
PRODUCTS = (
    ("rice", "Gạo đặc sản của hợp tác xã, sản phẩm OCOP"),
    ("basket", "Sản phẩm cói và mây tre đan của làng nghề"),
    ("clams", "Ngao của hợp tác xã thủy sản ven biển"),
)


def _first_article() -> Article | None:
    return Article.objects.filter(slug=slug_from_title(SEED_ARTICLES[0]["title"])).first()


@transaction.atomic
def load_gallery_demo(*, stdout: TextIO | None = None) -> bool:
    """Add the demo album and video; False if they are already there."""
    album_slug, video_slug = slug_from_title(ALBUM_TITLE), slug_from_title(VIDEO_TITLE)
    if Album.objects.filter(slug=album_slug).exists():
        if stdout:
            stdout.write("Thư viện ảnh mẫu đã có; không thay đổi gì.\n")
        return False
    now = timezone.now().replace(second=0, microsecond=0)
    album = Album.objects.create(
        title=ALBUM_TITLE,
        slug=album_slug,
        description=(
            "Ảnh minh họa của cổng thông tin mẫu: đồng ruộng, làng nghề và sản phẩm của các "
            "hợp tác xã trong tỉnh."
        ),
        taken_on=now.date(),
        is_published=True,
        published_at=now,
    )
    order = 0
    for seed, caption in LANDSCAPES:
        order += 1
        upload = ContentFile(news_demo.cover_image(seed), name=f"canh-dong-{seed}.jpg")
        photo = Photo(album=album, caption=caption, alt=cover_alt(seed), order=order)
        store_photo(photo=photo, upload=upload)
    for picture, caption in PRODUCTS:
        order += 1
        data = ocop_demo.product_photo(picture, photo_seed(picture))
        alt = f"Ảnh minh họa: {PICTURES[picture]}"
        photo = Photo(album=album, caption=caption, alt=alt, order=order)
        store_photo(photo=photo, upload=ContentFile(data, name=f"san-pham-{picture}.jpg"))
    video = Video(
        title=VIDEO_TITLE,
        slug=video_slug,
        description=(
            "Video minh họa của cổng thông tin mẫu (10 giây, không có tiếng): một trình chiếu "
            "ảnh đồng quê và sản phẩm hợp tác xã, để thử trình phát video trên điện thoại và "
            "máy tính."
        ),
        source=Video.Source.FILE,
        file=ContentFile(VIDEO_FILE.read_bytes(), name="video-minh-hoa.mp4"),
        poster=ContentFile(news_demo.cover_image(3, 1280, 720), name="video-minh-hoa.jpg"),
        poster_alt="Ảnh minh họa: cánh đồng lúa, khung hình đầu của video",
        featured=True,
        is_published=True,
        published_at=now,
    )
    save_video(video=video)
    article = _first_article()
    if article is not None and not (article.album_id or article.video_id):
        article.album, article.video = album, video
        article.save(update_fields=["album", "video"])
    if stdout:
        title = SEED_ARTICLES[0]["title"]
        stdout.write(f"Đã tạo album ảnh mẫu ({order} ảnh) và 1 video mẫu, gắn vào bài “{title}”.\n")
    return True
