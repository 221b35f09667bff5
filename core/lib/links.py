"""Web addresses people type into a record: shops and marketplaces where a product sells.

A link is kept only if it is an http(s) address with a host; the page shows the
marketplace's name where it is a known one, else the host without ``www.``.
"""

import re
from urllib.parse import urlsplit

from core.lib.text import nfc

MAX_LINKS = 5
# Marketplaces Vietnamese cooperatives sell on, by host (and their sub-hosts).
SHOPS = {
    "postmart.vn": "Postmart",
    "voso.vn": "Voso",
    "shopee.vn": "Shopee",
    "lazada.vn": "Lazada",
    "tiki.vn": "Tiki",
    "sendo.vn": "Sendo",
    "tiktok.com": "TikTok Shop",
    "facebook.com": "Facebook",
    "zalo.me": "Zalo",
}
_SEPARATORS = re.compile(r"[\s;]+")


def _host(address: str) -> str:
    try:
        return (urlsplit(address).hostname or "").lower()
    except ValueError:  # a malformed address (an unclosed "[")
        return ""


def web_links(value: str | None, *, strict: bool = False) -> list[str]:
    """The http(s) addresses in ``value`` (one per line, or separated by ``;``), in order,
    each once.

    Anything else is dropped, unless ``strict``: then the first bad part, or more than
    ``MAX_LINKS`` addresses, raises ``ValueError`` with a message in Vietnamese.
    """
    result = []
    for part in _SEPARATORS.split(nfc(value or "").strip()):
        if not part:
            continue
        if not part.lower().startswith(("http://", "https://")) or "." not in _host(part):
            if strict:
                raise ValueError(
                    f"“{part}” không phải là địa chỉ trang web "
                    "(phải bắt đầu bằng https:// hoặc http://, ví dụ https://postmart.vn/…)."
                )
            continue
        if part not in result:
            result.append(part)
    if strict and len(result) > MAX_LINKS:
        raise ValueError(f"Có {len(result)} liên kết: tối đa {MAX_LINKS}.")
    return result[:MAX_LINKS]


def shop_name(address: str) -> str:
    """``https://shopee.vn/gao-tam`` → ``Shopee``; an unknown site → its host."""
    host = _host(address).removeprefix("www.")
    for known, name in SHOPS.items():
        if host == known or host.endswith("." + known):
            return name
    return host
