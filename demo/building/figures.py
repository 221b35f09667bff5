"""The demo's figures: a profile per organisation, a row per reporting period, and the
first half of 2023 tuned to match the Alliance's report."""

import math
from decimal import Decimal

from cooperatives.models import Figures, Organization
from core.lib.periods import period_end
from demo.building.base import _BuilderBase, _tenths
from demo.data import MEAN_INCOME, MEAN_REVENUE, NTM_HTX, PERIODS, Kind, Status


class _Figures(_BuilderBase):
    """Figures for every reporting period, the first half of 2023 as the report has it."""

    def profile(self, org: Organization) -> dict:
        rng = self.rng
        if org.kind == Kind.GROUP:
            return {
                "revenue": rng.lognormvariate(math.log(300), 0.7),
                "members": rng.randint(5, 30),
                "workers": rng.randint(2, 12),
                "income": rng.uniform(2.2, 4.0),
                "growth": 1.04,
            }
        agri = org.sector.is_agricultural
        members = {Kind.CREDIT_FUND: (800, 4000), Kind.UNION: (5, 12)}.get(
            org.kind, (150, 1800) if agri else (7, 60)
        )
        managers = rng.randint(3, 7)
        return {
            "revenue": rng.lognormvariate(
                math.log({Kind.HTX: 2400, Kind.CREDIT_FUND: 4200}.get(org.kind, 9000)),
                0.8 if org.kind == Kind.HTX else 0.4,
            ),
            "members": rng.randint(*members),
            "workers": rng.randint(4, 25) if agri else rng.randint(5, 45),
            "income": min(max(rng.gauss(3.4, 0.6), 1.8), 6.5),
            "managers": managers,
            "university": rng.randint(0, min(2, managers)),
            "trained": rng.randint(managers // 2, managers),
            "rating": rng.choices(["good", "fair", "average", "weak", ""], [25, 40, 25, 5, 5])[0],
            "ntm": agri and rng.random() < 0.55,
            "growth": rng.gauss(1.05, 0.04),
        }

    def build_figures(self) -> int:
        rng = self.rng
        orgs = [r.org for r in self.records]
        profiles = {org.code: self.profile(org) for org in orgs}
        rates = {Kind.GROUP: 0.7, Kind.HTX: 0.9, Kind.CREDIT_FUND: 0.9, Kind.UNION: 0.9}
        reporting = {}
        for year, months in PERIODS:
            end = period_end(year, months)
            reporting[year, months] = [
                org
                for org in orgs
                if org.exists_at(end)
                and rng.random() < (0.3 if org.status == Status.SUSPENDED else rates[org.kind])
            ]
        overrides = self.tune_first_half_2023(reporting[2023, 6], profiles)
        rows = []
        for (year, months), period_orgs in reporting.items():
            for org in period_orgs:
                row = self.figures_row(org, profiles[org.code], year, months)
                if (year, months) == (2023, 6):
                    for name, value in overrides[org.code].items():
                        setattr(row, name, value)
                    if row.workers is not None:
                        row.insured_workers = min(row.insured_workers, row.workers)
                rows.append(row)
        Figures.objects.bulk_create(rows, batch_size=1000)
        return len(rows)

    def tune_first_half_2023(self, orgs: list[Organization], profiles: dict) -> dict:
        """Return per-code values that make the 6-month 2023 figures match the report exactly."""
        rng = self.rng
        overrides: dict[str, dict] = {
            org.code: {"data_kind": Figures.DataKind.ESTIMATE, "state": Figures.State.APPROVED}
            for org in orgs
        }
        htx = [org for org in orgs if org.kind == Kind.HTX]
        for pool in (htx, [org for org in orgs if org.kind == Kind.CREDIT_FUND]):
            given = []
            for org in pool:
                if org.kind == Kind.HTX and rng.random() < 0.03:
                    overrides[org.code]["revenue"] = None
                else:
                    given.append(org)
            # A skewed spread scaled to the mean; the rounding rest goes to the largest.
            raw = [profiles[org.code]["revenue"] / 2 * rng.uniform(0.9, 1.1) for org in given]
            total = int(MEAN_REVENUE * 10) * len(given)
            tenths = [round(value * total / sum(raw)) for value in raw]
            tenths[tenths.index(max(tenths))] += total - sum(tenths)
            for org, value in zip(given, tenths, strict=True):
                overrides[org.code]["revenue"] = Decimal(value) / 10
        # Income in pairs of equal workforces around the mean, so the weighted mean is exact.
        both = []
        for org in htx:
            if rng.random() < 0.04:
                overrides[org.code][rng.choice(["avg_income", "workers"])] = None
            else:
                both.append(org)
        rng.shuffle(both)
        if len(both) % 2:
            overrides[both.pop().code]["avg_income"] = MEAN_INCOME
        for first, second in zip(both[::2], both[1::2], strict=True):
            spread = Decimal(rng.randint(0, 130)) / 100
            workers = profiles[first.code]["workers"]
            overrides[first.code] |= {"workers": workers, "avg_income": MEAN_INCOME + spread}
            overrides[second.code] |= {"workers": workers, "avg_income": MEAN_INCOME - spread}
        # Criterion 13.1: exactly 250, agricultural HTX first.
        ranked = sorted(htx, key=lambda org: (not profiles[org.code]["ntm"], rng.random()))
        for index, org in enumerate(ranked):
            overrides[org.code]["meets_ntm_13_1"] = index < NTM_HTX
        return overrides

    def figures_row(self, org: Organization, p: dict, year: int, months: int) -> Figures:
        rng = self.rng
        drift = p["growth"] ** (year - 2023 + (months - 6) / 12)
        revenue = p["revenue"] * months / 12 * drift * rng.uniform(0.9, 1.1)
        workers = max(1, p["workers"] + rng.randint(-1, 1))
        recent = (year, months) >= (2025, 6)
        row = Figures(
            organization=org,
            year=year,
            months=months,
            state=rng.choices(["approved", "submitted", "draft"], [70, 25, 5])[0]
            if recent
            else "approved",
            members=max(3, round(p["members"] * rng.uniform(0.97, 1.03))),
            workers=workers,
            revenue=_tenths(revenue),
            profit=_tenths(revenue * rng.uniform(-0.03, 0.12)),
            avg_income=Decimal(round(p["income"] * drift * rng.uniform(0.97, 1.03) * 100)) / 100,
            insured_workers=0 if rng.random() < 0.5 else rng.randint(1, workers),
            tax_paid=Decimal(0),
        )
        if org.kind == Kind.GROUP:
            return row
        if rng.random() < 0.65:
            row.tax_paid = _tenths(revenue * rng.uniform(0.005, 0.02))
        row.rating = p["rating"] if rng.random() < 0.85 else rng.choice(["good", "fair", "average"])
        row.meets_ntm_13_1 = p["ntm"] and (year >= 2023 or rng.random() < 0.8)
        row.managers, row.managers_university = p["managers"], p["university"]
        row.managers_college = rng.randint(0, p["managers"] - p["university"])
        row.managers_trained = p["trained"]
        return row
