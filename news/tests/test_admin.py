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
