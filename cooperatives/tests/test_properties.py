"""Property-based tests (Hypothesis) of the spreadsheet cell parsers and of search folding.

Each property runs under the profile chosen in conftest.py ("ci" by default: a fixed
derandomised set of examples, so a run is repeatable and takes about a second per test;
HYPOTHESIS_PROFILE=fuzz for a long search). Every counterexample Hypothesis found is kept
as an ``@example`` and as an explicit test in ``FoundByFuzzingTests``.
"""

import datetime
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from django.test import SimpleTestCase, TestCase
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cooperatives.models import ImportBatch, Organization
from cooperatives.spreadsheets.export import escape
from core.lib.formatting import vn_number
from core.lib.text import fold, nfc
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError
from testing import factories as f
from testing.spreadsheets import FIGURES_HEADER, ORG_HEADER, csv_file, org_row, run

# Text of any kind: every Unicode category (surrogates cannot come out of a file) with NUL,
# control characters, combining marks and the separators a number may hold mixed in.
any_text = st.text(
    st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from("0123456789.,-+ \u00a0\x00\t\n\u0301\u0300\u0323đĐ'="),
    ),
    max_size=40,
)
# Vietnamese text: letters with their tone marks, in NFC or NFD, with spaces.
vietnamese_letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY "
tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
vietnamese_text = st.lists(
    st.tuples(st.sampled_from(vietnamese_letters), st.sampled_from(tones)).map("".join),
    max_size=30,
).map("".join)
decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, places=6
)
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(9999, 12, 31))

NUMBER_MESSAGES = ("không phải là số.", "là ngày, không phải là số.")


def control_messages(value) -> list[str]:
    """The control-character errors ``value`` may give (one per control character in it)."""
    return [
        cells.CONTROL_MESSAGE.format(code=f"U+{ord(ch):04X}")
        for ch in str(value)
        if cells.is_control(ch)
    ]


def has_combining(value: str) -> bool:
    return any(unicodedata.combining(ch) for ch in value)


class NumberProperties(SimpleTestCase):
    @given(decimals, st.integers(0, 6), st.booleans())
    @example(Decimal("1264"), 0, False)
    @example(Decimal("-0.5"), 3, False)
    @example(Decimal("0.000005"), 5, False)  # vn_number rounds half up
    def test_vietnamese_format_round_trips(self, value, places, strip_zero):
        shown = vn_number(value, places, strip_zero=strip_zero)
        expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        self.assertEqual(cells.number(shown), expected, shown)

    @given(st.integers(min_value=-(10**15), max_value=10**15))
    def test_integers_round_trip_through_grouping(self, value):
        self.assertEqual(cells.integer(vn_number(value)), value)

    @given(any_text)
    @example("NaN")
    @example("1e5")
    @example("\x00")
    def test_junk_is_a_number_or_a_vietnamese_error(self, value):
        try:
            result = cells.number(value)
        except CellError as error:
            self.assertIn(str(error), [*NUMBER_MESSAGES, *control_messages(value)])
        else:
            self.assertIsInstance(result, Decimal)
            self.assertTrue(result.is_finite(), value)

    @given(st.one_of(st.floats(), st.integers(), st.booleans(), st.none(), dates))
    @example(float("nan"))
    @example(float("inf"))
    def test_excel_cells_are_finite_numbers_or_errors(self, value):
        try:
            result = cells.number(value)
        except CellError as error:
            self.assertIn(str(error), NUMBER_MESSAGES)
            return
        self.assertTrue(result.is_finite(), value)

    @given(st.integers(1, 999), st.integers(0, 999), st.integers(0, 99))
    def test_separator_rules(self, head, group, fraction):
        grouped = f"{head}.{group:03d}"
        # A dot followed by exactly three digits groups thousands…
        self.assertEqual(cells.number(grouped), Decimal(head * 1000 + group))
        # … unless a comma follows: then dots group and the comma is the decimal mark.
        self.assertEqual(
            cells.number(f"{grouped},{fraction}"), Decimal(f"{head * 1000 + group}.{fraction}")
        )
        # A comma alone is always the decimal mark.
        self.assertEqual(cells.number(f"{head},{group:03d}"), Decimal(f"{head}.{group:03d}"))
        # A dot followed by other than three digits is a decimal point.
        self.assertEqual(cells.number(f"{head}.{fraction:02d}"), Decimal(f"{head}.{fraction:02d}"))
        # English grouping (comma, then a dot) is refused rather than misread.
        with self.assertRaises(CellError):
            cells.number(f"{head},{group:03d}.{fraction}")


