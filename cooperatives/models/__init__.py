from .areas import Area, AreaMap, code_not_on_day, validity_text
from .collections import Collection
from .filing import Filer, Filing, Invitation, OutboxMail
from .imports import IMPORT_KINDS, ImportBatch
from .organizations import (
    Location,
    Organization,
    Sector,
    StaffProfile,
    existing_q,
    recorded_area_at,
)
from .records import (
    Figures,
    Loan,
    Member,
    OcopProduct,
)
from .worklists import ExpiringOcopProduct, UnplacedOrganization

__all__ = [
    "Area",
    "AreaMap",
    "Collection",
    "ExpiringOcopProduct",
    "Filer",
    "Filing",
    "Invitation",
    "OutboxMail",
    "IMPORT_KINDS",
    "ImportBatch",
    "Figures",
    "Loan",
    "Location",
    "Member",
    "OcopProduct",
    "Organization",
    "Sector",
    "StaffProfile",
    "UnplacedOrganization",
    "code_not_on_day",
    "existing_q",
    "recorded_area_at",
    "validity_text",
]
