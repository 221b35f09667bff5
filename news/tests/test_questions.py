"""Readers' questions (/hoi-dap/): the public pages, the form and its defences, staff's
side in the admin, the answer's mail, and the asker's personal data."""

import datetime
import io
import json
from unittest import mock

from captcha.models import CaptchaStore
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from news.models import Comment, Question
from news.questions import services
from testing import news_factories as news_f
from testing.audit import database_state
from testing.readers import EMAIL, PHONE, captcha, question, topic
from testing.roles import RolesTestCase, clear_caches

ASK = "/hoi-dap/gui-cau-hoi/"


def asked(**fields) -> dict:
    data = {
        "name": "Nguyễn Văn Hùng", "email": "", "phone": "", "topic": topic().pk,
        "title": "Vay vốn Quỹ hỗ trợ phát triển HTX", "website": "",
        "text": "Hợp tác xã chúng tôi muốn vay vốn để mua máy, cần điều kiện gì?",
    }  # fmt: skip
    data.update(captcha())
    data.update(fields)
    return data


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.loan = question(
            "Vốn vay ưu đãi cho HTX", email=EMAIL, phone=PHONE, name="Trần Thị Bảo Ngọc"
        )
        cls.ocop = question("Đăng ký sản phẩm OCOP", topic=topic("san-pham-ocop"))
        cls.hidden = question("Câu hỏi đã trả lời chưa công khai", published=False)
        cls.waiting = question("Câu hỏi chưa trả lời", answer="")

    def setUp(self):
        clear_caches()

    def test_the_list_shows_published_answers_only(self):
        page = self.client.get("/hoi-dap/")
        self.assertContains(page, "Vốn vay ưu đãi cho HTX")
        self.assertContains(page, "Đăng ký sản phẩm OCOP")
        self.assertNotContains(page, "chưa công khai")
        self.assertNotContains(page, "Câu hỏi chưa trả lời")
        for other in (self.hidden, self.waiting):
            self.assertEqual(self.client.get(f"/hoi-dap/{other.pk}/").status_code, 404)

    def test_published_without_an_answer_is_never_shown(self):
        Question.objects.filter(pk=self.waiting.pk).update(is_published=True)
        self.assertEqual(self.client.get(f"/hoi-dap/{self.waiting.pk}/").status_code, 404)
        self.assertNotContains(self.client.get("/hoi-dap/"), "Câu hỏi chưa trả lời")

    def test_by_topic_and_accent_free_search(self):
        page = self.client.get("/hoi-dap/", {"linh_vuc": "san-pham-ocop"})
        self.assertContains(page, "Đăng ký sản phẩm OCOP")
        self.assertNotContains(page, "Vốn vay ưu đãi")
        empty = self.client.get("/hoi-dap/", {"linh_vuc": "dat-dai"})
        self.assertContains(empty, "Chưa có câu hỏi nào được trả lời trong lĩnh vực này.")
        self.assertEqual(self.client.get("/hoi-dap/?linh_vuc=khong-co").status_code, 404)
        found = self.client.get("/hoi-dap/", {"q": "von vay uu dai"})
        self.assertContains(found, "Vốn vay ưu đãi cho HTX")
        self.assertNotContains(found, "Đăng ký sản phẩm OCOP")
        self.assertContains(self.client.get("/hoi-dap/", {"q": "zzz"}), "Không có câu hỏi nào")

    def test_the_detail_shows_name_question_and_answer_never_contacts(self):
        page = self.client.get(f"/hoi-dap/{self.loan.pk}/")
        self.assertContains(page, "Trần Thị Bảo Ngọc")
        self.assertContains(page, "Trả lời của Liên minh.")
        self.assertContains(page, '"@type": "QAPage"')
        start = page.content.index(b"application/ld+json")
        ld = json.loads(page.content[start:].split(b">", 1)[1].split(b"</script>")[0])
        self.assertEqual(ld["mainEntity"]["acceptedAnswer"]["text"], "Trả lời của Liên minh.")
        self.assertNotIn("Bảo Ngọc", json.dumps(ld, ensure_ascii=False))

    def test_no_public_page_feed_sitemap_or_search_shows_contacts(self):
        pages = [
            "/hoi-dap/", f"/hoi-dap/{self.loan.pk}/", "/sitemap.xml", "/sitemap-hoi-dap.xml",
            "/hoi-dap/?linh_vuc=tai-chinh-tin-dung", "/", "/tin-tuc/rss/",
        ]  # fmt: skip
        for path in pages:
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            for secret in (EMAIL, PHONE, "bao.ngoc"):
                self.assertNotIn(secret, response.content.decode(), path)
        # Searching by the contacts finds nothing (the page repeats only what was typed).
        for secret in (EMAIL, PHONE, "bao.ngoc.1987"):
            found = self.client.get("/hoi-dap/", {"q": secret})
            self.assertContains(found, "Không có câu hỏi nào")
            self.assertNotContains(found, "Vốn vay ưu đãi")

    def test_the_sitemap_lists_published_questions_only(self):
        sitemap = self.client.get("/sitemap-hoi-dap.xml").content.decode()
        self.assertIn(f"/hoi-dap/{self.loan.pk}/", sitemap)
        self.assertIn(f"/hoi-dap/{self.ocop.pk}/", sitemap)
        self.assertNotIn(f"/hoi-dap/{self.hidden.pk}/", sitemap)
        self.assertNotIn(f"/hoi-dap/{self.waiting.pk}/", sitemap)
        self.assertIn("sitemap-hoi-dap.xml", self.client.get("/sitemap.xml").content.decode())

    def test_a_new_answer_shows_at_once_on_the_cached_list(self):
        self.assertNotContains(self.client.get("/hoi-dap/"), "Câu hỏi chưa trả lời")
        self.waiting.answer = "Đã có câu trả lời."
        self.waiting.is_published = True
        self.waiting.answered_at = timezone.now()
        self.waiting.save()
        self.assertContains(self.client.get("/hoi-dap/"), "Câu hỏi chưa trả lời")
        self.assertEqual(self.client.get(f"/hoi-dap/{self.waiting.pk}/").status_code, 200)

    def test_a_visitors_question_does_not_empty_the_page_cache(self):
        from core import freshness

        before = [freshness.version(name) for name in ("questions", "news", "comments")]
        self.client.post(ASK, asked())
        self.assertEqual(Question.objects.count(), 5)
        after = [freshness.version(name) for name in ("questions", "news", "comments")]
        self.assertEqual(before, after)

    def test_query_counts_are_flat(self):
        self.queries("/hoi-dap/")  # the first visit of the day writes its counter row
        few = {path: self.queries(path) for path in ("/hoi-dap/", "/hoi-dap/?q=htx")}
        for number in range(15):
            question(f"Câu hỏi thêm số {number} về HTX", topic=topic("dat-dai"))
        many = {path: self.queries(path) for path in ("/hoi-dap/", "/hoi-dap/?q=htx")}
        self.assertEqual(few, many)
        self.assertLessEqual(many["/hoi-dap/"], 16)

    def queries(self, path: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        clear_caches()
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(captured)

    def test_pages_answer_bad_parameters_without_a_server_error(self):
        for query in ("page=abc", "page=999", "page=-1", "q=" + "x" * 5000, "linh_vuc=%FF"):
            response = self.client.get(f"/hoi-dap/?{query}")
            self.assertIn(response.status_code, (200, 302, 404), query)


class AskFormTests(TestCase):
    def setUp(self):
        clear_caches()

    def test_the_form_is_never_cached_and_carries_captcha_and_honeypot(self):
        first, second = self.client.get(ASK), self.client.get(ASK)
        self.assertEqual(first.status_code, 200)
        self.assertIn("no-store", first["Cache-Control"])
        keys = [r.context["form"]["captcha"].field.widget._key for r in (first, second)]
        self.assertNotEqual(keys[0], keys[1])
        self.assertContains(first, f"/captcha/image/{keys[0]}/")
        self.assertContains(first, 'class="hp" aria-hidden="true"')
        self.assertContains(first, 'tabindex="-1"')

    def test_a_question_is_received_unpublished_with_clean_contacts(self):
        response = self.client.post(
            ASK, asked(email=" Hung.Nguyen@Example.COM ", phone="+84 912.345.678")
        )
        self.assertRedirects(response, "/hoi-dap/gui-cau-hoi/da-gui/")
        saved = Question.objects.get()
        self.assertEqual((saved.email, saved.phone), ("hung.nguyen@example.com", "0912345678"))
        self.assertFalse(saved.is_published)
        self.assertEqual(saved.answer, "")
        thanks = self.client.get(response["Location"])
        self.assertContains(thanks, "Cảm ơn bạn đã gửi câu hỏi")

    def test_the_captcha_read_from_the_page_is_accepted(self):
        page = self.client.get(ASK)
        key = page.context["form"]["captcha"].field.widget._key
        answer = CaptchaStore.objects.get(hashkey=key).response
        data = asked(captcha_0=key, captcha_1=answer)
        self.assertEqual(self.client.post(ASK, data).status_code, 302)
        # A captcha works once.
        again = self.client.post(ASK, data)
        self.assertContains(again, "Mã xác nhận không đúng hoặc đã hết hạn", status_code=400)

    def test_wrong_missing_and_expired_captchas_are_refused(self):
        wrong = self.client.post(ASK, asked(captcha_1="SAI"))
        self.assertContains(wrong, "Mã xác nhận không đúng hoặc đã hết hạn", status_code=400)
        missing = self.client.post(ASK, asked(captcha_1=""))
        self.assertContains(missing, "Hãy gõ mã xác nhận", status_code=400)
        expired = asked()
        CaptchaStore.objects.filter(hashkey=expired["captcha_0"]).update(
            expiration=timezone.now() - datetime.timedelta(minutes=1)
        )
        self.assertContains(self.client.post(ASK, expired), "đã hết hạn", status_code=400)
        self.assertFalse(Question.objects.exists())

    def test_the_honeypot_filled_refuses_the_question(self):
        response = self.client.post(ASK, asked(website="http://spam.example"))
        self.assertContains(response, "ô “Trang web” phải để trống", status_code=400)
        self.assertFalse(Question.objects.exists())

    def test_hostile_input_gets_a_vietnamese_message_naming_the_field(self):
        cases = {
            "title": ("x" * 201, "“Tiêu đề câu hỏi” dài quá: tối đa 200 ký tự"),
            "text": ("x" * 4001, "“Nội dung câu hỏi” dài quá: tối đa 4000 ký tự"),
            "name": ("x" * 121, "“Họ và tên” dài quá"),
            "email": ("khong-phai-email", "“Email” không đúng dạng địa chỉ thư"),
            "phone": ("12345", "“Điện thoại” không đúng"),
            "topic": ("999999", "Lĩnh vực đã chọn không có"),
        }
        for field, (value, message) in cases.items():
            with self.subTest(field=field):
                response = self.client.post(ASK, asked(**{field: value}))
                self.assertContains(response, message, status_code=400)
        for field, message in (("name", "Hãy nhập “Họ và tên”"), ("topic", "Hãy chọn")):
            response = self.client.post(ASK, asked(**{field: ""}))
            self.assertContains(response, message, status_code=400)
        short = self.client.post(ASK, asked(text="Hỏi?"))
        self.assertContains(short, "ngắn quá: cần ít nhất 10 ký tự", status_code=400)
        self.assertFalse(Question.objects.exists())

    def test_null_bytes_are_refused_before_the_form(self):
        response = self.client.post(ASK, asked(name="Nguyễn\x00Hùng"))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Question.objects.exists())
        form_level = self.client.post(
            ASK, asked(text="Nội dung\x00 có ký tự rỗng"), content_type="multipart/form-data"
        )
        self.assertLess(form_level.status_code, 500)
        self.assertFalse(Question.objects.exists())

    def test_script_and_html_are_kept_as_text_and_shown_escaped(self):
        hostile = '<script>alert("x")</script><a href="http://spam.example">rẻ</a> câu hỏi'
        self.client.post(ASK, asked(title="<b>Tiêu đề</b> đậm", text=hostile))
        saved = Question.objects.get()
        self.assertEqual(saved.text, hostile)
        saved.answer, saved.is_published = "<i>Trả lời</i>", True
        saved.answered_at = timezone.now()
        saved.save()
        page = self.client.get(f"/hoi-dap/{saved.pk}/")
        self.assertNotContains(page, "<script>alert")
        self.assertNotContains(page, '<a href="http://spam.example"')
        self.assertNotContains(page, "<b>Tiêu đề</b>")
        self.assertNotContains(page, "<i>Trả lời</i>")
        self.assertContains(page, "&lt;script&gt;")
        self.assertNotIn("</script><", page.content.decode().split("application/ld+json")[1][:4000]
                         .split("</script>")[0])  # fmt: skip

    @override_settings(READER_POSTS_PER_HOUR=3)
    def test_the_rate_limit_answers_429_in_vietnamese_per_address(self):
        for _ in range(3):
            self.assertEqual(self.client.post(ASK, asked()).status_code, 302)
        refused = self.client.post(ASK, asked())
        self.assertEqual(refused.status_code, 429)
        self.assertContains(refused, "Bạn đã gửi nhiều lần", status_code=429)
        self.assertContains(refused, "Vui lòng thử lại sau", status_code=429)
        self.assertTrue(int(refused["Retry-After"]) > 0)
        self.assertEqual(self.client.get(ASK).status_code, 429)
        self.assertEqual(Question.objects.count(), 3)
        # Another address is not held back.
        other = self.client.post(ASK, asked(), REMOTE_ADDR="203.0.113.9")
        self.assertEqual(other.status_code, 302)

    @override_settings(READER_POSTS_PER_DAY=2, READER_POSTS_PER_HOUR=10)
    def test_the_daily_cap(self):
        for _ in range(2):
            self.assertEqual(self.client.post(ASK, asked()).status_code, 302)
        self.assertEqual(self.client.post(ASK, asked()).status_code, 429)

    @override_settings(READER_ATTEMPTS_PER_HOUR=4)
    def test_refused_attempts_count_too(self):
        for _ in range(4):
            self.assertEqual(self.client.post(ASK, asked(captcha_1="SAI")).status_code, 400)
        self.assertEqual(self.client.post(ASK, asked()).status_code, 429)
        self.assertEqual(self.client.get(ASK).status_code, 200)  # reading the form is free

    def test_a_forged_forwarded_header_does_not_escape_the_limit(self):
        with override_settings(READER_POSTS_PER_HOUR=1):
            self.client.post(ASK, asked())
            forged = self.client.post(ASK, asked(), HTTP_X_FORWARDED_FOR="198.51.100.7")
        self.assertEqual(forged.status_code, 429)

    def test_the_captcha_addresses(self):
        key = captcha()["captcha_0"]
        image = self.client.get(f"/captcha/image/{key}/")
        self.assertEqual((image.status_code, image["Content-Type"]), (200, "image/png"))
        self.assertIn("no-store", image["Cache-Control"])
        self.assertEqual(self.client.get(f"/captcha/image/{key}@2/").status_code, 200)
        self.assertEqual(self.client.get("/captcha/image/abc/").status_code, 410)
        self.assertEqual(self.client.get("/captcha/refresh/").status_code, 404)
        fresh = self.client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        self.assertIn("no-store", fresh["Cache-Control"])
        self.assertIsNone(fresh.json()["audio_url"])
        self.assertEqual(self.client.get(f"/captcha/audio/{key}.wav").status_code, 404)

    def test_expired_captchas_are_cleaned_daily(self):
        stale = captcha()["captcha_0"]
        CaptchaStore.objects.filter(hashkey=stale).update(
            expiration=timezone.now() - datetime.timedelta(minutes=1)
        )
        from news.questions.tasks import clean_up_reader_data

        clean_up_reader_data.call()
        self.assertFalse(CaptchaStore.objects.filter(hashkey=stale).exists())
        from django.conf import settings

        self.assertEqual(settings.PERIODIC_TASKS["news.questions.tasks.clean_up_reader_data"], 1440)
        from core.management.commands.run_workers import periodic_tasks

        daily = [p for p in periodic_tasks() if p.path.startswith("news.questions")]
        self.assertEqual([(p.task, p.seconds) for p in daily], [(clean_up_reader_data, 86400.0)])


class StaffTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.asked = question("Hỏi về đất công ích", answer="", email=EMAIL, phone=PHONE)
        cls.url = f"/quan-tri/news/question/{cls.asked.pk}/change/"

    def setUp(self):
        clear_caches()

    def form(self, **fields) -> dict:
        data = {
            "name": self.asked.name, "topic": self.asked.topic_id, "title": self.asked.title,
            "text": self.asked.text, "answer": "", "is_published": "",
        }  # fmt: skip
        data.update(fields)
        return data

    def test_roles_at_the_admin_boundary(self):
        for user, code in ((self.editor, 200), (self.alliance, 200), (self.area_officer, 403),
                           (self.official, 403)):  # fmt: skip
            self.client.force_login(user)
            for url in ("/quan-tri/news/question/", self.url, "/quan-tri/news/comment/"):
                self.assertEqual(self.client.get(url).status_code, code, (user, url))
        self.client.logout()
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_contacts_are_shown_to_alliance_staff_only_and_never_in_the_list(self):
        self.client.force_login(self.editor)
        page = self.client.get(self.url)
        self.assertNotContains(page, EMAIL)
        self.assertNotContains(page, PHONE)
        self.assertContains(page, "Có (chỉ cán bộ Liên minh xem được)")
        self.client.force_login(self.alliance)
        page = self.client.get(self.url)
        self.assertContains(page, EMAIL)
        self.assertContains(page, PHONE)
        for user in (self.editor, self.alliance):
            self.client.force_login(user)
            listing = self.client.get("/quan-tri/news/question/")
            self.assertContains(listing, "Chưa trả lời")
            self.assertNotContains(listing, EMAIL)
            self.assertNotContains(listing, PHONE)
            self.assertNotContains(self.client.get("/quan-tri/news/question/", {"q": EMAIL}),
                                   self.asked.title)  # fmt: skip

    def test_the_staff_home_counts_what_waits(self):
        Comment.objects.create(article=news_f.article(), name="Người góp ý", text="Góp ý")
        for user in (self.editor, self.alliance):
            self.client.force_login(user)
            home = self.client.get("/quan-tri/")
            self.assertContains(home, "Câu hỏi chờ trả lời")
            self.assertContains(home, "Bình luận chờ duyệt")
            self.assertContains(home, "?tinh_trang=chua-tra-loi")
        for user in (self.area_officer, self.official):
            self.client.force_login(user)
            self.assertNotContains(self.client.get("/quan-tri/"), "Câu hỏi chờ trả lời")

    def test_publishing_without_an_answer_is_refused(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.url, self.form(is_published="on"))
        self.assertContains(response, "Chưa công khai được: câu hỏi chưa có câu trả lời")
        self.assertFalse(Question.objects.get(pk=self.asked.pk).is_published)

    def test_answering_records_who_and_mails_the_asker_once(self):
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.url, self.form(answer="Hợp tác xã được thuê theo quy định.", is_published="on")
            )
        self.assertEqual(response.status_code, 302)
        saved = Question.objects.get(pk=self.asked.pk)
        self.assertEqual(saved.answered_by, self.editor)
        self.assertIsNotNone(saved.answered_at)
        self.assertIsNotNone(saved.notified_at)
        self.assertEqual(len(mail.outbox), 1)
        sent = mail.outbox[0]
        self.assertEqual(sent.to, [EMAIL])
        self.assertEqual(sent.subject, "Trả lời câu hỏi: Hỏi về đất công ích")
        self.assertIn("Hợp tác xã được thuê theo quy định.", sent.body)
        self.assertIn(f"http://127.0.0.1:8000/hoi-dap/{saved.pk}/", sent.body)
        self.assertIn(f"ngày {timezone.localtime(saved.created_at):%d/%m/%Y}", sent.body)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, self.form(answer="Sửa câu trả lời.", is_published="on"))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(self.client.get("/hoi-dap/").status_code, 200)
        self.assertContains(self.client.get(f"/hoi-dap/{saved.pk}/"), "Sửa câu trả lời.")

    def test_an_unpublished_answer_is_mailed_without_a_link(self):
        self.client.force_login(self.alliance)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, self.form(answer="Trả lời riêng cho bạn."))
        self.assertNotIn("/hoi-dap/", mail.outbox[0].body)
        self.assertIn("Trả lời riêng cho bạn.", mail.outbox[0].body)

    def test_a_failed_mail_is_recorded_and_sent_again_from_the_list(self):
        self.client.force_login(self.editor)
        failing = "news.questions.services.get_connection"
        refused = ConnectionRefusedError(111, "Connection refused")
        with mock.patch(failing) as connection, self.captureOnCommitCallbacks(execute=True):
            connection.return_value.send_messages.side_effect = refused
            self.client.post(self.url, self.form(answer="Câu trả lời."))
        saved = Question.objects.get(pk=self.asked.pk)
        self.assertIsNone(saved.notified_at)
        self.assertEqual(saved.notify_error, "Không kết nối được máy chủ thư: Connection refused")
        listing = self.client.get("/quan-tri/news/question/")
        self.assertContains(listing, "Gửi lỗi: Không kết nối được máy chủ thư")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/quan-tri/news/question/",
                {"action": "send_again", "_selected_action": [saved.pk]},
                follow=True,
            )
        self.assertContains(response, "Đang gửi lại thư báo cho 1 câu hỏi.")
        saved.refresh_from_db()
        self.assertIsNotNone(saved.notified_at)
        self.assertEqual(saved.notify_error, "")
        self.assertEqual(len(mail.outbox), 1)

    def test_the_mail_error_never_holds_settings_or_passwords(self):
        import smtplib

        error = smtplib.SMTPAuthenticationError(535, b"bad credentials for secret-password")
        self.assertEqual(
            services.error_text(error), "Máy chủ thư không nhận tài khoản gửi thư (mã 535)"
        )

    def test_publish_action_skips_unanswered_questions(self):
        answered = question("Đã trả lời, chưa công khai", published=False)
        self.client.force_login(self.editor)
        response = self.client.post(
            "/quan-tri/news/question/",
            {"action": "publish", "_selected_action": [answered.pk, self.asked.pk]},
            follow=True,
        )
        self.assertContains(response, "Đã công khai 1 câu hỏi.")
        self.assertContains(response, "1 câu hỏi chưa có câu trả lời nên chưa công khai.")
        self.assertTrue(Question.objects.get(pk=answered.pk).is_published)
        self.assertFalse(Question.objects.get(pk=self.asked.pk).is_published)
        self.assertContains(self.client.get("/hoi-dap/"), "Đã trả lời, chưa công khai")

    def test_state_filter_and_list_query_count(self):
        self.client.force_login(self.editor)
        listing = self.client.get("/quan-tri/news/question/", {"tinh_trang": "chua-tra-loi"})
        self.assertContains(listing, "Hỏi về đất công ích")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def count():
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/quan-tri/news/question/")
            return len(captured)

        few = count()
        for number in range(10):
            question(f"Thêm {number}", email=f"nguoi{number}@example.com")
        self.assertEqual(count(), few)


class PersonalDataTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.mine = question("Câu hỏi của người yêu cầu", email=EMAIL, phone=PHONE)
        cls.by_phone = question("Câu hỏi chỉ có điện thoại", phone=PHONE, email="")
        cls.someone = question(
            "Câu hỏi của người khác", email="khac@example.com", name="Lê Văn Khác"
        )
        article = news_f.article("Bài có bình luận")
        cls.comment = Comment.objects.create(
            article=article, name="Trần Thị Bảo Ngọc", email=EMAIL.upper(), text="Ý kiến",
            status=Comment.Status.APPROVED,
        )  # fmt: skip
        cls.url = "/quan-tri/news/question/du-lieu-ca-nhan/"

    def setUp(self):
        clear_caches()

    def test_only_alliance_staff_open_the_personal_data_page(self):
        for user, code in ((self.editor, 403), (self.area_officer, 403), (self.official, 403),
                           (self.alliance, 200)):  # fmt: skip
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.url).status_code, code, user)
            if code == 403:
                for action in ("tim", "xuat", "xoa"):
                    data = {"email": EMAIL, "thao_tac": action, "confirm": "on"}
                    self.assertEqual(self.client.post(self.url, data).status_code, 403, user)
        self.assertEqual(Question.objects.get(pk=self.mine.pk).email, EMAIL)

    def test_the_export_holds_everything_about_the_person_and_is_logged(self):
        self.client.force_login(self.alliance)
        found = self.client.post(self.url, {"email": EMAIL, "phone": "", "thao_tac": "tim"})
        self.assertContains(found, "Tìm thấy 1 câu hỏi và 1 bình luận")
        response = self.client.post(
            self.url, {"email": EMAIL, "phone": "+84 987 654 321", "thao_tac": "xuat"}
        )
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        data = json.loads(response.content)
        titles = {q["Tiêu đề"] for q in data["Câu hỏi"]}
        self.assertEqual(titles, {"Câu hỏi của người yêu cầu", "Câu hỏi chỉ có điện thoại"})
        self.assertEqual(data["Bình luận"][0]["Nội dung"], "Ý kiến")
        self.assertEqual(data["Câu hỏi"][0]["Email"] or data["Câu hỏi"][1]["Email"], EMAIL)
        entry = LogEntry.objects.get()
        self.assertIn("Xuất dữ liệu cá nhân của một bạn đọc: 2 câu hỏi, 1 bình luận",
                      entry.change_message)  # fmt: skip
        self.assertNotIn(EMAIL, entry.change_message + entry.object_repr)
        self.assertNotIn(PHONE, entry.change_message + entry.object_repr)

    def test_a_search_needs_an_email_or_phone(self):
        self.client.force_login(self.alliance)
        bad = self.client.post(self.url, {"email": "khong-phai@", "thao_tac": "tim"})
        self.assertContains(bad, "Email không đúng dạng địa chỉ thư.")
        response = self.client.post(self.url, {"email": "", "phone": "", "thao_tac": "xuat"})
        self.assertContains(response, "Hãy nhập email hoặc số điện thoại")
        erase = self.client.post(self.url, {"email": EMAIL, "thao_tac": "xoa"})
        self.assertContains(erase, "Hãy đánh dấu ô xác nhận trước khi xóa.")
        self.assertEqual(Question.objects.get(pk=self.mine.pk).email, EMAIL)

    def test_erasure_leaves_nothing_findable_and_an_audit_entry(self):
        self.client.force_login(self.alliance)
        self.assertContains(self.client.get(f"/hoi-dap/{self.mine.pk}/"), "Trần Thị Bảo Ngọc")
        response = self.client.post(
            self.url, {"email": EMAIL, "phone": PHONE, "thao_tac": "xoa", "confirm": "on"},
            follow=True,
        )  # fmt: skip
        self.assertContains(response, "Đã xóa họ tên và thông tin liên hệ trong 2 câu hỏi và 1")
        state = str(database_state())
        for secret in (EMAIL, EMAIL.upper(), PHONE, "Bảo Ngọc"):
            self.assertNotIn(secret, state)
        self.assertEqual(Question.objects.get(pk=self.someone.pk).email, "khac@example.com")
        page = self.client.get(f"/hoi-dap/{self.mine.pk}/")
        self.assertContains(page, "Bạn đọc <strong>Bạn đọc</strong>")
        entries = LogEntry.objects.filter(change_message__startswith="Xóa họ tên")
        self.assertEqual(entries.count(), 3)
        self.assertIsNotNone(Question.objects.get(pk=self.mine.pk).contact_erased_at)

    def test_contacts_are_erased_after_their_keeping_time(self):
        old = timezone.now() - datetime.timedelta(days=200)
        recent = timezone.now() - datetime.timedelta(days=30)
        Question.objects.filter(pk=self.mine.pk).update(answered_at=old)
        Question.objects.filter(pk=self.by_phone.pk).update(answered_at=recent)
        unanswered = question("Chưa trả lời từ lâu", answer="", email="cu@example.com")
        Question.objects.filter(pk=unanswered.pk).update(created_at=old)
        Comment.objects.filter(pk=self.comment.pk).update(moderated_at=old)
        out = io.StringIO()
        call_command("erase_reader_contacts", stdout=out)
        self.assertIn(
            "Đã xóa thông tin liên hệ của 2 câu hỏi và 1 bình luận quá 6 tháng", out.getvalue()
        )
        self.assertEqual(Question.objects.get(pk=self.mine.pk).email, "")
        self.assertEqual(Question.objects.get(pk=self.mine.pk).phone, "")
        self.assertEqual(Question.objects.get(pk=unanswered.pk).email, "")
        self.assertEqual(Question.objects.get(pk=self.by_phone.pk).phone, PHONE)
        self.assertEqual(Comment.objects.get(pk=self.comment.pk).email, "")
        # The name stays with a published answer; running again erases nothing more.
        self.assertEqual(Question.objects.get(pk=self.mine.pk).name, "Trần Thị Bảo Ngọc")
        self.assertEqual(services.erase_expired_contacts(), {"questions": 0, "comments": 0})


