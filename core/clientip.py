"""The client's address, counted from the right of X-Forwarded-For by trusted hops.

``HTX_TRUSTED_PROXY_HOPS`` (settings.TRUSTED_PROXY_HOPS) says how many reverse proxies
of our own stand in front of gunicorn, each appending the address it received the
request from to ``X-Forwarded-For``:

- ``0`` (no proxy): the address is ``REMOTE_ADDR`` and ``X-Forwarded-For`` is ignored,
  since anyone can send it;
- ``N``: the Nth address from the right, the one the outermost of our proxies appended.
  Everything to the left of it came from the client and is ignored.

A header with fewer than N addresses came past fewer proxies (an outer one was
bypassed); its leftmost address was still appended by one of ours and is taken. No
header at all, or an entry that is not an address at the chosen place, leaves
``REMOTE_ADDR`` (the proxy's address: such requests share one lock rather than
choosing their own).

This only holds while gunicorn can be reached through those proxies alone
(compose.yaml publishes no port of "web"; docs/operations.md).
"""

import ipaddress

from django.conf import settings


def parse_address(value: str) -> str | None:
    """``value`` as a normalised IP address, or None; a port a proxy may add
    ("203.0.113.7:5123", "[2001:db8::1]:443") is dropped."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request, hops: int | None = None) -> str | None:
    """The address of the client that sent ``request`` (see the module's docstring)."""
    if hops is None:
        hops = settings.TRUSTED_PROXY_HOPS
    remote = parse_address(request.META.get("REMOTE_ADDR", ""))
    if hops < 1:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if not forwarded:
        return remote
    return parse_address(forwarded[-min(hops, len(forwarded))]) or remote
