"""Public news pages: the list (by category, tag and search) and the article."""

from urllib.parse import urlencode

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.generic import ListView

from core.pagination import RedirectingPaginationMixin
from news.gallery.views import allow_video_frame, article_gallery
from news.models import Article, Category, Tag
from news.questions.services import approved_comments

PAGE_SIZE = 12
RELATED = 4


class ArticleListView(RedirectingPaginationMixin, ListView):
    """/tin-tuc/: published articles, newest first; by category or tag; ?q= searches."""

    template_name = "news/list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        articles = Article.objects.published().listed()
        self.category = self.tag = None
        if "category" in self.kwargs:
            self.category = get_object_or_404(Category, slug=self.kwargs["category"])
            articles = articles.filter(category=self.category)
        if "tag" in self.kwargs:
            self.tag = get_object_or_404(Tag, slug=self.kwargs["tag"])
            articles = articles.filter(tags=self.tag)
        self.query = self.request.GET.get("q", "").strip()[:100]
        return articles.search(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "category": self.category,
                "tag": self.tag,
                "query": self.query,
                "querystring": urlencode({"q": self.query}) if self.query else "",
                "categories": Category.objects.all(),
            }
        )
        return context


def article_detail(request, slug: str):
    """One article. Drafts and scheduled ones 404 for the public and preview for editors."""
    article = get_object_or_404(
        Article.objects.select_related("category", "album", "video").prefetch_related(
            "tags", "attachments", "organizations"
        ),
        slug=slug,
    )
    preview = not article.is_live
    if preview and not request.user.has_perm("news.view_article"):
        raise Http404
    tags = list(article.tags.all())
    related = (
        Article.objects.published()
        .filter(Q(category=article.category_id) | Q(tags__in=tags))
        .exclude(pk=article.pk)
        .listed()
        .distinct()[:RELATED]
    )
    context = {
        "article": article,
        "tags": tags,
        "attachments": list(article.attachments.all()),
        "organizations": [o for o in article.organizations.all() if o.is_public],
        "related": list(related),
        # Approved readers' comments, name, date and text only (news/questions/).
        "comments": list(approved_comments(article)),
        "preview": preview,
        "absolute_url": request.build_absolute_uri(article.get_absolute_url()),
    }
    context |= article_gallery(article)  # its album and video, when live (news/gallery/)
    response = render(request, "news/detail.html", context)
    allow_video_frame(response, context["gallery_video"])
    response.article_id = article.pk  # kept with the cached copy: each view is counted
    response.article_preview = preview
    if preview:
        patch_cache_control(response, private=True, no_store=True)
    return response
