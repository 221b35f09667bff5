from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demonstration data of `make run` (``load_demo``); the top layer, beside the site."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Dữ liệu minh hoạ"
