"""Public pages of the readers' questions, and the comment form of an article."""

import json
from urllib.parse import urlencode

from captcha import views as captcha_views
from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import re_path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

from core.pagination import RedirectingPaginationMixin
from news.models import Article, Topic
from news.questions import ratelimit
from news.questions.forms import CommentForm, QuestionForm
from news.questions.services import published_questions, search

PAGE_SIZE = 12


class QuestionListView(RedirectingPaginationMixin, ListView):
    """/hoi-dap/: published questions with their answers, newest answer first; by topic
    (``?linh_vuc=``), ``?q=`` searches without accents."""

    template_name = "news/questions/list.html"
    context_object_name = "questions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        questions = (
            published_questions()
            .select_related("topic")
            .defer("email", "phone", "answer", "search_folded", "notify_error")
            .order_by("-answered_at", "-pk")
        )
        self.topics = list(
            Topic.objects.filter(questions__in=published_questions())
            .annotate(count=Count("questions"))
            .order_by("order", "name")
        )
        slug = self.request.GET.get("linh_vuc", "").strip()[:160]
        self.topic = None
        if slug:
            # A field without published questions yet shows an empty list; a made-up one 404.
            self.topic = next((t for t in self.topics if t.slug == slug), None)
            self.topic = self.topic or get_object_or_404(Topic, slug=slug)
            questions = questions.filter(topic=self.topic)
        self.query = self.request.GET.get("q", "").strip()[:100]
        return search(questions, self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = {}
        if self.topic is not None:
            params["linh_vuc"] = self.topic.slug
        if self.query:
            params["q"] = self.query
        context.update(
            topics=self.topics,
            topic=self.topic,
            query=self.query,
            querystring=urlencode(params),
        )
        return context


def list_parameters(request) -> list:
    """The list's cache key: the parameters it reads, cut as the view cuts them."""
    return [
        request.GET.get("linh_vuc", "").strip()[:160],
        request.GET.get("q", "").strip()[:100],
        request.GET.get("page", ""),
    ]


def question_detail(request, pk: int):
    question = get_object_or_404(
        published_questions().select_related("topic").defer("email", "phone"), pk=pk
    )
    related = list(
        published_questions()
        .filter(topic=question.topic_id)
        .exclude(pk=question.pk)
        .only("pk", "title", "answered_at")
        .order_by("-answered_at")[:4]
    )
    absolute_url = request.build_absolute_uri(question.get_absolute_url())
    context = {
        "question": question,
        "related": related,
        "absolute_url": absolute_url,
        "json_ld": json_ld(question, absolute_url),
    }
    return render(request, "news/questions/detail.html", context)


def json_ld(question, url: str) -> str:
    """schema.org QAPage: one question, the alliance's answer. No asker's name or contact."""
    alliance = {"@type": "Organization", "name": settings.ALLIANCE_NAME}
    data = {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "name": question.title,
            "text": question.text,
            "dateCreated": question.created_at.isoformat(),
            "answerCount": 1,
            "acceptedAnswer": {
                "@type": "Answer",
                "text": question.answer,
                "dateCreated": question.answered_at.isoformat(),
                "url": url,
                "author": alliance,
            },
        },
    }
    # Escaped as json_script escapes (no "</script>" can close the element early).
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))


def _limited(request, until):
    response = render(request, "news/questions/limited.html", {"until": until}, status=429)
    response["Retry-After"] = str(max(1, int((until - timezone.now()).total_seconds())))
    patch_cache_control(response, private=True, no_store=True)
    return response


def _reader_form(request, form_class, template: str, context: dict, save, thanks_url: str):
    """GET shows the form, POST checks the limits, then the form, then saves."""
    until = ratelimit.refused_until(request, posting=request.method == "POST")
    if until is not None:
        return _limited(request, until)
    if request.method == "POST":
        ratelimit.count_attempt(request)
        form = form_class(request.POST)
        if form.is_valid():
            save(form)
            ratelimit.count_post(request)
            return redirect(thanks_url)
        status = 400
    else:
        form = form_class()
        status = 200
    response = render(request, template, {**context, "form": form}, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


@never_cache
def ask(request):
    """/hoi-dap/gui-cau-hoi/: the form to ask (never cached: each carries a captcha)."""

    def save(form):
        form.save()

    context = {"contact_months": settings.READER_CONTACT_MONTHS}
    return _reader_form(
        request, QuestionForm, "news/questions/ask.html", context, save, reverse("questions:thanks")
    )


def thanks(request):
    return render(request, "news/questions/thanks.html")


def _open_article(slug: str) -> Article:
    """A published article, or 404: drafts and scheduled ones take no comments."""
    return get_object_or_404(Article.objects.published().only("pk", "slug", "title"), slug=slug)


@never_cache
def comment(request, slug: str):
    """/tin-tuc/<slug>/binh-luan/: a comment, shown on the article once approved."""
    article = _open_article(slug)

    def save(form):
        form.instance.article = article
        form.save()

    return _reader_form(
        request,
        CommentForm,
        "news/questions/comment.html",
        {"article": article},
        save,
        reverse("news:comment_thanks", args=[article.slug]),
    )


def comment_thanks(request, slug: str):
    article = _open_article(slug)
    return render(request, "news/questions/comment_thanks.html", {"article": article})


# The captcha's addresses (django-simple-captcha's views, under their own names, which its
# widget reverses): the image, its copy for sharp screens, and a new captcha as JSON for
# the "Đổi ảnh khác" button (static/news/captcha.js). No audio. Never stored by a cache:
# an image is for one form, and the library answers 410 once it has expired.
captcha_urls = [
    re_path(r"^image/(?P<key>\w+)/$", never_cache(captcha_views.captcha_image),
            name="captcha-image", kwargs={"scale": 1}),
    re_path(r"^image/(?P<key>\w+)@2/$", never_cache(captcha_views.captcha_image),
            name="captcha-image-2x", kwargs={"scale": 2}),
    re_path(r"^refresh/$", never_cache(captcha_views.captcha_refresh), name="captcha-refresh"),
]  # fmt: skip
