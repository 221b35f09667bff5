"""The report as a PDF laid out like a Vietnamese administrative report (WeasyPrint)."""

import unicodedata

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from reports import presentation
from reports.narrative import sentences


def report_html_for_pdf(report: dict, area, frozen=None, sectors=None) -> str:
    """``area``: the unit, or ``presentation.COUNTRY`` for the whole country."""
    today = timezone.localdate()
    context = {
        "report": report,
        "area": area,
        "issuer": settings.ALLIANCE_NAME.upper(),
        "place": settings.REPORT_PLACE,
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

    return HTML(string=report_html_for_pdf(report, area, frozen, sectors)).write_pdf()
