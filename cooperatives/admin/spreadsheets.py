"""Import, export and template buttons on the registry lists, and the import history."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field
from simple_history.utils import get_history_manager_for_model

from cooperatives import tasks
from cooperatives.models import ImportBatch, Member
from cooperatives.scoping import area_scope
from cooperatives.spreadsheets import pending as pending_uploads
from cooperatives.spreadsheets.engine import import_file
from cooperatives.spreadsheets.export import export_file
from cooperatives.spreadsheets.kinds import KINDS
from cooperatives.spreadsheets.undo import UndoRefused, batch_changes, check_undo
from core import jobs
from core.lib.formatting import vn_number
from core.list_exports import (
    MOMENT,
    NUMBER,
    ListExportMixin,
    VietnameseResource,
    listed_for_export,
)
from core.models import Job
from core.spreadsheets.tables import EXTENSIONS, estimate_rows, max_upload_bytes

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
PREVIEW_ROWS = 200
SESSION_KEY = "htx_pending_imports"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp bảng tính (.xlsx, .xls, .ods hoặc .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
        error_messages={"required": _("Hãy chọn một tệp để nhập.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                f"Tệp nặng {vn_number(upload.size / 1024 / 1024, 1)} MB, vượt giới hạn "
                f"{settings.IMPORT_MAX_UPLOAD_MB} MB."
            )
        return upload


def download(data: bytes, file_format: str, stem: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    return response


class SpreadsheetAdminMixin:
    """Adds "Nhập từ tệp", "Xuất Excel/CSV" and "Tải tệp mẫu" to a registry list.

    The preview runs exactly the import the confirmation will run, as a dry run; the
    uploaded file waits in the storage (``cooperatives.spreadsheets.pending``) under a
    random name kept in the uploader's session, so nobody else can confirm it.

    A file of more than ``HTX_IMPORT_BACKGROUND_ROWS`` data rows is checked, and then
    imported, by background jobs (``cooperatives.tasks``): the uploader watches the
    progress page, which leads back here to the preview (``?cong_viec=<job>``), and after
    the confirmation to the batch page.
    """

    spreadsheet_kind = ""
    change_list_template = "admin/cooperatives/change_list_spreadsheets.html"

    @property
    def kind(self):
        return KINDS[self.spreadsheet_kind]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("nhap-tep/", view(self.import_view), name=f"{prefix}_import"),
            path("xuat-tep/", view(self.export_view), name=f"{prefix}_export"),
            path("tep-mau/", view(self.template_view), name=f"{prefix}_template"),
        ] + super().get_urls()

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import": self.has_import_permission(request),
            "spreadsheet_label": self.kind.label,
        }
        return super().changelist_view(request, extra_context)

    def _context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "kind": self.kind,
            "title": f"Nhập tệp: {self.kind.label}",
            "max_mb": settings.IMPORT_MAX_UPLOAD_MB,
            **extra,
        }

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self._confirm(request, request.POST["token"])
        form = UploadForm(request.POST or None, request.FILES or None)
        context = self._context(request, form=form)
        if request.method == "GET" and "cong_viec" in request.GET:
            job_id = request.GET["cong_viec"]
            running = Job.objects.filter(
                pk=int(job_id) if job_id.isdigit() else None,
                user=request.user,
                kind=tasks.PREVIEW_KIND,
                status__in=Job.ACTIVE,
            ).first()
            if running is not None:  # not checked yet: back to its progress
                return redirect(running.get_absolute_url())
            context.update(self._preview_of_job(request, job_id))
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = upload.read()
            finally:
                # An upload Django spooled to a temporary file is removed now, before the
                # long work, not when the response ends (a killed worker never gets there).
                upload.close()
            if estimate_rows(data, upload.name) > settings.IMPORT_BACKGROUND_ROWS:
                return self._start_preview(request, data, upload.name)
            result = import_file(
                kind=self.kind, data=data, file_name=upload.name, user=request.user, dry_run=True
            )
            context.update(self._preview(result))
            if result.ok and (result.created or result.updated):
                context["token"] = self._keep_pending(request, data, upload.name, False)
        return TemplateResponse(request, "admin/cooperatives/import.html", context)

    def _keep_pending(self, request, data: bytes, name: str, background: bool) -> str:
        pending_uploads.forget_old()
        token = pending_uploads.keep(data)
        pending = request.session.get(SESSION_KEY, {})
        pending[token] = {"name": name, "kind": self.kind.name, "background": background}
        request.session[SESSION_KEY] = pending
        return token

    def _import_url(self) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")

    def _start_preview(self, request, data: bytes, name: str):
        token = self._keep_pending(request, data, name, background=True)
        job = jobs.start(
            tasks.preview_import,
            kind=tasks.PREVIEW_KIND,
            title=f"Kiểm tra tệp “{name}” ({self.kind.label})",
            user=request.user,
            key=token,
            sheet_kind=self.kind.name,
            token=token,
            file_name=name,
            user_id=request.user.pk,
            page_url=self._import_url(),
        )
        return redirect(job.get_absolute_url())

    def _preview_of_job(self, request, job_id: str) -> dict:
        """The preview a background job made, for the person who asked for it."""
        job = None
        if job_id.isdigit():
            job = Job.objects.filter(
                pk=int(job_id),
                user=request.user,
                kind=tasks.PREVIEW_KIND,
                status=Job.Status.DONE,
                details__kind=self.kind.name,
            ).first()
        if job is None:
            return {"job_missing": True}
        details = job.details
        result = PreviewOfJob(details)
        context = {"result": result, "preview": details}
        waiting = request.session.get(SESSION_KEY, {})
        if result.ok and (result.created or result.updated) and job.key in waiting:
            context["token"] = job.key
        return context

    def _preview(self, result) -> dict:
        # The same shape as a background job's preview (its JSON details).
        return {"result": result, "preview": tasks.preview_details(result, self.kind.name)}

    def _confirm(self, request, token: str):
        pending = request.session.get(SESSION_KEY, {})
        entry = pending.pop(token, None) if token.isalnum() else None
        if entry is None or entry["kind"] != self.kind.name:
            messages.error(request, "Không tìm thấy tệp chờ nhập; hãy tải tệp lên lại.")
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        request.session[SESSION_KEY] = pending
        if entry.get("background"):
            job = jobs.start(
                tasks.run_import,
                kind=tasks.IMPORT_KIND,
                title=f"Nhập tệp “{entry['name']}” ({self.kind.label})",
                user=request.user,
                key=token,
                sheet_kind=self.kind.name,
                token=token,
                file_name=entry["name"],
                user_id=request.user.pk,
            )
            return redirect(job.get_absolute_url())
        data = pending_uploads.take(token)
        if data is None:
            messages.error(request, "Tệp chờ nhập đã hết hạn; hãy tải tệp lên lại.")
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        result = import_file(kind=self.kind, data=data, file_name=entry["name"], user=request.user)
        if not result.ok:
            # The data changed between preview and confirmation: show the new verdict.
            context = self._context(request, form=UploadForm())
            context.update(self._preview(result))
            return TemplateResponse(request, "admin/cooperatives/import.html", context)
        messages.success(request, result.summary())
        if result.batch is not None:
            return redirect("admin:cooperatives_importbatch_change", result.batch.pk)
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    def export_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        file_format, listed = listed_for_export(self, request, CONTENT_TYPES)
        if listed is None:
            return file_format  # the refusal
        chosen = listed.values("pk")
        objects = self.kind.export_queryset(request.user).filter(pk__in=chosen)
        data = export_file(self.kind, self.export_objects(request, objects), file_format)
        stem = f"{self.kind.file_stem}-{timezone.localdate():%Y-%m-%d}"
        return download(data, file_format, stem)

    def export_objects(self, request, objects):
        """The records to write, one by one (the member admin masks ID numbers here)."""
        return objects.iterator(chunk_size=2000)

    def template_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        file_format = request.GET.get("dinh_dang", "xlsx")
        if file_format not in CONTENT_TYPES:
            return HttpResponseBadRequest("Định dạng phải là xlsx hoặc csv.")
        example = self.kind.template_example(request.user)
        data = export_file(self.kind, [], file_format, template=True, example=example)
        return download(data, file_format, f"mau-{self.kind.file_stem}")


class ImportBatchResource(VietnameseResource):
    """The import history as a list (django-import-export; it has no import layout)."""

    number = Field("pk", "Lần nhập số", widget=NUMBER)
    kind = Field("get_kind_display", "Loại dữ liệu")
    file_name = Field("file_name", "Tệp")
    user = Field("user__username", "Người nhập")
    created_at = Field("created_at", "Thời điểm", widget=MOMENT)
    rows = Field("rows", "Số dòng", widget=NUMBER)
    created = Field("created", "Tạo mới", widget=NUMBER)
    updated = Field("updated", "Cập nhật", widget=NUMBER)
    unchanged = Field("unchanged", "Không thay đổi", widget=NUMBER)
    undone_at = Field("undone_at", "Hoàn tác lúc", widget=MOMENT)

    class Meta:
        model = ImportBatch
        fields = ["number", "kind", "file_name", "user", "created_at", "rows", "created",
                  "updated", "unchanged", "undone_at"]  # fmt: skip


@admin.register(ImportBatch)
class ImportBatchAdmin(ListExportMixin, admin.ModelAdmin):
    list_export_resource = ImportBatchResource
    list_export_stem = "lich-su-nhap-tep"
    list_display = [
        "pk",
        "kind",
        "file_name",
        "user",
        "created_at",
        "rows",
        "created",
        "updated",
        "unchanged",
        "undone_at",
    ]
    list_display_links = ["pk", "file_name"]
    list_filter = ["kind", "created_at"]
    list_select_related = ["user"]
    search_fields = ["file_name"]
    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if area_scope(request.user) is not None:
            queryset = queryset.filter(user=request.user)
        # A batch shows the records it changed: only to those who may see that kind
        # (officials never see a members import, as they never see the register).
        readable = [
            name
            for name, kind in KINDS.items()
            if request.user.has_perm(
                f"{kind.model._meta.app_label}.view_{kind.model._meta.model_name}"
            )
        ]
        return queryset.filter(kind__in=readable)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def can_undo(self, request, batch) -> bool:
        model = KINDS[batch.kind].model
        codename = f"{model._meta.app_label}.change_{model._meta.model_name}"
        return request.user.has_perm(codename) and (
            area_scope(request.user) is None or batch.user_id == request.user.pk
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/hoan-tac/",
                self.admin_site.admin_view(self.undo_view),
                name="cooperatives_importbatch_undo",
            )
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = self.get_object(request, object_id)
        if batch is None or not self.has_view_permission(request, batch):
            raise Http404
        changes = []
        for model, records in batch_changes(batch):
            changes += self._describe_all(model, records[:PREVIEW_ROWS])
        undo_refusal = None
        try:
            check_undo(batch)
        except UndoRefused as refusal:
            undo_refusal = str(refusal)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Lần nhập #{batch.pk}: {batch.file_name}",
            "batch": batch,
            "changes": changes,
            "shown": len(changes),
            "total": batch.created + batch.updated,
            "can_undo": self.can_undo(request, batch) and undo_refusal is None,
            "undo_refusal": undo_refusal,
        }
        return TemplateResponse(request, "admin/cooperatives/importbatch/detail.html", context)

    @staticmethod
    def _describe_all(model, records) -> list[dict]:
        """Describe the historical ``records`` of ``model`` in a fixed number of queries.

        ``record.prev_record`` and ``record.instance`` cost a query each (the latter when
        the history leaves out a field, as the organisations' ``version``), and showing a
        record may read the rows it points to: the previous versions are read in one query,
        the instances built from the records themselves, their related rows prefetched.
        """
        history = get_history_manager_for_model(model)
        pk_name = model._meta.pk.attname
        records = list(
            records.annotate(
                previous_id=Subquery(
                    history.filter(
                        **{pk_name: OuterRef(pk_name)}, history_id__lt=OuterRef("history_id")
                    )
                    .order_by("-history_id")
                    .values("history_id")[:1]
                )
            )
        )
        previous = history.in_bulk(
            [r.previous_id for r in records if r.history_type == "~" and r.previous_id]
        )
        instances = [
            model(**{f.attname: getattr(r, f.attname) for f in r.tracked_fields}) for r in records
        ]
        relations = (
            [
                f.name
                for f in records[0].tracked_fields
                if f.many_to_one and f.related_model is not get_user_model()
            ]
            if records
            else []
        )
        prefetch_related_objects(instances, *relations)
        changes = []
        for record, instance in zip(records, instances, strict=True):
            fields = []
            old_record = previous.get(record.previous_id)
            if record.history_type == "~" and old_record is not None:
                for change in record.diff_against(old_record).changes:
                    field = model._meta.get_field(change.field)
                    old, new = change.old, change.new
                    if change.field == "id_number":
                        # A list of changes: ID numbers masked, as in every list.
                        old, new = Member.mask_id_number(old), Member.mask_id_number(new)
                    fields.append({"name": field.verbose_name, "old": old, "new": new})
            changes.append(
                {
                    "model": model._meta.verbose_name,
                    "object": str(instance),
                    "type": {"+": "Tạo mới", "~": "Cập nhật", "-": "Xóa"}[record.history_type],
                    "fields": fields,
                }
            )
        return changes

    def history_view(self, request, object_id, extra_context=None):
        # As the detail page: refused without the permission, 404 when out of reach
        # (Django's own redirects to the index with a message).
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def undo_view(self, request, pk):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        batch = get_object_or_404(self.get_queryset(request), pk=pk)
        if request.method != "POST" or not self.can_undo(request, batch):
            raise PermissionDenied
        page = reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        key = f"batch-{batch.pk}"
        running = jobs.find_active(kind=tasks.UNDO_KIND, key=key)
        if running is not None:
            if running.user_id == request.user.pk:
                return redirect(running.get_absolute_url())
            messages.warning(request, f"Lần nhập #{batch.pk} đang được hoàn tác.")
            return redirect(page)
        try:
            check_undo(batch)  # refused at once, without a job, when it cannot be done
        except UndoRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(page)
        # Every undo runs as a job: a large one takes longer than a request may.
        job = jobs.start(
            tasks.undo_import,
            kind=tasks.UNDO_KIND,
            title=f"Hoàn tác lần nhập #{batch.pk}: {batch.file_name}",
            user=request.user,
            key=key,
            result_url=page,
            batch_id=batch.pk,
            user_id=request.user.pk,
        )
        return redirect(job.get_absolute_url())


class PreviewOfJob:
    """A preview made by a background job, shaped as the import page reads an
    ``ImportResult``."""

    def __init__(self, details: dict) -> None:
        self.file_name = details["file_name"]
        self.ok = details["ok"]
        self.summary = details["summary"]
        self.rows = details["rows"]
        self.created = details["created"]
        self.updated = details["updated"]
        self.unchanged = details["unchanged"]
        self.errors = details["errors"]
