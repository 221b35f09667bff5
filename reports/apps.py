from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
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
        from htx_portal import freshness
        from reports.models import FrozenReport, Target

        # Two versions, so that editing figures does not throw away the directory's pages:
        # "registry" is what the public pages show (organisations, places, OCOP products),
        # "figures" what reports add (figures, loans, targets, frozen reports). Imports and
        # undos write in bulk without per-row signals but always save their ImportBatch,
        # so they move both on.
        freshness.watch("registry", [Area, Sector, Organization, Location, OcopProduct,
                                     ImportBatch])  # fmt: skip
        freshness.watch("figures", [Figures, Loan, Target, FrozenReport, ImportBatch])
