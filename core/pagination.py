"""Paged public lists: the page a visitor asks for, and the numbers to offer.

``?page=`` beyond the last page goes to the last page, below 1 to the first, and a
number written otherwise ("02") to the same number written plainly: a redirect, so that
every page has one address (issue 17). Anything that is not a number is 404.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect

# Page numbers offered around the current one and at each end ("1 … 4 5 6 … 140").
ON_EACH_SIDE, ON_ENDS = 1, 1


def page_or_redirect(request, paginator: Paginator):
    """(the page to show, None), or (None, a redirect to the page to show instead)."""
    raw = request.GET.get("page")
    if raw in (None, ""):
        return paginator.page(1), None
    try:
        number = int(raw)
    except ValueError:
        raise Http404 from None
    target = min(max(number, 1), paginator.num_pages)
    if str(target) == raw:
        return paginator.page(target), None
    params = request.GET.copy()
    if target == 1:
        params.pop("page")
    else:
        params["page"] = str(target)
    query = params.urlencode()
    return None, HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)


def page_links(page) -> list:
    """The numbers to link to (``Paginator.ELLIPSIS`` for a gap), the current one included."""
    return list(
        page.paginator.get_elided_page_range(
            page.number, on_each_side=ON_EACH_SIDE, on_ends=ON_ENDS
        )
    )
