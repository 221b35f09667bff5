from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CooperativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cooperatives"
    verbose_name = "Sổ đăng ký kinh tế tập thể"

    def ready(self) -> None:
        from cooperatives.roles import sync_roles

        post_migrate.connect(sync_roles, dispatch_uid="cooperatives.sync_roles")
