from django.db import DatabaseError, connection
from django.http import HttpResponse


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
            return HttpResponse(
                "Cơ sở dữ liệu không phản hồi.\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