class HtmlValidityTests(TestCase):
    """The readers' pages are valid HTML for the Nu HTML Checker (as tests/test_html_validity)."""

    @classmethod
    def setUpTestData(cls):
        cls.answered = question("Thành lập HTX cần bao nhiêu thành viên?", email=EMAIL)
        # Whole seconds, as the admin saves them (a fraction would be another page's error).
        published = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=1)
        cls.article = news_f.article("Bài có ý kiến bạn đọc", publish_at=published)
        Comment.objects.create(article=cls.article, name="Lê Văn Ý", text="Hay\nrất hay",
                               status=Comment.Status.APPROVED)  # fmt: skip

    def test_the_readers_pages_have_no_error(self):
        import shutil
        import tempfile
        from pathlib import Path

        from testing import nu

        if nu.java() is None or nu.vnu_jar() is None:
            self.skipTest("Java or vnu.jar (the npm registry) is not available")
        clear_caches()
        folder = Path(tempfile.mkdtemp(prefix="htx-nu-hoi-dap-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        comment_url = f"/tin-tuc/{self.article.slug}/binh-luan/"
        pages = {
            "hoi-dap": ("get", "/hoi-dap/", {}),
            "hoi-dap-tim": (
                "get",
                "/hoi-dap/",
                {"q": "thanh lap", "linh_vuc": "tai-chinh-tin-dung"},
            ),
            "cau-hoi": ("get", f"/hoi-dap/{self.answered.pk}/", {}),
            "gui-cau-hoi": ("get", ASK, {}),
            "gui-cau-hoi-loi": ("post", ASK, {"name": "", "website": "x", "email": "sai"}),
            "da-gui": ("get", "/hoi-dap/gui-cau-hoi/da-gui/", {}),
            "bai-viet": ("get", self.article.get_absolute_url(), {}),
            "binh-luan": ("get", comment_url, {}),
            "binh-luan-loi": ("post", comment_url, {"text": "x" * 3000}),
            "binh-luan-da-gui": ("get", f"{comment_url}da-gui/", {}),
        }
        files = []
        for name, (method, path, data) in pages.items():
            response = getattr(self.client, method)(path, data)
            self.assertIn(response.status_code, (200, 400), path)
            files.append(folder / f"{name}.html")
            files[-1].write_bytes(response.content)
        with override_settings(READER_POSTS_PER_HOUR=1):
            self.client.post(ASK, asked())
            files.append(folder / "qua-gioi-han.html")
            files[-1].write_bytes(self.client.get(ASK).content)
        errors = [
            f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]"
            for m in nu.check(files)
        ]
        self.assertEqual(errors, [], "\n".join(errors))
