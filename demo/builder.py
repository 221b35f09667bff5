"""Builds the demonstration province from the tables in ``data``, on the official units.

The builder is assembled from one part per concern, in ``demo.building``: ``base`` (the
tables' parsing, the organisations' codes, the builder's state), ``organizations`` (areas and
organisations), ``figures``, ``ocop`` (OCOP products, with what buyers read and their photos)
and ``loans`` (loans, targets, members).
"""

from demo.building.base import UNIONS, DemoDataConflict, demo_codes, organization_count
from demo.building.figures import _Figures
from demo.building.loans import _LoansTargetsMembers
from demo.building.ocop import _Ocop
from demo.building.organizations import _Organizations

__all__ = ["UNIONS", "DemoDataConflict", "_Builder", "demo_codes", "organization_count"]


class _Builder(_Organizations, _Figures, _Ocop, _LoansTargetsMembers):
    """The whole builder: ``build_areas``, ``build_organizations``, then the other ``build_*``."""
