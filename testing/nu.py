"""The Nu HTML Checker (vnu.jar, the W3C validator's engine), fetched once from the npm
registry for tests, as axe-core is (``testing.axe``).

It runs on Java (Debian's ``default-jre-headless``), over files, offline. The tarball's
SHA-1 from the registry is checked before it is unpacked.
"""

import json
import shutil
import subprocess
from pathlib import Path

from testing.npm import package_file

VERSION = "26.9.27"
SHASUM = "80a35dd6f8f7230132811a6ee8bd4257a119fb14"


def vnu_jar() -> Path | None:
    """The path of vnu.jar, downloading it if needed; None when it cannot be had."""
    return package_file("vnu-jar", VERSION, SHASUM, "build/dist/vnu.jar")


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
