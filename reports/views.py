import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from cooperatives.models import Area, AreaMap
from cooperatives.public import portal_areas
from cooperatives.scoping import scoped_area_ids
from core import freshness, private_files
from core.charts import bar_chart
from core.lib.periods import months_label, period_label
from core.models import Job
from reports import national, pdf_cache, presentation, tasks, waiting
from reports.access import COUNTRY_CODE, area_for_report
from reports.compute import ReportRefused, report_end
from reports.narrative import sentences
from reports.services import (
    current_report,
    current_sectors,
    freeze_report,
    live_report,
    unfreeze_report,
)
from reports.statistics import current_province, latest_period_with_figures, public_statistics
from reports.workbook import report_workbook

MONTH_CHOICES = [(m, months_label(m)) for m in range(1, 13)]


def _report(request, code: str, year: int, months: int):
    """Return (area, report, refusal, frozen, status) for a permitted area.

    ``area`` is the unit the code names at the period's end (the whole country for
    ``VN``, shown as ``presentation.COUNTRY``); a code that names no unit then, or an
    impossible period, gives a refusal with a Vietnamese message and the status to
    answer with. A frozen report is served from its stored numbers in every format.
    """
    try:
        unit = area_for_report(request.user, code, year, months)
    except ReportRefused as refusal:
        return None, None, str(refusal), None, getattr(refusal, "status", 400)
    area = presentation.COUNTRY if unit is None else unit
    try:
        report, frozen = current_report(unit, year, months)
    except ReportRefused as refusal:
        return area, None, str(refusal), None, 400
    return area, report, None, frozen, 200


def _area_tree(areas) -> list[tuple[Area, int]]:
    """Return (area, depth) in tree order: each top area, then its districts and communes.

    An area whose parent is not in ``areas`` starts a tree of its own (an area officer's
    district, a province whose units are not listed).
    """
    ids = {area.pk for area in areas}
    children: dict[int | None, list[Area]] = {}
    for area in areas:
        children.setdefault(area.parent_id if area.parent_id in ids else None, []).append(area)
    result: list[tuple[Area, int]] = []

    def visit(parent_id, depth):
        for area in sorted(children.get(parent_id, []), key=lambda a: a.code):
            result.append((area, depth))
            visit(area.pk, depth + 1)

    visit(None, 0)
    return result


def _picker_areas(allowed: set[int] | None) -> list[tuple[Area, int]]:
    """The units the picker lists: an area officer's own; for the others every province
    (old and new) and every unit of the portal's territory.

    With the whole country loaded (14,138 units) a list of every commune was a 1.5 MB
    page that no one could scroll on a phone; a unit elsewhere is typed as its code.
    """
    if allowed is not None:
        areas = Area.objects.filter(pk__in=allowed)
    else:
        own = portal_areas(AreaMap.current())
        areas = Area.objects.filter(Q(level=Area.Level.PROVINCE) | Q(pk__in=own))
    fields = ("code", "name", "level", "parent_id", "valid_from", "valid_to")
    return _area_tree(list(areas.only(*fields)))


def _unit_choice(area: Area) -> str:
    """The picker's value for a unit: its code, plus its last day where it has one.

    A code is resolved on the period's end, so the code alone would silently switch an
    old unit to the later unit that reused its code; the last day keeps them apart.
    """
    return f"{area.code}@{area.valid_to.isoformat()}" if area.valid_to else area.code


def _picked(choice: str, year: int, months: int) -> str | None:
    """Why the unit picked as ``choice`` has no report for the period, or None."""
    code, _, last_day = choice.partition("@")
    try:
        end = report_end(year, months)
        day = datetime.date.fromisoformat(last_day) if last_day else None
    except (ReportRefused, ValueError):
        return None  # the report page says what is wrong with the period
    unit = Area.objects.with_code_on(code, day) if day else None
    if unit is None or unit.exists_at(end):
        return None
    return (
        f"{unit.name} (mã {unit.code}) không tồn tại vào ngày {end:%d/%m/%Y}, ngày cuối kỳ "
        f"báo cáo (hiệu lực {unit.validity_display}). Hãy chọn một kỳ trong thời gian đó, "
        "hoặc đơn vị hiện nay mang mã này."
    )


# A picker value: an area code (or VN), optionally "@" and the unit's last day.
PICKED_UNIT = re.compile(r"(?P<code>[0-9A-Za-z]{1,10})(?:@(?P<day>\d{4}-\d{2}-\d{2}))?")


