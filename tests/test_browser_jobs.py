"""The progress page of a background job in Chromium, on a phone and at 1366×768: its
script (no inline code: the strict Content Security Policy) follows the job and shows the
result, the page fits the screen and passes the accessibility check."""

from django.contrib.auth import get_user_model

from core.models import Job
from testing.browser import AccessibilityMixin, BrowserTestCase

SIZES = {"dien-thoai": (375, 812), "may-tinh": (1366, 768)}


class JobPageInBrowserTests(AccessibilityMixin, BrowserTestCase):
    def test_progress_then_result_on_a_phone_and_a_desktop(self):
        user = get_user_model().objects.create_user("canbo", password="x", is_staff=True)
        job = Job.objects.create(
            kind="import",
            title="Nhập tệp “so-lieu-6-thang-dau-nam-2025-toan-tinh.xlsx” (Số liệu định kỳ)",
            user=user,
            status=Job.Status.RUNNING,
            done=6_250,
            total=15_000,
            step="Đang ghi 15.000 dòng vào cơ sở dữ liệu",
        )
        errors = []
        for size, (width, height) in SIZES.items():
            page = self.new_page(user, width=width, height=height)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=6_250)
            response = page.goto(f"{self.live_server_url}{job.get_absolute_url()}")
            self.assertEqual(response.status, 200)
            self.assertEqual(page.locator("#tien-do").get_attribute("value"), "41")
            self.assertIn("6.250/15.000", page.content())
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0, f"the page scrolls sideways at {size}")
            self.screenshot(page, f"cong-viec-dang-chay-{size}")
            if size == "dien-thoai":  # the same page at either size: checked once
                self.assert_accessible(page, "job page")
            # The script asks for the state and updates the page in place.
            Job.objects.filter(pk=job.pk).update(done=9_000, step="Đang ghi lịch sử thay đổi")
            page.wait_for_selector("text=9.000/15.000", timeout=10_000)
            self.assertEqual(page.locator("#tien-do").get_attribute("value"), "60")
            self.assertEqual(
                page.locator(".htx-job-step").inner_text(), "Đang ghi lịch sử thay đổi"
            )
            # The job ends: the page reloads itself (meta refresh) and shows the result.
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.DONE,
                message="Đã nhập 15.000 dòng: 15.000 tạo mới, 0 cập nhật, 0 không thay đổi.",
                result_url="/quan-tri/",
            )
            page.wait_for_selector("text=Xem kết quả", timeout=10_000)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0, f"the result scrolls sideways at {size}")
            self.screenshot(page, f"cong-viec-xong-{size}")
            self.assertEqual([e for e in errors if "Content Security Policy" in e], [])