class DateProperties(SimpleTestCase):
    @given(dates, st.sampled_from(["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"]))
    def test_written_dates_round_trip(self, day, fmt):
        self.assertEqual(cells.date(day.strftime(fmt)), day)

    @given(dates)
    def test_unpadded_day_and_month(self, day):
        self.assertEqual(cells.date(f"{day.day}/{day.month}/{day.year}"), day)

    @given(st.datetimes(min_value=datetime.datetime(1900, 1, 1)))
    def test_date_cells(self, moment):
        self.assertEqual(cells.date(moment), moment.date())
        self.assertEqual(cells.date(moment.date()), moment.date())

    @given(st.one_of(any_text, st.integers(), st.floats(), st.booleans()))
    @example("31/02/2021")
    @example("45000")  # an Excel serial number typed as text is not read as a date
    @example(45000.0)
    def test_anything_else_is_a_date_or_the_date_error(self, value):
        try:
            result = cells.date(value)
        except CellError as error:
            self.assertIn(
                str(error),
                [
                    "không phải là ngày hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 30/06/2025).",
                    *control_messages(value),
                ],
            )
        else:
            self.assertIsInstance(result, datetime.date)
            self.assertGreaterEqual(result.year, 1900)

    @given(st.integers(1900, 9999), st.integers(1, 12), st.integers(29, 31))
    def test_impossible_days_are_refused(self, year, month, day):
        try:
            datetime.date(year, month, day)
        except ValueError:
            with self.assertRaises(CellError):
                cells.date(f"{day:02d}/{month:02d}/{year}")


class NameProperties(SimpleTestCase):
    @given(any_text)
    @example("'=1")
    @example(" \u0301a ")
    def test_text_never_crashes_and_is_normalised(self, value):
        try:
            result = cells.text(value)
        except CellError as error:
            self.assertIn(str(error), control_messages(value))
            return
        self.assertEqual(result, unicodedata.normalize("NFC", result))
        self.assertEqual(result, result.strip())
        self.assertFalse(any(cells.is_control(ch) for ch in result))

    @given(any_text)
    def test_normalisation_is_idempotent(self, value):
        try:
            once = cells.text(value)
        except CellError:
            return
        # Only the export's formula guard (one leading apostrophe) is taken off each time.
        assume(not (len(once) > 1 and once[0] == "'" and once[1] in "=+-@'"))
        self.assertEqual(cells.text(once), once)

    @given(any_text)
    @example("'=SUM(A1)")
    @example("'=1")  # exported as "'=1", it came back as "=1"
    @example("=1+1")
    def test_export_then_import_gives_the_stored_text_back(self, value):
        # What a form stores: NFC text without surrounding spaces or control characters.
        stored = nfc(value)
        assume(not any(cells.is_control(ch) for ch in stored))
        self.assertEqual(cells.text(escape(stored)), stored)

    @given(st.one_of(vietnamese_text, any_text))
    def test_nfc_and_nfd_spellings_are_the_same_name(self, value):
        composed = unicodedata.normalize("NFC", value)
        decomposed = unicodedata.normalize("NFD", value)
        try:
            expected = cells.text(composed)
        except CellError:
            with self.assertRaises(CellError):
                cells.text(decomposed)
            return
        self.assertEqual(cells.text(decomposed), expected)
        self.assertEqual(fold(decomposed), fold(composed))


