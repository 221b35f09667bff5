"""The galleries in Chromium on a phone and a desktop: an album's viewer with and without
JavaScript, an uploaded video playing, and a host's video embedded only after its click."""

from django.core.files.uploadedfile import SimpleUploadedFile

from demo.gallery import VIDEO_FILE
from news.gallery.services import add_photos, save_video
from news.models import Album, Video
from testing import news_factories as f
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.roles import clear_caches

SIZES = {"dien-thoai": (375, 812), "may-tinh": (1366, 768)}
COLORS = ((40, 120, 60), (200, 150, 40), (60, 90, 170))
MP4 = VIDEO_FILE.read_bytes()  # the demo's own video: 10 s, H.264


class GalleryInBrowserTests(f.TemporaryMedia, AccessibilityMixin, BrowserTestCase):
    def setUp(self):
        clear_caches()
        self.album = Album.objects.create(title="Ngày hội HTX", is_published=True)
        uploads = [f.image_file(f"anh-{n}.jpg", size=(640, 420), color=c)
                   for n, c in enumerate(COLORS)]  # fmt: skip
        add_photos(album=self.album, uploads=uploads, caption="Gian hàng của các HTX")
        self.file = save_video(video=Video(
            title="Video minh họa", source=Video.Source.FILE, is_published=True,
            file=SimpleUploadedFile("minh-hoa.mp4", MP4), poster_alt="Cánh đồng",
            poster=f.image_file("poster.jpg", size=(640, 360)),
        ))  # fmt: skip
        self.link = save_video(video=Video(
            title="Phóng sự trên YouTube", link="https://youtu.be/dQw4w9WgXcQ", is_published=True,
        ))  # fmt: skip

    def open(self, width: int, height: int, *, javascript: bool = True):
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, locale="vi-VN",
            java_script_enabled=javascript,
        )  # fmt: skip
        self.addCleanup(context.close)
        # The host's player is never fetched in tests (offline): its address is enough.
        context.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
        page = context.new_page()
        page.violations = []
        page.on("console", lambda m: "Content Security Policy" in m.text
                and page.violations.append(m.text))  # fmt: skip
        return page

    def go(self, page, path: str, size: str) -> None:
        self.assertEqual(page.goto(f"{self.live_server_url}{path}").status, 200, path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, f"{path} scrolls sideways at {size}")

    def plays(self, page) -> bool:
        # Polled from here: wait_for_function evaluates a string, which the policy forbids.
        for _ in range(50):
            if page.evaluate("() => document.querySelector('video').currentTime > 0.3"):
                return True
            page.wait_for_timeout(100)
        return False

    def test_album_and_videos_on_a_phone_and_a_desktop(self):
        album_url = f"/thu-vien/album/{self.album.slug}/"
        link_url = f"/thu-vien/video/{self.link.slug}/"
        for size, (width, height) in SIZES.items():
            page = self.open(width, height)
            self.go(page, "/thu-vien/", size)
            self.screenshot(page, f"thu-vien-{size}")
            # The viewer: a dialog, arrows, Esc; focus goes back to the photo opened.
            self.go(page, album_url, size)
            self.screenshot(page, f"thu-vien-album-{size}")
            self.assert_accessible(page, f"{album_url} ({size})")
            page.locator("[data-viewer]").nth(1).click()
            dialog = page.locator("dialog.viewer")
            self.assertTrue(dialog.evaluate("d => d.open"))
            self.assertEqual(page.locator(".viewer-count").inner_text(), "Ảnh 2/3")
            self.assertEqual(dialog.locator("figcaption").inner_text(), "Gian hàng của các HTX")
            self.screenshot(page, f"thu-vien-xem-anh-{size}")
            page.keyboard.press("ArrowRight")
            self.assertEqual(page.locator(".viewer-count").inner_text(), "Ảnh 3/3")
            page.keyboard.press("ArrowRight")
            self.assertEqual(page.locator(".viewer-count").inner_text(), "Ảnh 1/3")
            page.keyboard.press("Escape")
            self.assertFalse(dialog.evaluate("d => d.open"))
            self.assertTrue(page.evaluate("document.activeElement.hasAttribute('data-viewer')"))
            # An uploaded video plays once clicked.
            self.go(page, f"/thu-vien/video/{self.file.slug}/", size)
            video = page.locator("video")
            video.click()
            self.assertTrue(self.plays(page), f"the uploaded video does not play at {size}")
            self.screenshot(page, f"thu-vien-video-{size}")
            # A host's video: nothing of the host before the click, its player after.
            self.go(page, link_url, size)
            self.assertEqual(page.locator("iframe").count(), 0)
            self.assert_accessible(page, f"{link_url} ({size})")
            page.get_by_role("link", name="Xem video").click()
            frame = page.locator("iframe")
            self.assertTrue(
                frame.get_attribute("src").startswith(
                    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
                )
            )
            self.assertNotIn("xem=1", page.url)  # played in place
            self.screenshot(page, f"thu-vien-video-youtube-{size}")
            self.assertEqual(page.violations, [])

    def test_without_javascript_photos_have_pages_and_the_player_a_link(self):
        page = self.open(375, 812, javascript=False)
        self.go(page, f"/thu-vien/album/{self.album.slug}/", "dien-thoai")
        page.locator("[data-viewer]").nth(1).click()
        page.wait_for_url(f"**/thu-vien/album/{self.album.slug}/anh/2/")
        self.assertIn("Gian hàng của các HTX", page.locator("figcaption").inner_text())
        page.get_by_role("link", name="Ảnh sau").click()
        page.wait_for_url("**/anh/3/")
        self.screenshot(page, "thu-vien-anh-khong-js-dien-thoai")
        self.go(page, f"/thu-vien/video/{self.link.slug}/", "dien-thoai")
        page.get_by_role("link", name="Xem video").click()
        page.wait_for_url("**?xem=1#trinh-phat")
        src = page.locator("iframe").get_attribute("src")
        self.assertTrue(src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"))
        self.assertEqual(page.violations, [])
