"""The demo's loans, targets and members, on the organisations already built."""

from decimal import Decimal

from cooperatives.models import Area, Loan, Member
from core.lib.periods import add_months, period_end
from core.lib.text import fold, nfc
from demo.building.base import _BuilderBase, _table, _tenths
from demo.data import OLD_UNITS_END, PLANS, TARGETS, D, Kind, Status
from reports.models import Target


class _LoansTargetsMembers(_BuilderBase):
    """Loans, targets and members."""

    def build_loans(self) -> int:
        rng = self.rng
        htx = [r.org for r in self.records if r.org.kind == Kind.HTX]
        loans, keys = [], set()
        # The report mentions one disbursement in the first half of 2023: the first loan.
        windows = [(D(2019, 1, 1), D(2022, 12, 31))] * 3 + [(D(2023, 7, 1), D(2025, 12, 31))] * 2
        while len(loans) < 60:
            disbursed = self.day(
                *(rng.choice(windows) if loans else (D(2023, 3, 1), D(2023, 6, 30)))
            )
            org = rng.choice(htx)
            source = (
                rng.choices(Loan.Source.values, [30, 45, 15, 10])[0] if loans else "central_fund"
            )
            if (org.code, source, disbursed) in keys or not org.exists_at(disbursed):
                continue
            keys.add((org.code, source, disbursed))
            amount, term = Decimal(rng.randint(2, 40) * 50), rng.choice([36, 60, None])
            repaid = min(1.0, (D(2025, 12, 31) - disbursed).days / (30.4 * (term or 72)))
            loans.append(
                Loan(
                    organization=org,
                    source=source,
                    amount=amount,
                    disbursed_on=disbursed,
                    matures_on=add_months(disbursed, term) if term else None,
                    outstanding=_tenths(float(amount) * (1 - repaid)),
                )
            )
        Loan.objects.bulk_create(loans)
        return len(loans)

    def build_targets(self) -> int:
        rows = _table(TARGETS)
        Target.objects.bulk_create(
            Target(
                area=Area.objects.with_code_on(str(code), period_end(year, months)),
                year=year,
                months=months,
                indicator=indicator,
                value=Decimal(str(value)),
                basis=PLANS[plan],
            )
            for code, year, months, indicator, value, plan in rows
        )
        return len(rows)

    def build_members(self) -> int:
        rng = self.rng
        pool = [
            r.org
            for r in self.records
            if r.org.kind == Kind.HTX
            and r.org.status == Status.ACTIVE
            and r.org.founded_on.year < 2020
        ]
        companies = [village for found in self.villages.values() for village, _ in found]
        members = []
        for org in rng.sample(pool, 10):
            ids = set()
            for _ in range(rng.randint(15, 40)):
                party = rng.choices(Member.PartyType.values, [80, 17, 3])[0]
                member_type = rng.choices(Member.MemberType.values, [75, 15, 10])[0]
                if party == "legal_entity":
                    full_name = f"Công ty TNHH {rng.choice(companies)} {rng.randint(1, 9)}"
                    id_number = f"06{rng.randint(0, 10**8 - 1):08d}"
                else:  # a 12-digit citizen ID of Nam Định: 036, sex and century, year, serial
                    female, born = rng.random() < 0.4, rng.randint(1950, 2003)
                    full_name = self.person(female)
                    sex_century = (0 if born < 2000 else 2) + female
                    id_number = f"036{sex_century}{born % 100:02d}{rng.randint(0, 999999):06d}"
                if id_number in ids:
                    continue
                ids.add(id_number)
                joined = self.day(org.founded_on, OLD_UNITS_END)
                capital = None if member_type == "associate" else Decimal(rng.randint(4, 100)) / 2
                left = self.day(joined, D(2025, 12, 31)) if rng.random() < 0.05 else None
                members.append(
                    Member(
                        organization=org,
                        full_name=nfc(full_name),
                        name_folded=fold(full_name),
                        member_type=member_type,
                        party_type=party,
                        id_number=id_number,
                        capital_contribution=capital,
                        joined_on=joined,
                        left_on=left,
                    )
                )
        Member.objects.bulk_create(members)
        return len(members)