def _picker_errors(choice: str, year: str, months: str, typed: bool = False) -> str | None:
    """What is wrong with the picker's input (typed into the address), or None."""
    problems = []
    match = PICKED_UNIT.fullmatch(choice)
    try:
        if match and match["day"]:
            datetime.date.fromisoformat(match["day"])
    except ValueError:
        match = None
    if match is None:
        shown = choice if len(choice) <= 40 else choice[:40] + "…"
        if typed:
            problems.append(
                f"Mã “{shown}” không hợp lệ: hãy nhập mã đơn vị hành chính, ví dụ 00004, "
                "hoặc để trống ô này và chọn trong danh sách."
            )
        else:
            problems.append(
                f"Địa bàn “{shown}” không hợp lệ: hãy chọn một đơn vị trong danh sách."
                if choice
                else "Chưa chọn địa bàn."
            )
    if not (year.isascii() and year.isdigit() and len(year) == 4 and 2000 <= int(year) <= 2100):
        problems.append(f"Năm “{year[:10]}” không hợp lệ: hãy chọn một năm từ 2000 đến 2100.")
    if not (months.isascii() and months.isdigit() and len(months) <= 2 and 1 <= int(months) <= 12):
        problems.append(f"Kỳ “{months[:10]}” không hợp lệ: hãy chọn từ 1 đến 12 tháng.")
    return " ".join(problems) or None


@login_required
def report_index(request):
    """Choose an area (old and new units, with their dates) and a period.

    It opens on the province the portal serves and the latest period with figures.
    """
    if not request.user.has_perm("reports.view_report"):
        raise PermissionDenied
    choice, year, months = (
        # A code typed in "Mã đơn vị khác" wins over the list.
        request.GET.get("ma", "").strip() or request.GET.get("dia_ban", ""),
        request.GET.get("nam", ""),
        request.GET.get("so_thang", ""),
    )
    refusal = None
    if choice or year or months:
        refusal = _picker_errors(
            choice, year, months, typed=bool(request.GET.get("ma", "").strip())
        )
        if refusal is not None:
            # What was sent cannot be selected again: the form shows its usual defaults.
            choice, year, months = "", "", ""
        else:
            refusal = _picked(choice, int(year), int(months))
            if refusal is None:
                return redirect(
                    "reports:report", code=choice.partition("@")[0], year=int(year),
                    months=int(months),
                )  # fmt: skip
    allowed = scoped_area_ids(request.user)
    areas = _picker_areas(allowed)
    today = timezone.localdate()
    province = current_province(today)
    period = latest_period_with_figures(province, today) if province else None
    default_year, default_months = period or (today.year, 6)
    if refusal and year:
        default_year, default_months = int(year), int(months)
    context = {
        "areas": [(area, depth, _unit_choice(area)) for area, depth in areas],
        "selected": choice if choice else (_unit_choice(province) if province else ""),
        "province": province,
        "typed": request.GET.get("ma", "").strip()[:40] if refusal else "",
        "country": allowed is None,
        "years": list(range(max(today.year, default_year), min(2020, default_year) - 1, -1)),
        "selected_year": default_year,
        "selected_months": default_months,
        "month_choices": MONTH_CHOICES,
        "today": today,
        "refusal": refusal,
    }
    return render(request, "reports/index.html", context, status=400 if refusal else 200)


def _differs(live: dict, frozen: dict) -> bool:
    """Whether the live numbers moved on since ``frozen`` was frozen.

    Only the fields the frozen report has are compared: one frozen before a field was
    added (``previous_same_territory``) has not changed because of that.
    """

    def fields(indicators: dict, like: dict) -> dict:
        return {
            code: {k: v for k, v in item.items() if k in like.get(code, {})}
            for code, item in indicators.items()
        }

    blocks = [(live["indicators"], frozen["indicators"])] + [
        (a["indicators"], b["indicators"])
        for a, b in zip(live["children"], frozen["children"], strict=False)
    ]
    return len(live["children"]) != len(frozen["children"]) or any(
        fields(a, b) != b for a, b in blocks
    )


