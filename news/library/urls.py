from django.urls import path

from core.caching import cached_for_visitors
from news.library import views
from news.library.feeds import LatestDocumentsFeed

app_name = "library"

urlpatterns = [
    path(
        "",
        cached_for_visitors(
            views.document_list,
            "van-ban",
            parameters=["q", "doc_type", "issuer", "year", "topic", "status", "page"],
        ),
        name="list",
    ),
    path("rss/", cached_for_visitors(LatestDocumentsFeed(), "van-ban-rss"), name="rss"),
    path(
        "<slug:slug>/",
        # Its related organisations are shown if public: the registry's version too.
        cached_for_visitors(
            views.document_detail, "van-ban-trang", data=["news", "registry"], parameters=[]
        ),
        name="detail",
    ),
]
