from django.urls import path

from cooperatives import views
from htx_portal.caching import cached_for_visitors, next_midnight, next_publication

app_name = "cooperatives"

DIRECTORY = ("q", "kind", "sector", "area", "status", "stars", "member", "sort", "page")
OCOP = ("q", "stars", "group", "area", "expired", "page")

urlpatterns = [
    path(
        "hop-tac-xa/",
        cached_for_visitors(
            views.directory, "hop-tac-xa", data=["registry"], parameters=DIRECTORY,
            deadlines=[next_midnight],
        ),
        name="directory",
    ),
    path(
        "hop-tac-xa/<str:code>/",
        cached_for_visitors(
            views.organization_page, "to-chuc", data=["registry", "news"], parameters=[],
            deadlines=[next_midnight, next_publication],
        ),
        name="organization",
    ),
    path(
        "san-pham-ocop/",
        cached_for_visitors(
            views.ocop_catalogue, "ocop", data=["registry"], parameters=OCOP,
            deadlines=[next_midnight],
        ),
        name="ocop",
    ),
]  # fmt: skip
