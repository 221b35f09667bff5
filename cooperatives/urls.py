from django.urls import path

from cooperatives import public, views
from htx_portal.caching import cached_for_visitors, next_midnight, next_publication

app_name = "cooperatives"


def directory_key(request) -> str:
    """The filters as understood (junk values dropped), and the page."""
    return f"{public.DirectoryFilters(request.GET).signature()}|{request.GET.get('page', '1')}"


def ocop_key(request) -> str:
    return f"{public.OcopFilters(request.GET).signature()}|{request.GET.get('page', '1')}"


urlpatterns = [
    path(
        "hop-tac-xa/",
        cached_for_visitors(
            views.directory, "hop-tac-xa", data=["registry"], parameters=directory_key,
            deadlines=[next_midnight],
        ),
        name="directory",
    ),
    path(
        "hop-tac-xa/<str:code>/",
        cached_for_visitors(
            views.organization_page, "to-chuc", data=["registry", "figures", "news"],
            parameters=[],
            deadlines=[next_midnight, next_publication],
        ),
        name="organization",
    ),
    path(
        "san-pham-ocop/",
        cached_for_visitors(
            views.ocop_catalogue, "ocop", data=["registry"], parameters=ocop_key,
            deadlines=[next_midnight],
        ),
        name="ocop",
    ),
]  # fmt: skip
