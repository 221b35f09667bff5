"""`make audit` and CI: pip-audit of the pinned runtime requirements.

Fails (exit 1) when the vulnerability service reports a known vulnerability in any pin
or its dependencies. Gaps are reported but do not fail: a package the service has no
data for is listed as "not audited" (pip-audit without --strict), and a service that
cannot be reached at all is a warning, unless HTX_AUDIT_STRICT=1 makes gaps fail too
(for a CI with full internet access).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def verdict(report: dict | None, error: str = "") -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit JSON report (None: none)."""
    strict = os.environ.get("HTX_AUDIT_STRICT") == "1"
    if report is None:
        return (1 if strict else 0), [
            "pip-audit: the vulnerability service could not be reached; nothing was checked.",
            f"  {error.strip().splitlines()[-1] if error.strip() else 'no output'}",
        ]
    lines, found, skipped, audited = [], [], [], 0
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(dependency["name"])
            continue
        audited += 1
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            found.append(
                f"  {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})"
            )
    if found:
        lines += [f"pip-audit: {len(found)} known vulnerabilities:", *found]
    else:
        lines.append(f"pip-audit: no known vulnerability in {audited} audited packages.")
    if skipped:
        lines.append(
            f"pip-audit: {len(skipped)} packages not audited (no data from the service): "
            + ", ".join(sorted(skipped))
        )
    failed = bool(found) or (strict and bool(skipped))
    return (1 if failed else 0), lines


def main(requirements: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off",
                   "--timeout", "30", "--format", "json", "--output", str(output)]  # fmt: skip
        for path in requirements:
            command += ["-r", path]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        report = json.loads(output.read_text()) if output.exists() else None
    code, lines = verdict(report, result.stderr)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["requirements.txt"]))
