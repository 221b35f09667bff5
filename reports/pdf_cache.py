"""Report PDFs, built once and kept in storage until the data they show moves on.

Each report has a folder, ``private/bao-cao-pdf/<area>-<year>-<months>/`` (the area by
its code and its record's id, since codes were reused by the 2025 reform; ``VN`` for the
whole country), holding the one PDF that is current:

- a frozen report's PDF is named after the frozen report (its id and the moment it was
  frozen) and kept for good: its numbers and its date never change;
- a draft's PDF is named after the data versions it shows (``registry`` and ``figures``,
  core/freshness.py), the day it is dated (a draft is dated the day it is printed) and
  the issuer's name and place.

Writing a PDF removes the other files of its folder, which are superseded: a report
keeps one PDF however often its data changes. ``/media/`` never serves ``private/``
(core/media.py); the report view streams the file to readers it has let in.
"""

import hashlib

from django.conf import settings
from django.http import FileResponse
from django.utils import timezone

from cooperatives.models import Area
from core import private_files
from reports import national, presentation
from reports.models import FrozenReport
from reports.pdf import report_pdf
from reports.services import current_report, current_sectors, frozen_report

FOLDER = f"{private_files.PRIVATE}/bao-cao-pdf"


def folder(area: Area | None, year: int, months: int) -> str:
    who = "VN" if area is None else f"{area.code}-{area.pk}"
    return f"{FOLDER}/{who}-{year}-{months}"


def stored_name(area: Area | None, year: int, months: int, frozen: FrozenReport | None) -> str:
    """Where the PDF of this report, as it would be built now, is kept."""
    if frozen is not None:
        moment = f"{frozen.frozen_at:%Y%m%d%H%M%S%f}"
        return f"{folder(area, year, months)}/chot-{frozen.pk}-{moment}.pdf"
    today = timezone.localdate()
    identity = "|".join(
        [national.data_version(), today.isoformat(), settings.ALLIANCE_NAME, settings.REPORT_PLACE]
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:24]
    return f"{folder(area, year, months)}/du-thao-{today:%Y%m%d}-{digest}.pdf"


def current_name(area: Area | None, year: int, months: int) -> str:
    return stored_name(area, year, months, frozen_report(area, year, months))


def filename(area: Area | None, year: int, months: int) -> str:
    """The name a reader's browser saves the PDF under."""
    return f"bao-cao-{'VN' if area is None else area.code}-{year}-{months}-thang.pdf"


def build(area: Area | None, year: int, months: int, progress=None) -> str:
    """Build the report's PDF unless it is stored already; return its stored name.

    The name is taken before the numbers are read, so a file is never newer in name
    than in content. ``progress(done, total, step)`` hears of each step.
    """
    tell = progress or (lambda *args, **kwargs: None)
    frozen = frozen_report(area, year, months)
    name = stored_name(area, year, months, frozen)
    if private_files.exists(name):
        return name
    tell(0, 3, "Tính số liệu báo cáo")
    if frozen is not None:
        report = frozen.data
    else:
        report, _ = current_report(area, year, months)
    sectors = current_sectors(area, year, months, frozen)
    tell(1, 3, "Dàn trang PDF")
    shown = presentation.COUNTRY if area is None else area
    data = report_pdf(report, shown, frozen, sectors)
    tell(2, 3, "Lưu tệp PDF")
    private_files.write(name, data)
    private_files.remove_others(name)
    tell(3, 3, "Xong")
    return name


def response(name: str, area: Area | None, year: int, months: int) -> FileResponse | None:
    """The stored PDF streamed as a download, or None if it is not (or no longer) there."""
    file = private_files.open_file(name)
    if file is None:
        return None
    return FileResponse(
        file,
        as_attachment=True,
        filename=filename(area, year, months),
        content_type="application/pdf",
    )
