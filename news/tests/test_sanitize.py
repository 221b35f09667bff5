"""Whatever arrives, by the admin or any other path, only clean HTML is stored."""

from django.urls import reverse

from news.models import Article
from news.sanitize import clean_html
from testing import news_factories as f
from testing.roles import RolesTestCase

HOSTILE = [
    '<script>alert("x")</script><p>Nội dung</p>',
    '<p onclick="steal()">Nhấn vào đây</p>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">liên kết</a>',
    '<a href="JaVaScRiPt:alert(1)">liên kết</a>',
    '<a href="&#106;avascript:alert(1)">liên kết</a>',
    '<a href="  javascript:alert(1)">liên kết</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">liên kết</a>',
    '<a href="vbscript:msgbox(1)">liên kết</a>',
    '<p style="background:url(javascript:alert(1))">Kiểu chữ</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="pw"></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<style>body{display:none}</style><p>Ẩn</p>",
    '<p><a href="https://example.vn" target="_blank" onmouseover="x()">ok</a></p>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!--<script>alert(1)</script>--><p>Chú thích</p>",
    '<table><tr><td background="javascript:alert(1)">ô</td></tr></table>',
]
FORBIDDEN = ["<script", "javascript:", "vbscript:", "data:", "onerror", "onclick", "onload",
             "onmouseover", "style", "<iframe", "<svg", "<object", "<embed", "<form", "<input",
             "<meta", "<math", "target=", "<!--", "background="]  # fmt: skip


class SanitiseTests(RolesTestCase):
    def assert_clean(self, html: str, source: str) -> None:
        lowered = html.lower()
        for word in FORBIDDEN:
            self.assertNotIn(word, lowered, f"{word!r} survived in {source!r}: {html!r}")

    def test_the_sanitiser_removes_every_hostile_input(self):
        for source in HOSTILE:
            self.assert_clean(clean_html(source), source)

    def test_saving_by_any_path_stores_only_clean_html(self):
        for source in HOSTILE:
            article = f.article(body=source, highlight=source)
            stored = Article.objects.get(pk=article.pk)
            self.assert_clean(stored.body, source)
            self.assert_clean(stored.highlight, source)
        Article.objects.filter(pk=article.pk).update(body=HOSTILE[0])  # bypasses save()
        article.refresh_from_db()
        article.save()
        self.assert_clean(article.body, HOSTILE[0])

    def test_what_editors_write_survives(self):
        html = (
            "<h2>Phát triển</h2><p><strong>Đậm</strong>, <em>nghiêng</em>, "
            '<a href="https://baonamdinh.vn/">nguồn</a></p><ul><li>Một</li></ul>'
            "<blockquote><p>Trích dẫn</p></blockquote>"
        )
        cleaned = clean_html(html)
        for part in ("<h2>Phát triển</h2>", "<strong>Đậm</strong>", "<em>nghiêng</em>",
                     'href="https://baonamdinh.vn/"', "<li>Một</li>", "<blockquote>"):  # fmt: skip
            self.assertIn(part, cleaned)
        self.assertIn('rel="noopener noreferrer"', cleaned)

    def test_the_admin_stores_clean_html(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:news_article_add"),
            {
                "title": "Bài có mã độc",
                "lead": "Sapo",
                "body": HOSTILE[1] + HOSTILE[3],
                "highlight": HOSTILE[0],
                "category": f.category().pk,
                "status": "draft",
                "publish_at_0": "21/11/2026",
                "publish_at_1": "08:00:00",
                "attachments-TOTAL_FORMS": "0",
                "attachments-INITIAL_FORMS": "0",
            },
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None)
                         and response.context["adminform"].form.errors)  # fmt: skip
        article = Article.objects.get(title="Bài có mã độc")
        self.assert_clean(article.body + article.highlight, "admin")
        self.assertIn("Nhấn vào đây", article.body)
