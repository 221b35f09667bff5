"""axe-core, the accessibility checker, fetched once from the npm registry for tests.

It runs inside the tested page (Chromium), served from a local file: the portal never
loads it. The tarball's SHA-1 from the registry is checked before it is unpacked.
"""

from pathlib import Path

from testing.npm import package_file

VERSION = "4.14.1"
SHASUM = "14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99"


def axe_script() -> Path | None:
    """The path of axe.min.js, downloading it if needed; None when it cannot be had."""
    return package_file("axe-core", VERSION, SHASUM, "axe.min.js")
