"""Public pages of the document library: the list (filters and an accent-free search)
and each document."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from core.pagination import page_or_redirect
from news.library.forms import DocumentFilters
from news.models import Document

PAGE_SIZE = 20


def document_list(request):
    """/van-ban/: published documents, newest first; filtered and searched."""
    form = DocumentFilters(request.GET)
    chosen = form.chosen()
    documents = Document.objects.published().select_related("issuer", "topic")
    if "doc_type" in chosen:
        documents = documents.filter(doc_type=chosen["doc_type"])
    if "issuer" in chosen:
        documents = documents.filter(issuer=chosen["issuer"])
    if "year" in chosen:
        documents = documents.filter(issued_on__year=chosen["year"])
    if "topic" in chosen:
        documents = documents.filter(topic=chosen["topic"])
    if "status" in chosen:
        documents = documents.filter(status=chosen["status"])
    query = chosen.get("q", "").strip()
    documents = documents.search(query).defer("search_folded")
    page, elsewhere = page_or_redirect(request, Paginator(documents, PAGE_SIZE))
    if elsewhere is not None:
        return elsewhere
    kept = {name: request.GET[name] for name in form.fields if request.GET.get(name)}
    context = {
        "form": form,
        "page": page,
        "documents": page.object_list,
        "query": query,
        "filtered": bool(chosen),
        "querystring": urlencode(kept),
    }
    return render(request, "news/library/list.html", context)


def document_detail(request, slug: str):
    """One document: its details, files, what replaces it or what it replaces, and the
    related organisations (public ones) and articles (published ones)."""
    document = get_object_or_404(
        Document.objects.published().select_related("issuer", "topic", "replaced_by"),
        slug=slug,
    )
    replaced_by = document.replaced_by if document.replaced_by_id else None
    if replaced_by is not None and not replaced_by.is_published:
        replaced_by = None
    context = {
        "document": document,
        "files": list(document.files.all()),
        "replaced_by": replaced_by,
        "replaces": list(document.replaces.published().only("slug", "doc_type", "number")),
        "organizations": list(document.organizations.filter(is_public=True).only("code", "name")),
        "articles": list(document.articles.published().listed()[:6]),
        "absolute_url": request.build_absolute_uri(document.get_absolute_url()),
    }
    return render(request, "news/library/detail.html", context)
