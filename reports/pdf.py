"""The report as a PDF laid out like a Vietnamese administrative report (WeasyPrint)."""

import gc
import unicodedata
from contextlib import contextmanager

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from reports import presentation
from reports.narrative import sentences

PDF_VARIANT = "pdf/ua-1"


def report_html_for_pdf(report: dict, area, frozen=None, sectors=None) -> str:
    """``area``: the unit, or ``presentation.COUNTRY`` for the whole country."""
    today = timezone.localdate()
    context = {
        "report": report,
        "area": area,
        "issuer": settings.ALLIANCE_NAME.upper(),
        "author": settings.ALLIANCE_NAME,  # the PDF's metadata, with its title and date
        "created": timezone.localtime(),
        "place": settings.REPORT_PLACE,
        "signer": {
            "for": settings.REPORT_SIGNER_FOR,
            "title": settings.REPORT_SIGNER_TITLE,
            "name": settings.REPORT_SIGNER_NAME,
        },
        "today": today,
        "title": presentation.title(report["year"], report["months"]),
        "narrative": sentences(report, area.level),
        "rows": presentation.rows(report["indicators"]),
        "comparison": presentation.comparison_label(report["indicators"]),
        "no_figures": presentation.no_figures(report["indicators"]),
        "child_summary": presentation.child_summary(report["children"]),
        "child_tables": (
            presentation.child_matrix(report["children"])
            if len(report["children"]) <= presentation.FULL_MATRIX_MAX_CHILDREN
            else []
        ),
        "charts": presentation.charts(report, sectors),
        "frozen": frozen,
        "draft": frozen is None,  # a report is a draft until it is approved and frozen
    }
    # All text NFC, so that the embedded font's composed glyphs are used.
    return unicodedata.normalize("NFC", render_to_string("reports/report_pdf.html", context))


def report_pdf(report: dict, area, frozen=None, sectors=None) -> bytes:
    from weasyprint import HTML

    document = HTML(string=report_html_for_pdf(report, area, frozen, sectors))
    with gc_paused():
        # PDF/UA-1: tagged (headings, tables, lists and figures in a structure tree, so
        # screen readers and reflow work), its language and title declared, XMP metadata.
        # About 0.1 s more on a province's year report (docs/performance.md).
        return document.write_pdf(pdf_variant=PDF_VARIANT)


@contextmanager
def gc_paused():
    """Python's cycle collector off for a while (as it was before, after).

    Laying a report out makes a few million small objects that live until the PDF is
    written: the collector walked the growing heap again and again, 15-20 % of a
    province's PDF (docs/performance.md). Whatever cycles the build left are collected
    with the next allocations once it is back on. The switch is the process's: another
    thread's work meanwhile only keeps its garbage a second longer.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
