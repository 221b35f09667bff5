"""The cooperatives' own space (/htx/): phone-first pages that work without JavaScript.

Only a filer's account reaches its pages (``filer_required``); every collection and
filing is looked up within the filer's organisation, so another organisation's address
answers 404 as an unknown one does. Nothing here is cached: the pages are one person's.
"""

import unicodedata
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from cooperatives import filings
from cooperatives.models import Collection, Filing
from cooperatives.space.forms import CodeForm, FilerSignInForm, FilingForm, PasswordForm

BACKEND = "django.contrib.auth.backends.ModelBackend"
NOT_FILER = "cooperatives/space/not_filer.html"


def filer_required(view):
    """The signed-in filer's pages: anyone else is sent to the space's sign-in, and staff
    are told that the space is the cooperatives' (403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        filer = filings.filer_of(request.user)
        if filer is None:
            if request.user.is_authenticated:
                return render(request, NOT_FILER, status=403)
            return redirect(f"{reverse('space:sign_in')}?next={request.path}")
        request.filer = filer
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _timeline(filing) -> list[tuple[str, object, str]]:
    """The filing's steps for its cooperative: (what, when, comment), oldest first."""
    steps = []
    for record in filing.history.order_by("history_date"):
        reason = record.history_change_reason or ""
        if reason.startswith("HTX nộp"):
            steps.append(("Nộp hồ sơ số " + (record.number or ""), record.history_date, ""))
        elif reason.startswith("Trả lại"):
            steps.append(("Bị trả lại để sửa", record.history_date, record.review_comment))
        elif reason.startswith("Địa bàn"):
            steps.append(("Cán bộ địa bàn đã kiểm tra", record.history_date, ""))
        elif reason.startswith("Liên minh duyệt"):
            steps.append(("Liên minh đã duyệt", record.history_date, ""))
    return steps


@filer_required
def home(request):
    organization = request.filer.organization
    today = timezone.localdate()
    rows = []
    for collection in filings.collections_for(organization, today):
        filing = Filing.objects.filter(collection=collection, organization=organization).first()
        rows.append(
            {
                "collection": collection,
                "filing": filing,
                "days_left": collection.days_left(today),
                "overdue": -collection.days_left(today),
                "approved": filings.approved_figures(collection, organization),
            }
        )
    earlier = (
        Filing.objects.filter(organization=organization, number__isnull=False)
        .select_related("collection")
        .order_by("-collection__year", "-collection__months", "-pk")
    )
    context = {"organization": organization, "rows": rows, "earlier": earlier, "today": today}
    return render(request, "cooperatives/space/home.html", context)


def _collection_of(request, collection_id) -> Collection:
    collection = get_object_or_404(Collection, pk=collection_id)
    if not filings.may_file(collection, request.filer.organization):
        raise Http404("Kỳ thu thập không dành cho đơn vị này.")
    return collection


def _initial(collection, organization, filing) -> dict:
    if filing.values and filing.state in Filing.EDITABLE:
        if filing.state == Filing.State.RETURNED:  # the values sent, shown as typed
            return {k: filings.typed_text(v, k) for k, v in filing.values.items()}
        return dict(filing.values)
    if collection.kind == Collection.Kind.UPDATE:
        initial = {
            attr: filings.typed_text(getattr(organization, attr), attr)
            for attr in filings.UPDATE_HEADERS
            if attr != "sector"
        }
        initial["sector"] = str(organization.sector_id)
        initial["status"] = organization.get_status_display()
        latest = filings.previous_figures(organization, collection.year + 1, 12)
        if latest is not None and latest.members is not None:
            initial["members"] = filings.typed_text(latest.members, "members")
        return initial
    return {"meets_ntm_13_1": "Không"}