@login_required
def report_page(request, code: str, year: int, months: int):
    pending = _national_pending(request, code, year, months)
    if pending is not None:
        return pending
    area, report, refusal, frozen, status = _report(request, code, year, months)
    is_unit = isinstance(area, Area)
    context = {
        "area": area,
        "year": year,
        "months": months,
        "refusal": refusal,
        "frozen": frozen,
        "can_freeze": is_unit
        and request.user.has_perm("reports.add_frozenreport")
        and frozen is None,
        "can_unfreeze": request.user.has_perm("reports.delete_frozenreport") and frozen,
    }
    if frozen is not None:
        # Staff can see that the live numbers moved on since the report was frozen.
        context["live_differs"] = _differs(live_report(area, year, months), report)
    if report is not None:
        context.update(
            {
                "report": report,
                "start": datetime.date.fromisoformat(report["start"]),
                "end": datetime.date.fromisoformat(report["end"]),
                "title": presentation.title(year, months),
                "narrative": sentences(report, area.level),
                "comparison": presentation.comparison_label(report["indicators"]),
                "no_figures": presentation.no_figures(report["indicators"]),
                "rows": presentation.rows(report["indicators"]),
                # Up to 12 child areas, every indicator of each; beyond (80 communes made
                # a 0.8 MB page taking a second), one row of main indicators each, as
                # the PDF, each linking to the child's own report.
                "children": [
                    {
                        "area": child["area"],
                        "rows": presentation.rows(child["indicators"]),
                        "comparison": presentation.comparison_label(child["indicators"]),
                    }
                    for child in report["children"]
                ]
                if len(report["children"]) <= presentation.FULL_MATRIX_MAX_CHILDREN
                else [],
                "child_summary": presentation.child_summary(report["children"])
                if len(report["children"]) > presentation.FULL_MATRIX_MAX_CHILDREN
                else None,
                "charts": presentation.charts(
                    report, current_sectors(_unit(area), year, months, frozen)
                ),
            }
        )
    return render(request, "reports/report.html", context, status=status)


def _unit(area):
    """The unit for computing (None for the whole country)."""
    return area if isinstance(area, Area) else None


