"""The admin and the error pages speak Vietnamese, including the strings Django 5.2's own
"vi" catalogue and django-simple-history leave in English (locale/vi/LC_MESSAGES)."""

import json

from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.test import TestCase, override_settings
from django.urls import reverse

from testing import factories as f

# On every admin page: the skip link and the theme toggle.
EVERY_PAGE = [
    ("Skip to main content", "Chuyển đến nội dung chính"),
    ("Toggle theme (current theme: auto)", "Đổi giao diện sáng/tối (hiện tại: tự động)"),
    ("Toggle theme (current theme: dark)", "Đổi giao diện sáng/tối (hiện tại: tối)"),
]
# On every page but the index: the breadcrumbs (the navigation sidebar is off: issue 16,
# htx_portal/urls.py).
NAVIGATION = [
    ('aria-label="Breadcrumbs"', 'aria-label="Đường dẫn điều hướng"'),
]


class AdminTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser(
            "quantri", "quantri@example.com", "mat-khau-rat-dai-2025"
        )
        area = f.area("13900", "Xã Yên Bằng")
        cls.org = f.organization(area)
        cls.org.name = "HTX Nông nghiệp Yên Bằng"
        cls.org.save()  # a second historical version: "Cập nhật"

    def setUp(self):
        self.client.force_login(self.user)

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def assert_vietnamese(self, response, english=(), vietnamese=(), navigation=True):
        pairs = EVERY_PAGE + (NAVIGATION if navigation else [])
        for text in [*(en for en, _ in pairs), *english]:
            self.assertNotContains(response, text)
        for text in [*(vi for _, vi in pairs), *vietnamese]:
            self.assertContains(response, text)

    def test_index(self):
        response = self.get(reverse("admin:index"))
        self.assert_vietnamese(
            response,
            english=["Model name", "Add link", "Change or view list link", "Các mô models"],
            vietnamese=[
                "Tên danh mục",
                "Liên kết thêm mới",
                "Liên kết xem hoặc sửa danh sách",
                'title="Các danh mục trong Sổ đăng ký kinh tế tập thể"',
            ],
            navigation=False,
        )

    def test_changelist(self):
        response = self.get(reverse("admin:cooperatives_organization_changelist"))
        self.assert_vietnamese(
            response,
            english=[
                "Select all objects on this page for an action",
                "Select this object for an action",
            ],
            vietnamese=[
                "Chọn tất cả đối tượng trên trang này để thực hiện thao tác",
                "Chọn đối tượng này để thực hiện thao tác - HTX Nông nghiệp Yên Bằng",
            ],
        )

    def test_add_links_say_them_not_thêm_vào(self):
        # Django's "Thêm vào" means "add into": the button, the index link, the breadcrumb.
        changelist = self.get(reverse("admin:cooperatives_organization_changelist"))
        self.assertContains(changelist, "Thêm tổ chức kinh tế tập thể")
        index = self.get(reverse("admin:index"))
        add_page = self.get(reverse("admin:cooperatives_organization_add"))
        self.assertContains(add_page, "&rsaquo; Thêm tổ chức kinh tế tập thể")
        for page in (changelist, index, add_page):
            self.assertNotContains(page, "Thêm vào")

    def test_change_page(self):
        response = self.get(reverse("admin:cooperatives_organization_change", args=[self.org.pk]))
        self.assert_vietnamese(
            response,
            # Django's catalogue calls the history link "Bản ghi nhớ" (a memo).
            english=["View selected", ">History<", "Bản ghi nhớ", "Opened version"],
            vietnamese=[
                "Xem lĩnh vực đã chọn",
                'class="historylink">Lịch sử</a>',
                'for="id_opened_version">Phiên bản đã mở:</label>',
            ],  # fmt: skip
        )

    def test_history_page(self):
        response = self.get(reverse("admin:cooperatives_organization_history", args=[self.org.pk]))
        self.assert_vietnamese(
            response,
            english=[
                "Choose a date",
                "Changed by",
                "Change reason",
                ">Changes<",
                ">Object<",
                ">Comment<",
                "entries",
                "Created",
                "Changed<",
                "View history",
            ],
            vietnamese=[
                "Chọn một thời điểm trong danh sách dưới đây để khôi phục đối tượng này",
                "<title>Lịch sử thay đổi: HTX Nông nghiệp Yên Bằng",
                ">Đối tượng<",
                ">Ngày/giờ<",
                ">Thao tác<",
                ">Người thay đổi<",
                ">Lý do thay đổi<",
                ">Nội dung thay đổi<",
                "Thêm mới",
                "Cập nhật",
                "2 bản ghi",
            ],
        )

    def test_historical_version_page(self):
        first = self.org.history.order_by("history_id").first()
        response = self.get(
            reverse(
                "admin:cooperatives_organization_simple_history",
                args=[self.org.pk, first.history_id],
            )
        )
        self.assert_vietnamese(
            response,
            english=["Revert", "Press the", "Close<"],
            vietnamese=[
                "Khôi phục tổ chức",  # title and breadcrumb
                "Bấm nút “Khôi phục” bên dưới để đưa đối tượng về phiên bản này.",
                'value="Khôi phục"',
                ">Lịch sử</a>",
            ],
        )

    def test_admin_javascript_catalogue(self):
        response = self.get(reverse("admin:jsi18n"))
        for english, vietnamese in [
            ("Sunday", "Chủ nhật"),
            ("Choose all %s", "Chọn tất cả %s"),
            ("Remove all %s", "Xóa tất cả %s"),
        ]:
            # The catalogue is JSON with non-ASCII letters escaped.
            self.assertContains(response, f"{json.dumps(english)}: {json.dumps(vietnamese)}")


class ErrorPageTests(TestCase):
    @override_settings(DEBUG=False)
    def test_missing_page_is_a_vietnamese_404(self):
        response = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Không tìm thấy trang", status_code=404)
        self.assertContains(response, '<html lang="vi">', status_code=404)
        self.assertContains(response, f'href="{reverse("home")}"', status_code=404)
        self.assertNotContains(response, "Not Found", status_code=404)

    def test_server_error_page_stands_alone(self):
        html = render_to_string("500.html")
        self.assertIn("Đã có lỗi xảy ra", html)
        self.assertIn('<html lang="vi">', html)
        self.assertIn('href="/"', html)


class HistoryPagesInVietnameseTests(TestCase):
    def test_history_list_and_version_page_show_no_english_leftovers(self):
        user = User.objects.create_superuser("quantri2", "q2@example.com", "mat-khau-rat-dai-2026")
        self.client.force_login(user)
        org = f.organization(f.area("13901", "Xã Yên Phúc"))
        org.phone = "0228 111"
        org.save()
        listing = self.client.get(reverse("admin:cooperatives_organization_history", args=[org.pk]))
        self.assertNotContains(listing, ">None<")
        self.assertNotContains(listing, "None\n")
        record = org.history.first()
        version = self.client.get(
            reverse(
                "admin:cooperatives_organization_simple_history", args=[org.pk, record.history_id]
            )
        )
        self.assertContains(version, "Sổ đăng ký kinh tế tập thể")
        self.assertNotContains(version, ">Cooperatives<")
        self.assertNotContains(version, "Historical")
