"""Two-factor sign-in: who must give a code after the password, and how wrong codes
count towards the same lockout as wrong passwords (docs/security.md).

A staff member with a confirmed authenticator device gives a code after every password
sign-in; alliance and area staff (and superusers) must enrol first when
``REQUIRE_2FA`` is on. Until then every page sends them to the code or enrolment page.
"""

import math
from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import ALLIANCE, AREA, user_roles
from signin.lockout import client_ip

VERIFY = "verify"
ENROL = "enrol"
# Roles that see personal data: the second factor is required of them.
REQUIRED_ROLES = {ALLIANCE, AREA}


def has_device(user) -> bool:
    """True if ``user`` has a confirmed authenticator device."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_enrol(user) -> bool:
    """True if the policy requires ``user`` to have a second factor."""
    if not settings.REQUIRE_2FA:
        return False
    return user.is_superuser or bool(user_roles(user) & REQUIRED_ROLES)


def pending_step(user) -> str | None:
    """What a signed-in user still owes before using the site: VERIFY, ENROL or None."""
    if not (user.is_authenticated and user.is_staff) or user.is_verified():
        return None
    if has_device(user):
        return VERIFY
    if must_enrol(user):
        return ENROL
    return None


def wait_seconds(devices) -> int:
    """How long django-otp's own throttle still refuses to check a code on any of
    ``devices`` (after a wrong code it waits 1, 2, 4, 8 ... seconds), 0 if it does not."""
    waits = [0]
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed:
            until = (data or {}).get("locked_until")
            left = (until - timezone.now()).total_seconds() if until else 1
            waits.append(max(1, math.ceil(left)))
    return max(waits)


def devices_for_code(user, code: str) -> list:
    """The confirmed devices of ``user`` that a code of this form is checked against."""
    model = TOTPDevice if code.isdigit() else StaticDevice
    return list(model.objects.filter(user=user, confirmed=True))


def safe_next(request, default: str = "admin:index") -> str:
    """The ``next`` address of the request if it is on this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def step_url(step: str, next_url: str) -> str:
    return f"{reverse(f'signin:{step}')}?{urlencode({'next': next_url})}"


class TwoFactorMiddleware:
    """Send signed-in staff who still owe a second factor to the code page (or, if the
    policy requires one and they have none, to the enrolment page). The two-factor pages
    themselves and signing out stay open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = pending_step(request.user)
        if step is not None and not self._open(request.path_info):
            return redirect(step_url(step, request.get_full_path()))
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        return path.startswith(reverse("signin:verify")) or path == reverse("admin:logout")


# --- The lockout: wrong codes are failed sign-ins for django-axes --------------------


def _credentials(user) -> dict:
    return get_credentials(user.get_username())


def is_locked(request, user) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(user))


def record_wrong_code(request, user) -> int:
    """Record a wrong code as a failed sign-in of ``user`` (the sign-in audit and the
    lockout count, through django-axes' handler of ``user_login_failed``); return how many
    attempts are left before the lock (0: locked now)."""
    credentials = _credentials(user)
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        return 0
    failures = AxesProxyHandler.get_failures(request, credentials)
    return max(settings.AXES_FAILURE_LIMIT - failures, 0)


def clear_failures(request, user) -> None:
    """Clear the failure count of ``user`` on this address (a full sign-in succeeded)."""
    axes_reset(ip=client_ip(request), username=user.get_username())


def clear_failures_on_sign_in(sender, request, user, **kwargs) -> None:
    """On a correct password (``user_logged_in``): clear the failure count unless a code
    is still owed, so that wrong codes are not forgiven by signing in again."""
    if request is not None and not has_device(user):
        clear_failures(request, user)
