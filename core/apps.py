from django.apps import AppConfig
from django.db.models import Q
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What the whole site shares; imports no other app of the portal (docs/architecture.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Hệ thống"

    def ready(self) -> None:
        from core import roles

        # The site's own tables (visits per day), the sign-in audit (django-axes, read-only)
        # and the spreadsheet tool's records.
        roles.grant("core", roles.ALLIANCE, roles.VIEW)
        roles.grant("core", roles.OFFICIAL, roles.VIEW)
        # Area officers import and undo: they list their own background jobs.
        roles.grant("core", roles.AREA, Q(codename="view_job"))
        roles.grant("axes", roles.ALLIANCE, roles.VIEW)
        roles.grant("import_export", roles.ALLIANCE, roles.ALL)
        post_migrate.connect(roles.sync_roles, dispatch_uid="core.sync_roles")
