"""Comments on articles: a form of its own beside the cached article, held for
moderation, shown only once staff approve them, and the commenter's email never public."""

from django.test import TestCase, override_settings

from news.models import Comment
from testing import news_factories as news_f
from testing.readers import EMAIL, captcha
from testing.roles import RolesTestCase, clear_caches


def written(**fields) -> dict:
    data = {"name": "Phạm Thị Thu", "email": "", "text": "Mô hình rất đáng học hỏi.",
            "website": ""}  # fmt: skip
    data.update(captcha())
    data.update(fields)
    return data


class CommentPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = news_f.article("Hội nghị tổng kết kinh tế tập thể")
        cls.draft = news_f.article("Bài chưa đăng", live=False)
        cls.form_url = f"/tin-tuc/{cls.article.slug}/binh-luan/"
        Comment.objects.create(
            article=cls.article, name="Nguyễn Văn Duyệt", email=EMAIL,
            text='Đồng tình <a href="http://spam.example">mua ngay</a> <script>x()</script>',
            status=Comment.Status.APPROVED,
        )  # fmt: skip
        Comment.objects.create(article=cls.article, name="Chờ Duyệt", text="Đang chờ")
        Comment.objects.create(
            article=cls.article, name="Bị Từ Chối", text="Quảng cáo",
            status=Comment.Status.REJECTED,
        )  # fmt: skip

    def setUp(self):
        clear_caches()

    def test_the_article_shows_approved_comments_escaped_without_links_or_email(self):
        page = self.client.get(self.article.get_absolute_url())
        self.assertContains(page, "Ý kiến bạn đọc")
        self.assertContains(page, "Nguyễn Văn Duyệt")
        self.assertContains(page, "(1)")
        self.assertNotContains(page, "Chờ Duyệt")
        self.assertNotContains(page, "Bị Từ Chối")
        self.assertNotContains(page, '<a href="http://spam.example"')
        self.assertNotContains(page, "<script>x()")
        self.assertContains(page, "&lt;a href=")
        self.assertNotContains(page, EMAIL)
        self.assertContains(page, f'href="{self.form_url}"')
        # The cached article carries no form and no CSRF token.
        self.assertNotContains(page, "csrfmiddlewaretoken")
        self.assertNotContains(page, '<form method="post"')

    def test_a_comment_waits_for_moderation_and_approval_shows_it_at_once(self):
        self.client.get(self.article.get_absolute_url())  # now in the visitors' cache
        form = self.client.get(self.form_url)
        self.assertEqual(form.status_code, 200)
        self.assertIn("no-store", form["Cache-Control"])
        response = self.client.post(self.form_url, written(email="Thu.Pham@Example.com"))
        self.assertRedirects(response, f"/tin-tuc/{self.article.slug}/binh-luan/da-gui/")
        thanks = self.client.get(response["Location"])
        self.assertContains(thanks, "sau khi Ban biên tập duyệt")
        comment = Comment.objects.get(name="Phạm Thị Thu")
        self.assertEqual((comment.status, comment.email), ("pending", "thu.pham@example.com"))
        self.assertNotContains(self.client.get(self.article.get_absolute_url()), "Phạm Thị Thu")
        from news.questions.services import moderate

        moderate(comments=Comment.objects.filter(pk=comment.pk), status="approved", user=None)
        self.assertContains(self.client.get(self.article.get_absolute_url()), "Phạm Thị Thu")

    def test_only_published_articles_take_comments(self):
        for url in (f"/tin-tuc/{self.draft.slug}/binh-luan/", "/tin-tuc/khong-co/binh-luan/"):
            self.assertEqual(self.client.get(url).status_code, 404)
            self.assertEqual(self.client.post(url, written()).status_code, 404)
        self.assertFalse(Comment.objects.filter(article=self.draft).exists())

    def test_hostile_input_is_refused_in_vietnamese(self):
        cases = [
            ({"captcha_1": "SAI"}, "Mã xác nhận không đúng hoặc đã hết hạn"),
            ({"captcha_0": "", "captcha_1": ""}, "Hãy gõ mã xác nhận"),
            ({"website": "spam"}, "ô “Trang web” phải để trống"),
            ({"text": "x" * 2001}, "“Ý kiến của bạn” dài quá: tối đa 2000 ký tự"),
            ({"name": "x" * 121}, "“Họ và tên” dài quá"),
            ({"email": "a@"}, "“Email” không đúng dạng địa chỉ thư"),
            ({"text": "   "}, "Hãy nhập “Ý kiến của bạn”"),
            ({"text": "ok"}, "ngắn quá"),
        ]
        for fields, message in cases:
            with self.subTest(fields=str(fields)[:40]):
                response = self.client.post(self.form_url, written(**fields))
                self.assertContains(response, message, status_code=400)
        self.assertEqual(self.client.post(self.form_url, written(name="A\x00B")).status_code, 400)
        self.assertEqual(Comment.objects.count(), 3)

    @override_settings(READER_POSTS_PER_HOUR=2)
    def test_comments_and_questions_share_the_rate_limit(self):
        from testing.readers import topic

        question = {"name": "Ngô Văn Hỏi", "topic": topic().pk, "title": "Câu hỏi thử",
                    "text": "Nội dung câu hỏi thử nghiệm.", "website": "", **captcha()}  # fmt: skip
        self.assertEqual(self.client.post("/hoi-dap/gui-cau-hoi/", question).status_code, 302)
        self.assertEqual(self.client.post(self.form_url, written()).status_code, 302)
        refused = self.client.post(self.form_url, written())
        self.assertContains(refused, "Bạn đã gửi nhiều lần", status_code=429)
        self.assertEqual(self.client.get(self.form_url).status_code, 429)

    def test_the_article_page_query_count_does_not_grow_with_comments(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def count():
            clear_caches()
            with CaptureQueriesContext(connection) as captured:
                self.client.get(self.article.get_absolute_url())
            return len(captured)

        count()
        few = count()
        for number in range(10):
            Comment.objects.create(article=self.article, name=f"Người {number}", text="Hay",
                                   status=Comment.Status.APPROVED)  # fmt: skip
        self.assertEqual(count(), few)


class CommentAdminTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = news_f.article("Bài để bình luận")
        cls.comment = Comment.objects.create(
            article=cls.article, name="Đặng Văn Góp", email=EMAIL, text="Góp ý"
        )
        cls.url = f"/quan-tri/news/comment/{cls.comment.pk}/change/"

    def setUp(self):
        clear_caches()

    def test_roles_and_the_commenters_email(self):
        for user, code in ((self.area_officer, 403), (self.official, 403), (self.editor, 200),
                           (self.alliance, 200)):  # fmt: skip
            self.client.force_login(user)
            self.assertEqual(self.client.get("/quan-tri/news/comment/").status_code, code)
            self.assertEqual(self.client.get(self.url).status_code, code)
            if code == 403:
                response = self.client.post(
                    "/quan-tri/news/comment/",
                    {"action": "approve", "_selected_action": [self.comment.pk]},
                )
                self.assertEqual(response.status_code, 403)
        self.assertEqual(Comment.objects.get(pk=self.comment.pk).status, "pending")
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get(self.url), EMAIL)
        self.assertNotContains(self.client.get("/quan-tri/news/comment/"), EMAIL)
        self.client.force_login(self.alliance)
        self.assertContains(self.client.get(self.url), EMAIL)
        self.assertEqual(self.client.get("/quan-tri/news/comment/add/").status_code, 403)

    def test_approve_and_reject_record_who_and_when(self):
        self.client.force_login(self.editor)
        page = self.article.get_absolute_url()
        self.assertNotContains(self.client.get(page), "Đặng Văn Góp")
        response = self.client.post(
            "/quan-tri/news/comment/",
            {"action": "approve", "_selected_action": [self.comment.pk]}, follow=True,
        )  # fmt: skip
        self.assertContains(response, "Đã duyệt 1 bình luận.")
        approved = Comment.objects.get(pk=self.comment.pk)
        self.assertEqual((approved.status, approved.moderated_by), ("approved", self.editor))
        self.assertIsNotNone(approved.moderated_at)
        self.client.logout()
        self.assertContains(self.client.get(page), "Đặng Văn Góp")
        self.client.force_login(self.alliance)
        self.client.post(
            "/quan-tri/news/comment/", {"action": "reject", "_selected_action": [approved.pk]}
        )
        self.assertEqual(Comment.objects.get(pk=approved.pk).moderated_by, self.alliance)
        self.client.logout()
        self.assertNotContains(self.client.get(page), "Đặng Văn Góp")

    def test_moderating_from_the_change_page(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            self.url, {"name": "Đặng Văn Góp", "text": "Góp ý", "status": "approved"}
        )
        self.assertEqual(response.status_code, 302)
        saved = Comment.objects.get(pk=self.comment.pk)
        self.assertEqual((saved.status, saved.moderated_by), ("approved", self.editor))
        self.client.logout()
        self.assertContains(self.client.get(self.article.get_absolute_url()), "Đặng Văn Góp")

    def test_the_list_filters_searches_and_keeps_its_query_count(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.force_login(self.editor)
        pending = self.client.get("/quan-tri/news/comment/", {"status__exact": "pending"})
        self.assertContains(pending, "Góp ý")
        self.assertContains(self.client.get("/quan-tri/news/comment/", {"q": "Góp"}), "Góp ý")

        def count():
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/quan-tri/news/comment/")
            return len(captured)

        few = count()
        for number in range(10):
            other = news_f.article(f"Bài {number}")
            Comment.objects.create(article=other, name=f"N {number}", text="Hay")
        self.assertEqual(count(), few)
