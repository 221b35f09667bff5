"""The news's part of the home page (registered in ``NewsConfig.ready``)."""

import datetime

from news.gallery.queries import featured_video
from news.models import Article, Banner, Document

LATEST_NEWS = 6
FEATURED_NEWS = 3
LATEST_DOCUMENTS = 5


def home_part(today: datetime.date) -> dict:
    """The featured articles, the latest others, the top banner and the newest documents."""
    published = Article.objects.published().listed()
    featured = list(published.filter(featured=True)[:FEATURED_NEWS])
    latest = list(published.exclude(pk__in=[a.pk for a in featured])[:LATEST_NEWS])
    return {
        "featured": featured,
        "latest": latest,
        "banner": Banner.objects.filter(is_active=True, place=Banner.Place.TOP).first(),
        # The gallery's featured video and the library's newest texts (issue 19).
        "video": featured_video(),
        "documents": list(
            Document.objects.published()
            .select_related("issuer")
            .only("slug", "doc_type", "number", "summary", "issued_on", "issuer__name")[
                :LATEST_DOCUMENTS
            ]
        ),
    }
