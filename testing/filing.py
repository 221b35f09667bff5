"""What the tests of cooperatives filing for themselves share (issue 18): a half-year
collection of 2026 (opened 01/07, deadline 20/07), a day inside it, the figures a
cooperative types, and filers' accounts made the way invitations make them."""

import datetime

import time_machine

from cooperatives import filings
from cooperatives.models import Collection, Figures
from testing.roles import RolesTestCase, clear_caches

D = datetime.date
TZ = datetime.timezone(datetime.timedelta(hours=7))
PASSWORD = "lua-nep-cai-hoa-vang"
# A day inside the collection: opened 01/07/2026, deadline 20/07/2026.
DURING = datetime.datetime(2026, 7, 10, 9, 0, tzinfo=TZ)
# The form's values as a cooperative types them (Vietnamese numbers).
FIGURES = {
    "members": "25", "workers": "12", "revenue": "2.312,5", "profit": "185",
    "avg_income": "3,2", "tax_paid": "42", "insured_workers": "8", "rating": "Khá",
    "meets_ntm_13_1": "Có", "managers": "5", "managers_university": "2",
    "managers_college": "2", "managers_trained": "4",
}  # fmt: skip


class FilingTestCase(RolesTestCase):
    """The roles' data (its figures approved), the collection, and each test run on
    ``DURING``."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Figures.objects.update(state=Figures.State.APPROVED)
        cls.collection = Collection.objects.create(
            year=2026, months=6, opens_on=D(2026, 7, 1), deadline=D(2026, 7, 20)
        )

    @classmethod
    def make_filer(cls, organization, email):
        """The organisation's filer, invited by email by alliance staff, with PASSWORD."""
        invitation, _token = filings.invite(
            organization=organization, name="Nguyễn Thị Hoa", title="Kế toán",
            channel="email", email=email, by=cls.alliance,
        )  # fmt: skip
        return filings.accept_invitation(invitation, PASSWORD)

    def setUp(self):
        clear_caches()
        traveller = time_machine.travel(DURING, tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)
