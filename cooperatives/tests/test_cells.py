import datetime
from decimal import Decimal

from django.test import SimpleTestCase

from cooperatives.models import Organization
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError


class NumberTests(SimpleTestCase):
    def test_vietnamese_and_plain_styles(self):
        cases = {
            "1.264": Decimal("1264"),
            "2.300,5": Decimal("2300.5"),
            "36,6": Decimal("36.6"),
            "-5,7": Decimal("-5.7"),
            "2300.5": Decimal("2300.5"),
            "1.234.567": Decimal("1234567"),
            "1.234.567,89": Decimal("1234567.89"),
            "1.2345": Decimal("1.2345"),
            "1.26": Decimal("1.26"),
            "0.500": Decimal("0.5"),
            " 15 ": Decimal("15"),
            "1\u00a0264": Decimal("1264"),
        }
        for text, expected in cases.items():
            self.assertEqual(cells.number(text), expected, text)

    def test_excel_number_cells(self):
        self.assertEqual(cells.number(2300.5), Decimal("2300.5"))
        self.assertEqual(cells.number(15), Decimal("15"))
        self.assertEqual(cells.number(0.1), Decimal("0.1"))

    def test_text_that_is_not_a_number(self):
        for text in ("abc", "1,264,000", "12.34.5", "2,3,4", "1..2", "--5"):
            with self.assertRaises(CellError, msg=text):
                cells.number(text)
        with self.assertRaisesMessage(CellError, "không phải là số"):
            cells.number("mười")

    def test_integer_rejects_fractions(self):
        self.assertEqual(cells.integer("1.264"), 1264)
        with self.assertRaisesMessage(CellError, "số nguyên"):
            cells.integer("2,5")


class DateTests(SimpleTestCase):
    def test_text_styles_and_excel_cells(self):
        expected = datetime.date(2023, 6, 30)
        for value in (
            "30/06/2023",
            "30/6/2023",
            "30-06-2023",
            "2023-06-30",
            datetime.datetime(2023, 6, 30),
            expected,
        ):
            self.assertEqual(cells.date(value), expected, value)
        self.assertEqual(cells.date("1/7/2025"), datetime.date(2025, 7, 1))

    def test_impossible_dates(self):
        for value in ("31/02/2021", "30/13/2023", "hôm qua", "2023", "06/30/2023"):
            with self.assertRaisesMessage(CellError, "không phải là ngày hợp lệ"):
                cells.date(value)


class YesNoAndChoiceTests(SimpleTestCase):
    def test_yes_no_spellings(self):
        for value in ("Có", "có", "CO", "x", "X", "1", 1):
            self.assertIs(cells.yes_no(value), True, value)
        for value in ("Không", "khong", "0", 0, "", None):
            self.assertIs(cells.yes_no(value), False, value)
        with self.assertRaisesMessage(CellError, "Có/Không"):
            cells.yes_no("chắc vậy")

    def test_choices_ignore_case_diacritics_spaces_and_accept_short_forms(self):
        kinds = cells.Choices(
            Organization.Kind.choices,
            {"LHHTX": "union", "THT": "group", "QTDND": "credit_fund"},
        )
        self.assertEqual(kinds(" liên hiệp htx "), "union")
        self.assertEqual(kinds("LIEN HIEP HTX"), "union")
        self.assertEqual(kinds("tht"), "group")
        self.assertEqual(kinds("Quỹ tdnd"), "credit_fund")
        with self.assertRaisesMessage(CellError, "không có trong danh sách"):
            kinds("Doanh nghiệp")

    def test_text_is_nfc_and_loses_the_export_formula_guard(self):
        self.assertEqual(cells.text("Phu\u0300 Va\u0302n "), "Phù Vân")
        self.assertEqual(cells.text("'=SUM(A1)"), "=SUM(A1)")
        self.assertEqual(cells.text("'bình thường"), "'bình thường")
        self.assertEqual(cells.text(36012345.0), "36012345")
