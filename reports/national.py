"""The national report (``VN``), computed once per data version and kept in storage.

At national scale the report takes seconds to compute (docs/performance.md), so it is
stored as JSON under ``private/bao-cao-toan-quoc/<year>-<months>/`` named after the data
versions it was computed from (``registry`` and ``figures``: organisations, places,
figures, loans, targets). Every process and machine reads the same file, the web
servers as well as the task workers that compute it; when the data moves on, the next
computation writes a new file and removes the superseded ones of that period.
"""

import hashlib
import json

from core import freshness, private_files
from core.lib.periods import period_end
from reports.compute import build_report, htx_by_sector

FOLDER = f"{private_files.PRIVATE}/bao-cao-toan-quoc"
DATA = ("registry", "figures")


def data_version() -> str:
    """The versions the reports are computed from, as one short string."""
    return ".".join(str(freshness.version(name)) for name in DATA)


def stored_name(year: int, months: int) -> str:
    digest = hashlib.sha256(data_version().encode()).hexdigest()[:24]
    return f"{FOLDER}/{year}-{months}/{digest}.json"


def cached(year: int, months: int) -> dict | None:
    """``{"report": …, "sectors": …}`` for the current data version, or None if not yet
    computed."""
    file = private_files.open_file(stored_name(year, months))
    if file is None:
        return None
    with file:
        return json.loads(file.read().decode())


def compute(year: int, months: int, progress=None) -> dict:
    """Compute the national report and its HTX by sector, and store them.

    The name is taken before computing: numbers saved meanwhile give a newer version,
    so a file is never newer in name than in content. ``progress(done, total, step)``
    is told of each of the three steps.
    """
    name = stored_name(year, months)
    report_progress = progress or (lambda *args, **kwargs: None)
    report_progress(0, 3, "Tính các chỉ tiêu toàn quốc")
    report = build_report(None, year, months)
    report_progress(1, 3, "Đếm HTX theo lĩnh vực")
    entry = {"report": report, "sectors": htx_by_sector(None, period_end(year, months))}
    report_progress(2, 3, "Lưu kết quả")
    private_files.write(name, json.dumps(entry, ensure_ascii=False).encode())
    private_files.remove_others(name)
    report_progress(3, 3, "Xong")
    return entry


def entry(year: int, months: int) -> dict:
    """The stored national report, computed now if it is not there yet."""
    found = cached(year, months)
    return found if found is not None else compute(year, months)
