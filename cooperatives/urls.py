import re

from django.urls import path

from cooperatives import views
from cooperatives.models import OcopProduct, Organization
from cooperatives.public import DIRECTORY_SORTS
from core.caching import cached_for_visitors, next_midnight
from core.lib.text import nfc

app_name = "cooperatives"


def _shape(pattern: str):
    return re.compile(pattern).fullmatch


# What each filter may look like: anything else is ignored by the page, and so by the
# cache key (junk values share the entry of the page without them). Checked without a
# form or a query, as this runs on every cached view.
# An area is a code, or a code with the day of the unit that had it (``14011@30-06-2025``,
# cooperatives.area_refs): the choices the filter offers for units the reform ended.
AREA = _shape(r"[0-9A-Za-z]{1,10}(?:@[0-9]{2}[-/][0-9]{2}[-/][0-9]{4})?")
DIRECTORY = {
    "kind": set(Organization.Kind.values).__contains__,
    "status": set(Organization.Status.values).__contains__,
    "stars": {"3", "4", "5"}.__contains__,
    "member": {"co", "khong"}.__contains__,
    "sort": DIRECTORY_SORTS.__contains__,
    "sector": _shape(r"[0-9]{1,6}"),
    "area": AREA,
}
OCOP = {
    "stars": {"3", "4", "5"}.__contains__,
    "group": set(OcopProduct.Group.values).__contains__,
    "expired": {"co"}.__contains__,
    "area": AREA,
}


def _canonical(request, accepted: dict) -> str:
    values = [(name, request.GET.get(name, "")) for name in accepted]
    kept = [(name, value) for name, value in values if value and accepted[name](value)]
    # The visitor's own spelling: the page repeats it ("có tên chứa “Bảo Lộc”"), so "bao
    # loc" and "Bảo Lộc" find the same organisations but are two pages (issue 17).
    query = " ".join(nfc(request.GET.get("q", ""))[:100].split())
    return f"{kept}|{query}|{request.GET.get('page', '1')}"


def directory_key(request) -> str:
    return _canonical(request, DIRECTORY)


def ocop_key(request) -> str:
    return _canonical(request, OCOP)


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
            deadlines=[next_midnight],
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
    path(
        "san-pham-ocop/<int:pk>/<str:slug>/",
        cached_for_visitors(
            views.ocop_product, "ocop-san-pham", data=["registry"], parameters=[],
            deadlines=[next_midnight],
        ),
        name="ocop-product",
    ),
    path("san-pham-ocop/<int:pk>/", views.ocop_product, name="ocop-product-short"),
]  # fmt: skip
