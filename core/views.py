from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from core import home as home_parts


def home(request):
    """The home page: news, the province in a few numbers, OCOP products, links.

    Each app gives its part (``core.home``).
    """
    return render(request, "home.html", home_parts.context(timezone.localdate()))


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
