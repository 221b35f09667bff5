"""Who may write and publish news, and revisions with restore."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from news.models import Article
from testing import news_factories as f
from testing.admin_forms import article_form as form_data
from testing.roles import RolesTestCase


class NewsPermissionTests(RolesTestCase):
    def test_editors_and_alliance_staff_write_and_publish(self):
        for user in (self.editor, self.alliance):
            self.client.force_login(user)
            title = f"Tin của {user.username}"
            response = self.client.post(reverse("admin:news_article_add"), form_data(title=title))
            self.assertEqual(response.status_code, 302, user)
            article = Article.objects.get(title=title)
            self.assertEqual((article.created_by, article.updated_by), (user, user))
            self.assertEqual(article.status, Article.Status.PUBLISHED)

    def test_area_staff_and_officials_cannot_open_the_news_admin(self):
        article = f.article()
        for user in (self.area_officer, self.official):
            self.client.force_login(user)
            for url in (
                reverse("admin:news_article_changelist"),
                reverse("admin:news_article_add"),
                reverse("admin:news_article_change", args=[article.pk]),
                reverse("admin:news_sitecontent_changelist"),
                reverse("admin:news_banner_changelist"),
            ):
                self.assertEqual(self.client.get(url).status_code, 403, (user, url))
            response = self.client.post(reverse("admin:news_article_add"), form_data())
            self.assertEqual(response.status_code, 403)
        self.client.logout()
        response = self.client.get(reverse("admin:news_article_changelist"))
        self.assertRedirects(response, "/quan-tri/login/?next=/quan-tri/news/article/")

    def test_editors_manage_news_only(self):
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(reverse("admin:cooperatives_organization_changelist")).status_code,
            403,
        )
        self.assertEqual(self.client.get("/bao-cao/").status_code, 403)

    def test_a_writer_without_the_publish_right_saves_drafts_only(self):
        self.editor.groups.clear()
        self.editor.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="news",
                codename__in=["add_article", "change_article", "view_article", "view_category",
                              "view_tag"],
            )
        )  # fmt: skip
        self.client.force_login(self.editor)
        response = self.client.post(reverse("admin:news_article_add"), form_data())
        self.assertContains(response, "Bạn không có quyền đăng bài: hãy lưu ở trạng thái Bản nháp.")
        self.assertFalse(Article.objects.exists())
        response = self.client.post(reverse("admin:news_article_add"), form_data(status="draft"))
        self.assertEqual(response.status_code, 302)


class RevisionTests(RolesTestCase):
    def test_revisions_say_who_changed_what_and_an_earlier_one_can_be_restored(self):
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:news_article_add"), form_data(title="Tiêu đề ban đầu"))
        article = Article.objects.get()
        change = reverse("admin:news_article_change", args=[article.pk])
        self.client.force_login(self.alliance)
        self.client.post(change, form_data(title="Tiêu đề đã sửa", body="<p>Bản sửa.</p>"))
        article.refresh_from_db()
        self.assertEqual(article.title, "Tiêu đề đã sửa")
        self.assertEqual(article.slug, "tieu-de-ban-dau")  # published: the address stays

        history = self.client.get(reverse("admin:news_article_history", args=[article.pk]))
        self.assertContains(history, "bientap")
        self.assertContains(history, "lienminh")
        first = article.history.earliest()
        self.assertEqual(first.history_user, self.editor)
        restore = reverse("admin:news_article_simple_history", args=[article.pk, first.pk])
        response = self.client.post(restore, form_data(title="Tiêu đề ban đầu"))
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertEqual(
            (article.title, article.body), ("Tiêu đề ban đầu", "<p>Nội dung hội nghị.</p>")
        )
        self.assertEqual(article.history.count(), 3)
        self.assertEqual(article.history.latest().history_user, self.alliance)


class ArticleOrganizationTests(RolesTestCase):
    """Writers attach public organisations only and never read a hidden one's name."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other.is_public = False
        cls.other.save()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_a_hidden_organisation_cannot_be_attached_by_its_id(self):
        response = self.client.post(
            reverse("admin:news_article_add"),
            form_data(title="Tin gắn tổ chức ẩn", organizations=[self.other.pk]),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response,
            f"Chỉ gắn được tổ chức đang công khai trên trang: “{self.other.pk}” không phải "
            "tổ chức công khai nào.",
        )
        self.assertNotContains(response, self.other.name)
        self.assertFalse(Article.objects.filter(title="Tin gắn tổ chức ẩn").exists())

    def test_a_public_organisation_is_attached(self):
        response = self.client.post(
            reverse("admin:news_article_add"),
            form_data(title="Tin gắn tổ chức", organizations=[self.own.pk]),
        )
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="Tin gắn tổ chức")
        self.assertEqual(list(article.organizations.all()), [self.own])

    def test_the_form_hides_a_linked_organisation_made_private_and_keeps_the_link(self):
        article = f.article(title="Tin cũ")
        article.organizations.set([self.own, self.other])
        url = reverse("admin:news_article_change", args=[article.pk])
        page = self.client.get(url)
        self.assertContains(page, self.own.name)
        self.assertNotContains(page, self.other.name)
        data = form_data(
            title="Tin cũ đã sửa",
            slug=article.slug,
            organizations=[self.own.pk],
            opened_version=page.context["adminform"].form.initial.get("opened_version", ""),
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        article.refresh_from_db()
        self.assertEqual(article.title, "Tin cũ đã sửa")
        self.assertEqual(set(article.organizations.all()), {self.own, self.other})

    def test_the_autocomplete_finds_public_organisations_only(self):
        for term in (self.other.name, self.other.code, self.own.name):
            response = self.client.get(
                reverse("admin:autocomplete"),
                {"app_label": "news", "model_name": "article", "field_name": "organizations",
                 "term": term},
            )  # fmt: skip
            self.assertEqual(response.status_code, 200)
            ids = [item["id"] for item in response.json()["results"]]
            self.assertNotIn(str(self.other.pk), ids, term)
        self.assertEqual(ids, [str(self.own.pk)])
