"""The two-factor pages: the code after the password, enrolment, backup codes."""

from base64 import b32encode
from functools import wraps

import segno
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin import services, two_factor
from signin.forms import CodeForm
from signin.lockout import lockout_response

WAIT = (
    "Vừa nhập sai mã nên cần chờ {seconds} giây trước khi thử lại. "
    "Sau đó hãy nhập mã đang hiện trong ứng dụng."
)


def staff_only(view):
    """Signed-in staff only; everyone else is sent to the sign-in page. Never cached,
    and the codes sent are never shown in error reports."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper = require_http_methods(["GET", "POST"])(wrapper)
    return never_cache(sensitive_post_parameters("code")(wrapper))


def _locked_out(request, user):
    """Sign ``user`` out and show the lockout page."""
    username = user.get_username()
    logout(request)
    return lockout_response(request, credentials={"username": username})


@staff_only
def verify(request):
    """After the password: a code from the authenticator app, or a backup code."""
    user = request.user
    next_url = two_factor.safe_next(request)
    if user.is_verified():
        return redirect(next_url)
    if not two_factor.has_device(user):
        return redirect(two_factor.step_url(two_factor.ENROL, next_url))
    if request.method == "POST" and two_factor.is_locked(request, user):
        return _locked_out(request, user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        wait = two_factor.wait_seconds(two_factor.devices_for_code(user, code))
        if wait:
            # Not checked at all, so not a failed attempt either.
            form.add_error("code", WAIT.format(seconds=wait))
            return render(request, "signin/verify.html", {"form": form, "next": next_url})
        device = match_token(user, code)
        if device is not None:
            services.complete_second_factor(request=request, device=device)
            two_factor.clear_failures(request, user)
            return redirect(next_url)
        left = two_factor.record_wrong_code(request, user)
        if left == 0:
            return _locked_out(request, user)
        form.add_error(
            "code",
            "Mã xác thực không đúng hoặc đã hết hạn (mỗi mã chỉ dùng được một lần). "
            f"Còn {left} lần thử trước khi tài khoản bị khóa tạm thời.",
        )
    return render(request, "signin/verify.html", {"form": form, "next": next_url})


def _secret_text(device: TOTPDevice) -> str:
    """The device's secret as authenticator apps take it by hand: base32, in fours."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _show_codes(request, codes: list[str], next_url: str, *, enrolled: bool):
    context = {"codes": codes, "next": next_url, "enrolled": enrolled}
    return render(request, "signin/backup_codes_new.html", context)


@staff_only
def enrol(request):
    """Enrol an authenticator app: QR code and secret, confirmed with a first code; then
    the backup codes, shown once."""
    user = request.user
    next_url = two_factor.safe_next(request)
    if two_factor.has_device(user):
        if not user.is_verified():
            return redirect(two_factor.step_url(two_factor.VERIFY, next_url))
        return render(request, "signin/enrolled.html", {"next": next_url})
    device = services.start_enrolment(user=user)
    form = CodeForm(request.POST if request.method == "POST" else None, backup_allowed=False)
    wait = two_factor.wait_seconds([device]) if form.is_valid() else 0
    if wait:
        form.add_error("code", WAIT.format(seconds=wait))
    elif form.is_valid():
        codes = services.confirm_enrolment(device=device, token=form.cleaned_data["code"])
        if codes is not None:
            services.complete_second_factor(request=request, device=device)
            two_factor.clear_failures(request, user)
            return _show_codes(request, codes, next_url, enrolled=True)
        form.add_error(
            "code",
            "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại (phải đúng giờ) và nhập "
            "mã đang hiện trong ứng dụng cho tài khoản vừa thêm.",
        )
    # A viewBox, not a fixed size: on a phone the CSS shrinks the whole code to the screen
    # instead of cutting off its right side (and a finder pattern with it).
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=5, omitsize=True, dark="#000", light="#fff",
        title="Mã QR để thêm vào ứng dụng xác thực",
    )  # fmt: skip
    context = {
        "form": form,
        "next": next_url,
        "qr": qr,
        "secret": _secret_text(device),
        "required": two_factor.must_enrol(user),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return render(request, "signin/enrol.html", context)


@staff_only
def backup_codes(request):
    """How many backup codes are left, and new ones on request (the old ones stop
    working)."""
    user = request.user
    next_url = two_factor.safe_next(request)
    if not two_factor.has_device(user):
        return redirect(two_factor.step_url(two_factor.ENROL, next_url))
    if not user.is_verified():
        return redirect(two_factor.step_url(two_factor.VERIFY, request.get_full_path()))
    if request.method == "POST":
        codes = services.regenerate_backup_codes(user=user)
        return _show_codes(request, codes, next_url, enrolled=False)
    left = StaticToken.objects.filter(device__user=user).count()
    return render(request, "signin/backup_codes.html", {"left": left, "next": next_url})
