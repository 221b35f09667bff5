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


class RedirectingPaginationMixin:
    """A ``ListView`` whose pages follow ``page_or_redirect``: out-of-range or oddly
    written page numbers are redirected to the page to show, not answered with a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page, self.elsewhere = page_or_redirect(self.request, paginator)
        if page is None:
            return paginator, None, [], True
        return paginator, page, page.object_list, page.has_other_pages()

    def render_to_response(self, context, **response_kwargs):
        if getattr(self, "elsewhere", None) is not None:
            return self.elsewhere
        return super().render_to_response(context, **response_kwargs)
