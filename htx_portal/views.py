from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import OcopProduct, Organization
from news.models import Article, Banner
from reports.statistics import public_statistics

LATEST_NEWS = 6
FEATURED_NEWS = 3
FEATURED_PRODUCTS = 6


def home(request):
    """The home page: news, the province in a few numbers, OCOP products, links."""
    today = timezone.localdate()
    by_kind = dict(
        Organization.objects.existing_at(today)
        .filter(is_public=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    by_stars = dict(
        OcopProduct.objects.valid_at(today)
        .filter(organization__is_public=True)
        .values_list("stars")
        .annotate(n=Count("pk"))
        .values_list("stars", "n")
    )
    published = (
        Article.objects.published()
        .select_related("category")
        .defer("body", "highlight", "search_folded")
    )
    featured = list(published.filter(featured=True)[:FEATURED_NEWS])
    latest = list(published.exclude(pk__in=[a.pk for a in featured])[:LATEST_NEWS])
    products = list(
        OcopProduct.objects.valid_at(today)
        .filter(organization__is_public=True, stars__gte=4)
        .select_related("organization")
        .order_by("-stars", "-certified_on", "pk")[:FEATURED_PRODUCTS]
    )
    stats = public_statistics()
    context = {
        "today": today,
        "kinds": [(label, by_kind.get(value, 0)) for value, label in Organization.Kind.choices],
        "ocop_total": sum(by_stars.values()),
        "ocop_by_stars": [(stars, by_stars.get(stars, 0)) for stars in (5, 4, 3)],
        "members": stats["values"]["members_total"] if stats else None,
        "stats": stats,
        "headline": stats["narrative"][0] if stats and stats["narrative"] else "",
        "featured": featured,
        "latest": latest,
        "products": products,
        "banner": Banner.objects.filter(is_active=True, place=Banner.Place.TOP).first(),
    }
    return render(request, "home.html", context)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('reports:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A refused form, explained in Vietnamese (Django's default page is English)."""
    return render(request, "403_csrf.html", status=403)


def admin_view_on_site(request, content_type_id: str, object_id: str):
    """The admin's "Xem trên trang" redirect, only for records the person may open there.

    Django's own view redirects any signed-in staff member to any record's public
    address, which told area officers the codes of other areas' organisations (and
    everyone signed in the addresses of unpublished articles).
    """
    from django.contrib import admin
    from django.contrib.admin.utils import unquote
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.contenttypes.views import shortcut

    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ValueError, ContentType.DoesNotExist):
        raise Http404 from None
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        raise Http404
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)
