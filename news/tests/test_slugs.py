from django.test import TestCase

from news.slugs import slug_from_title
from testing import news_factories as f


class SlugTests(TestCase):
    def test_vietnamese_titles_become_plain_addresses(self):
        cases = {
            "Phát huy năng lực sản xuất của HTX tại Thanh Hóa":
                "phat-huy-nang-luc-san-xuat-cua-htx-tai-thanh-hoa",
            "Đẩy mạnh phát triển kinh tế tập thể, hợp tác xã":
                "day-manh-phat-trien-kinh-te-tap-the-hop-tac-xa",
            "ĐỒNG LẠC: cà rốt “sạch” xuất khẩu 2.300 tấn!":
                "dong-lac-ca-rot-sach-xuat-khau-2300-tan",
            "Liên minh HTX tỉnh — 5 năm nỗ lực vươn lên":
                "lien-minh-htx-tinh-5-nam-no-luc-vuon-len",
            "???": "bai-viet",
        }  # fmt: skip
        for title, slug in cases.items():
            self.assertEqual(slug_from_title(title), slug, title)

    def test_long_titles_are_cut_at_a_word(self):
        slug = slug_from_title("Hợp tác xã nông nghiệp " * 20)
        self.assertLessEqual(len(slug), 120)
        self.assertFalse(slug.endswith("-"))
        self.assertTrue(slug.endswith(("hop", "tac", "xa", "nong", "nghiep")))

    def test_slugs_are_unique(self):
        first = f.article("Hội nghị tổng kết năm 2025")
        second = f.article("Hội nghị tổng kết năm 2025")
        third = f.article("Hội nghị tổng kết năm 2025")
        self.assertEqual(first.slug, "hoi-nghi-tong-ket-nam-2025")
        self.assertEqual(second.slug, "hoi-nghi-tong-ket-nam-2025-2")
        self.assertEqual(third.slug, "hoi-nghi-tong-ket-nam-2025-3")

    def test_a_draft_follows_its_title_a_published_article_keeps_its_address(self):
        draft = f.article("Bản nháp đầu tiên", live=False)
        draft.title = "Tiêu đề đã sửa"
        draft.save()
        self.assertEqual(draft.slug, "tieu-de-da-sua")
        published = f.article("Tin đã đăng")
        published.title = "Tin đã đăng (cập nhật)"
        published.save()
        self.assertEqual(published.slug, "tin-da-dang")
