from django.apps import AppConfig


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = "Tin tức"

    def ready(self) -> None:
        from core import caching, freshness, roles
        from core import home as home_parts
        from news import home
        from news.models import (
            Article,
            Attachment,
            Banner,
            Category,
            Link,
            SiteContent,
            Tag,
            next_publication,
        )  # fmt: skip

        # Pages showing news change by themselves when a scheduled article goes live.
        caching.register_deadline("news", next_publication)
        freshness.watch("news", [Article, Attachment, Banner, Category, Link, SiteContent, Tag])
        home_parts.register("news", home.home_part)
        from core import staff_home as staff_home_parts
        from news import staff_home

        staff_home_parts.register(20, staff_home.blocks)
        roles.grant("news", roles.ALLIANCE, roles.ALL)
        roles.grant("news", roles.EDITOR, roles.ALL)
