"""The benchmarks cannot be left out of `make bench-smoke`, and their builders cannot rot.

A bench added to the Makefile (a ``bench-*`` target) or to bench/ (a ``*_bench.py``) without
its place in bench/smoke.py's ``BENCHES`` fails here, so CI's smoke run covers every bench.
"""

import datetime
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def load(name: str):
    """A module of bench/ (which is not a package: the benches run as scripts)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_targets() -> dict[str, str]:
    """{target: its recipe} of the Makefile's bench targets and the database drill."""
    text = (ROOT / "Makefile").read_text()
    targets = {}
    for match in re.finditer(
        r"^((?:bench-[a-z-]+)|drill-db):[^\n]*\n((?:\t[^\n]*\n)*)", text, re.M
    ):
        targets[match.group(1)] = match.group(2)
    return targets


def test_every_bench_target_has_its_smoke_run():
    smoke = load("smoke")
    targets = make_targets()
    assert "bench-report" in targets and "drill-db" in targets  # the parsing finds them
    missing = [t for t in targets if t != "bench-smoke" and t not in smoke.BENCHES]
    assert missing == [], f"Makefile targets without a smoke run in bench/smoke.py: {missing}"
    assert sorted(t for lane in smoke.LANES for t in lane) == sorted(smoke.BENCHES)
    assert "bench/smoke.py" in targets["bench-smoke"]


def test_smoke_runs_what_the_make_target_runs():
    smoke, targets = load("smoke"), make_targets()
    for target, command in smoke.BENCHES.items():
        script = command[0]
        assert (ROOT / script).exists(), script
        assert script in targets[target], f"make {target} does not run {script}"


def test_every_bench_script_is_in_the_smoke_run():
    smoke = load("smoke")
    scripts = {command[0] for command in smoke.BENCHES.values()}
    found = {f"bench/{p.name}" for p in (ROOT / "bench").glob("*_bench.py")}
    found.add("bench/db_drill.py")
    assert found - scripts == set(), "benches left out of bench/smoke.py"


def test_database_names_follow_database_url(monkeypatch):
    common = load("common")
    monkeypatch.delenv("BENCH_REPORT_DATABASE_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://htx:htx@127.0.0.1:5432/htx_ci")
    monkeypatch.setenv("BENCH_DB_PREFIX", "htx_ci_smoke")
    assert common.database_url("report") == "postgres://htx:htx@127.0.0.1:5432/htx_ci_smoke_report"
    monkeypatch.setenv("DATABASE_URL", "postgres://htx@db:5432/site?sslmode=require")
    assert common.database_url("pdf") == "postgres://htx@db:5432/htx_ci_smoke_pdf?sslmode=require"
    monkeypatch.setenv("BENCH_REPORT_DATABASE_URL", "postgres://a@b:1/c")
    assert common.database_url("report") == "postgres://a@b:1/c"
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.sqlite3")
    assert common.database_url("pdf") == "postgres://postgres@127.0.0.1:5432/htx_ci_smoke_pdf"


@pytest.mark.django_db
def test_copy_fills_every_not_null_column_from_the_model():
    """The report bench's COPY names only some columns: every other NOT NULL one (such as
    contacts_public, added by a later migration with a Python-only default) is filled."""
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    from cooperatives.models import Area, Organization, Sector

    common = load("common")
    area = Area.objects.create(code="99", name="Tỉnh Thử", level=Area.Level.PROVINCE)
    sector = Sector.objects.create(name="Lĩnh vực thử") if not Sector.objects.exists() else None
    sector = sector or Sector.objects.first()
    given = ["code", "name", "name_folded", "kind", "founded_on", "area_id", "sector_id"]
    extra, _ = common.copy_columns(Organization, given)
    assert "contacts_public" in extra and "is_public" in extra
    with pytest.raises(SystemExit, match="cooperatives_organization.sector_id"):
        common.copy_columns(Organization, ["code", "name"])  # no default: named, not guessed
    common.copy_rows(
        connection, Organization, given,
        [("C1", "HTX Thử\tTab", "htx thu tab", "htx", datetime.date(2020, 1, 2), area.pk,
          sector.pk)],
    )  # fmt: skip
    org = Organization.objects.get(code="C1")
    assert org.name == "HTX Thử\tTab"
    assert org.contacts_public is False and org.is_public is True and org.status == "active"


def test_import_peer_reads_every_column_of_the_organisations_sheet():
    """bench-import's django-import-export resource maps the spreadsheet's columns: a column
    added to the kind without its field in the peer would make the comparison unfair."""
    from cooperatives.spreadsheets.kinds import KINDS

    peer = load("import_peer")
    headers = {column.header for column in KINDS["organizations"].columns}
    headers -= {"Địa bàn từ ngày"}  # no model field: the date of the Location it never writes
    mapped = {field.column_name for field in peer.OrganizationResource.fields.values()}
    assert mapped == headers
    assert peer.OrganizationBulkResource._meta.use_bulk
    assert peer.OrganizationBulkResource._meta.batch_size == 1000
