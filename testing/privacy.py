"""The person of the personal-data tests (Decree 13/2023): distinctive values that are
found nowhere else, so that a page or file holding one of them leaked it."""

import datetime

from django.db import connection
from django.urls import reverse

from cooperatives.models import Figures, Member, Organization
from testing import factories as f
from testing.roles import RolesTestCase, clear_caches

# Values found nowhere else, so a page containing them leaked them.
NAME = "Phạm Thị Quyênriêngtư"
NAME_FOLDED = "pham thi quyenriengtu"
ID_NUMBER = "079123456789"
PHONE = "0987 654 321"
EMAIL = "truongnhom.quyen@gmail.com"
HOME_ADDRESS = "Xóm Kínđáo, thôn Riêngtư"
MEMBER_HEADER = ["Mã số", "Họ tên", "Số giấy tờ", "Vốn góp (triệu đồng)"]


def personal_values() -> list[str]:
    return [NAME, NAME_FOLDED, ID_NUMBER, PHONE, PHONE.replace(" ", ""), EMAIL, HOME_ADDRESS]


def member_url(member, action="change") -> str:
    return reverse(f"admin:cooperatives_member_{action}", args=[member.pk])


class PrivacyTestCase(RolesTestCase):
    """Adds one person with distinctive data: a member of an HTX in Ý Yên (the area
    officer's) and of an HTX in Hải Hậu, and leader of a public tổ hợp tác in Ý Yên."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.person = Member.objects.create(
            organization=cls.own,
            full_name=NAME,
            id_number=ID_NUMBER,
            capital_contribution=25,
            joined_on=datetime.date(2019, 5, 1),
        )
        cls.elsewhere = Member.objects.create(
            organization=cls.other, full_name=NAME, id_number=ID_NUMBER
        )
        cls.group = f.organization(
            cls.yen_bang,
            code="0600000077",
            name="Tổ hợp tác Rau sạch Yên Bằng",
            kind=Organization.Kind.GROUP,
            phone=PHONE,
            email=EMAIL,
            address=HOME_ADDRESS,
            representative=NAME,
        )
        for org in (cls.own, cls.group):
            Figures.objects.create(
                organization=org,
                year=2023,
                months=12,
                members=25,
                workers=9,
                state=Figures.State.APPROVED,
            )

    def setUp(self):
        clear_caches()

    def assert_no_personal_data(self, content, where: str) -> None:
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        for value in personal_values():
            self.assertNotIn(value, text, f"{value!r} appears in {where}")


def find_everywhere(needle: str) -> list[str]:
    """Every (table, column) of the database whose text holds ``needle``."""
    found = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND data_type IN "
                "('character varying', 'text', 'json', 'jsonb', 'character')"
            )
            columns = cursor.fetchall()
        else:
            columns = []
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'PRAGMA table_info("{table}")')
                columns += [(table, row[1]) for row in cursor.fetchall()]
        qn = connection.ops.quote_name
        for table, column in columns:
            cursor.execute(
                f"SELECT COUNT(*) FROM {qn(table)} WHERE CAST({qn(column)} AS TEXT) LIKE %s",
                [f"%{needle}%"],
            )
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found
