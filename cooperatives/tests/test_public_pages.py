"""The public registry pages: directory, organisation, OCOP catalogue, home, sitemap."""

import datetime
import re

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperatives import public
from cooperatives.models import Area, Organization, Sector
from testing import factories as f
from testing import news_factories as news
from testing.roles import RolesTestCase, clear_caches

REFORM = datetime.date(2025, 7, 1)


class PublicPagesTestCase(RolesTestCase):
    """The shared cast, plus the reform: Yên Bằng merged into a new commune of Ninh Bình."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.province.valid_to = REFORM - datetime.timedelta(days=1)
        cls.province.save()
        for area in (cls.y_yen, cls.hai_hau, cls.yen_bang, cls.hai_phuc):
            area.valid_to = REFORM - datetime.timedelta(days=1)
            area.save()
        cls.ninh_binh = f.area("37", "Tỉnh Ninh Bình", Area.Level.PROVINCE)
        cls.new_commune = f.area("15001", "Xã Yên Đồng", Area.Level.COMMUNE, cls.ninh_binh,
                                 valid_from=REFORM)  # fmt: skip
        cls.yen_bang.successors.add(cls.new_commune)
        cls.hai_phuc.successors.add(cls.new_commune)
        cls.phu_van = f.organization(cls.yen_bang, code="0600000301",
                                     name="HTX Nông nghiệp Phù Vân")  # fmt: skip
        cls.hidden = f.organization(cls.yen_bang, code="0600000302", name="HTX Ẩn Danh",
                                    is_public=False)  # fmt: skip
        today = timezone.localdate()
        f.ocop(
            cls.phu_van,
            name="Gạo Tám Phù Vân",
            stars=4,
            certified_on=today - datetime.timedelta(days=30),
        )
        f.ocop(cls.phu_van, name="Nước mắm cũ", stars=3,
               certified_on=today - datetime.timedelta(days=1500))  # fmt: skip
        f.figures(cls.phu_van, 2023, 12, members=45, workers=20, revenue=3200, state="approved")
        f.figures(cls.phu_van, 2024, 12, members=52, workers=24, revenue=12500, state="approved")
        f.figures(cls.phu_van, 2025, 12, members=99, workers=99, revenue=1, state="draft")
        cls.article = news.article("Phù Vân đạt chứng nhận OCOP 4 sao")
        cls.article.organizations.add(cls.phu_van)

    def setUp(self):
        clear_caches()


class DirectoryTests(PublicPagesTestCase):
    def names(self, **params) -> list[str]:
        clear_caches()
        response = self.client.get("/hop-tac-xa/", params)
        self.assertEqual(response.status_code, 200)
        return [o.name for o in response.context["organizations"]]

    def test_search_needs_no_diacritics_nor_the_word_hop_tac_xa(self):
        self.assertEqual(self.names(q="hop tac xa phu van"), ["HTX Nông nghiệp Phù Vân"])
        self.assertEqual(self.names(q="PHÙ VÂN"), ["HTX Nông nghiệp Phù Vân"])
        self.assertEqual(self.names(q="0600000301"), ["HTX Nông nghiệp Phù Vân"])

    def test_whole_words_first_then_parts_of_words(self):
        # "tra lu" (issue 17): Trà Lũ, not every "thị trấn" and "lúa".
        for code, name in (("0900000011", "HTX Cơ khí Trà Lũ"),
                           ("0900000012", "HTX Lúa giống thị trấn Lâm"),
                           ("0900000013", "HTX Trà Lúa Hải Phúc")):  # fmt: skip
            f.organization(self.hai_phuc, code=code, name=name)
        self.assertEqual(self.names(q="tra lu"), ["HTX Cơ khí Trà Lũ"])
        # No name has all three as whole words: names that hold them inside longer words
        # ("trấn" holds "tra").
        self.assertEqual(self.names(q="tra lua giong"), ["HTX Lúa giống thị trấn Lâm"])
        self.assertEqual(
            sorted(self.names(q="tra lua")), ["HTX Trà Lúa Hải Phúc"]
        )  # whole words win over "Lúa giống thị trấn"
        self.assertEqual(
            sorted(self.names(q="tr lu")),
            ["HTX Cơ khí Trà Lũ", "HTX Lúa giống thị trấn Lâm", "HTX Trà Lúa Hải Phúc"],
        )  # no whole word "tr": every name with "tr…" and "lu…" inside

    def test_a_typo_still_finds_it_on_every_database(self):
        # PostgreSQL ranks by trigram word similarity; SQLite (the quick start) by
        # rapidfuzz's partial ratio over the folded names.
        for typo in ("phu vna", "nong ngheip phu van"):
            with self.subTest(typo):
                clear_caches()
                response = self.client.get("/hop-tac-xa/", {"q": typo})
                names = [o.name for o in response.context["organizations"]]
                self.assertEqual(names[0], "HTX Nông nghiệp Phù Vân")
                self.assertContains(response, "có tên gần giống")
        self.assertEqual(self.names(q="xyzw qqq"), [])

    def test_a_search_reads_the_names_once_when_its_count_is_known(self):
        clear_caches()
        self.client.cookies["sessionid"] = "khong-co-phien"  # the page cache steps aside

        def searches():
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/hop-tac-xa/", {"q": "phu van"})
            self.assertEqual([o.name for o in response.context["organizations"]],
                             ["HTX Nông nghiệp Phù Vân"])  # fmt: skip
            return [q["sql"] for q in queries if "LIKE" in q["sql"].upper()]

        first = searches()
        # Counted (whether any, and how many), the whole-word matches picked out, then
        # the page read by their ids.
        self.assertEqual(len(first), 2, first)
        self.assertTrue(first[0].upper().startswith("SELECT COUNT("), first)
        self.assertEqual(searches(), [])  # both are known: the page is read by ids only

    def test_the_lists_read_from_the_registry_are_read_once_and_follow_its_changes(self):
        self.client.cookies["sessionid"] = "khong-co-phien"  # the page cache steps aside
        self.client.get("/hop-tac-xa/", {"q": "phu van"})
        with CaptureQueriesContext(connection) as queries:
            page = self.client.get("/hop-tac-xa/", {"q": "phu van"})
        sectors = [q["sql"] for q in queries if 'FROM "cooperatives_sector"' in q["sql"]]
        self.assertEqual(sectors, [])  # the list of sectors, read for the first page only
        self.assertNotContains(page, "Lâm nghiệp mới")
        Sector.objects.create(name="Lâm nghiệp mới")
        f.area("14001", "Xã Mới Lập", Area.Level.COMMUNE, self.y_yen,
               valid_to=REFORM - datetime.timedelta(days=1))  # fmt: skip
        page = self.client.get("/hop-tac-xa/", {"q": "phu van"})
        self.assertContains(page, "Lâm nghiệp mới</option>")
        self.assertContains(page, "Xã Mới Lập (Huyện Ý Yên)</option>")
        chosen = self.client.get("/hop-tac-xa/", {"q": "phu van", "area": "14001@30-06-2025"})
        self.assertContains(chosen, '<option value="14001@30-06-2025" selected>')

    def test_each_listed_organisation_links_to_its_page_with_its_labels(self):
        odd = f.organization(self.yen_bang, code="HTX 07 (A)&B", name="HTX Mã Lạ",
                             status=Organization.Status.SUSPENDED,
                             status_changed_on=datetime.date(2025, 3, 1))  # fmt: skip
        self.phu_van.refresh_from_db()
        listed = public.for_listing([odd, self.phu_van], timezone.localdate())
        for row, org in zip(listed, [odd, self.phu_van], strict=True):
            self.assertEqual(row.url, org.get_absolute_url())
            self.assertEqual(row["kind_label"], org.get_kind_display())
            self.assertEqual(row.status_label, org.get_status_display())
            self.assertEqual(row.sector_name, org.sector.name)
            self.assertEqual((row.name, row.code, row.status), (org.name, org.code, org.status))
        with self.assertRaises(AttributeError):
            listed[0].founded_on  # noqa: B018 (a row has what the list shows, no more)
        page = self.client.get("/hop-tac-xa/", {"q": "ma la"})
        self.assertContains(page, f'<a href="{odd.get_absolute_url()}">HTX Mã Lạ</a>', html=True)
        self.assertContains(page, "<strong>Tạm ngừng</strong>", html=True)

    def test_a_page_of_the_directory_reads_each_table_once_whatever_its_length(self):
        def count() -> int:
            clear_caches()
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/hop-tac-xa/", {"q": "htx"})
            self.assertEqual(response.status_code, 200)
            return len(queries)

        count()
        few = count()
        for number in range(15):
            f.organization(self.yen_bang, name=f"HTX Thêm {number}",
                           status=Organization.Status.SUSPENDED,
                           status_changed_on=datetime.date(2025, 3, 1))  # fmt: skip
        count()  # the area tree of the new registry version is loaded once per process
        self.assertEqual(count(), few)

    def test_non_public_organisations_never_appear(self):
        self.assertNotIn("HTX Ẩn Danh", self.names())
        self.assertEqual(self.names(q="an danh"), [])
        self.assertEqual(self.client.get("/hop-tac-xa/0600000302/").status_code, 404)

    def test_filters_by_kind_sector_status_stars_and_membership(self):
        f.organization(self.hai_phuc, code="0600000303", name="Quỹ TDND Hải Phúc",
                       kind=Organization.Kind.CREDIT_FUND, sector_name="Tín dụng")  # fmt: skip
        self.assertEqual(self.names(kind="credit_fund"), ["Quỹ TDND Hải Phúc"])
        self.assertNotIn("Quỹ TDND Hải Phúc", self.names(kind="htx"))
        self.assertIn("HTX Nông nghiệp Phù Vân", self.names(stars=4))
        self.assertNotIn("HTX Mây tre đan Hải Phúc", self.names(stars=4))
        self.phu_van.is_alliance_member = True
        self.phu_van.save()
        self.assertEqual(self.names(member="co"), ["HTX Nông nghiệp Phù Vân"])
        self.assertEqual(self.names(status="dissolved"), [])

    def test_areas_old_and_new(self):
        # The old district (gone since the reform) and the new commune both find Phù Vân.
        self.assertIn("HTX Nông nghiệp Phù Vân", self.names(area="360"))
        self.assertNotIn("HTX Mây tre đan Hải Phúc", self.names(area="360"))
        new = self.names(area="15001")
        self.assertIn("HTX Nông nghiệp Phù Vân", new)
        self.assertIn("HTX Mây tre đan Hải Phúc", new)
        page = self.client.get("/hop-tac-xa/", {"q": "phu van"})
        self.assertContains(page, "Xã Yên Đồng, Tỉnh Ninh Bình")
        self.assertContains(page, "trước 01/07/2025: Xã Yên Bằng, Huyện Ý Yên, Tỉnh Nam Định")

    def test_a_unit_split_by_the_reform_is_marked_old(self):
        split = f.area("13950", "Xã Yên Tách", Area.Level.COMMUNE, self.y_yen,
                       valid_to=REFORM - datetime.timedelta(days=1))  # fmt: skip
        split.successors.add(
            self.new_commune,
            f.area("15002", "Xã Yên Mới", Area.Level.COMMUNE, self.ninh_binh, valid_from=REFORM),
        )
        f.organization(split, code="0600000304", name="HTX Yên Tách")
        clear_caches()
        page = self.client.get("/hop-tac-xa/", {"q": "yen tach"})
        self.assertContains(page, "Xã Yên Tách, Huyện Ý Yên, Tỉnh Nam Định")
        self.assertContains(page, "(đơn vị hành chính cũ, đến 30/06/2025)")
        page = self.client.get("/hop-tac-xa/0600000304/")
        self.assertContains(page, "(đơn vị hành chính cũ, đến 30/06/2025, chưa xác định")

    def test_sorting_paging_and_bad_values(self):
        for number in range(25):
            f.organization(self.hai_phuc, code=f"09{number:08d}", name=f"HTX Số {number:02d}")
        first = self.client.get("/hop-tac-xa/", {"sort": "ma"})
        self.assertEqual(first.context["organizations"][0].code, "0600000001")
        self.assertContains(first, "Trang 1/2")
        self.assertContains(first, 'href="?sort=ma&amp;page=2"')
        self.assertContains(first, '<span aria-current="page" class="current">1</span>')
        self.assertContains(first, 'aria-label="Trang 2">2</a>')
        # A page beyond the last goes to the last; below the first, to the first; a number
        # written otherwise to its plain spelling; anything else is not a page.
        self.assertRedirects(self.client.get("/hop-tac-xa/?sort=ma&page=99"),
                             "/hop-tac-xa/?sort=ma&page=2")  # fmt: skip
        self.assertRedirects(self.client.get("/hop-tac-xa/?page=0"), "/hop-tac-xa/")
        self.assertRedirects(self.client.get("/hop-tac-xa/?page=02"), "/hop-tac-xa/?page=2")
        self.assertEqual(self.client.get("/hop-tac-xa/?page=hai").status_code, 404)
        clear_caches()  # the redirects' targets were cached: this page must be made anew
        odd = self.client.get("/hop-tac-xa/", {"kind": "x", "sector": "abc", "stars": "9",
                                               "area": "khong-co", "sort": "?"})  # fmt: skip
        self.assertEqual(odd.status_code, 200)
        self.assertEqual(len(odd.context["organizations"]), 20)

    def test_a_search_shows_the_visitors_own_spelling(self):
        f.organization(self.hai_phuc, code="0900000001", name="HTX Chè Bảo Lộc")
        clear_caches()
        for spelling in ("Bảo Lộc", "bao loc", "BAO LOC"):
            page = self.client.get("/hop-tac-xa/", {"q": spelling})
            self.assertContains(page, f"có tên chứa “{spelling}”")
            self.assertContains(page, f'value="{spelling}"')
            self.assertContains(page, "HTX Chè Bảo Lộc")

    def test_sort_options_come_from_one_list(self):
        """The form offers every order of ``DIRECTORY_SORTS`` with its label, the page
        orders by it, and the cache key keeps exactly its values."""
        from django.test import RequestFactory

        from cooperatives.public import DIRECTORY_SORTS
        from cooperatives.urls import directory_key

        page = self.client.get("/hop-tac-xa/")
        self.assertContains(page, '<option value="" selected>Mặc định</option>', html=True)
        for value, (label, ordering) in DIRECTORY_SORTS.items():
            self.assertContains(page, f'<option value="{value}">{label}</option>', html=True)
            sorted_page = self.client.get("/hop-tac-xa/", {"sort": value})
            expected = list(
                Organization.objects.filter(is_public=True)
                .order_by(*ordering)
                .values_list("code", flat=True)[:20]
            )
            codes = [org.code for org in sorted_page.context["organizations"]]
            self.assertEqual(codes, expected, value)
            key = directory_key(RequestFactory().get("/hop-tac-xa/", {"sort": value}))
            self.assertIn(f"('sort', '{value}')", key)
        junk = directory_key(RequestFactory().get("/hop-tac-xa/", {"sort": "?"}))
        self.assertEqual(junk, directory_key(RequestFactory().get("/hop-tac-xa/")))

    def test_no_private_data(self):
        page = self.client.get("/hop-tac-xa/")
        for private in ("036090001234", "Trần Văn An"):
            self.assertNotContains(page, private)

    def test_query_count_does_not_grow_with_rows(self):
        def count(**params):
            clear_caches()
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/hop-tac-xa/", params)
            return len(queries)

        count()  # the day's visit row exists from here on
        few = [count(), count(q="htx"), count(area="15001", stars=3)]
        self.add_orgs(15, self.yen_bang)
        count()  # the area tree of the new registry version is loaded once per process
        self.assertEqual([count(), count(q="htx"), count(area="15001", stars=3)], few)


class OrganizationPageTests(PublicPagesTestCase):
    def test_what_the_public_page_shows(self):
        page = self.client.get("/hop-tac-xa/0600000301/")
        for text in (
            "<h1>HTX Nông nghiệp Phù Vân</h1>",
            "Xã Yên Đồng, Tỉnh Ninh Bình",
            "Trước 01/07/2025: Xã Yên Bằng, Huyện Ý Yên, Tỉnh Nam Định",
            "Gạo Tám Phù Vân",
            "4 sao",
            "Đã hết hạn ngày",
            "Từ 1 đến 5 tỷ đồng",  # 2023: 3.200 triệu
            "Trên 10 tỷ đồng",  # 2024: 12.500 triệu
            "<figcaption>Số thành viên và lao động theo năm</figcaption>",
            "Năm 2023: 45 thành viên, 20 lao động; năm 2024: 52 thành viên, 24 lao động.",
            "Phù Vân đạt chứng nhận OCOP 4 sao",
            '<link rel="canonical" href="http://testserver/hop-tac-xa/0600000301/">',
        ):
            self.assertContains(page, text)
        self.assertNotContains(page, "3.200")  # the exact revenue stays in the register
        self.assertNotContains(page, ">99<")  # draft figures are not public
        # The table under the chart is the page's own, not the chart's folded copy.
        self.assertContains(page, "Số liệu cả năm đã được Liên minh HTX duyệt")
        self.assertNotContains(page, "Xem bảng số liệu")

    def test_a_year_without_approved_figures_keeps_its_place_in_the_chart(self):
        f.figures(self.phu_van, 2026, 12, members=60, workers=30, state="approved")
        page = self.client.get("/hop-tac-xa/0600000301/")
        svg = re.search(r"<svg.*?</svg>", page.content.decode(), re.S).group()
        # 2025 has only a draft: its slot and label stay, marked, without the draft's numbers.
        self.assertEqual(re.findall(r">(20\d\d)</text>", svg), ["2023", "2024", "2025", "2026"])
        self.assertIn("năm 2025: không có số liệu", svg)
        self.assertIn('stroke-dasharray="4 3"', svg)
        self.assertNotIn(">99<", svg)

    def test_never_member_registers_or_id_numbers(self):
        page = self.client.get("/hop-tac-xa/0600000001/")
        self.assertEqual(page.status_code, 200)
        for private in ("036090001234", "Trần Văn An", self.own.representative or "§"):
            self.assertNotContains(page, private)

    def test_unknown_and_hidden_are_404(self):
        self.assertEqual(self.client.get("/hop-tac-xa/9999999999/").status_code, 404)
        self.assertEqual(self.client.get("/hop-tac-xa/0600000302/").status_code, 404)

    def test_query_count_does_not_grow_with_its_records(self):
        def count():
            clear_caches()
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/hop-tac-xa/0600000301/")
            return len(queries)

        count()
        few = count()
        for year in range(2010, 2020):
            f.figures(self.phu_van, year, 12, members=10, state="approved")
            f.ocop(self.phu_van, name=f"Sản phẩm {year}", stars=3)
        count()  # the area tree of the new registry version is loaded once per process
        self.assertEqual(count(), few)

    def test_a_change_shows_at_once(self):
        self.assertContains(self.client.get("/hop-tac-xa/0600000301/"), "HTX Nông nghiệp Phù Vân")
        self.phu_van.name = "HTX Dịch vụ Phù Vân"
        self.phu_van.save()
        self.assertContains(self.client.get("/hop-tac-xa/0600000301/"), "HTX Dịch vụ Phù Vân")


class OcopCatalogueTests(PublicPagesTestCase):
    def products(self, **params) -> list[tuple[str, bool]]:
        clear_caches()
        response = self.client.get("/san-pham-ocop/", params)
        return [(p.name, valid) for p, valid in response.context["products"]]

    def test_expired_certificates_are_never_shown_valid(self):
        listed = dict(self.products())
        self.assertTrue(listed["Gạo Tám Phù Vân"])
        self.assertNotIn("Nước mắm cũ", listed)
        everything = dict(self.products(expired="co"))
        self.assertFalse(everything["Nước mắm cũ"])
        page = self.client.get("/san-pham-ocop/", {"expired": "co"})
        self.assertContains(page, "Đã hết hạn")

    def test_filters_by_stars_group_area_and_name(self):
        self.assertEqual([n for n, _ in self.products(stars=4)], ["Gạo Tám Phù Vân"])
        self.assertEqual(self.products(group="drink", stars=4), [])
        self.assertIn("Gạo Tám Phù Vân", [n for n, _ in self.products(area="360")])
        self.assertNotIn("Gạo Tám Phù Vân", [n for n, _ in self.products(area="366")])
        self.assertEqual([n for n, _ in self.products(q="gao tam")], ["Gạo Tám Phù Vân"])

    def test_products_of_hidden_organisations_do_not_appear(self):
        f.ocop(self.hidden, name="Sản phẩm bí mật", stars=5)
        self.assertNotIn("Sản phẩm bí mật", [n for n, _ in self.products(expired="co")])


class HomeAndSitemapTests(PublicPagesTestCase):
    def test_home_has_news_numbers_and_products(self):
        news.article("Tin nổi bật của Liên minh", featured=True)
        page = self.client.get("/")
        for text in ("Tin nổi bật của Liên minh", "Phù Vân đạt chứng nhận OCOP 4 sao",
                     "Gạo Tám Phù Vân", "Kinh tế tập thể trong con số", "sản phẩm 4 sao",
                     "Đang online"):  # fmt: skip
            self.assertContains(page, text)
        self.assertNotContains(page, "HTX Ẩn Danh")

    def test_home_counts_and_features_only_valid_products_of_public_organisations(self):
        today = timezone.localdate()
        days = datetime.timedelta
        f.ocop(self.hidden, name="Sản phẩm bí mật", stars=5, certified_on=today - days(5))
        other = f.organization(self.yen_bang, code="0600000303", name="HTX Chè Yên Bằng")
        for number, (stars, age) in enumerate([(5, 200), (4, 10), (5, 100), (3, 1), (4, 10)]):
            f.ocop(other, name=f"Chè {number}", stars=stars, certified_on=today - days(age))
        clear_caches()
        part = self.client.get("/").context
        # Valid: Gạo Tám (4 stars) and the five teas; the expired fish sauce and the hidden
        # organisation's product are neither counted nor shown.
        self.assertEqual(part["ocop_total"], 6)
        self.assertEqual(part["ocop_by_stars"], [(5, 2), (4, 3), (3, 1)])
        self.assertEqual(
            [p.name for p in part["products"]],
            # 4 stars and up: more stars first, then the newest certificate, then the oldest record
            ["Chè 2", "Chè 0", "Chè 1", "Chè 4", "Gạo Tám Phù Vân"],
        )
        self.assertEqual(part["products"][0].organization, other)

    def test_home_query_count_does_not_grow(self):
        def count():
            clear_caches()
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/")
            return len(queries)

        count()
        few = count()
        self.add_orgs(10, self.yen_bang)
        for number in range(10):
            news.article(f"Tin thêm {number}", featured=number < 4)
        count()  # the area tree of the new registry version is loaded once per process
        self.assertEqual(count(), few)

    def test_sitemap_lists_public_organisations_and_pages(self):
        index = self.client.get("/sitemap.xml").content.decode()
        sections = re.findall(r"<loc>http://testserver(/sitemap-[^<]*)</loc>", index)
        self.assertEqual(
            sorted(sections),
            [
                "/sitemap-hoi-dap.xml",
                "/sitemap-hop-tac-xa.xml",
                "/sitemap-san-pham-ocop.xml",
                "/sitemap-thu-vien.xml",
                "/sitemap-tin-tuc.xml",
                "/sitemap-trang.xml",
                "/sitemap-van-ban.xml",
            ],
        )
        locations = set()
        for section in sections:
            sitemap = self.client.get(section).content.decode()
            locations |= set(re.findall(r"<loc>http://testserver(/[^<]*)</loc>", sitemap))
        self.assertIn("/hop-tac-xa/0600000301/", locations)
        self.assertNotIn("/hop-tac-xa/0600000302/", locations)
        for page in ("/", "/hop-tac-xa/", "/san-pham-ocop/", "/tin-tuc/", "/thong-ke/",
                     self.article.get_absolute_url()):  # fmt: skip
            self.assertIn(page, locations)

    def test_sitemap_sections_are_counted_once_per_registry_version(self):
        def queries(path):
            with CaptureQueriesContext(connection) as captured:
                # A cookie of no session: the page cache steps aside, as for the first
                # visitor after a change.
                self.client.get(path, HTTP_COOKIE="sessionid=none")
            return [q["sql"] for q in captured if "cooperatives_" in q["sql"]]

        first = queries("/sitemap.xml")
        self.assertTrue(any("COUNT(" in sql for sql in first))
        self.assertEqual(queries("/sitemap.xml"), [])  # counts and dates kept
        self.assertEqual(len(queries("/sitemap-hop-tac-xa.xml")), 1)  # the page's rows only
        f.organization(self.yen_bang, code="0600000309", name="HTX Mới")
        self.assertTrue(any("COUNT(" in sql for sql in queries("/sitemap.xml")))
        page = self.client.get("/sitemap-hop-tac-xa.xml").content.decode()
        self.assertIn("/hop-tac-xa/0600000309/", page)
        self.assertNotIn("<changefreq>", page)  # ignored by search engines: bytes for nothing
        self.assertNotIn("<priority>", page)

    def test_a_large_sitemap_is_split_into_pages_the_index_lists(self):
        from cooperatives.sitemaps import OrganizationSitemap

        OrganizationSitemap.limit, limit = 2, OrganizationSitemap.limit
        self.addCleanup(setattr, OrganizationSitemap, "limit", limit)
        index = self.client.get("/sitemap.xml").content.decode()
        self.assertIn("/sitemap-hop-tac-xa.xml?p=2", index)
        self.assertEqual(self.client.get("/sitemap-hop-tac-xa.xml?p=2").status_code, 200)


class CachingTests(PublicPagesTestCase):
    def test_junk_values_share_one_entry_and_odd_page_numbers_are_not_stored(self):
        from django.core.cache import cache as pages

        self.client.get("/hop-tac-xa/")
        before = len(pages._cache)
        for number in range(5):
            self.client.get("/hop-tac-xa/", {"kind": f"zzz{number}"})
            self.client.get("/tin-tuc/", {"page": f"0{number + 1}"})
        self.assertLessEqual(len(pages._cache) - before, 2)

    def test_a_visitor_with_a_pending_message_is_served_fresh_and_not_stored(self):
        self.client.cookies["messages"] = "x"
        self.client.get("/hop-tac-xa/")
        self.client.cookies.pop("messages")
        self.assertIsNotNone(self.client.get("/hop-tac-xa/").context)  # not from the cache

    def test_hiding_an_organisation_takes_it_off_its_articles_at_once(self):
        url = self.article.get_absolute_url()
        self.assertContains(self.client.get(url), "HTX Nông nghiệp Phù Vân")
        self.phu_van.is_public = False
        self.phu_van.save()
        self.assertNotContains(self.client.get(url), "HTX Nông nghiệp Phù Vân")

    def test_a_unit_that_has_not_started_is_no_filter_and_no_error(self):
        f.area("99001", "Xã Tương Lai", Area.Level.COMMUNE, self.ninh_binh,
               valid_from=timezone.localdate() + datetime.timedelta(days=30))  # fmt: skip
        for url in ("/hop-tac-xa/?area=99001", "/san-pham-ocop/?area=99001"):
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertNotContains(self.client.get("/hop-tac-xa/"), "Xã Tương Lai")

    def test_a_query_of_kind_words_only_lists_that_kind(self):
        f.organization(self.hai_phuc, code="0600000303", name="Quỹ TDND Hải Phúc",
                       kind=Organization.Kind.CREDIT_FUND, sector_name="Tín dụng")  # fmt: skip
        clear_caches()
        names = [o.name for o in self.client.get("/hop-tac-xa/", {"q": "quy tin dung"}).context[
            "organizations"]]  # fmt: skip
        self.assertEqual(names, ["Quỹ TDND Hải Phúc"])


class VisitorCounterTests(PublicPagesTestCase):
    def test_visits_not_page_views_and_no_write_per_view(self):
        from core import visitors

        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                self.client.get("/tin-tuc/")
        writes = [q for q in queries if q["sql"].startswith(("INSERT", "UPDATE"))]
        # At most the once-a-minute flush: an update, and an insert the first time of a day.
        self.assertLessEqual(len(writes), 2)
        other = self.client_class()
        other.get("/tin-tuc/", HTTP_USER_AGENT="Mozilla/5.0")
        self.client.get("/tin-tuc/", HTTP_USER_AGENT="Googlebot/2.1")
        numbers = visitors.numbers()
        self.assertEqual(numbers["today"], 2)  # two browsers, five + one views
        self.assertEqual(numbers["online"], 2)
        page = self.client.get("/hop-tac-xa/")
        self.assertContains(page, "Hôm nay: <strong>2</strong>")
        self.assertRegex(page.cookies["htx_luot"].value, r"^[0-9]+$")  # a window, no id

    def test_a_new_visitors_view_costs_three_cache_operations(self):
        """With Redis each is a round trip, on every view, cached pages included."""
        from unittest import mock

        from core import visitors

        cache = caches["visitors"]
        with mock.patch("core.visitors.time.time", return_value=1_800_000_000.0):
            self.client.get("/tin-tuc/")  # the day's and the window's counts exist from here
        calls, inside = [], []
        names = ("get", "get_many", "add", "incr", "set", "delete")
        originals = {name: getattr(cache, name) for name in names}

        def spy(name):
            def call(*args, **kwargs):
                if not inside:  # the local cache's get_many calls get: one operation
                    calls.append(name)
                inside.append(name)
                try:
                    return originals[name](*args, **kwargs)
                finally:
                    inside.pop()

            return call

        window = 1_800_000_000.0  # within one five-minute window from the first view
        clock = mock.patch("core.visitors.time.time", return_value=window)
        with clock, mock.patch.multiple(cache, **{name: spy(name) for name in originals}):
            self.client_class().get("/tin-tuc/")  # a browser never seen
            new = list(calls)
            self.client.get("/tin-tuc/")  # a known browser, within its window
        # Counted: the day's visits and the window's browsers (incr); shown: the stored
        # totals, the day's pending visits, this window's and the last window's browsers
        # (one get_many). No flush lock asked for: this process asked on the first view,
        # and asks again after FLUSH_TRY_SECONDS.
        self.assertEqual(sorted(new), ["get_many", "incr", "incr"])
        self.assertEqual(calls[len(new) :], ["get_many"])
        self.assertEqual(visitors.numbers()["today"], 2)

    def test_a_browser_is_online_once_a_window_and_its_cookie_holds_nothing_else(self):
        from unittest import mock

        from core import visitors

        start = 1_800_000_000.0  # the start of a five-minute window
        with mock.patch("core.visitors.time.time", return_value=start):
            page = self.client.get("/tin-tuc/")
            self.client.get("/tin-tuc/")
            self.assertEqual(visitors.numbers()["online"], 1)
        window = int(start // visitors.ONLINE_SECONDS)
        self.assertEqual(page.cookies["htx_luot"].value, str(window))
        later = start + visitors.ONLINE_SECONDS
        with mock.patch("core.visitors.time.time", return_value=later):
            page = self.client.get("/tin-tuc/")
            # Counted again in the new window, still the same visit.
            self.assertEqual(caches["visitors"].get(visitors._online_key(window + 1)), 1)
            self.assertEqual(page.cookies["htx_luot"].value, str(window + 1))
            # The random token of earlier versions: a known browser, not a new visit.
            other = self.client_class()
            other.cookies["htx_luot"] = "0123456789abcdef"
            other.get("/tin-tuc/")
            self.assertEqual(visitors.numbers()["online"], 2)
        self.assertEqual(visitors.numbers()["today"], 1)

    def test_counts_reach_the_database_as_sums_only(self):
        from core import visitors
        from core.models import VisitDay

        self.client.get("/tin-tuc/")
        caches["visitors"].delete("visitors:flush-lock")
        visitors.flush()
        self.assertEqual(list(VisitDay.objects.values_list("visits", flat=True)), [1])
        self.assertEqual(visitors.numbers()["all"], 1)