@login_required
def report_json(request, code: str, year: int, months: int):
    """The report of docs/interfaces.md §6 as JSON."""
    pending = _national_pending(request, code, year, months, as_json=True)
    if pending is not None:
        return pending
    area, report, refusal, _, status = _report(request, code, year, months)
    if refusal:
        return JsonResponse(
            {"error": refusal}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    return JsonResponse(report, json_dumps_params={"ensure_ascii": False})


@login_required
def report_xlsx(request, code: str, year: int, months: int):
    pending = _national_pending(request, code, year, months, download="Tải Excel (.xlsx)")
    if pending is not None:
        return pending
    area, report, refusal, _, status = _report(request, code, year, months)
    if refusal:
        return HttpResponse(refusal, status=status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        report_workbook(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{area.code}-{year}-{months}-thang.xlsx"'
    )
    return response


@login_required
def report_pdf_view(request, code: str, year: int, months: int):
    """The report as a PDF, built once per report and data version (reports/pdf_cache.py).

    A PDF not stored yet is built by a background worker (reports/waiting.py): the
    answer is at once a progress page (202), or 429 beyond the person's limit. With the
    immediate task backend (tests, ``make run``) it is built in the request.
    """
    try:
        unit = area_for_report(request.user, code, year, months)
    except ReportRefused as refusal:
        return HttpResponse(
            str(refusal), status=getattr(refusal, "status", 400),
            content_type="text/plain; charset=utf-8",
        )  # fmt: skip
    name = pdf_cache.current_name(unit, year, months)
    shown = presentation.COUNTRY if unit is None else unit
    subject = f"{shown.name}, {period_label(year, months)}"
    if waiting.is_waiting(request) and private_files.exists(name):
        return waiting.ready(request, subject=subject, download=request.path, label="Tải PDF")
    response = pdf_cache.response(name, unit, year, months)
    if response is not None:
        return response
    if not tasks.in_background():
        try:
            name = pdf_cache.build(unit, year, months)
        except ReportRefused as refusal:
            return HttpResponse(str(refusal), status=400, content_type="text/plain; charset=utf-8")
        response = pdf_cache.response(name, unit, year, months)
        if response is None:  # removed meanwhile by a build for newer data
            return HttpResponse(
                "Số liệu vừa thay đổi trong lúc dựng tệp PDF: hãy tải lại.",
                status=503, content_type="text/plain; charset=utf-8",
            )  # fmt: skip
        return response
    heading = "Đang dựng tệp PDF báo cáo"
    return _in_background(
        request, tasks.build_report_pdf, kind=tasks.PDF_KIND, key=name, heading=heading,
        subject=subject, title=f"Tệp PDF báo cáo {subject}",
        area_id=None if unit is None else unit.pk, year=year, months=months,
    )  # fmt: skip


def _in_background(request, task, *, kind, key, heading, subject, title, as_json=False, **kwargs):
    """Answer for a report a worker builds: its progress (202), its failure, or 429."""
    if waiting.is_waiting(request):
        last = waiting.latest(kind, key)
        if last is not None and last.status == Job.Status.FAILED:
            return waiting.failed(request, last, heading=heading, subject=subject, as_json=as_json)
    job, mine = waiting.find_or_start(
        request, task, kind=kind, kinds=tasks.KINDS, key=key, title=title, **kwargs
    )
    if job is None:
        return waiting.too_many(request, mine, as_json=as_json)
    return waiting.progress(
        request, job, heading=heading, subject=subject, kinds=tasks.KINDS, as_json=as_json
    )


def _national_pending(request, code: str, year: int, months: int, *, as_json=False,
                      download: str = ""):  # fmt: skip
    """For the national report not yet computed for the current data, with a worker to
    compute it: the background answer. None when the view may answer itself (any other
    report, a refusal the view states, or the national report stored already)."""
    if code.upper() != COUNTRY_CODE or not tasks.in_background():
        return None
    try:
        area_for_report(request.user, code, year, months)
    except ReportRefused:
        return None  # the view says what is wrong
    subject = f"{presentation.COUNTRY.name}, {period_label(year, months)}"
    if national.cached(year, months) is not None:
        if download and waiting.is_waiting(request):
            return waiting.ready(request, subject=subject, download=request.path, label=download)
        return None
    return _in_background(
        request, tasks.compute_national_report, kind=tasks.NATIONAL_KIND,
        key=national.stored_name(year, months), heading="Đang tính báo cáo toàn quốc",
        subject=subject, title=f"Báo cáo {subject}", as_json=as_json, year=year,
        months=months,
    )  # fmt: skip


@login_required
@require_POST
def report_freeze(request, code: str, year: int, months: int):
    """Approve and freeze a report (alliance staff, POST only)."""
    if not request.user.has_perm("reports.add_frozenreport"):
        raise PermissionDenied
    try:
        area = area_for_report(request.user, code, year, months)
        if area is None:
            raise ReportRefused(
                "Báo cáo toàn quốc không chốt được: chỉ chốt báo cáo của một địa bàn."
            )
        freeze_report(area=area, year=year, months=months, user=request.user)
    except ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Đã chốt báo cáo: từ nay mọi định dạng dùng số liệu đã chốt.")
    return redirect("reports:report", code=code, year=year, months=months)


@login_required
@require_POST
def report_unfreeze(request, code: str, year: int, months: int):
    """Reopen a frozen report (alliance staff, POST only): it is a draft again."""
    if not request.user.has_perm("reports.delete_frozenreport"):
        raise PermissionDenied
    try:
        area = area_for_report(request.user, code, year, months)
        unfreeze_report(area=area, year=year, months=months, user=request.user)
    except ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, "Đã mở chốt: báo cáo trở lại dự thảo, số liệu tính theo sổ đăng ký hiện tại."
        )
    return redirect("reports:report", code=code, year=year, months=months)


def statistics_page(request):
    """/thong-ke/: public, aggregated figures of the province; no sign-in needed.

    For visitors the page is cached until the registry changes (or for an hour at most);
    signed-in staff see their own menu, so theirs is made fresh and kept private.
    """
    if request.user.is_authenticated:
        response = HttpResponse(_statistics_content(request))
        patch_cache_control(response, private=True)
        return response
    key = f"thong-ke:{freshness.version('registry')}.{freshness.version('figures')}"
    content = cache.get(key)
    if content is None:
        content = _statistics_content(request)
        cache.set(key, content, 3600)
    response = HttpResponse(content)
    patch_cache_control(response, public=True, max_age=300)
    return response


AREAS_CHARTED = 15


def _statistics_content(request) -> bytes:
    stats = public_statistics()
    charts = []
    if stats is not None:
        charts = [
            bar_chart("HTX theo lĩnh vực", stats["by_sector"], "HTX",
                      label_header="Lĩnh vực", value_header="Số HTX"),
            bar_chart(
                "Sản phẩm OCOP theo số sao",
                [(f"{stars} sao", stats["values"][f"ocop_{stars}_star"]) for stars in (3, 4, 5)],
                "sản phẩm", label_header="Hạng sao", value_header="Số sản phẩm",
            ),
        ]  # fmt: skip
        # A bar for each of a province's 100-odd communes is read by nobody: the chart
        # shows those with the most HTX, the table under it every area.
        areas = [(name, htx) for name, htx, _, _ in stats["by_area"] if htx]
        if len(areas) > AREAS_CHARTED:
            areas = sorted(areas, key=lambda item: -item[1])[:AREAS_CHARTED]
            title = f"{AREAS_CHARTED} địa bàn có nhiều HTX nhất"
        else:
            title = "HTX theo địa bàn"
        charts.append(bar_chart(title, areas, "HTX", label_header="Địa bàn", value_header="Số HTX"))
    context = {"stats": stats, "charts": charts}
    return render(request, "reports/statistics.html", context).content
