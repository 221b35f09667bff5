"""The document library (/van-ban/, issue 19): filters, accent-free search, a document's
page, the feed and sitemap (published only), the admin by role, and query counts."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news import counters
from news.models import Document, DocumentFile, Issuer, Topic
from testing import factories
from testing import news_factories as f
from testing.roles import RolesTestCase, clear_caches

D = datetime.date


def document(number="09/2024/TT-BKHĐT", doc_type="thong-tu", issuer="Bộ Kế hoạch và Đầu tư",
             **fields) -> Document:  # fmt: skip
    body, _ = Issuer.objects.get_or_create(name=issuer)
    values = {
        "summary": "Ban hành biểu mẫu sử dụng trong đăng ký hợp tác xã và chế độ báo cáo.",
        "issued_on": D(2024, 7, 30),
    } | fields
    return Document.objects.create(doc_type=doc_type, number=number, issuer=body, **values)


class LibraryData:
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.economy = Topic.objects.get(slug="kinh-te-tap-the-hop-tac-xa")
        cls.law_2023 = document("17/2023/QH15", "luat", "Quốc hội", summary="Luật Hợp tác xã",
                                issued_on=D(2023, 6, 20), effective_on=D(2024, 7, 1),
                                topic=cls.economy)  # fmt: skip
        cls.law_2012 = document("23/2012/QH13", "luat", "Quốc hội", summary="Luật Hợp tác xã",
                                issued_on=D(2012, 11, 20), status="replaced",
                                replaced_by=cls.law_2023)  # fmt: skip
        cls.circular = document(topic=cls.economy)
        cls.decree = document("113/2024/NĐ-CP", "nghi-dinh", "Chính phủ",
                              summary="Quy định chi tiết một số điều của Luật Hợp tác xã",
                              issued_on=D(2024, 9, 12))  # fmt: skip
        cls.hidden = document("01/KH-UBND", "ke-hoach", "UBND tỉnh Nam Định",
                              summary="Kế hoạch chưa công bố", is_published=False)  # fmt: skip


class LibraryPagesTests(LibraryData, f.TemporaryMedia, TestCase):
    def setUp(self):
        clear_caches()
        counters.discard()

    def titles(self, **params) -> list[str]:
        page = self.client.get("/van-ban/", params)
        self.assertEqual(page.status_code, 200)
        return [d.title for d in page.context["documents"]]

    def test_a_phone_finds_the_circular_by_typing_thong_tu_09(self):
        for query in ("thong tu 09", "Thông tư 09", "09/2024", "tt-bkhdt", "THONG TU 09/2024"):
            self.assertEqual(self.titles(q=query), ["Thông tư 09/2024/TT-BKHĐT"], query)
        self.assertEqual(self.titles(q="bieu mau dang ky"), ["Thông tư 09/2024/TT-BKHĐT"])
        self.assertContains(self.client.get("/van-ban/", {"q": "khong co"}),
                            "Không tìm thấy văn bản nào có “khong co”.")  # fmt: skip

    def test_filters_by_type_body_year_field_and_status(self):
        self.assertEqual(self.titles(doc_type="luat"), ["Luật 17/2023/QH15", "Luật 23/2012/QH13"])
        self.assertEqual(self.titles(issuer=self.decree.issuer.slug), ["Nghị định 113/2024/NĐ-CP"])
        self.assertEqual(
            self.titles(year=2024), ["Nghị định 113/2024/NĐ-CP", "Thông tư 09/2024/TT-BKHĐT"]
        )
        self.assertEqual(self.titles(topic=self.economy.slug),
                         ["Thông tư 09/2024/TT-BKHĐT", "Luật 17/2023/QH15"])  # fmt: skip
        self.assertEqual(self.titles(status="replaced"), ["Luật 23/2012/QH13"])
        self.assertEqual(self.titles(doc_type="luat", q="hop tac xa", status="in_force"),
                         ["Luật 17/2023/QH15"])  # fmt: skip
        # A wrong value in a shared link is ignored, not an error.
        self.assertEqual(len(self.titles(year="abc", issuer="khong-co", doc_type="x")), 4)

    def test_unpublished_documents_are_nowhere_public(self):
        self.assertNotIn("Kế hoạch 01/KH-UBND", self.titles())
        self.assertEqual(self.client.get(self.hidden.get_absolute_url()).status_code, 404)
        for url in ("/van-ban/rss/", "/sitemap-van-ban.xml"):
            body = self.client.get(url).content.decode()
            self.assertIn(self.circular.slug, body, url)
            self.assertNotIn(self.hidden.slug, body, url)
        self.assertIn("sitemap-van-ban.xml", self.client.get("/sitemap.xml").content.decode())

    def test_a_documents_page_has_its_facts_files_replacement_and_open_graph(self):
        DocumentFile.objects.create(document=self.law_2012, title="Toàn văn Luật 2012",
                                    file=SimpleUploadedFile("luat.pdf", f.pdf_bytes()))  # fmt: skip
        article = f.article("Triển khai Luật Hợp tác xã 2023")
        draft = f.article("Bản nháp về luật", live=False)
        self.law_2012.articles.set([article, draft])
        org = factories.organization(factories.area("13900", "Xã Yên Bằng"), name="HTX Yên Bằng")
        hidden_org = factories.organization(org.area, code="0600000999", name="HTX Ẩn",
                                            is_public=False)  # fmt: skip
        self.law_2012.organizations.set([org, hidden_org])
        page = self.client.get("/van-ban/luat-23-2012-qh13/")
        self.assertContains(page, "<h1>Luật 23/2012/QH13</h1>", html=True)
        self.assertContains(page, "<dt>Ngày ban hành</dt><dd><time datetime=\"2012-11-20\">"
                                  "20/11/2012</time></dd>", html=True)  # fmt: skip
        self.assertContains(page, "Theo nội dung văn bản")  # no date of effect given
        self.assertContains(page, "Bị thay thế.")
        self.assertContains(page, f'<a href="{self.law_2023.get_absolute_url()}">Luật 17/2023'
                                  "/QH15</a>")  # fmt: skip
        self.assertContains(page, 'Toàn văn Luật 2012</a> <span class="muted">(PDF,')
        self.assertContains(page, '<meta property="og:title" content="Luật 23/2012/QH13">')
        self.assertContains(page, "Triển khai Luật Hợp tác xã 2023")
        self.assertNotContains(page, "Bản nháp về luật")
        self.assertContains(page, "HTX Yên Bằng")
        self.assertNotContains(page, "HTX Ẩn")
        # The organisation's page names the document too (the public one only).
        org_page = self.client.get(org.get_absolute_url())
        self.assertContains(org_page, '<a href="/van-ban/luat-23-2012-qh13/">Luật 23/2012/QH13</a>')
        newer = self.client.get(self.law_2023.get_absolute_url())
        self.assertContains(newer, 'Văn bản này thay thế: <a href="/van-ban/luat-23-2012-qh13/">')

    def test_the_home_page_lists_the_newest_published_documents(self):
        home = self.client.get("/")
        headings = home.content.decode().split('id="van-ban-moi"')[1].split("</section>")[0]
        self.assertIn("Nghị định 113/2024/NĐ-CP", headings)  # the latest issued first
        self.assertLess(headings.index("113/2024"), headings.index("09/2024"))
        self.assertNotIn("01/KH-UBND", headings)  # not published
        self.assertContains(home, '<a href="/van-ban/">Văn bản</a>', html=True)  # the menu

    def test_addresses_are_readable_and_stay(self):
        self.assertEqual(self.circular.slug, "thong-tu-09-2024-tt-bkhdt")
        self.assertEqual(self.decree.slug, "nghi-dinh-113-2024-nd-cp")
        self.circular.summary = "Trích yếu đã sửa"
        self.circular.save()
        self.assertEqual(self.circular.slug, "thong-tu-09-2024-tt-bkhdt")

    def test_the_list_is_paged(self):
        for number in range(25):
            document(f"{number}/TB-LMHTX", "thong-bao", "Liên minh HTX tỉnh",
                     issued_on=D(2025, 1, 1) + datetime.timedelta(days=number))  # fmt: skip
        first = self.client.get("/van-ban/", {"doc_type": "thong-bao"})
        self.assertEqual(len(first.context["documents"]), 20)
        self.assertEqual(first.context["documents"][0].number, "24/TB-LMHTX")
        self.assertRedirects(self.client.get("/van-ban/?page=9"), "/van-ban/?page=2")

    def test_the_rules_of_a_document(self):
        wrong = Document(doc_type="luat", number="1/2020/QH14", issuer=self.law_2023.issuer,
                         summary="x", issued_on=D(2020, 5, 5), effective_on=D(2020, 1, 1),
                         status="replaced")  # fmt: skip
        with self.assertRaises(ValidationError) as raised:
            wrong.full_clean()
        self.assertEqual(raised.exception.message_dict["replaced_by"],
                         ["Hãy chọn văn bản thay thế văn bản này."])  # fmt: skip
        self.assertEqual(raised.exception.message_dict["effective_on"],
                         ["Ngày có hiệu lực không thể trước ngày ban hành."])  # fmt: skip
        twin = Document(doc_type="thong-tu", number="09/2024/TT-BKHĐT", issuer=self.circular.issuer,
                        summary="x", issued_on=D(2024, 1, 1))  # fmt: skip
        with self.assertRaises(ValidationError) as raised:
            twin.full_clean()
        self.assertIn("Đã có văn bản cùng loại với số/ký hiệu này.", str(raised.exception))


class LibraryQueryCountTests(f.TemporaryMedia, TestCase):
    def add(self, count: int) -> None:
        topic = Topic.objects.first()
        for _ in range(count):
            n = Document.objects.count() + 1
            doc = document(f"{n}/QĐ-UBND", "quyet-dinh", f"Cơ quan {n % 3}", topic=topic)
            upload = SimpleUploadedFile("a.pdf", f.pdf_bytes())
            DocumentFile.objects.create(document=doc, title="Tệp", file=upload)

    def count(self, url: str) -> int:
        clear_caches()
        counters.discard()
        self.client.cookies.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_list_feed_and_sitemap_do_not_grow_with_documents(self):
        self.add(3)
        self.count("/van-ban/")
        urls = ["/van-ban/", "/van-ban/?q=quyet+dinh", "/van-ban/?doc_type=quyet-dinh",
                "/van-ban/rss/", "/sitemap-van-ban.xml"]  # fmt: skip
        few = {url: self.count(url) for url in urls}
        self.add(25)
        for url in urls:
            self.assertEqual(self.count(url), few[url], url)


class LibraryAdminTests(LibraryData, f.TemporaryMedia, RolesTestCase):
    def test_editors_and_alliance_staff_keep_the_library(self):
        for user in (self.editor, self.alliance):
            self.client.force_login(user)
            for name in ("document", "issuer", "topic"):
                url = reverse(f"admin:news_{name}_changelist")
                self.assertEqual(self.client.get(url).status_code, 200, (user, name))
        self.client.force_login(self.editor)
        form = {
            "doc_type": "quyet-dinh", "number": "1234/QĐ-UBND", "issuer": self.decree.issuer_id,
            "summary": "Phê duyệt Đề án phát triển kinh tế tập thể giai đoạn 2026–2030",
            "issued_on": "15/03/2026", "effective_on": "", "status": "in_force", "topic": "",
            "is_published": "on", "signer": "", "replaced_by": "",
            "files-TOTAL_FORMS": "1", "files-INITIAL_FORMS": "0",
            "files-0-title": "Quyết định (bản PDF)", "files-0-order": "0",
            "files-0-file": SimpleUploadedFile("qd.pdf", f.pdf_bytes()),
        }  # fmt: skip
        response = self.client.post(reverse("admin:news_document_add"), form)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None)
                         and response.context["adminform"].form.errors)  # fmt: skip
        made = Document.objects.get(number="1234/QĐ-UBND")
        self.assertEqual((made.slug, made.files.get().kind), ("quyet-dinh-1234-qd-ubnd", "pdf"))
        # A file that is not what it says is refused, naming it.
        form["number"] = "1235/QĐ-UBND"
        form["files-0-file"] = SimpleUploadedFile("qd.pdf", b"<html>not a pdf</html>")
        page = self.client.post(reverse("admin:news_document_add"), form)
        self.assertContains(page, "Tệp “qd.pdf” không phải là tệp PDF, Word (.docx) hoặc Excel")
        self.assertFalse(Document.objects.filter(number="1235/QĐ-UBND").exists())

    def test_area_staff_and_officials_do_not_reach_the_library_admin(self):
        for user in (self.area_officer, self.official):
            self.client.force_login(user)
            for name in ("document", "issuer", "topic"):
                url = reverse(f"admin:news_{name}_changelist")
                self.assertEqual(self.client.get(url).status_code, 403, (user, name))

    def test_the_admin_search_folds_marks(self):
        self.client.force_login(self.editor)
        page = self.client.get(reverse("admin:news_document_changelist"), {"q": "thong tu 09"})
        self.assertEqual([d.pk for d in page.context["cl"].result_list], [self.circular.pk])