@filer_required
@require_http_methods(["GET", "POST"])
def file(request, collection_id):
    organization = request.filer.organization
    collection = _collection_of(request, collection_id)
    filing = filings.filing_for(collection, organization)
    approved = filings.approved_figures(collection, organization)
    if filing.pk and not filing.is_editable:
        return redirect("space:filing", filing.pk)
    context = {"collection": collection, "organization": organization, "filing": filing}
    if approved is not None or not collection.accepts_filing():
        context["approved"] = approved
        return render(request, "cooperatives/space/closed.html", context)
    if request.method == "POST":
        form = FilingForm(request.POST, collection=collection, organization=organization)
        action = request.POST.get("action")
        try:
            if action == "draft":
                filings.save_draft(filing, form.raw(), user=request.user)
                messages.success(
                    request, f"Đã lưu nháp lúc {timezone.localtime():%H:%M %d/%m/%Y}. "
                    "Hồ sơ chưa được nộp."
                )  # fmt: skip
                return redirect("space:file", collection.pk)
            checked = form.check()
            confirmed = request.POST.getlist("confirm")
            if not checked.errors and not set(checked.warnings) - set(confirmed):
                filing = filings.submit(filing, checked, user=request.user, confirmed=confirmed)
                messages.success(request, f"Đã nộp hồ sơ số {filing.number}.")
                return redirect("space:filing", filing.pk)
        except filings.FilingError as error:
            form.add_error(None, str(error))
        warnings = form.checked.warnings if form.checked and not form.errors else {}
        context.update(form=form, warnings=warnings, fields=_fields(form, warnings))
        context["confirmed"] = request.POST.getlist("confirm")
        return render(request, "cooperatives/space/file.html", context, status=200)
    form = FilingForm(
        initial=_initial(collection, organization, filing),
        collection=collection,
        organization=organization,
    )
    context.update(form=form, warnings={}, fields=_fields(form, {}))
    return render(request, "cooperatives/space/file.html", context)


def _fields(form, warnings: dict) -> list:
    """(bound field, its warning or None), in the form's order."""
    return [(form[name], warnings.get(name)) for name in form.fields]


def _own_filing(request, filing_id) -> Filing:
    return get_object_or_404(
        Filing.objects.select_related("collection", "organization", "submitted_by"),
        pk=filing_id,
        organization=request.filer.organization,
    )


def _value_rows(filing) -> list[tuple[str, str, str]]:
    """(name, value, unit) of what the filing sent, in the form's order."""
    if filing.collection.kind == Collection.Kind.FIGURES:
        names = [(c.attr, c.header.split(" (")[0]) for c in filings.FIGURES_COLUMNS]
        units = filings.FIGURES_UNITS
    else:
        names = [(a, h.split(" (")[0]) for a, h in filings.UPDATE_HEADERS.items()]
        names.append(("members", "Số thành viên"))
        units = {"charter_capital": "triệu đồng", "members": "người"}
        names = [(attr, name) for attr, name in names if attr in filing.values]
    rows = []
    for attr, name in names:
        text = filings.typed_text(filing.values.get(attr), attr) or "—"
        rows.append((name, text, units.get(attr, "") if text != "—" else ""))
    return rows


@filer_required
def filing(request, filing_id):
    filing = _own_filing(request, filing_id)
    if filing.number is None:  # a draft: its page is the form
        return redirect("space:file", filing.collection_id)
    context = {
        "filing": filing,
        "collection": filing.collection,
        "rows": _value_rows(filing),
        "timeline": _timeline(filing),
        "may_correct": filing.state == Filing.State.RETURNED and filing.collection.accepts_filing(),
    }
    return render(request, "cooperatives/space/filing.html", context)


