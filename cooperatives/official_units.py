"""Vietnam's official administrative units, read from the maintained ``vietnamadminunits``
data set (MIT licence, pinned in requirements-nodeps.txt).

Only its data files are read: ``dataset.db`` (an SQLite file with the 63-province units,
table ``admin_units_legacy``, and the 34-province units, table ``admin_units``, each with
official GSO codes) and ``converter_2025.json`` (which old units became which new ones,
by name keys, with the default new commune of each old commune that was split). The
package's own code, and so its dependencies (shapely, geopy, tqdm, Unidecode), are never
imported: it is installed with ``--no-deps`` and located without executing it.

``rows()`` turns the data into rows of the ``areas`` spreadsheet (docs/interfaces.md §1.1),
so that ``load_areas`` goes through the same import as a file a clerk uploads.
"""

import csv
import datetime
import importlib.metadata
import importlib.util
import io
import json
import logging
import sqlite3
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.lib.reform import LAST_OLD_DAY, REFORM_DATE

logger = logging.getLogger(__name__)
PACKAGE = "vietnamadminunits"
HEADERS = ["Mã", "Tên", "Cấp", "Mã cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Thay thế bởi"]


class OfficialDataMissing(RuntimeError):
    """The data set is not installed; the message says how to install it, in Vietnamese."""


def data_dir() -> Path:
    """The package's data folder, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise OfficialDataMissing(
            "Chưa cài bộ dữ liệu đơn vị hành chính (gói vietnamadminunits): chạy "
            "“make install” hoặc “pip install --no-deps -r requirements-nodeps.txt”."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def version() -> str:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return ""


@dataclass
class Unit:
    code: str
    name: str
    level: str  # Tỉnh | Huyện | Xã, as the areas spreadsheet writes it
    parent: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    successors: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        return [
            self.code,
            self.name,
            self.level,
            self.parent,
            f"{self.valid_from:%d/%m/%Y}" if self.valid_from else "",
            f"{self.valid_to:%d/%m/%Y}" if self.valid_to else "",
            "; ".join(self.successors),
        ]


@dataclass
class OfficialUnits:
    """Every official unit before and after the reform, grouped by new province."""

    units: list[Unit]
    # New province code -> the old province codes it was made of (itself if left whole).
    groups: dict[str, list[str]]
    # Unit (province, district, commune) -> the new province group it belongs to.
    group_of: dict[int, str]
    # Old commune code -> the default new commune, for old communes that were split.
    default_successor: dict[str, str]

    def select(self, codes: list[str] | None) -> list[Unit]:
        """The units of the territories ``codes`` name (old or new province codes).

        A code names a new province and every old province that became part of it, or an
        old province and the new province it became part of, with everything below them.
        """
        if not codes:
            return list(self.units)
        wanted = set()
        for code in codes:
            for new, olds in self.groups.items():
                if code == new or code in olds:
                    wanted.add(new)
        return [unit for i, unit in enumerate(self.units) if self.group_of[i] in wanted]

    def unknown(self, codes: list[str]) -> list[str]:
        known = {c for new, olds in self.groups.items() for c in [new, *olds]}
        return [code for code in codes if code not in known]


def _level(kind: str) -> str:
    return "Xã" if kind in ("Xã", "Phường", "Thị trấn", "Đặc khu") else "Huyện"


@cache
def load() -> OfficialUnits:
    """Read the data set (a few seconds' work, once per process)."""
    folder = data_dir()
    converter = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    with sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True) as db:
        legacy = db.execute(
            "SELECT provinceCode, province, provinceKey, districtCode, district, districtKey,"
            " wardCode, ward, wardKey FROM admin_units_legacy ORDER BY wardCode, districtCode"
        ).fetchall()
        current = db.execute(
            "SELECT provinceCode, province, provinceKey, wardCode, ward, wardKey"
            " FROM admin_units ORDER BY wardCode"
        ).fetchall()

    old_province = {key: (code, name) for code, name, key, *_ in legacy}
    new_province = {key: (code, name) for code, name, key, *_ in current}
    new_ward = {(p_key, w_key): code for _, _, p_key, code, _, w_key in current}
    # Old unit key "province_district_ward" (ward empty for a district without communes)
    # -> new commune codes, and the default among them where the old one was split.
    successors: dict[str, list[str]] = {}
    defaults: dict[str, str] = {}
    for p_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for w_key, olds in wards.items():
            for old in olds:
                successors.setdefault(old, []).append(new_ward[(p_key, w_key)])
    for p_key, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, choices in olds.items():
            for choice in choices:
                code = new_ward[(p_key, choice["newWardKey"])]
                successors.setdefault(old, []).append(code)
                if choice.get("isDefaultNewWard"):
                    defaults[old] = code
    groups: dict[str, list[str]] = {}
    province_of_old: dict[str, str] = {}
    for p_key, old_keys in converter["DICT_PROVINCE"].items():
        new_code = new_province[p_key][0]
        groups[new_code] = sorted(old_province[k][0] for k in old_keys)
        for k in old_keys:
            province_of_old[old_province[k][0]] = new_code
    whole = {new for new, olds in groups.items() if olds == [new]}

    units: list[Unit] = []
    group_of: dict[int, str] = {}

    def add(unit: Unit, group: str) -> None:
        group_of[len(units)] = group
        units.append(unit)

    for new_code, olds in sorted(groups.items()):
        name = next(n for c, n in new_province.values() if c == new_code)
        if new_code in whole:
            add(Unit(new_code, name, "Tỉnh"), new_code)
            continue
        add(Unit(new_code, name, "Tỉnh", valid_from=REFORM_DATE), new_code)
        for old_code in olds:
            old_name = next(n for c, n in old_province.values() if c == old_code)
            unit = Unit(old_code, old_name, "Tỉnh", valid_to=LAST_OLD_DAY, successors=[new_code])
            add(unit, new_code)
    seen_districts = set()
    default_by_code: dict[str, str] = {}
    for p_code, _, p_key, d_code, d_name, d_key, w_code, w_name, w_key in legacy:
        group = province_of_old[p_code]
        if d_code not in seen_districts:
            seen_districts.add(d_code)
            # Island districts had no communes: each became one special zone (đặc khu).
            zone = successors.get(f"{p_key}_{d_key}_", [])
            add(Unit(d_code, d_name, "Huyện", p_code, None, LAST_OLD_DAY, zone), group)
        if w_code:
            key = f"{p_key}_{d_key}_{w_key}"
            later = sorted(set(successors[key]))
            add(Unit(w_code, w_name, "Xã", d_code, None, LAST_OLD_DAY, later), group)
            if key in defaults:
                default_by_code[w_code] = defaults[key]
    for p_code, _, _, w_code, w_name, _ in current:
        add(Unit(w_code, w_name, "Xã", p_code, REFORM_DATE), p_code)
    return OfficialUnits(units, groups, group_of, default_by_code)


def areas_file(units: list[Unit]) -> bytes:
    """The units as an ``areas`` spreadsheet (CSV, UTF-8), for the import."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for unit in units:
        writer.writerow(unit.row())
    return out.getvalue().encode("utf-8")


def default_successor_code(old_code: str) -> str | None:
    """The data set's default new commune for an old commune that was split, or None.

    None too where the data set is missing or unreadable: a staff page that marks the
    default must still open, and staff still choose among every successor.
    """
    try:
        return load().default_successor.get(old_code)
    except (OfficialDataMissing, OSError, ValueError, KeyError, sqlite3.Error):
        logger.warning("The official units data set could not be read", exc_info=True)
        return None
