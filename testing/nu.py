"""The Nu HTML Checker (vnu.jar, the W3C validator's engine), fetched once from the npm
registry for tests, as axe-core is (``testing.axe``).

It runs on Java (Debian's ``default-jre-headless``), over files, offline. The tarball's
SHA-1 from the registry is checked before it is unpacked.
"""

import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import urllib.request
from pathlib import Path

from django.conf import settings

VERSION = "26.9.27"
SHASUM = "80a35dd6f8f7230132811a6ee8bd4257a119fb14"
URL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
CACHE = Path(settings.BASE_DIR) / ".cache" / f"vnu-jar-{VERSION}" / "vnu.jar"


def vnu_jar() -> Path | None:
    """The path of vnu.jar, downloading it if needed; None when it cannot be had."""
    if CACHE.exists():
        return CACHE
    try:
        with urllib.request.urlopen(URL, timeout=60) as response:
            data = response.read()
    except OSError:
        return None
    if hashlib.sha1(data).hexdigest() != SHASUM:  # noqa: S324 - the registry's own checksum
        return None
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile("package/build/dist/vnu.jar")
        if member is None:
            return None
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        partial = CACHE.with_suffix(".part")
        partial.write_bytes(member.read())
        partial.replace(CACHE)  # a second process never reads half a jar
    return CACHE


def java() -> str | None:
    return shutil.which("java")


def check(files: list[Path]) -> list[dict]:
    """The checker's messages of type "error" for ``files`` (one JVM for all of them).

    Each message: ``url`` (the file), ``message``, ``extract`` and ``lastLine``.
    """
    jar = vnu_jar()
    if jar is None or java() is None:
        raise RuntimeError("vnu.jar or Java is missing")
    result = subprocess.run(
        [java(), "-jar", str(jar), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
