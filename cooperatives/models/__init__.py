from .areas import REFORM_DATE, Area, AreaMap
from .organizations import Location, Organization, Sector, StaffProfile
from .records import Figures, Loan, Member, OcopProduct, add_months, period_end, period_label
from .worklists import ExpiringOcopProduct, UnplacedOrganization

__all__ = [
    "REFORM_DATE",
    "Area",
    "AreaMap",
    "ExpiringOcopProduct",
    "Figures",
    "Loan",
    "Location",
    "Member",
    "OcopProduct",
    "Organization",
    "Sector",
    "StaffProfile",
    "UnplacedOrganization",
    "add_months",
    "period_end",
    "period_label",
]
