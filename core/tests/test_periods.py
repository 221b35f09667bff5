"""The one definition of reporting periods (``core.lib.periods``) and of the reform date."""

import datetime

from django.test import SimpleTestCase

from core.lib.periods import add_months, months_label, period_end, period_label, short_period_label


class PeriodTests(SimpleTestCase):
    def test_period_label(self):
        self.assertEqual(period_label(2025, 6), "6 tháng đầu năm 2025")
        self.assertEqual(period_label(2025, 1), "tháng 1 năm 2025")
        self.assertEqual(period_label(2025, 12), "năm 2025")

    def test_short_period_label(self):
        self.assertEqual(short_period_label(2023, 6), "6 tháng/2023")
        self.assertEqual(short_period_label(2023, 12), "Năm 2023")

    def test_months_label(self):
        self.assertEqual(months_label(9), "9 tháng đầu năm")
        self.assertEqual(months_label(12), "Cả năm")

    def test_period_end(self):
        self.assertEqual(period_end(2024, 2), datetime.date(2024, 2, 29))
        self.assertEqual(period_end(2025, 6), datetime.date(2025, 6, 30))
        self.assertEqual(period_end(2025, 12), datetime.date(2025, 12, 31))

    def test_add_months(self):
        self.assertEqual(add_months(datetime.date(2023, 3, 1), 36), datetime.date(2026, 3, 1))
        self.assertEqual(add_months(datetime.date(2024, 1, 31), -2), datetime.date(2023, 11, 30))


class ReformDateTests(SimpleTestCase):
    def test_one_date_in_python_and_in_templates(self):
        from django.template import Context, Template

        from core.lib.reform import LAST_OLD_DAY_TEXT, REFORM_DATE, REFORM_DATE_TEXT

        self.assertEqual(REFORM_DATE, datetime.date(2025, 7, 1))
        self.assertEqual(REFORM_DATE_TEXT, "01/07/2025")
        self.assertEqual(LAST_OLD_DAY_TEXT, "30/06/2025")
        rendered = Template("{% load vn %}Trước {% reform_date %}").render(Context())
        self.assertEqual(rendered, "Trước 01/07/2025")