class FoldProperties(SimpleTestCase):
    @given(st.one_of(vietnamese_text, any_text))
    @example("\u0130")  # İ: NFD leaves a combining dot
    @example("ß")
    def test_idempotent_without_marks(self, value):
        folded = fold(value)
        self.assertEqual(fold(folded), folded)
        self.assertFalse(has_combining(folded), ascii(folded))
        self.assertEqual(folded, folded.strip())
        self.assertNotIn("  ", folded)
        self.assertLessEqual(len(folded), 3 * len(value))

    @given(st.text(st.characters(codec="ascii", categories=["Lu", "Ll"]), max_size=30))
    def test_ascii_letters_are_only_lowercased(self, value):
        self.assertEqual(fold(value), value.lower())

    @given(st.one_of(vietnamese_text, any_text))
    def test_nfc_and_nfd_fold_alike(self, value):
        self.assertEqual(
            fold(unicodedata.normalize("NFC", value)), fold(unicodedata.normalize("NFD", value))
        )
        self.assertEqual(fold(nfc(value)), fold(value))

    @given(vietnamese_text)
    def test_vietnamese_folds_to_plain_ascii(self, value):
        folded = fold(value)
        self.assertTrue(folded.isascii(), folded)
        self.assertNotIn("đ", fold(value.replace("d", "đ")))
        self.assertEqual(fold(value.replace("D", "Đ").replace("d", "đ")), folded)


class FoundByFuzzingTests(TestCase):
    """The counterexamples above, and what probing the import with them showed, as tests."""

    @classmethod
    def setUpTestData(cls):
        cls.commune = f.area("13900", "Xã Yên Bằng")
        cls.org = f.organization(cls.commune, code="0600000001")

    def test_not_a_number_and_infinity_cells_are_refused(self):
        for value in (float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("Inf")):
            with self.assertRaisesMessage(CellError, "không phải là số."):
                cells.number(value)

    def test_control_characters_are_refused_with_their_code(self):
        with self.assertRaisesMessage(CellError, "có ký tự điều khiển không in được (mã U+0001)"):
            cells.text("HTX\x01 Yên Bằng")
        with self.assertRaisesMessage(CellError, "(mã U+0000)"):
            cells.text("\x00")
        self.assertEqual(cells.text("Thôn Đông\nxã Yên Bằng\t"), "Thôn Đông\nxã Yên Bằng")

    def test_export_guards_a_leading_apostrophe_before_a_formula_character(self):
        self.assertEqual(escape("'=1"), "''=1")
        self.assertEqual(cells.text(escape("'=1")), "'=1")
        self.assertEqual(escape("'Bình"), "''Bình")
        self.assertEqual(cells.text(escape("'Bình")), "'Bình")

    def test_vietnamese_rounding_is_half_up(self):
        self.assertEqual(cells.number(vn_number(Decimal("0.000005"), 5)), Decimal("0.00001"))

    def assert_refused(self, kind, rows, message):
        result = run(kind, csv_file(rows), "du-lieu.csv")
        self.assertFalse(result.ok)
        self.assertIn(message, " ".join(str(e) for e in result.errors))
        self.assertFalse(ImportBatch.objects.exists())

    def test_import_refuses_a_control_character_in_a_name(self):
        self.assert_refused(
            "organizations",
            [ORG_HEADER, org_row(code="0600000102", name="HTX\x01 Yên Bằng")],
            'cột "Tên": "HTX\x01 Yên Bằng" có ký tự điều khiển không in được (mã U+0001)',
        )
        self.assertFalse(Organization.objects.filter(code="0600000102").exists())

    def test_import_refuses_text_longer_than_its_column(self):
        self.assert_refused(
            "organizations",
            [ORG_HEADER, org_row(code="0600000102", name="HTX " + "A" * 300)],
            "dài 304 ký tự, quá 255 ký tự cho phép.",
        )

    def test_import_refuses_numbers_too_large_for_their_column(self):
        header = [*ORG_HEADER, "Vốn điều lệ (triệu đồng)"]
        self.assert_refused(
            "organizations",
            [header, [*org_row(code="0600000102"), "1" * 30]],
            "quá lớn: phải nhỏ hơn 100.000.000.000.000.",
        )
        # SQLite crashed here with OverflowError; PostgreSQL refused the whole file in English.
        self.assert_refused(
            "figures", [FIGURES_HEADER, ["0600000001", 2023, 6, "9" * 25, 1, 5]], "quá lớn: tối đa"
        )
