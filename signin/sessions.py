"""Staff sessions end after a spell of inactivity, and at the latest a fixed time after
signing in (``STAFF_IDLE_TIMEOUT``, ``STAFF_SESSION_MAX_AGE``)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

SIGNED_IN_AT = "htx_signed_in_at"
LAST_SEEN_AT = "htx_last_seen_at"
# The last-seen time is written back at most this often (seconds), not on every request.
LAST_SEEN_RESOLUTION = 60


class StaffSessionMiddleware:
    """Sign staff out after ``STAFF_IDLE_TIMEOUT`` without a request, or
    ``STAFF_SESSION_MAX_AGE`` after they signed in, and send them to the sign-in page
    with a Vietnamese message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return self.get_response(request)
        session = request.session
        now = time.time()
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen_at = session.get(LAST_SEEN_AT)
        if signed_in_at is None or last_seen_at is None:
            # A session from before this rule: its clocks start now.
            session[SIGNED_IN_AT] = signed_in_at = now
            session[LAST_SEEN_AT] = last_seen_at = now
        idle = now - last_seen_at > settings.STAFF_IDLE_TIMEOUT.total_seconds()
        too_old = now - signed_in_at > settings.STAFF_SESSION_MAX_AGE.total_seconds()
        if idle or too_old:
            logout(request)
            if idle:
                minutes = int(settings.STAFF_IDLE_TIMEOUT.total_seconds() // 60)
                text = (
                    f"Phiên làm việc đã kết thúc vì không có thao tác trong {minutes} phút. "
                    "Vui lòng đăng nhập lại."
                )
            else:
                hours = int(settings.STAFF_SESSION_MAX_AGE.total_seconds() // 3600)
                text = (
                    f"Phiên làm việc đã kết thúc sau {hours} giờ kể từ khi đăng nhập. "
                    "Vui lòng đăng nhập lại."
                )
            messages.warning(request, text)
            return redirect_to_login(request.get_full_path())
        if now - last_seen_at >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_AT] = now
        return self.get_response(request)


def start_staff_session(sender, request, user, **kwargs) -> None:
    """Start the session clocks at sign-in (connected to ``user_logged_in``)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now
