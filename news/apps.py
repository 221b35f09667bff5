from django.apps import AppConfig


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = "Tin tức"

    def ready(self) -> None:
        from htx_portal import freshness
        from news.models import Article, Attachment, Banner, Category, Link, SiteContent, Tag

        freshness.watch("news", [Article, Attachment, Banner, Category, Link, SiteContent, Tag])
