from django.apps import AppConfig
from django.db.models import Q


class CooperativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cooperatives"
    verbose_name = "Sổ đăng ký kinh tế tập thể"

    def ready(self) -> None:
        from cooperatives import home
        from cooperatives.models import (
            Area,
            Figures,
            ImportBatch,
            Loan,
            Location,
            OcopProduct,
            Organization,
            Sector,
        )
        from core import freshness, roles
        from core import home as home_parts

        # Two versions, so that editing figures does not throw away the directory's pages:
        # "registry" is what the public pages show (organisations, places, OCOP products),
        # "figures" what reports add (figures and loans here; targets and frozen reports
        # are registered by ``reports``). Imports and undos write in bulk without per-row
        # signals but always save their ImportBatch, so they move both on.
        freshness.watch("registry", [Area, Sector, Organization, Location, OcopProduct,
                                     ImportBatch])  # fmt: skip
        freshness.watch("figures", [Figures, Loan, ImportBatch])
        home_parts.register("cooperatives", home.home_part)
        from cooperatives import staff_home
        from core import staff_home as staff_home_parts

        staff_home_parts.register(10, staff_home.blocks)
        _grant_roles(roles)


# Records area officers keep for the organisations of their own areas.
_AREA_RECORDS = ("organization", "location", "figures", "member", "ocopproduct", "loan")
_AREA_REMOVABLE = ("location", "figures", "member", "ocopproduct", "loan")
# Cooperatives filing for themselves (issue 18): area officers check the filings of their
# areas (change: return or forward, never approve), invite the cooperatives' filers, and
# see their accounts and the mail sent to them.
_AREA_FILING = Q(codename__in=["view_filing", "change_filing", "add_invitation",
                               "view_invitation", "view_filer", "view_outboxmail"])  # fmt: skip


def _grant_roles(roles) -> None:
    not_staff = ~Q(content_type__model="staffprofile")
    roles.grant("cooperatives", roles.ALLIANCE, not_staff)
    models = Q(content_type__model__in=["area", "sector", "unplacedorganization", "importbatch",
                                        "expiringocopproduct", "collection"])  # fmt: skip
    records = Q(content_type__model__in=_AREA_RECORDS)
    removable = Q(content_type__model__in=_AREA_REMOVABLE)
    roles.grant(
        "cooperatives",
        roles.AREA,
        models & roles.VIEW
        | records & (roles.VIEW | Q(codename__regex=r"^(add|change)_"))
        | removable & Q(codename__startswith="delete_")
        | _AREA_FILING,
    )
    # Officials read the registry and the filings, not people's personal data: members,
    # the cooperatives' filers, their invitations and the mail sent to them.
    personal = Q(content_type__model__in=["member", "filer", "invitation", "outboxmail"])
    roles.grant("cooperatives", roles.OFFICIAL, not_staff & roles.VIEW & ~personal)
