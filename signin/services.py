"""Writes of the two-factor sign-in: enrolment, backup codes, recovery."""

from axes.helpers import get_client_session_hash
from axes.models import AccessLog
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Ứng dụng xác thực"
BACKUP_NAME = "Mã dự phòng"


@transaction.atomic
def start_enrolment(*, user) -> TOTPDevice:
    """Return the user's unconfirmed authenticator device, creating it if needed (the
    same secret until it is confirmed, so a reloaded page shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with its first code; return the new backup codes, or None if the
    code is wrong."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return regenerate_backup_codes(user=device.user)


@transaction.atomic
def regenerate_backup_codes(*, user) -> list[str]:
    """Replace the user's backup codes by ``BACKUP_CODE_COUNT`` new ones and return them
    (only their holder sees them, once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = []
    while len(codes) < BACKUP_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_two_factor(*, user) -> int:
    """Remove every second factor of ``user`` (recovery by a superuser); return how many
    devices were removed. Their sessions fall back to the code or enrolment page."""
    devices = [TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)]
    removed = sum(found.count() for found in devices)
    for found in devices:
        found.delete()
    return removed


@transaction.atomic
def complete_second_factor(*, request, device) -> None:
    """Mark the session verified with ``device`` and give it a new key (so a key seen
    before the code is worth nothing), keeping the sign-in audit row tied to it: axes
    finds the row to stamp with the sign-out time by the session key's hash."""
    otp_login(request, device)
    before = get_client_session_hash(request)
    request.session.cycle_key()
    AccessLog.objects.filter(
        username=request.user.get_username(), logout_time__isnull=True, session_hash=before
    ).update(session_hash=get_client_session_hash(request))
