"""The captcha's challenge: letters that cannot be mistaken for others on a phone."""

import secrets

from django.conf import settings

# No I, J, L (1), O, Q (0), S (5), Z (2), B (8), G (6): what remains reads one way only.
LETTERS = "ACDEFHKMNPRTUVWXY"


def challenge() -> tuple[str, str]:
    """(what the image shows, the expected answer); answers are compared in lower case."""
    text = "".join(secrets.choice(LETTERS) for _ in range(settings.CAPTCHA_LENGTH))
    return text, text.lower()
