"""Vietnam's real administrative units (the pinned vietnamadminunits data set) and the
areas import rules that let official codes be reused across the 2025 reform."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives import official_units
from cooperatives.models import Area, AreaMap, ImportBatch, Location, Organization
from cooperatives.spreadsheets.undo import undo_batch
from reports.compute import build_report
from reports.models import Target
from testing import factories as f
from testing.spreadsheets import ORG_HEADER, csv_file, org_row, run

D2024 = datetime.date(2024, 12, 31)
D2025 = datetime.date(2025, 12, 31)
LAST_OLD = datetime.date(2025, 6, 30)
AREAS_HEADER = ["Mã", "Tên", "Cấp", "Mã cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Thay thế bởi"]


def load_areas(*codes: str) -> str:
    out = io.StringIO()
    call_command("load_areas", *(["--province", *codes] if codes else []), stdout=out)
    return out.getvalue()


class NinhBinhTerritoryTests(TestCase):
    """The new Tỉnh Ninh Bình: old Hà Nam (35), Nam Định (36) and Ninh Bình (37)."""

    @classmethod
    def setUpTestData(cls):
        cls.output = load_areas("36")

    def test_loads_the_whole_territory_of_the_new_province(self):
        data = official_units.load()
        self.assertEqual(data.groups["37"], ["35", "36", "37"])
        self.assertEqual(Area.objects.count(), len(data.select(["37"])))
        new = Area.objects.with_code_on("37", D2025)
        self.assertEqual(
            (new.name, new.valid_from, new.valid_to),
            ("Tỉnh Ninh Bình", datetime.date(2025, 7, 1), None),
        )
        self.assertEqual(new.children.count(), 129)  # the new communes, no districts
        old = {a.code: a for a in Area.objects.filter(level="province", valid_to=LAST_OLD)}
        self.assertEqual(sorted(old), ["35", "36", "37"])
        self.assertEqual(old["36"].name, "Tỉnh Nam Định")
        self.assertEqual(list(old["36"].successors.all()), [new])
        self.assertEqual(old["36"].children.count(), 9)  # Nam Định's districts since 2020
        self.assertIn("553 tạo mới", self.output)

    def test_a_reused_commune_code_names_the_old_unit_in_2024_and_the_new_one_in_2025(self):
        old = Area.objects.with_code_on("14011", D2024)
        new = Area.objects.with_code_on("14011", D2025)
        self.assertEqual((old.name, old.valid_to, old.parent.name), ("Xã Bình Minh", LAST_OLD,
                         "Huyện Nam Trực"))  # fmt: skip
        self.assertEqual((new.name, new.valid_from, new.parent.code), ("Xã Nam Minh",
                         datetime.date(2025, 7, 1), "37"))  # fmt: skip
        self.assertEqual(list(old.successors.all()), [new])
        self.assertEqual(old.label, "Xã Bình Minh · 14011 · đến 30/06/2025")

    def test_a_split_commune_has_several_successors_and_the_data_set_default(self):
        data = official_units.load()
        split = {
            code: default
            for code, default in data.default_successor.items()
            if Area.objects.filter(code=code, valid_to=LAST_OLD).exists()
        }
        self.assertTrue(split, "the territory has communes split between new communes")
        code, default = sorted(split.items())[0]
        old = Area.objects.get(code=code, valid_to=LAST_OLD)
        successors = {a.code for a in old.successors.all()}
        self.assertGreater(len(successors), 1)
        self.assertIn(default, successors)
        self.assertEqual(official_units.default_successor_code(code), default)
        self.assertIsNone(AreaMap().resolve(old.pk, D2025))  # unplaced, not guessed
        self.assertEqual(AreaMap().resolve(old.pk, LAST_OLD), old.pk)

    def test_running_twice_changes_nothing(self):
        batches = ImportBatch.objects.count()
        history = Area.history.count()
        output = load_areas("37")  # the same territory, named by its new code
        self.assertIn("tất cả không thay đổi", output)
        self.assertEqual((ImportBatch.objects.count(), Area.history.count()), (batches, history))

    def test_an_unknown_province_code_is_refused_in_vietnamese(self):
        with self.assertRaisesMessage(CommandError, "Không có tỉnh nào mang mã 99"):
            load_areas("99")

    def test_an_organisation_file_resolves_the_code_on_its_day(self):
        rows = [
            [*org_row(code="0600000101", area="14011"), "01/03/2024"],
            [*org_row(code="0600000102", area="14011"), "01/08/2025"],
            [*org_row(code="0600000103", area="14011", founded="05/05/2019"), ""],
        ]
        result = run("organizations", csv_file([[*ORG_HEADER, "Địa bàn từ ngày"], *rows]), "a.csv")
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        located = dict(
            Location.objects.filter(organization__code__startswith="06000001").values_list(
                "organization__code", "area__name"
            )
        )
        self.assertEqual(
            located,
            {
                "0600000101": "Xã Bình Minh",
                "0600000102": "Xã Nam Minh",
                "0600000103": "Xã Bình Minh",
            },
        )

    def test_a_code_no_unit_had_on_the_day_says_which_unit_had_it_when(self):
        # 14011 existed on every day; an old-only code (Nam Trực's district, 362) did not
        # exist in August 2025.
        rows = [[*org_row(code="0600000104", area="362"), "01/08/2025"]]
        result = run("organizations", csv_file([[*ORG_HEADER, "Địa bàn từ ngày"], *rows]), "a.csv")
        self.assertEqual(
            [str(e) for e in result.errors],
            [
                'Dòng 2, cột "Địa bàn": "362" không phải mã của đơn vị hành chính nào vào ngày '
                "01/08/2025: mã này là Huyện Nam Trực (đến 30/06/2025)."
            ],
        )
        self.assertFalse(Organization.objects.filter(code="0600000104").exists())

    def test_a_target_names_the_unit_with_the_code_at_the_periods_end(self):
        header = ["Địa bàn", "Năm", "Số tháng", "Chỉ tiêu", "Giá trị"]
        rows = [["37", 2024, 12, "htx_new", 10], ["37", 2025, 12, "htx_new", 30]]
        result = run("targets", csv_file([header, *rows]), "chi-tieu.csv")
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        targets = dict(Target.objects.values_list("year", "area__valid_from"))
        self.assertEqual(targets, {2024: None, 2025: datetime.date(2025, 7, 1)})

    def test_undo_of_the_load_removes_every_unit(self):
        batch = ImportBatch.objects.get(kind="areas")
        undo_batch(batch=batch)
        self.assertEqual(Area.objects.count(), 0)


class AreaFileReusedCodeTests(TestCase):
    """The areas spreadsheet with codes reused across the reform (contract §1.1)."""

    @classmethod
    def setUpTestData(cls):
        P = Area.Level.PROVINCE
        cls.old = f.area("08", "Tỉnh Tuyên Quang", P, valid_to=LAST_OLD)

    def areas(self, *rows):
        return run("areas", csv_file([AREAS_HEADER, *rows]), "dvhc.csv")

    def test_a_new_unit_with_a_reused_code_is_created_beside_the_old_one(self):
        result = self.areas(
            ["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "01/07/2025", "", ""],
            ["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "", "30/06/2025", "08"],
        )
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        self.assertEqual((result.created, result.updated), (1, 1))
        new = Area.objects.get(code="08", valid_from=datetime.date(2025, 7, 1))
        self.assertEqual(list(self.old.successors.all()), [new])

    def test_two_rows_of_one_code_whose_validity_overlaps_are_refused(self):
        result = self.areas(
            ["15", "Tỉnh Yên Bái", "Tỉnh", "", "", "30/06/2025", ""],
            ["15", "Tỉnh Lào Cai", "Tỉnh", "", "01/06/2025", "", ""],
        )
        self.assertIn(
            'Dòng 3, cột "Mã": "15" trùng với dòng 2 trong cùng tệp: hai đơn vị cùng mã có '
            "hiệu lực trùng nhau.",
            [str(e) for e in result.errors],
        )
        self.assertFalse(Area.objects.filter(code="15").exists())

    def test_a_row_overlapping_two_stored_units_of_its_code_is_refused(self):
        self.areas(["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "01/07/2025", "", ""])
        result = self.areas(["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "", "", ""])
        self.assertFalse(result.ok)
        self.assertIn("có hiệu lực trùng với nhiều đơn vị đã lưu cùng mã", str(result.errors[0]))
        self.assertIn("Tỉnh Tuyên Quang · 08 · đến 30/06/2025", str(result.errors[0]))

    def test_a_parent_code_is_looked_up_on_the_rows_first_day(self):
        result = self.areas(
            ["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "01/07/2025", "", ""],
            ["02264", "Xã Minh Quang", "Xã", "08", "01/07/2025", "", ""],
            ["070", "Huyện Na Hang", "Huyện", "08", "", "30/06/2025", ""],
        )
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        commune = Area.objects.get(code="02264")
        district = Area.objects.get(code="070")
        self.assertEqual(commune.parent.valid_from, datetime.date(2025, 7, 1))
        self.assertEqual(district.parent, self.old)

    def test_a_successor_must_exist_the_day_after_the_unit_ends(self):
        # The old province ends on 30/06/2025: no unit has code 08 on 01/07/2025 yet.
        result = self.areas(["02", "Tỉnh Hà Giang", "Tỉnh", "", "", "30/06/2025", "08"])
        self.assertEqual(
            [str(e) for e in result.errors],
            [
                'Dòng 2, cột "Thay thế bởi": "08" (“08”) không phải mã của đơn vị hành chính '
                "nào vào ngày 01/07/2025: mã này là Tỉnh Tuyên Quang (đến 30/06/2025)."
            ],
        )
        self.assertFalse(Area.objects.filter(code="02").exists())


class NationalUnitsTests(TestCase):
    """The official national list imports whole (it was refused at row 10,796 before), and
    neither reports nor admin lists issue more queries with its 14,138 units loaded."""

    @classmethod
    def setUpTestData(cls):
        load_areas("36")
        cls.staff = get_user_model().objects.create_superuser("quan-tri", "", None)
        for number, (code, since) in enumerate(
            [("14011", "2019-03-01"), ("13879", "2016-05-10"), ("13285", "2024-02-01")]
        ):
            commune = Area.objects.with_code_on(code, datetime.date.fromisoformat(since))
            org = f.organization(commune, code=f"06000009{number:02d}", name=f"HTX Thử {number}")
            Location.objects.filter(organization=org).update(
                valid_from=datetime.date.fromisoformat(since)
            )
            for year in (2024, 2025):
                f.figures(org, year, 12, workers=12, revenue=1500)
        cls.queries_before = cls.count_queries()
        cls.output = load_areas()
        cls.queries_after = cls.count_queries()

    @classmethod
    def count_queries(cls) -> dict[str, int]:
        from django.test import Client

        client = Client()
        client.force_login(cls.staff)
        new = Area.objects.with_code_on("37", D2025)
        old = Area.objects.with_code_on("36", D2024)
        pages = {
            "area list": reverse("admin:cooperatives_area_changelist"),
            "area search": reverse("admin:cooperatives_area_changelist") + "?q=minh",
            "autocomplete": reverse("admin:autocomplete")
            + "?term=minh&app_label=cooperatives&model_name=location&field_name=area",
            "unplaced": reverse("admin:cooperatives_unplacedorganization_changelist"),
            "organizations": reverse("admin:cooperatives_organization_changelist"),
        }
        counts = {}
        for name, url in pages.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            counts[name] = len(queries)
        for name, area, year in [("report 37", new, 2025), ("report 36", old, 2024)]:
            with CaptureQueriesContext(connection) as queries:
                build_report(area, year, 12)
            counts[name] = len(queries)
        return counts

    def test_reports_and_admin_lists_issue_as_many_queries_with_the_whole_country(self):
        self.assertEqual(self.queries_after, self.queries_before)

    def test_every_official_unit_is_loaded(self):
        self.assertIn("13.585 tạo mới, 0 cập nhật, 553 không thay đổi", self.output)
        self.assertEqual(Area.objects.count(), 14138)
        count = dict(
            Area.objects.values_list("level").annotate(n=Count("pk")).values_list("level", "n")
        )
        self.assertEqual(count, {"province": 63 + 34 - 11, "district": 696, "commune": 13356})
        self.assertEqual(Area.objects.existing_at(D2024).filter(level="province").count(), 63)
        self.assertEqual(Area.objects.existing_at(D2025).filter(level="province").count(), 34)
        self.assertEqual(Area.objects.existing_at(D2025).filter(level="district").count(), 0)
        self.assertEqual(Area.objects.existing_at(D2025).filter(level="commune").count(), 3321)

    def test_province_codes_reused_for_another_province(self):
        for code, before, after in [
            ("15", "Tỉnh Yên Bái", "Tỉnh Lào Cai"),
            ("24", "Tỉnh Bắc Giang", "Tỉnh Bắc Ninh"),
            ("44", "Tỉnh Quảng Bình", "Tỉnh Quảng Trị"),
            ("52", "Tỉnh Bình Định", "Tỉnh Gia Lai"),
            ("80", "Tỉnh Long An", "Tỉnh Tây Ninh"),
            ("82", "Tỉnh Tiền Giang", "Tỉnh Đồng Tháp"),
            ("91", "Tỉnh Kiên Giang", "Tỉnh An Giang"),
            ("08", "Tỉnh Tuyên Quang", "Tỉnh Tuyên Quang"),
        ]:
            with self.subTest(code=code):
                old = Area.objects.with_code_on(code, D2024)
                new = Area.objects.with_code_on(code, D2025)
                self.assertEqual((old.name, new.name), (before, after))
                self.assertNotEqual(old.pk, new.pk)
                self.assertEqual(list(old.successors.all()), [new])

    def test_the_eleven_provinces_left_whole_are_one_unit(self):
        whole = Area.objects.filter(level="province", valid_from=None, valid_to=None)
        self.assertEqual(
            sorted(whole.values_list("code", flat=True)),
            ["01", "04", "11", "12", "14", "20", "22", "38", "40", "42", "46"],
        )
        hanoi = whole.get(code="01")
        self.assertEqual(hanoi.children.existing_at(D2025).count(), 126)  # its new communes
        self.assertEqual(hanoi.children.existing_at(D2024).filter(level="district").count(), 30)

    def test_island_districts_became_special_zones(self):
        con_dao = Area.objects.get(code="755")  # Huyện Côn Đảo
        zone = con_dao.successors.get()
        self.assertEqual((zone.name, zone.level), ("Đặc khu Côn Đảo", "commune"))
        self.assertEqual(AreaMap().resolve(con_dao.pk, D2025), zone.pk)
