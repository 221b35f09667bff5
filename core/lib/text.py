"""Accent-insensitive text folding shared by search, imports and name matching."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(value: str | None) -> str:
    """Return ``value`` without diacritics, case or extra spaces.

    ``"  Hợp tác xã  ĐỒNG Lạc "`` becomes ``"hop tac xa dong lac"``: NFD, combining
    marks stripped, đ/Đ mapped to d (they are letters, not marks, so NFD keeps them),
    casefolded, inner white space collapsed.
    """
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def nfc(value: str | None) -> str:
    """Return ``value`` in Unicode NFC with surrounding white space removed."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()
