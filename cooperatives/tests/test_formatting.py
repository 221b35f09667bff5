import datetime
from decimal import Decimal

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import timezone

from cooperatives.models import OcopProduct
from core.lib.formatting import vn_million, vn_money, vn_number, vn_percent
from core.lib.periods import add_months


class VietnameseNumberTests(SimpleTestCase):
    def test_thousands_and_decimal_separators(self):
        self.assertEqual(vn_number(1264), "1.264")
        self.assertEqual(vn_number(Decimal("2312.5"), 1), "2.312,5")
        self.assertEqual(vn_number(1234567.891, 2), "1.234.567,89")
        self.assertEqual(vn_number(-5.7, 1), "-5,7")
        self.assertEqual(vn_number(-0.04, 1), "0,0")
        self.assertEqual(vn_number(999), "999")

    def test_rounding_is_half_up(self):
        self.assertEqual(vn_number(Decimal("2.25"), 1), "2,3")
        self.assertEqual(vn_number(Decimal("0.5")), "1")

    def test_percent_drops_a_trailing_zero(self):
        self.assertEqual(vn_percent(36.6), "36,6%")
        self.assertEqual(vn_percent(80.0), "80%")
        self.assertEqual(vn_percent(Decimal("79.96")), "80%")
        self.assertEqual(vn_percent(None), "—")

    def test_money_reads_in_trieu_or_ty(self):
        self.assertEqual(vn_money(2300), "2,3 tỷ đồng")
        self.assertEqual(vn_money(98400), "98,4 tỷ đồng")
        self.assertEqual(vn_money(1264000), "1.264 tỷ đồng")
        self.assertEqual(vn_money(850), "850 triệu đồng")
        self.assertEqual(vn_money(Decimal("999.95")), "1 tỷ đồng")
        self.assertEqual(vn_money(Decimal("999.94")), "999,9 triệu đồng")
        self.assertEqual(vn_money(Decimal("3.2")), "3,2 triệu đồng")
        self.assertEqual(vn_million(Decimal("2312.5")), "2.312,5 triệu đồng")
        self.assertEqual(vn_money(None), "—")

    def test_filters_in_templates(self):
        template = Template(
            "{% load vn %}{{ a|vn_number }}|{{ b|vn_number:1 }}|{{ c|vn_percent }}|{{ d|vn_money }}"
        )
        rendered = template.render(Context({"a": 1264, "b": 2312.5, "c": 36.6, "d": 2300}))
        self.assertEqual(rendered, "1.264|2.312,5|36,6%|2,3 tỷ đồng")

    def test_django_localization_groups_thousands_and_writes_dates_the_vietnamese_way(self):
        rendered = Template("{{ n }} {{ x }} {{ d }}").render(
            Context({"n": 1264, "x": 2312.5, "d": datetime.date(2025, 6, 30)})
        )
        self.assertEqual(rendered, "1.264 2.312,5 30/06/2025")

    def test_site_runs_in_vietnamese_time(self):
        self.assertEqual(str(timezone.get_current_timezone()), "Asia/Ho_Chi_Minh")


class OcopExpiryTests(SimpleTestCase):
    def test_default_expiry_is_36_months_minus_one_day(self):
        self.assertEqual(
            OcopProduct.default_expiry(datetime.date(2023, 3, 15)), datetime.date(2026, 3, 14)
        )
        self.assertEqual(
            OcopProduct.default_expiry(datetime.date(2024, 2, 29)), datetime.date(2027, 2, 27)
        )
        self.assertEqual(
            OcopProduct.default_expiry(datetime.date(2023, 1, 1)), datetime.date(2025, 12, 31)
        )

    def test_add_months_clamps_to_month_end(self):
        self.assertEqual(add_months(datetime.date(2023, 1, 31), 1), datetime.date(2023, 2, 28))
        self.assertEqual(add_months(datetime.date(2023, 11, 30), 3), datetime.date(2024, 2, 29))


class VietnameseDecimalFieldTests(SimpleTestCase):
    def field(self):
        from core.forms import VietnameseDecimalField

        return VietnameseDecimalField(max_digits=20, decimal_places=6, required=False)

    def test_shows_significant_digits_with_vietnamese_separators(self):
        field = self.field()
        self.assertEqual(
            field.widget.format_value(field.prepare_value(Decimal("2312.500000"))), "2.312,5"
        )
        self.assertEqual(
            field.widget.format_value(field.prepare_value(Decimal("2300.000000"))), "2.300"
        )

    def test_reads_vietnamese_and_plain_styles(self):
        field = self.field()
        self.assertEqual(field.clean("2.312,5"), Decimal("2312.5"))
        self.assertEqual(field.clean("2312.5"), Decimal("2312.5"))
        self.assertEqual(field.clean("1.264"), Decimal("1264"))
        self.assertEqual(field.clean("-5,7"), Decimal("-5.7"))
