"""django-axes hooks: the client address it locks and records, and the lockout page."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from core.clientip import client_ip as _client_ip


def client_ip(request) -> str | None:
    """The address axes locks and records: core.clientip's, from REMOTE_ADDR or the
    trusted proxies' entry of X-Forwarded-For (HTX_TRUSTED_PROXY_HOPS)."""
    return _client_ip(request)


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page: which account, and from when it may sign in again."""
    cool_off = get_cool_off(request)
    attempt_time = getattr(request, "axes_attempt_time", None) or timezone.now()
    context = {
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "retry_at": timezone.localtime(attempt_time + cool_off) if cool_off else None,
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
