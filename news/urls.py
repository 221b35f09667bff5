from django.urls import path

from core.caching import cached_for_visitors
from news import views
from news.feeds import LatestArticlesFeed

app_name = "news"

list_view = views.ArticleListView.as_view()

urlpatterns = [
    path("", cached_for_visitors(list_view, "tin-tuc"), name="list"),
    path("rss/", cached_for_visitors(LatestArticlesFeed(), "rss"), name="rss"),
    path(
        "chuyen-muc/<slug:category>/",
        cached_for_visitors(list_view, "tin-tuc"),
        name="category",
    ),
    path("the/<slug:tag>/", cached_for_visitors(list_view, "tin-tuc"), name="tag"),
    path(
        "<slug:slug>/",
        # Its related organisations are shown if public: the registry's version too. Its
        # views are counted by news.middleware.ArticleViewsMiddleware.
        cached_for_visitors(
            views.article_detail, "bai-viet", data=["news", "registry"], parameters=[]
        ),
        name="detail",
    ),
]
