from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import OcopProduct, Organization


def home(request):
    """The home page: the registry in a few numbers, as of today."""
    today = timezone.localdate()
    by_kind = dict(
        Organization.objects.existing_at(today)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    by_stars = dict(
        OcopProduct.objects.valid_at(today)
        .values_list("stars")
        .annotate(n=Count("pk"))
        .values_list("stars", "n")
    )
    kinds = [(label, by_kind.get(value, 0)) for value, label in Organization.Kind.choices]
    context = {
        "today": today,
        "kinds": kinds,
        "ocop_total": sum(by_stars.values()),
        "ocop_by_stars": [(stars, by_stars.get(stars, 0)) for stars in (3, 4, 5)],
    }
    return render(request, "home.html", context)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('reports:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A refused form, explained in Vietnamese (Django's default page is English)."""
    return render(request, "403_csrf.html", status=403)
