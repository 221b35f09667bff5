"""Each public view of an article counted, and its current count shown."""

from core.caching import fill_in
from core.lib.formatting import vn_number
from core.visitors import ROBOTS
from news import counters

VIEWS_PLACEHOLDER = b"<!--luot-xem-->"


class ArticleViewsMiddleware:
    """Count every public view of an article, cached or not, and show the current count.

    The article page (cached for visitors) carries its article's id and a placeholder,
    filled in with the count on the way out, so a cached copy never shows a stale number.
    A middleware rather than a view wrapper: it runs before ``VisitorPageMiddleware``,
    which serves cached pages without calling any view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        article_id = getattr(response, "article_id", None)
        if article_id is None or response.status_code != 200:
            return response
        robot = ROBOTS.search(request.headers.get("User-Agent", ""))
        if (
            not getattr(response, "article_preview", False)
            and request.method == "GET"
            and not robot
        ):
            counters.count_view(article_id)
        fill_in(
            response,
            VIEWS_PLACEHOLDER,
            lambda: f"{vn_number(counters.total(article_id))} lượt xem".encode(),
        )
        return response
