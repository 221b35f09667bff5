from django.urls import path

from core.caching import cached_for_visitors
from news import views
from news.feeds import LatestArticlesFeed
from news.questions import views as question_views

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
        # Its approved comments too (news/questions/): their own version.
        cached_for_visitors(
            views.article_detail, "bai-viet", data=["news", "registry", "comments"], parameters=[]
        ),
        name="detail",
    ),
    # A reader's comment: a form of its own, never cached (news/questions/views.py).
    path("<slug:slug>/binh-luan/", question_views.comment, name="comment"),
    path("<slug:slug>/binh-luan/da-gui/", question_views.comment_thanks, name="comment_thanks"),
]
