"""Test-only URLs: the portal plus a view that fails (never in production urls)."""

from django.urls import path

from htx_portal.urls import urlpatterns as portal


class DeliberateFailure(Exception):
    pass


def fail(request):
    # The message quotes the query value, as database errors quote failed values do.
    raise DeliberateFailure(f"không xử lý được {request.GET.get('so', '')}")


urlpatterns = [path("thu-loi/", fail), *portal]
