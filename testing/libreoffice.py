"""Files opened and saved by LibreOffice, as a clerk's office computer would.

Debian's ``libreoffice-calc-nogui`` runs headless. Every call converts all its files in
one LibreOffice start (about a second), in a profile of its own (parallel test workers
never share one), with the Vietnamese locale: dates and numbers are then read and
written as a Vietnamese clerk's LibreOffice reads and writes them (a CSV's dates come
back as ``dd/mm/yy``, its numbers lose their leading zeros).
"""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

# The CSV filter's options: comma, double quote, UTF-8, from line 1.
CSV_FILTER = "44,34,76,1"
TARGETS = {
    "xls": "xls:MS Excel 97",
    "ods": "ods",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "csv": f"csv:Text - txt - csv (StarCalc):{CSV_FILTER}",
}


def available() -> bool:
    return shutil.which("soffice") is not None


def require(test: unittest.TestCase) -> None:
    """Skip without LibreOffice on a developer's machine; in CI its absence is a failure."""
    if available():
        return
    if os.environ.get("CI"):
        test.fail("LibreOffice (soffice) is missing: .ci/run installs libreoffice-calc-nogui.")
    test.skipTest("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")


def convert(files: dict[str, bytes], to: str) -> dict[str, bytes]:
    """Open each file in LibreOffice and save it as ``to`` (xls, ods, xlsx or csv).

    Returns the new files by their names with the new extension.
    """
    with tempfile.TemporaryDirectory() as work:
        source, target = Path(work, "in"), Path(work, "out")
        source.mkdir()
        for name, data in files.items():
            (source / name).write_bytes(data)
        env = {**os.environ, "LC_ALL": "vi_VN.UTF-8", "LANG": "vi_VN.UTF-8"}
        command = [
            "soffice",
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            f"--infilter=CSV:{CSV_FILTER}",
            "--convert-to",
            TARGETS[to],
            "--outdir",
            str(target),
            *[str(source / name) for name in files],
        ]
        subprocess.run(command, env=env, capture_output=True, timeout=120, check=True)
        converted = {}
        for name in files:
            path = target / f"{Path(name).stem}.{to}"
            if not path.exists():
                raise RuntimeError(f"LibreOffice did not write {path.name}")
            converted[path.name] = path.read_bytes()
        return converted
