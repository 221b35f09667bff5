"""What the public sees of the galleries: published albums and videos, at a moment."""

import datetime

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from news.models import Album, Photo, Video


def published_albums(now: datetime.datetime | None = None) -> QuerySet:
    """Albums shown to the public at ``now``: marked to show, their time has come, and
    holding at least one photo."""
    return Album.objects.filter(
        Exists(Photo.objects.filter(album=OuterRef("pk"))),
        is_published=True,
        published_at__lte=now or timezone.now(),
    )


def with_counts(albums: QuerySet) -> QuerySet:
    """``albums`` with ``photo_count`` and ``cover_id`` (the first photo's)."""
    first = Photo.objects.filter(album=OuterRef("pk")).order_by("order", "pk").values("pk")[:1]
    return albums.annotate(photo_count=Count("photos"), cover_id=Subquery(first))


def published_videos(now: datetime.datetime | None = None) -> QuerySet:
    return Video.objects.filter(is_published=True, published_at__lte=now or timezone.now())


def is_live(item: Album | Video, now: datetime.datetime | None = None) -> bool:
    return item.is_published and item.published_at <= (now or timezone.now())


def with_covers(albums) -> list:
    """``albums`` (annotated by ``with_counts``) with ``cover`` set: one query."""
    albums = list(albums)
    covers = Photo.objects.in_bulk([a.cover_id for a in albums if a.cover_id])
    for album in albums:
        album.cover = covers.get(album.cover_id)
    return albums


def next_publication() -> datetime.datetime | None:
    """When the next album or video set to show later goes live (None: none waits)."""
    now = timezone.now()
    moments = [
        model.objects.filter(is_published=True, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
        for model in (Album, Video)
    ]
    moments = [m for m in moments if m is not None]
    return min(moments) if moments else None


def featured_video(now: datetime.datetime | None = None) -> Video | None:
    """The newest published video marked for the home page (None: none is)."""
    return published_videos(now).filter(featured=True).order_by("-published_at", "-pk").first()
