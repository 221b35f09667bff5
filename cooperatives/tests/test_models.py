import datetime
import unittest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import TestCase

from cooperatives.models import Area, Figures, Loan, Member, Organization
from testing import factories as f


class ConstraintTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.commune = f.area("13900", "Xã Yên Bằng")
        cls.org = f.organization(cls.commune)

    def assert_rejected(self, **fields):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Figures.objects.create(
                **{"organization": self.org, "year": 2023, "months": 6, **fields}
            )

    def test_database_rejects_impossible_figures(self):
        self.assert_rejected(months=13)
        self.assert_rejected(months=0)
        self.assert_rejected(year=1999)
        self.assert_rejected(workers=5, insured_workers=6)
        self.assert_rejected(managers=3, managers_university=4)
        self.assert_rejected(managers=3, managers_trained=4)
        self.assert_rejected(revenue=-1)

    def test_full_clean_explains_in_vietnamese(self):
        figures = Figures(organization=self.org, year=2023, months=6, workers=5, insured_workers=9)
        with self.assertRaisesMessage(ValidationError, "không được lớn hơn số lao động"):
            figures.full_clean()

    def test_profit_may_be_negative(self):
        Figures.objects.create(organization=self.org, year=2023, months=6, profit=-5.7)

    def test_one_figures_row_per_period(self):
        Figures.objects.create(organization=self.org, year=2023, months=6)
        with self.assertRaises(IntegrityError), transaction.atomic():
            Figures.objects.create(organization=self.org, year=2023, months=6)

    def test_stars_between_two_and_five(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            f.ocop(self.org, stars=6)
        with self.assertRaises(IntegrityError), transaction.atomic():
            f.ocop(self.org, stars=1)

    def test_ceased_status_needs_a_date(self):
        self.org.status = Organization.Status.DISSOLVED
        with self.assertRaises(IntegrityError), transaction.atomic():
            self.org.save()

    def test_code_is_unique(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            f.organization(self.commune, code=self.org.code)

    def test_loan_outstanding_defaults_to_amount(self):
        loan = Loan.objects.create(
            organization=self.org,
            source="central_fund",
            amount=500,
            disbursed_on=datetime.date(2023, 1, 5),
        )
        self.assertEqual(loan.outstanding, 500)

    def test_member_identified_by_id_number_or_by_name(self):
        Member.objects.create(organization=self.org, full_name="Trần Văn An", id_number="1")
        Member.objects.create(organization=self.org, full_name="Trần Văn An", id_number="2")
        Member.objects.create(organization=self.org, full_name="Trần Văn An")
        with self.assertRaises(IntegrityError), transaction.atomic():
            Member.objects.create(organization=self.org, full_name="Trần Văn An")
        masked = Member.objects.get(id_number="1").masked_id_number
        self.assertEqual(masked, "1")

    def test_member_id_number_is_masked(self):
        member = Member(organization=self.org, full_name="Lê Thị Bình", id_number="036090001234")
        self.assertEqual(member.masked_id_number, "•••••••••234")

    def test_area_interval_must_be_ordered(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Area.objects.create(
                code="99999",
                name="Xã Sai",
                level="commune",
                valid_from=datetime.date(2025, 7, 1),
                valid_to=datetime.date(2025, 6, 30),
            )

    def test_names_are_stored_in_nfc_with_a_folded_copy(self):
        org = f.organization(self.commune, name="HTX Phu\u0300 Va\u0302n")
        self.assertEqual(org.name, "HTX Phù Vân")
        self.assertEqual(org.name_folded, "htx phu van")
        self.assertEqual(Organization.objects.get(pk=org.pk).name_folded, "htx phu van")

    def test_every_save_is_recorded_in_history(self):
        self.org.phone = "0228 3849 123"
        self.org.save()
        self.assertEqual(list(self.org.history.values_list("history_type", flat=True)), ["~", "+"])

    def test_sectors_are_seeded_with_agriculture_flag(self):
        from cooperatives.models import Sector

        self.assertEqual(Sector.objects.count(), 11)
        self.assertEqual(
            list(Sector.objects.filter(is_agricultural=True).values_list("name", flat=True)),
            ["Nông nghiệp"],
        )


@unittest.skipUnless(connection.vendor == "postgresql", "trigram indexes exist on PostgreSQL only")
class TrigramIndexTests(TestCase):
    def test_folded_names_have_trigram_indexes(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s",
                ["%_name_trgm"],
            )
            found = dict(cursor.fetchall())
        self.assertIn("organization_name_trgm", found)
        self.assertIn("gin_trgm_ops", found["organization_name_trgm"])
        self.assertIn("ocopproduct_name_trgm", found)


class OcopValidityTests(TestCase):
    """``OcopProduct.is_valid_on`` and ``valid_at`` are one rule: both ends of a certificate
    count, and the query and the Python check agree on every day around them."""

    @classmethod
    def setUpTestData(cls):
        org = f.organization(f.area("13900", "Xã Yên Bằng"))
        cls.product = f.ocop(
            org, certified_on=datetime.date(2023, 3, 1), expires_on=datetime.date(2026, 2, 28)
        )

    def test_both_ends_count(self):
        day = datetime.date
        self.assertFalse(self.product.is_valid_on(day(2023, 2, 28)))
        self.assertTrue(self.product.is_valid_on(day(2023, 3, 1)))
        self.assertTrue(self.product.is_valid_on(day(2026, 2, 28)))
        self.assertFalse(self.product.is_valid_on(day(2026, 3, 1)))

    def test_query_and_instance_agree(self):
        from cooperatives.models import OcopProduct

        for day in [datetime.date(2023, 2, 28), datetime.date(2023, 3, 1),
                    datetime.date(2026, 2, 28), datetime.date(2026, 3, 1)]:  # fmt: skip
            in_query = OcopProduct.objects.valid_at(day).filter(pk=self.product.pk).exists()
            self.assertEqual(in_query, self.product.is_valid_on(day), day)
        expired = OcopProduct.objects.expired_at(datetime.date(2026, 3, 1))
        self.assertEqual(list(expired), [self.product])
        self.assertFalse(OcopProduct.objects.expired_at(datetime.date(2026, 2, 28)).exists())
