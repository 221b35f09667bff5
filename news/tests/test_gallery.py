"""The galleries (/thu-vien/): albums, photos and videos, in the admin and on the pages."""

import datetime
import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from demo.gallery import VIDEO_FILE, load_gallery_demo
from news import counters
from news.gallery.services import add_photos, save_video
from news.gallery.videos import parse_link, sniff_video, validate_video_file
from news.models import Album, Photo, Video
from testing import news_factories as f
from testing.roles import RolesTestCase, clear_caches

MP4 = VIDEO_FILE.read_bytes()
DOCTYPE = b"\x42\x82\x84webm"
WEBM = (
    b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(DOCTYPE)]) + DOCTYPE + b"\x18\x53\x80\x67" + bytes(64)
)


def small_image(name="anh.jpg", color=(40, 120, 60), **save) -> SimpleUploadedFile:
    return f.image_file(name, size=(96, 64), color=color, **save)


def album(title="Ngày hội HTX", *, photos=1, live=True, **fields) -> Album:
    made = Album.objects.create(title=title, is_published=live, **fields)
    if photos:
        add_photos(album=made, uploads=[small_image(f"anh-{n}.jpg") for n in range(photos)])
    return made


def link_video(title="Phóng sự HTX", link="https://youtu.be/dQw4w9WgXcQ", live=True, **fields):
    return save_video(video=Video(title=title, link=link, is_published=live, **fields))


def file_video(title="Video HTX", live=True, **fields) -> Video:
    video = Video(
        title=title, source=Video.Source.FILE, file=SimpleUploadedFile("hoi-nghi.mp4", MP4),
        poster=small_image("poster.jpg"), poster_alt="Hội trường", is_published=live, **fields,
    )  # fmt: skip
    return save_video(video=video)


