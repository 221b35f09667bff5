"""axe-core, the accessibility checker, fetched once from the npm registry for tests.

It runs inside the tested page (Chromium), served from a local file: the portal never
loads it. The tarball's SHA-1 from the registry is checked before it is unpacked.
"""

import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path

from django.conf import settings

VERSION = "4.14.1"
SHASUM = "14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99"
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
CACHE = Path(settings.BASE_DIR) / ".cache" / f"axe-core-{VERSION}" / "axe.min.js"


def axe_script() -> Path | None:
    """The path of axe.min.js, downloading it if needed; None when it cannot be had."""
    if CACHE.exists():
        return CACHE
    try:
        with urllib.request.urlopen(URL, timeout=30) as response:
            data = response.read()
    except OSError:
        return None
    if hashlib.sha1(data).hexdigest() != SHASUM:  # noqa: S324 - the registry's own checksum
        return None
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile("package/axe.min.js")
        if member is None:
            return None
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(member.read())
    return CACHE
