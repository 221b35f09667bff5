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

        # Imports and undos write in bulk without per-row signals, but always save their
        # ImportBatch, so they move the registry's version on too.
        watched = [Area, Sector, Organization, Location, Figures, OcopProduct, Loan,
                   ImportBatch, Target, FrozenReport]  # fmt: skip
        freshness.watch("registry", watched)
