"""A reader asks a question from a 375 px phone, staff answer and publish it in the admin
on a 1366 px screen, the reader gets the mail and reads the answer on the phone."""

import re

from captcha.models import CaptchaStore
from django.core import mail
from django.core.cache import cache

from cooperatives.services import set_role
from core.roles import EDITOR
from news.models import Question
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.readers import question, topic

PHONE, DESKTOP = (375, 812), (1366, 768)
TITLE = "Tổ hợp tác có được vay vốn Quỹ hỗ trợ phát triển HTX không?"


class AskingFromAPhoneTests(AccessibilityMixin, BrowserTestCase):
    def setUp(self):
        cache.clear()
        question("Cần bao nhiêu thành viên để thành lập hợp tác xã?", topic=topic("san-pham-ocop"))
        self.editor, _ = set_role(username="bientap_hoidap", role=EDITOR)

    def no_sideways_scroll(self, page, what: str) -> None:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, f"{what} scrolls sideways")

    def wait_until(self, page, condition: str, seconds: float = 5) -> None:
        """Poll ``condition`` (page.wait_for_function evaluates a string: the CSP forbids)."""
        for _ in range(int(seconds * 20)):
            if page.evaluate(f"() => Boolean({condition})"):
                return
            page.wait_for_timeout(50)
        self.fail(f"Still false after {seconds} s: {condition}")

    def test_a_question_from_a_phone_to_its_published_answer(self):
        phone = self.new_page(width=PHONE[0], height=PHONE[1])
        phone.goto(f"{self.live_server_url}/hoi-dap/")
        self.screenshot(phone, "hoi-dap-danh-sach-dien-thoai")
        phone.get_by_role("link", name="Gửi câu hỏi").first.click()
        phone.wait_for_url("**/hoi-dap/gui-cau-hoi/")
        self.no_sideways_scroll(phone, "the form")
        self.assert_accessible(phone, "/hoi-dap/gui-cau-hoi/ (375 px)")
        # The honeypot is out of sight and out of the accessibility tree.
        box = phone.locator("#id_website").bounding_box()
        self.assertLessEqual(box["x"] + box["width"], 0)
        self.assertEqual(phone.get_by_role("textbox", name="Trang web (để trống)").count(), 0)
        phone.get_by_label("Họ và tên").fill("Hoàng Văn Sơn")
        phone.get_by_label("Email (không bắt buộc)").fill("hoang.son@example.com")
        phone.get_by_label("Lĩnh vực").select_option(label="Tài chính, tín dụng")
        phone.get_by_label("Tiêu đề câu hỏi").fill(TITLE)
        phone.get_by_label("Nội dung câu hỏi").fill(
            "Tổ hợp tác của chúng tôi có 4 thành viên nuôi ong. Xin hỏi có được vay vốn không?"
        )
        # "Đổi ảnh khác" gives a new image (static/news/captcha.js, under the CSP).
        first_key = phone.locator("#id_captcha_0").input_value()
        phone.get_by_role("button", name="Đổi ảnh khác").click()
        self.wait_until(phone, f"document.querySelector('#id_captcha_0').value !== '{first_key}'")
        self.wait_until(
            phone, "(i => i.complete && i.naturalWidth > 0)(document.querySelector('img.captcha'))"
        )
        # First a wrong answer: refused in Vietnamese, what was typed is kept.
        phone.get_by_label("Mã xác nhận").fill("SAI")
        phone.get_by_role("button", name="Gửi câu hỏi").click()
        self.assertIn("Mã xác nhận không đúng hoặc đã hết hạn", phone.content())
        self.assertEqual(phone.get_by_label("Tiêu đề câu hỏi").input_value(), TITLE)
        key = phone.locator("#id_captcha_0").input_value()
        answer = CaptchaStore.objects.get(hashkey=key).response
        phone.get_by_label("Mã xác nhận").fill(answer.upper())
        self.screenshot(phone, "hoi-dap-gui-cau-hoi-dien-thoai")
        phone.get_by_role("button", name="Gửi câu hỏi").click()
        phone.wait_for_url("**/gui-cau-hoi/da-gui/")
        self.assertIn("Cảm ơn bạn đã gửi câu hỏi", phone.content())
        self.screenshot(phone, "hoi-dap-da-gui-dien-thoai")
        asked = Question.objects.get(title=TITLE)
        self.assertFalse(asked.is_published)

        # Staff answer and publish it in the admin.
        desk = self.new_page(user=self.editor, width=DESKTOP[0], height=DESKTOP[1])
        desk.goto(f"{self.live_server_url}/quan-tri/news/question/?tinh_trang=chua-tra-loi")
        desk.get_by_role("link", name=TITLE).click()
        self.assertNotIn("hoang.son@example.com", desk.content())  # editors: masked
        desk.get_by_label("Trả lời:").fill(
            "Liên minh HTX tỉnh trả lời bạn như sau: Quỹ cho tổ hợp tác vay vốn theo quy định."
        )
        desk.get_by_label("Công khai câu hỏi và trả lời").check()
        self.screenshot(desk, "hoi-dap-quan-tri-tra-loi-may-tinh")
        desk.get_by_role("button", name="Lưu lại", exact=True).click()
        desk.wait_for_url(re.compile(r"/quan-tri/news/question/(\?.*)?$"))
        self.assertIn("Thư báo câu trả lời sẽ được gửi tới người hỏi.", desk.content())
        self.assertIn("Đã công khai", desk.content())

        # The mail arrives, with the link to the published answer.
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["hoang.son@example.com"])
        link = re.search(r"https?://\S+/hoi-dap/\d+/", mail.outbox[0].body).group(0)
        self.assertTrue(link.endswith(f"/hoi-dap/{asked.pk}/"))

        # The reader finds it on the phone: in the list, then the answer.
        phone.goto(f"{self.live_server_url}/hoi-dap/")
        phone.get_by_role("link", name=TITLE).click()
        self.assertIn("Quỹ cho tổ hợp tác vay vốn theo quy định.", phone.content())
        self.assertIn("Hoàng Văn Sơn", phone.content())
        self.assertNotIn("hoang.son@example.com", phone.content())
        self.no_sideways_scroll(phone, "the answer")
        self.assert_accessible(phone, "the answer (375 px)")
        self.screenshot(phone, "hoi-dap-tra-loi-dien-thoai")
        desk.goto(f"{self.live_server_url}/hoi-dap/{asked.pk}/")
        self.screenshot(desk, "hoi-dap-tra-loi-may-tinh")
        desk.goto(f"{self.live_server_url}/hoi-dap/")
        self.assert_accessible(desk, "/hoi-dap/ (1366 px)")
        self.screenshot(desk, "hoi-dap-danh-sach-may-tinh")
