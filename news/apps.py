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
            Album,
            Article,
            Attachment,
            Banner,
            Category,
            Document,
            DocumentFile,
            Issuer,
            Link,
            Photo,
            SiteContent,
            Tag,
            Topic,
            Video,
            next_publication,
        )  # fmt: skip

        # Pages showing news change by themselves when a scheduled article goes live.
        caching.register_deadline("news", next_publication)
        from news.gallery import queries as gallery_queries

        # ... and when an album or a video set to show later does.
        caching.register_deadline("news", gallery_queries.next_publication)
        # The sections beside the news (issue 19) are pages of the same CMS: one version.
        freshness.watch("news", [
            Article, Attachment, Banner, Category, Link, SiteContent, Tag,
            Document, DocumentFile, Issuer, Topic, Album, Photo, Video,
        ])  # fmt: skip
        # Readers' questions and comments have versions of their own, moved by staff's
        # writes only: a visitor's new question or comment changes no public page.
        from news.questions.services import connect_signals

        connect_signals()
        home_parts.register("news", home.home_part)
        from core import staff_home as staff_home_parts
        from news import staff_home

        staff_home_parts.register(20, staff_home.blocks)
        from news.questions import staff_home as questions_staff_home

        staff_home_parts.register(21, questions_staff_home.blocks)
        roles.grant("news", roles.ALLIANCE, roles.ALL)
        roles.grant("news", roles.EDITOR, roles.ALL)
