"""`make audit` / CI: a reported vulnerability fails, a gap in the service's data does not."""

import importlib.util

import pytest

from testing.scratch import ROOT

spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

# pip-audit's --format json, as it writes it (pip-audit 2.10).
REPORT = {
    "dependencies": [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {"name": "requests", "version": "2.19.0", "vulns": [
            {"id": "PYSEC-2018-28", "fix_versions": ["2.20.0"], "aliases": ["CVE-2018-18074"],
             "description": "..."},
        ]},
        {"name": "tablib", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ],
    "fixes": [],
}  # fmt: skip


@pytest.fixture(autouse=True)
def not_strict(monkeypatch):
    monkeypatch.delenv("HTX_AUDIT_STRICT", raising=False)


def test_a_reported_vulnerability_fails():
    code, lines = audit.verdict(REPORT)
    assert code == 1
    assert "  requests 2.19.0: PYSEC-2018-28 (fixed in 2.20.0)" in lines
    assert any("1 packages not audited" in line and "tablib" in line for line in lines)


def test_packages_without_data_are_listed_but_do_not_fail(monkeypatch):
    clean = {"dependencies": [REPORT["dependencies"][0], REPORT["dependencies"][2]]}
    code, lines = audit.verdict(clean)
    assert code == 0
    assert lines[0] == "pip-audit: no known vulnerability in 1 audited packages."
    monkeypatch.setenv("HTX_AUDIT_STRICT", "1")
    assert audit.verdict(clean)[0] == 1


def test_an_unreachable_service_warns_unless_strict(monkeypatch):
    code, lines = audit.verdict(None, "Traceback ...\nrequests.exceptions.ConnectionError: osv")
    assert code == 0
    assert "could not be reached" in lines[0] and "ConnectionError" in lines[1]
    monkeypatch.setenv("HTX_AUDIT_STRICT", "1")
    assert audit.verdict(None, "")[0] == 1
