"""The news's part of the home page (registered in ``NewsConfig.ready``)."""

import datetime

from news.models import Article, Banner

LATEST_NEWS = 6
FEATURED_NEWS = 3


def home_part(today: datetime.date) -> dict:
    """The featured articles, the latest others and the top banner."""
    published = Article.objects.published().listed()
    featured = list(published.filter(featured=True)[:FEATURED_NEWS])
    latest = list(published.exclude(pk__in=[a.pk for a in featured])[:LATEST_NEWS])
    return {
        "featured": featured,
        "latest": latest,
        "banner": Banner.objects.filter(is_active=True, place=Banner.Place.TOP).first(),
    }
