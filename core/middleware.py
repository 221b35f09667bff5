from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest

from core.database import RETRY_AFTER_SECONDS


class HealthCheckMiddleware:
    """Answer ``/healthz`` before host checks and HTTPS redirects.

    Load balancers and the container health check call it by IP over plain HTTP, so it
    must not depend on ``ALLOWED_HOSTS`` or TLS. 200 only when the database answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != "/healthz":
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            connection.close_if_unusable_or_obsolete()
            response = HttpResponse(
                "Cơ sở dữ liệu không phản hồi.\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


class RejectNulMiddleware:
    """Refuse query strings and form fields containing NUL with a plain 400.

    PostgreSQL cannot store or compare NUL in text, so such a value would otherwise end
    as a server error deep in a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query or self._has_nul(request):
            return HttpResponseBadRequest(
                "Yêu cầu chứa ký tự không hợp lệ (NUL).", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
            return False
        return any("\x00" in value for values in request.POST.lists() for value in values[1])
