"""Builds the demonstration province from the tables in ``data``, on the official units.

The builder is assembled from one part per concern, in ``demo.building``: ``base`` (the
tables' parsing, the organisations' codes, the builder's state), ``organizations`` (areas and
organisations), ``figures`` and ``ocop_loans`` (OCOP products, loans, targets, members).
"""

from demo.building.base import UNIONS, DemoDataConflict, demo_codes, organization_count
from demo.building.figures import _Figures
from demo.building.ocop_loans import _OcopLoansTargetsMembers
from demo.building.organizations import _Organizations

__all__ = ["UNIONS", "DemoDataConflict", "_Builder", "demo_codes", "organization_count"]


class _Builder(_Organizations, _Figures, _OcopLoansTargetsMembers):
    """The whole builder: ``build_areas``, ``build_organizations``, then the other ``build_*``."""
