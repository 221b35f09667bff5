from django.apps import AppConfig
from django.db.models import Q


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from cooperatives.spreadsheets.kinds import register_kind
        from core import freshness, roles
        from core import home as home_parts
        from reports import home
        from reports.models import FrozenReport, Target
        from reports.spreadsheets import TargetKind

        # Targets and frozen reports change what reports show, like figures and loans.
        freshness.watch("figures", [Target, FrozenReport])
        home_parts.register("reports", home.home_part)
        from core import staff_home as staff_home_parts
        from reports import staff_home

        staff_home_parts.register(30, staff_home.blocks)
        register_kind(TargetKind())
        roles.grant("reports", roles.ALLIANCE, roles.ALL)
        roles.grant("reports", roles.AREA, Q(codename="view_report"))
        roles.grant("reports", roles.OFFICIAL, roles.VIEW)
