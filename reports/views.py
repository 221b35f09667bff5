from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from reports.access import area_for_report
from reports.compute import ReportRefused, build_report


@login_required
def report_json(request, code: str, year: int, months: int):
    """The report of DATA-CONTRACT.md §6 as JSON."""
    area = area_for_report(request.user, code)
    try:
        report = build_report(area, year, months)
    except ReportRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=400)
    return JsonResponse(report, json_dumps_params={"ensure_ascii": False})