class VideoFileTests(SimpleTestCase):
    def test_mp4_and_webm_are_recognised_by_their_content(self):
        self.assertEqual(sniff_video(SimpleUploadedFile("a.mp4", MP4)), "mp4")
        self.assertEqual(sniff_video(SimpleUploadedFile("a.webm", WEBM)), "webm")
        self.assertEqual(validate_video_file(SimpleUploadedFile("Hội nghị.mp4", MP4)), "mp4")

    def test_a_fake_mp4_is_refused_by_name(self):
        for data in (b"day khong phai la video", b"\x00\x00\x00\x18ftypheic" + bytes(40),
                     MP4[: len(MP4) // 2], WEBM.replace(b"webm", b"mkvx")):  # fmt: skip
            with self.assertRaisesMessage(ValidationError, "Tệp “gia.mp4” không phải là video"):
                validate_video_file(SimpleUploadedFile("gia.mp4", data))

    def test_the_extension_must_match_the_content(self):
        with self.assertRaisesMessage(ValidationError, "có nội dung MP4 nhưng phần mở rộng là"):
            validate_video_file(SimpleUploadedFile("hoi-nghi.webm", MP4))
        with self.assertRaisesMessage(ValidationError, "hãy đặt tên tệp có đuôi “.webm”"):
            validate_video_file(SimpleUploadedFile("hoi-nghi.avi", WEBM))

    @override_settings(VIDEO_MAX_MB=1)
    def test_an_oversized_file_is_refused_with_its_size(self):
        heavy = SimpleUploadedFile("dai.mp4", MP4 + bytes(2**20))
        with self.assertRaisesMessage(ValidationError, "“dai.mp4” nặng 1,1 MB, vượt giới hạn 1 MB"):
            validate_video_file(heavy)


class VideoLinkTests(SimpleTestCase):
    def test_youtube_and_vimeo_addresses_give_host_and_id(self):
        youtube = ("youtube", "dQw4w9WgXcQ")
        for link, expected in (
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s", youtube),
            ("https://youtu.be/dQw4w9WgXcQ?si=abc", youtube),
            ("https://youtube.com/shorts/dQw4w9WgXcQ", youtube),
            ("https://m.youtube.com/embed/dQw4w9WgXcQ", youtube),
            ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", youtube),
            ("https://vimeo.com/76979871", ("vimeo", "76979871")),
            ("https://player.vimeo.com/video/76979871?h=8272103f6e",
             ("vimeo", "76979871:8272103f6e")),
        ):  # fmt: skip
            self.assertEqual(parse_link(link), expected, link)

    def test_other_hosts_and_schemes_are_refused_by_name(self):
        with self.assertRaisesMessage(
            ValidationError, "“video.example.com” không phải trang video"
        ):
            parse_link("https://video.example.com/watch?v=dQw4w9WgXcQ")
        with self.assertRaisesMessage(ValidationError, "phải bắt đầu bằng https://"):
            parse_link("javascript:alert(document.cookie)//youtube.com/watch?v=dQw4w9WgXcQ")
        with self.assertRaisesMessage(ValidationError, "Không tìm thấy mã video"):
            parse_link("https://www.youtube.com/watch?v=<script>")


class GalleryAdminTests(f.TemporaryMedia, RolesTestCase):
    def album_post(self, **extra) -> dict:
        data = {
            "title": "Đại hội HTX 2025", "slug": "", "description": "", "taken_on": "",
            "is_published": "on", "published_at_0": "01/07/2025", "published_at_1": "08:00:00",
            "uploads_caption": "", "uploads_alt": "",
            "photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0", "photos-MAX_NUM_FORMS": "1000",
        }  # fmt: skip
        return data | extra

    def test_news_staff_keep_albums_and_videos_area_staff_and_officials_do_not(self):
        for user, status in ((self.editor, 200), (self.alliance, 200), (self.area_officer, 403),
                             (self.official, 403)):  # fmt: skip
            self.client.force_login(user)
            for url in ("/quan-tri/news/album/add/", "/quan-tri/news/video/add/",
                        "/quan-tri/news/album/", "/quan-tri/news/video/"):  # fmt: skip
                self.assertEqual(self.client.get(url).status_code, status, (user, url))
        self.client.logout()
        self.assertEqual(self.client.get("/quan-tri/news/album/").status_code, 302)

    def test_many_photos_at_once_cleaned_sized_and_described(self):
        exif = Image.Exif()
        exif[0x8825] = {2: (21.0, 1.0, 0.0)}  # GPS latitude
        exif[0x010F] = "Máy ảnh"
        uploads = [small_image("gian-hang.jpg", exif=exif.tobytes()),
                   small_image("b.png", fmt="PNG"), small_image("c.jpg")]  # fmt: skip
        self.client.force_login(self.editor)
        response = self.client.post("/quan-tri/news/album/add/", self.album_post(uploads=uploads))
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        made = Album.objects.get(slug="dai-hoi-htx-2025")
        photos = list(made.photos.all())
        self.assertEqual(len(photos), 3)
        self.assertEqual([p.alt for p in photos][0], "Ảnh 1 trong album “Đại hội HTX 2025”")
        for photo in photos:
            self.assertTrue(photo.image_small and photo.image_card and photo.image_large)
            self.assertEqual((photo.width, photo.height), (96, 64))
            with Image.open(photo.image.path) as stored:
                self.assertFalse(stored.getexif(), photo.image.name)
        self.assertIn('width="96" height="64"', self.client.get(f"/thu-vien/album/{made.slug}/")
                      .content.decode())  # fmt: skip

    def test_a_bad_file_among_the_uploads_is_named_and_nothing_is_added(self):
        self.client.force_login(self.alliance)
        uploads = [small_image("tot.jpg"), SimpleUploadedFile("gia-mao.jpg", b"<?php echo 1;")]
        response = self.client.post("/quan-tri/news/album/add/", self.album_post(uploads=uploads))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tệp “gia-mao.jpg” không phải là ảnh hợp lệ")
        self.assertFalse(Photo.objects.exists())

    def test_a_huge_caption_is_refused(self):
        made = album(photos=1)
        photo = made.photos.get()
        self.client.force_login(self.editor)
        data = self.album_post(
            title=made.title, slug=made.slug,
            **{"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1", "photos-0-id": photo.pk,
               "photos-0-album": made.pk, "photos-0-caption": "<b>x</b>" * 5000,
               "photos-0-alt": "Ảnh", "photos-0-order": "1"},
        )  # fmt: skip
        response = self.client.post(f"/quan-tri/news/album/{made.pk}/change/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "tối đa 300 kí tự")
        photo.refresh_from_db()
        self.assertEqual(photo.caption, "")

    def video_post(self, **extra) -> dict:
        data = {
            "title": "Phóng sự HTX", "slug": "", "description": "", "source": "link", "link": "",
            "poster_alt": "", "is_published": "on", "published_at_0": "01/07/2025",
            "published_at_1": "08:00:00",
        }  # fmt: skip
        return data | extra

    def test_video_hostile_input_is_refused_with_a_message_naming_it(self):
        self.client.force_login(self.editor)
        cases = (
            ({"link": "https://evil.example.net/v/1"}, "“evil.example.net” không phải trang video"),
            ({"link": "javascript:alert(1)"}, "phải bắt đầu bằng https://"),
            ({"source": "file", "file": SimpleUploadedFile("gia.mp4", b"MZ\x90\x00 khong")},
             "Tệp “gia.mp4” không phải là video MP4 hoặc WebM"),
            ({"source": "file", "file": SimpleUploadedFile("that.mp4", MP4)},
             "Video tải lên cần ảnh đại diện"),
            ({"source": "file", "file": SimpleUploadedFile("that.mov", MP4),
              "poster": small_image(), "poster_alt": "Ảnh"}, "phần mở rộng là “.mov”"),
        )  # fmt: skip
        for extra, message in cases:
            response = self.client.post("/quan-tri/news/video/add/", self.video_post(**extra))
            self.assertEqual(response.status_code, 200, extra)
            self.assertContains(response, message)
        self.assertFalse(Video.objects.exists())

    def test_a_link_or_a_file_with_its_poster_is_saved(self):
        self.client.force_login(self.alliance)
        response = self.client.post(
            "/quan-tri/news/video/add/", self.video_post(link="youtube.com/shorts/dQw4w9WgXcQ")
        )
        self.assertEqual(response.status_code, 302)
        video = Video.objects.get()
        self.assertEqual((video.host, video.host_id), ("youtube", "dQw4w9WgXcQ"))
        response = self.client.post("/quan-tri/news/video/add/", self.video_post(
            title="Tệp", source="file", file=SimpleUploadedFile("hop.mp4", MP4),
            poster=small_image(), poster_alt="Hội trường"))  # fmt: skip
        self.assertEqual(response.status_code, 302)
        made = Video.objects.get(title="Tệp")
        self.assertEqual(made.file_type, "mp4")
        self.assertTrue(made.poster_small and made.poster_width)

    def test_admin_lists_do_not_grow_with_rows(self):
        self.client.force_login(self.editor)
        urls = ("/quan-tri/news/album/", "/quan-tri/news/video/")

        def count(url):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200, url)
            return len(queries)

        album("Một", photos=1)
        link_video("Một")
        few = {url: count(url) for url in urls}
        for n in range(4):
            album(f"Thêm {n}", photos=2)
            link_video(f"Thêm {n}", link=f"https://vimeo.com/{n + 1}")
        self.assertEqual({url: count(url) for url in urls}, few)

    def test_articles_choose_an_album_and_a_video(self):
        self.client.force_login(self.editor)
        page = self.client.get("/quan-tri/news/article/add/")
        self.assertContains(page, 'name="album"')
        self.assertContains(page, 'name="video"')


class PublicGalleryTests(f.TemporaryMedia, RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.album = album("Hội chợ OCOP", photos=3)
        cls.hidden = album("Album ẩn", photos=1, live=False)
        later = timezone.now() + datetime.timedelta(days=2)
        cls.scheduled = album("Album hẹn giờ", photos=1, published_at=later)
        cls.empty = album("Album chưa có ảnh", photos=0)
        cls.youtube = link_video()
        cls.vimeo = link_video("Vimeo HTX", "https://vimeo.com/76979871")
        cls.file = file_video()
        cls.draft_video = link_video("Video nháp", live=False)

    def setUp(self):
        clear_caches()

    def test_the_home_page_shows_the_featured_video_once_published(self):
        self.assertNotContains(self.client.get("/"), 'id="video-noi-bat"')
        Video.objects.filter(pk=self.draft_video.pk).update(featured=True)
        clear_caches()
        self.assertNotContains(self.client.get("/"), 'id="video-noi-bat"')  # not published
        featured = Video.objects.get(pk=self.file.pk)
        featured.featured = True
        featured.save()
        home = self.client.get("/")
        self.assertContains(
            home, f'<a class="home-video-card" href="/thu-vien/video/{featured.slug}/">'
        )
        self.assertContains(home, 'alt="Hội trường"')

    def test_lists_and_sitemap_show_only_what_is_published(self):
        index = self.client.get("/thu-vien/").content.decode()
        sitemap = self.client.get("/sitemap-thu-vien.xml").content.decode()
        for shown in (self.album, self.youtube, self.vimeo, self.file):
            self.assertIn(shown.slug, index)
            self.assertIn(shown.slug, sitemap)
        for hidden in (self.hidden, self.scheduled, self.empty, self.draft_video):
            self.assertNotIn(hidden.slug, index)
            self.assertNotIn(hidden.slug, sitemap)
        self.assertIn("/sitemap-thu-vien.xml", self.client.get("/sitemap.xml").content.decode())
        videos = self.client.get("/thu-vien/?loai=video").content.decode()
        self.assertNotIn(self.album.slug, videos)
        self.assertEqual(self.client.get("/thu-vien/?loai=<script>").status_code, 404)

    def test_unpublished_is_404_for_visitors_and_previewed_by_news_staff(self):
        urls = [f"/thu-vien/album/{self.hidden.slug}/", f"/thu-vien/album/{self.scheduled.slug}/",
                f"/thu-vien/album/{self.hidden.slug}/anh/1/",
                f"/thu-vien/video/{self.draft_video.slug}/"]  # fmt: skip
        for user, status in ((None, 404), (self.area_officer, 404), (self.official, 404),
                             (self.editor, 200), (self.alliance, 200)):  # fmt: skip
            self.client.logout()
            if user:
                self.client.force_login(user)
            for url in urls:
                response = self.client.get(url)
                self.assertEqual(response.status_code, status, (user, url))
                if status == 200:
                    self.assertContains(response, "Bản xem trước")
                    self.assertIn("no-store", response["Cache-Control"])

    def test_a_photo_has_its_own_page_with_previous_next_and_caption(self):
        photo = self.album.photos.all()[1]
        photo.caption = "Gian hàng gạo"
        photo.save()
        page = self.client.get(f"/thu-vien/album/{self.album.slug}/anh/2/")
        self.assertContains(page, "Gian hàng gạo")
        self.assertContains(page, f'href="/thu-vien/album/{self.album.slug}/anh/1/"')
        self.assertContains(page, f'href="/thu-vien/album/{self.album.slug}/anh/3/"')
        self.assertContains(page, 'width="96" height="64"')
        self.assertContains(page, 'property="og:image"')
        for number in (0, 4, 99999999999):
            url = f"/thu-vien/album/{self.album.slug}/anh/{number}/"
            self.assertEqual(self.client.get(url).status_code, 404, url)
        grid = self.client.get(f"/thu-vien/album/{self.album.slug}/")
        self.assertContains(grid, "data-viewer data-src", count=3)
        self.assertContains(grid, "<dialog", count=1)
        self.assertContains(grid, "/static/js/gallery.js")

    def frame_src(self, response) -> str:
        policy = response["Content-Security-Policy"]
        return next(p.strip() for p in policy.split(";") if p.strip().startswith("frame-src"))

    def test_a_host_is_embedded_after_the_click_and_framed_on_its_page_only(self):
        url = f"/thu-vien/video/{self.youtube.slug}/"
        page = self.client.get(url)
        self.assertNotContains(page, "<iframe")
        self.assertContains(page, f'href="{url}?xem=1#trinh-phat"')
        self.assertEqual(self.frame_src(page), "frame-src https://www.youtube-nocookie.com")
        again = self.client.get(url)  # from the visitors' cache, with the same policy
        self.assertEqual(self.frame_src(again), "frame-src https://www.youtube-nocookie.com")
        played = self.client.get(url + "?xem=1")
        self.assertContains(
            played, '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
        )
        self.assertNotContains(played, "youtube.com/embed")
        vimeo = self.client.get(f"/thu-vien/video/{self.vimeo.slug}/?xem=1")
        self.assertContains(vimeo, "https://player.vimeo.com/video/76979871?dnt=1")
        self.assertEqual(self.frame_src(vimeo), "frame-src https://player.vimeo.com")
        for other in ("/thu-vien/", f"/thu-vien/video/{self.file.slug}/",
                      f"/thu-vien/album/{self.album.slug}/"):  # fmt: skip
            self.assertEqual(self.frame_src(self.client.get(other)), "frame-src 'none'", other)

    def test_an_uploaded_video_plays_in_the_page_with_its_poster(self):
        page = self.client.get(f"/thu-vien/video/{self.file.slug}/")
        self.assertContains(page, f'<source src="{self.file.file.url}" type="video/mp4">')
        self.assertContains(page, f'poster="{self.file.poster_large.url}"')
        self.assertContains(page, 'property="og:video"')

    def test_the_article_shows_its_album_and_video_only_when_published(self):
        article = f.article("Bài có album", album=self.album, video=self.youtube)
        page = self.client.get(article.get_absolute_url())
        self.assertContains(page, f"/thu-vien/album/{self.album.slug}/anh/3/")
        self.assertContains(page, "?xem=1#trinh-phat")
        self.assertEqual(self.frame_src(page), "frame-src https://www.youtube-nocookie.com")
        hidden = f.article("Bài có album ẩn", album=self.hidden, video=self.draft_video)
        page = self.client.get(hidden.get_absolute_url())
        self.assertNotContains(page, "/thu-vien/album/")  # the menu's /thu-vien/ only
        self.assertNotContains(page, "/thu-vien/video/")
        self.assertEqual(self.frame_src(page), "frame-src 'none'")

    def test_a_change_shows_at_once_to_visitors(self):
        self.assertNotContains(self.client.get("/thu-vien/"), "Album ẩn")
        Album.objects.filter(pk=self.hidden.pk).update(is_published=True)
        self.hidden.refresh_from_db()
        self.hidden.save()  # as the admin saves it: the news data version moves on
        self.assertContains(self.client.get("/thu-vien/"), "Album ẩn")

    def count(self, url: str) -> int:
        clear_caches()
        counters.discard()
        self.client.cookies.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200, url)
        return len(queries)

    def test_query_counts_do_not_grow_with_albums_photos_and_videos(self):
        urls = ["/thu-vien/", "/thu-vien/?loai=album", "/thu-vien/?loai=video",
                "/sitemap-thu-vien.xml", f"/thu-vien/album/{self.album.slug}/",
                f"/thu-vien/album/{self.album.slug}/anh/2/"]  # fmt: skip
        self.count("/thu-vien/")  # the day's visit row exists from here on
        few = {url: self.count(url) for url in urls}
        for n in range(4):
            album(f"Album thêm {n}", photos=2)
            link_video(f"Video thêm {n}")
        add_photos(album=self.album, uploads=[small_image(f"them-{n}.jpg") for n in range(3)])
        self.assertEqual({url: self.count(url) for url in urls}, few)


class RangeRequestTests(f.TemporaryMedia, TestCase):
    def setUp(self):
        folder = Path(settings.MEDIA_ROOT) / "thu-vien" / "video"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "phim.mp4").write_bytes(MP4)
        self.url = "/media/thu-vien/video/phim.mp4"

    def body(self, response) -> bytes:
        return b"".join(response.streaming_content)

    def test_a_part_is_answered_with_206_and_its_range(self):
        response = self.client.get(self.url, headers={"Range": "bytes=100-199"})
        self.assertEqual(response.status_code, 206)
        self.assertEqual(response["Content-Range"], f"bytes 100-199/{len(MP4)}")
        self.assertEqual(response["Content-Length"], "100")
        self.assertEqual(self.body(response), MP4[100:200])
        self.assertEqual(response["Content-Type"], "video/mp4")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        tail = self.client.get(self.url, headers={"Range": "bytes=-10"})
        self.assertEqual(self.body(tail), MP4[-10:])
        rest = self.client.get(self.url, headers={"Range": f"bytes={len(MP4) - 5}-"})
        self.assertEqual(self.body(rest), MP4[-5:])

    def test_a_range_past_the_end_is_416_and_nonsense_gets_the_whole_file(self):
        response = self.client.get(self.url, headers={"Range": f"bytes={len(MP4)}-"})
        self.assertEqual(response.status_code, 416)
        self.assertEqual(response["Content-Range"], f"bytes */{len(MP4)}")
        for header in ("bytes=abc", "bytes=0-1,5-9", "items=0-10", "bytes=9-2"):
            whole = self.client.get(self.url, headers={"Range": header})
            self.assertEqual(whole.status_code, 200, header)
            self.assertEqual(whole["Accept-Ranges"], "bytes")
            self.assertEqual(self.body(whole), MP4)


class DemoGalleryTests(f.TemporaryMedia, TestCase):
    def test_the_demo_album_and_playable_video_load_once(self):
        out = io.StringIO()
        self.assertTrue(load_gallery_demo(stdout=out))
        self.assertFalse(load_gallery_demo(stdout=out))
        self.assertEqual(Album.objects.get().photos.count(), 8)
        video = Video.objects.get()
        self.assertTrue(video.featured and video.is_published and video.poster_small)
        self.assertEqual(sniff_video(video.file), "mp4")
        self.assertLess(len(MP4), 1_000_000)
        response = self.client.get(video.file.url, headers={"Range": "bytes=0-1023"})
        self.assertEqual(response.status_code, 206)