@filer_required
def receipt(request, filing_id):
    """The receipt of the latest submission, as a PDF (WeasyPrint, Liberation fonts)."""
    from weasyprint import HTML

    filing = _own_filing(request, filing_id)
    if filing.number is None:
        raise Http404("Hồ sơ chưa được nộp.")
    context = {
        "filing": filing,
        "rows": _value_rows(filing),
        "issuer": settings.ALLIANCE_NAME.upper(),
        "alliance": settings.ALLIANCE_NAME,
        "printed": timezone.localtime(),
        "submitted": timezone.localtime(filing.submitted_at),
        "late": filing.is_late,
    }
    html = unicodedata.normalize(
        "NFC", render_to_string("cooperatives/space/receipt_pdf.html", context, request)
    )
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-nhan-{filing.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- accounts -----------------------------------------------------------------------------
class SignIn(LoginView):
    template_name = "cooperatives/space/sign_in.html"
    authentication_form = FilerSignInForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return reverse("space:home")

    def get_context_data(self, **kwargs):
        # LoginView adds django.contrib.sites' "site" (named after the host), which would
        # hide the alliance's own (news.context_processors) in the page's footer.
        context = super().get_context_data(**kwargs)
        context.pop("site", None)
        context.pop("site_name", None)
        return context


sign_in = never_cache(sensitive_post_parameters("password")(SignIn.as_view()))


@require_POST
def sign_out(request):
    logout(request)
    messages.info(request, "Đã đăng xuất.")
    return redirect("space:sign_in")


def _invalid_invitation(request, message: str, status: int):
    return render(
        request, "cooperatives/space/invitation_invalid.html", {"message": message}, status=status
    )


def _start_session(request, filer) -> HttpResponse:
    login(request, filer.user, backend=BACKEND)
    messages.success(
        request,
        f"Đã tạo tài khoản. Tên đăng nhập của anh/chị là {filer.user.get_username()} "
        "(hãy ghi lại để lần sau đăng nhập).",
    )
    return redirect("space:home")


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def accept_link(request, token):
    """The emailed invitation: choose a password, and the account is made."""
    invitation = filings.invitation_for_token(token)
    if invitation is None:
        return _invalid_invitation(request, "Đường dẫn mời không đúng hoặc không còn.", 404)
    if not invitation.is_usable():
        return _invalid_invitation(
            request,
            "Lời mời này đã được dùng hoặc đã hết hạn. Hãy đề nghị Liên minh hoặc cán bộ "
            "địa bàn gửi lời mời mới.",
            410,
        )
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted = _accept(request, form, invitation)
        if accepted:
            return accepted
    context = {"form": form, "invitation": invitation, "by_code": False}
    return render(request, "cooperatives/space/accept.html", context)


def _accept(request, form, invitation):
    """Make the account with the form's password and sign it in (the response), or put
    the reason it cannot be made on the form (None)."""
    try:
        filer = filings.accept_invitation(invitation, form.cleaned_data["password1"])
    except filings.FilingError as error:
        form.add_error(None, str(error))
        return None
    return _start_session(request, filer)


def _code_credentials(form) -> dict:
    # The name the lockout counts attempts under: the organisation's code.
    code = (form.data.get("organization_code") or "").strip()
    return {"username": f"kich-hoat:{code}"}


@never_cache
@sensitive_post_parameters("code", "password1", "password2")
@require_http_methods(["GET", "POST"])
def accept_code(request):
    """The printed letter's invitation: the organisation's code, the one-time code and a
    password. Wrong codes count towards the same lockout as wrong passwords
    (django-axes), and are in the sign-in audit under ``kich-hoat:<code>``."""
    from axes.handlers.proxy import AxesProxyHandler

    # The project's lockout page, the one axes itself shows (settings, not an import of
    # the signin app, which sits beside this one in the layers).
    lockout_response = import_string(settings.AXES_LOCKOUT_CALLABLE)

    form = CodeForm(request.POST or None)
    if request.method == "POST":
        credentials = _code_credentials(form)
        if AxesProxyHandler.is_locked(request, credentials):
            return lockout_response(request, credentials=credentials)
        if form.is_valid():
            invitation = filings.invitation_for_code(form.cleaned_data["code"])
            code = form.cleaned_data["organization_code"].strip()
            if invitation is None or invitation.organization.code != code:
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
                if AxesProxyHandler.is_locked(request, credentials):
                    return lockout_response(request, credentials=credentials)
                form.add_error(
                    "code",
                    "Mã số HTX hoặc mã kích hoạt không đúng. Kiểm tra lại thư mời (mã gồm "
                    "12 ký tự, không có chữ O, I, L và số 0, 1).",
                )
            elif not invitation.is_usable():
                form.add_error(
                    "code",
                    "Mã kích hoạt này đã được dùng hoặc đã hết hạn. Hãy đề nghị Liên minh "
                    "hoặc cán bộ địa bàn cấp mã mới.",
                )
            else:
                accepted = _accept(request, form, invitation)
                if accepted:
                    return accepted
    return render(request, "cooperatives/space/accept.html", {"form": form, "by_code": True})


@filer_required
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def change_password(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, "Đã đổi mật khẩu.")
        return redirect("space:home")
    return render(request, "cooperatives/space/change_password.html", {"form": form})
