"""Public gallery pages: the list of albums and videos, an album, one photo, a video.

Every page works without JavaScript; ``static/js/gallery.js`` adds the photo viewer and
plays a host's video in place. A page that can embed a YouTube or Vimeo player lets the
browser frame that one host, and no other page any (``allow_video_frame``).
"""

from django.core.paginator import Paginator
from django.db.models import CharField, Value
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from core.pagination import page_or_redirect
from news.gallery import queries
from news.gallery.videos import CONTENT_TYPES, HOSTS, embed_url, frame_origin
from news.models import Album, Video

PAGE_SIZE = 12
KINDS = {"": "Thư viện ảnh và video", "album": "Album ảnh", "video": "Video"}


def _visible(request, model, slug: str):
    """(the album or video, whether it is a staff preview); 404 for the public unless
    it is live."""
    item = get_object_or_404(model, slug=slug)
    preview = not queries.is_live(item)
    if preview and not request.user.has_perm(f"news.view_{model._meta.model_name}"):
        raise Http404
    return item, preview


def _private(response, preview: bool):
    if preview:
        patch_cache_control(response, private=True, no_store=True)
    return response


def allow_video_frame(response, video: Video | None):
    """Let the page frame the player of ``video``'s host, and that host only."""
    if video is not None and video.source == Video.Source.LINK and video.host in HOSTS:
        response._csp_replace = {"frame-src": [frame_origin(video.host)]}
    return response


def video_context(video: Video, *, play: bool = False) -> dict:
    """What the player (templates/news/gallery/_video.html) needs."""
    if video.source == Video.Source.FILE:
        return {"video": video, "content_type": CONTENT_TYPES.get(video.file_type, "")}
    return {
        "video": video,
        "embed": embed_url(video.host, video.host_id) if video.host in HOSTS else "",
        "host_label": HOSTS.get(video.host, ("", ""))[0],
        "play": play,
    }


def wants_player(request) -> bool:
    """Whether the visitor asked for a host's player (``?xem=1``, the link without
    JavaScript): also the cache's key for the video page."""
    return request.GET.get("xem") == "1"


def index(request):
    """/thu-vien/: published albums and videos, newest first (``?loai=album|video``)."""
    kind = request.GET.get("loai", "")
    if kind not in KINDS:
        raise Http404
    now = timezone.now()
    label = Value("album", output_field=CharField())
    entries = []
    if kind in ("", "album"):
        entries.append(
            queries.published_albums(now).values_list(label, "pk", "published_at").order_by()
        )
    if kind in ("", "video"):
        label = Value("video", output_field=CharField())
        entries.append(
            queries.published_videos(now).values_list(label, "pk", "published_at").order_by()
        )
    combined = entries[0].union(*entries[1:]) if len(entries) > 1 else entries[0]
    combined = combined.order_by("-published_at", "-pk")
    page, elsewhere = page_or_redirect(request, Paginator(combined, PAGE_SIZE))
    if elsewhere is not None:
        return elsewhere
    rows = list(page.object_list)
    album_ids = [pk for what, pk, _ in rows if what == "album"]
    video_ids = [pk for what, pk, _ in rows if what == "video"]
    albums = queries.with_counts(Album.objects.filter(pk__in=album_ids)) if album_ids else []
    albums = {a.pk: a for a in queries.with_covers(albums)}
    videos = Video.objects.in_bulk(video_ids) if video_ids else {}
    items = [
        (what, albums[pk] if what == "album" else videos[pk])
        for what, pk, _ in rows
        if pk in (albums if what == "album" else videos)
    ]
    context = {
        "items": items,
        "page_obj": page,
        "kind": kind,
        "heading": KINDS[kind],
        "querystring": f"loai={kind}" if kind else "",
        "kinds": KINDS,
    }
    return render(request, "news/gallery/index.html", context)


def album(request, slug: str):
    """/thu-vien/album/<slug>/: the photos as a grid, each leading to its own page."""
    album, preview = _visible(request, Album, slug)
    photos = list(album.photos.all())
    if not photos and not preview:
        raise Http404
    context = {
        "album": album,
        "photos": photos,
        "preview": preview,
        "absolute_url": request.build_absolute_uri(reverse("gallery:album", args=[slug])),
    }
    return _private(render(request, "news/gallery/album.html", context), preview)


def photo(request, slug: str, number: int):
    """/thu-vien/album/<slug>/anh/<n>/: one photo with its caption, previous and next."""
    album, preview = _visible(request, Album, slug)
    total = album.photos.count()
    if not 1 <= number <= total:
        raise Http404
    photo = album.photos.all()[number - 1]
    context = {
        "album": album,
        "photo": photo,
        "number": number,
        "total": total,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < total else None,
        "preview": preview,
        "absolute_url": request.build_absolute_uri(reverse("gallery:photo", args=[slug, number])),
    }
    return _private(render(request, "news/gallery/photo.html", context), preview)


def video(request, slug: str):
    """/thu-vien/video/<slug>/: an uploaded video plays in the page; a host's video is
    embedded only once the visitor asks (``?xem=1`` without JavaScript)."""
    video, preview = _visible(request, Video, slug)
    play = wants_player(request)
    context = video_context(video, play=play) | {
        "preview": preview,
        "absolute_url": request.build_absolute_uri(reverse("gallery:video", args=[slug])),
    }
    response = render(request, "news/gallery/video.html", context)
    return _private(allow_video_frame(response, video), preview)


def article_gallery(article) -> dict:
    """The album and video an article shows after its body, when they are live."""
    now = timezone.now()
    album = article.album if article.album_id else None
    video = article.video if article.video_id else None
    context = {"gallery_album": None, "gallery_photos": [], "gallery_video": None}
    if album is not None and queries.is_live(album, now):
        photos = list(album.photos.all())
        if photos:
            context |= {"gallery_album": album, "gallery_photos": photos}
    if video is not None and queries.is_live(video, now):
        context |= {"gallery_video": video, **video_context(video)}
    return context
