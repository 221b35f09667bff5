from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from core import home as home_parts


def home(request):
    """The home page: news, the province in a few numbers, OCOP products, links.

    Each app gives its part (``core.home``).
    """
    return render(request, "home.html", home_parts.context(timezone.localdate()))


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('reports:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever the page says: the
    portal's icon (every page also names it, ``static/favicon.svg``)."""
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))


def csrf_failure(request, reason=""):
    """A refused form, explained in Vietnamese (Django's default page is English)."""
    return render(request, "403_csrf.html", status=403)


def admin_view_on_site(request, content_type_id: str, object_id: str):
    """The admin's "Xem trên trang" redirect, only for records the person may open there.

    Django's own view redirects any signed-in staff member to any record's public
    address, which told area officers the codes of other areas' organisations (and
    everyone signed in the addresses of unpublished articles).
    """
    from django.contrib import admin
    from django.contrib.admin.utils import unquote
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.contenttypes.views import shortcut

    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ValueError, ContentType.DoesNotExist):
        raise Http404 from None
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        raise Http404
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)


# How often the progress page reloads itself while its job is queued or running.
JOB_REFRESH_SECONDS = 2
# A job queued longer than this gets a note: no worker may be running.
JOB_WAIT_NOTE_SECONDS = 30
WAITING_NOTE = (
    "Chưa có tiến trình xử lý nền nào nhận việc này. Nếu trang đứng ở đây lâu, hãy báo "
    "người quản trị hệ thống: dịch vụ xử lý nền (run_workers) có thể chưa chạy."
)


def _own_job(request, job_id: int):
    from core.models import Job

    job = Job.objects.select_related("user").filter(pk=job_id).first()
    user = request.user
    if job is None or not (user.is_superuser or (job.user_id and job.user_id == user.pk)):
        raise Http404
    return job


def _job_state(job) -> dict:
    from core.lib.formatting import vn_number

    percent = job.percent
    if job.total:
        counted = f"{vn_number(job.done)}/{vn_number(job.total)}"
    elif job.done:
        counted = vn_number(job.done)
    else:
        counted = ""
    waiting = (
        job.status == job.Status.QUEUED
        and (timezone.now() - job.created_at).total_seconds() > JOB_WAIT_NOTE_SECONDS
    )
    return {
        "note": WAITING_NOTE if waiting else "",
        "status": job.status,
        "status_label": job.get_status_display(),
        "done": job.done,
        "total": job.total,
        "counted": counted,
        "percent": percent,
        "percent_label": "" if percent is None else f"{percent}%",
        "step": job.step,
        "message": job.message,
        "result_url": job.result_url if job.status == job.Status.DONE else "",
    }


def job_page(request, job_id: int):
    """A background job's progress, then its result: only for the person who started it
    (and superusers); anyone else gets the 404 page. Reloads itself while the job runs
    (a meta refresh: no script, so nothing for the Content Security Policy to allow)."""
    from django.contrib import admin
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated or not request.user.is_staff:
        return redirect_to_login(request.get_full_path())
    job = _own_job(request, job_id)
    context = {
        **admin.site.each_context(request),
        "title": job.title,
        "job": job,
        "state": _job_state(job),
        "errors": (job.details or {}).get("errors", [])[:1000],
        "refresh": JOB_REFRESH_SECONDS if job.active else None,
    }
    response = render(request, "jobs/job.html", context)
    response["Cache-Control"] = "no-store"
    return response


def job_json(request, job_id: int):
    """The same state as JSON, for a script that polls (``/cong-viec/<id>.json``)."""
    from django.http import JsonResponse

    if not request.user.is_authenticated or not request.user.is_staff:
        raise Http404
    response = JsonResponse(_job_state(_own_job(request, job_id)))
    response["Cache-Control"] = "no-store"
    return response
