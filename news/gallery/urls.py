from django.urls import path

from core.caching import cached_for_visitors
from news.gallery import views

app_name = "gallery"

urlpatterns = [
    path(
        "",
        cached_for_visitors(views.index, "thu-vien", parameters=["page", "loai"]),
        name="index",
    ),
    path(
        "album/<slug:slug>/",
        cached_for_visitors(views.album, "thu-vien-album", parameters=[]),
        name="album",
    ),
    path(
        "album/<slug:slug>/anh/<int:number>/",
        cached_for_visitors(views.photo, "thu-vien-anh", parameters=[]),
        name="photo",
    ),
    path(
        "video/<slug:slug>/",
        # ?xem=1 embeds the host's player; any other value is the same page as none.
        cached_for_visitors(views.video, "thu-vien-video", parameters=views.wants_player),
        name="video",
    ),
]
