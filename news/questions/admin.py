"""Staff's side of the readers' questions and comments: answer, publish, moderate; and a
reader's personal data (export, erasure on request). Registered from news/admin.py.

News editors and alliance staff do all of it (both roles hold every news permission);
area staff and officials have no access. The asker's email and phone are shown to alliance
staff only (``privacy.may_see_contacts``); editors see whether they exist.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from core.admin import FoldedSearchMixin, SafeListParametersMixin
from core.lib.formatting import vn_number
from news.models import Comment, Question
from news.questions import privacy, services
from news.questions.forms import normalise_phone

NO_ANSWER = (
    "Chưa công khai được: câu hỏi chưa có câu trả lời. Hãy viết câu trả lời trước, hoặc bỏ "
    "chọn “Công khai câu hỏi và trả lời”."
)


def _when(value) -> str:
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}" if value else ""


def _by(user) -> str:
    return f" – {user.get_full_name() or user.get_username()}" if user else ""


# --- questions ---------------------------------------------------------------------------
class StateFilter(admin.SimpleListFilter):
    title = "tình trạng"
    parameter_name = "tinh_trang"

    def lookups(self, request, model_admin):
        return [
            ("chua-tra-loi", "Chưa trả lời"),
            ("chua-cong-khai", "Đã trả lời, chưa công khai"),
            ("cong-khai", "Đã công khai"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "chua-tra-loi":
            return queryset.filter(answer="")
        if self.value() == "chua-cong-khai":
            return queryset.exclude(answer="").filter(is_published=False)
        if self.value() == "cong-khai":
            return queryset.exclude(answer="").filter(is_published=True)
        return queryset


class NotifyFilter(admin.SimpleListFilter):
    title = "thư báo người hỏi"
    parameter_name = "thu_bao"

    def lookups(self, request, model_admin):
        return [("da-gui", "Đã gửi"), ("loi", "Gửi lỗi"), ("khong-email", "Không có email")]

    def queryset(self, request, queryset):
        if self.value() == "da-gui":
            return queryset.filter(notified_at__isnull=False)
        if self.value() == "loi":
            return queryset.filter(notified_at__isnull=True).exclude(notify_error="")
        if self.value() == "khong-email":
            return queryset.filter(email="", notified_at__isnull=True)
        return queryset


class QuestionAdminForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["name", "topic", "title", "text", "answer", "is_published"]
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 16, "cols": 90, "class": "vLargeTextField"}),
            "text": forms.Textarea(attrs={"rows": 8, "cols": 90, "class": "vLargeTextField"}),
            "title": forms.TextInput(attrs={"class": "vTextField", "size": 90}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_published") and not (cleaned.get("answer") or "").strip():
            self.add_error("is_published", NO_ANSWER)
        return cleaned


def state_label(question: Question) -> str:
    if not question.answer.strip():
        return "Chưa trả lời"
    return "Đã công khai" if question.is_published else "Đã trả lời, chưa công khai"


def notify_label(question: Question) -> str:
    if question.notified_at:
        return f"Đã gửi {_when(question.notified_at)}"
    if question.notify_error:
        return f"Gửi lỗi: {question.notify_error}"
    if not question.email:
        return "Xóa theo thời hạn" if question.contact_erased_at else "Không có email"
    return "Chưa gửi (chưa có câu trả lời)" if not question.answer.strip() else "Đang chờ gửi"


class QuestionAdmin(SafeListParametersMixin, FoldedSearchMixin, admin.ModelAdmin):
    form = QuestionAdminForm
    change_list_template = "admin/news/question/change_list.html"
    list_display = ["title", "topic", "state", "created_at", "answered_at", "notify_state"]
    list_filter = [StateFilter, "topic", NotifyFilter]
    list_select_related = ["topic"]
    search_fields = ["search_folded"]
    search_help_text = "Tìm trong tiêu đề, câu hỏi và câu trả lời (gõ có dấu hay không đều được)."
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["publish", "unpublish", "send_again"]
    readonly_fields = ["email_full", "phone_full", "email_masked", "phone_masked", "created_at",
                       "answered_info", "notify_state"]  # fmt: skip
    fieldsets = [
        ("Người hỏi", {"fields": ["name", "email_masked", "phone_masked", "created_at"]}),
        ("Câu hỏi", {"fields": ["topic", "title", "text"]}),
        (
            "Trả lời",
            {
                "fields": ["answer", "is_published", "answered_info", "notify_state"],
                "description": (
                    "Khi lưu câu trả lời, người hỏi có email được báo qua thư (một lần). "
                    "Chỉ công khai được câu hỏi đã có câu trả lời."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("search_folded")

    def has_add_permission(self, request):
        return False  # questions come from readers (/hoi-dap/gui-cau-hoi/)

    def view_on_site(self, obj):
        # Only a published answer has a public page.
        return obj.get_absolute_url() if obj.is_published and obj.answer.strip() else None

    @admin.display(description="tình trạng")
    def state(self, obj):
        return state_label(obj)

    @admin.display(description="thư báo")
    def notify_state(self, obj):
        return notify_label(obj)

    @admin.display(description="người trả lời, lúc")
    def answered_info(self, obj):
        if not obj.answered_at:
            return "Chưa trả lời"
        return f"{_when(obj.answered_at)}{_by(obj.answered_by)}"

    def get_fieldsets(self, request, obj=None):
        if not privacy.may_see_contacts(request.user):
            return self.fieldsets
        who = ("Người hỏi", {"fields": ["name", "email_full", "phone_full", "created_at"]})
        return [who, *self.fieldsets[1:]]

    @admin.display(description="email")
    def email_full(self, obj):
        return obj.email or "—"

    @admin.display(description="điện thoại")
    def phone_full(self, obj):
        return obj.phone or "—"

    @admin.display(description="email")
    def email_masked(self, obj):
        return privacy.masked(obj.email)

    @admin.display(description="điện thoại")
    def phone_masked(self, obj):
        return privacy.masked(obj.phone)

    def save_model(self, request, obj, form, change):
        previous = ""
        if change:
            previous = Question.objects.filter(pk=obj.pk).values_list("answer", flat=True).first()
        notify = services.record_answer(question=obj, user=request.user, previous_answer=previous)
        super().save_model(request, obj, form, change)
        if notify:
            services.notify_soon(obj)
            self.message_user(request, "Thư báo câu trả lời sẽ được gửi tới người hỏi.")

    @admin.action(description="Công khai các câu hỏi đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        unanswered = queryset.filter(answer="").count()
        done = 0
        for question in queryset.exclude(answer="").filter(is_published=False):
            question.is_published = True
            question.save(update_fields=["is_published", "search_folded"])
            done += 1
        self.message_user(request, f"Đã công khai {vn_number(done)} câu hỏi.")
        if unanswered:
            self.message_user(
                request,
                f"{vn_number(unanswered)} câu hỏi chưa có câu trả lời nên chưa công khai.",
                messages.WARNING,
            )

    @admin.action(description="Thôi công khai các câu hỏi đã chọn", permissions=["change"])
    def unpublish(self, request, queryset):
        done = 0
        for question in queryset.filter(is_published=True):
            question.is_published = False
            question.save(update_fields=["is_published", "search_folded"])
            done += 1
        self.message_user(request, f"Đã thôi công khai {vn_number(done)} câu hỏi.")

    @admin.action(description="Gửi lại thư báo câu trả lời", permissions=["change"])
    def send_again(self, request, queryset):
        waiting = queryset.exclude(email="").exclude(answer="").filter(notified_at__isnull=True)
        count = 0
        for question in waiting:
            services.notify_soon(question)
            count += 1
        skipped = queryset.count() - count
        self.message_user(request, f"Đang gửi lại thư báo cho {vn_number(count)} câu hỏi.")
        if skipped:
            self.message_user(
                request,
                f"{vn_number(skipped)} câu hỏi không cần gửi: đã báo, không có email hoặc "
                "chưa có câu trả lời.",
                messages.WARNING,
            )

    # --- a reader's personal data ----------------------------------------------------------
    def get_urls(self):
        return [
            path(
                "du-lieu-ca-nhan/",
                self.admin_site.admin_view(self.privacy_view),
                name="news_question_privacy",
            )
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "privacy_url": reverse("admin:news_question_privacy")
            if privacy.may_see_contacts(request.user)
            else "",
        }
        return super().changelist_view(request, extra_context)

    def privacy_view(self, request):
        """Find a reader by email or phone; export what is held, or erase it on request."""
        if not privacy.may_see_contacts(request.user):
            raise PermissionDenied
        form = PersonForm(request.POST or None)
        found = None
        if request.method == "POST" and form.is_valid():
            email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
            action = request.POST.get("thao_tac")
            if action == "xuat":
                response = HttpResponse(
                    privacy.export(email=email, phone=phone, user=request.user),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = (
                    'attachment; filename="du-lieu-ca-nhan-ban-doc.json"'
                )
                return response
            if action == "xoa":
                if not form.cleaned_data["confirm"]:
                    form.add_error("confirm", "Hãy đánh dấu ô xác nhận trước khi xóa.")
                else:
                    done = privacy.erase(email=email, phone=phone, user=request.user)
                    self.message_user(
                        request,
                        f"Đã xóa họ tên và thông tin liên hệ trong {vn_number(done['questions'])}"
                        f" câu hỏi và {vn_number(done['comments'])} bình luận; nhật ký quản "
                        "trị ghi lại việc xóa, không ghi email hay số điện thoại.",
                    )
                    return redirect("admin:news_question_privacy")
            questions, comments = privacy.find(email=email, phone=phone)
            found = {"questions": questions, "comments": comments}
        context = {**self._context(request), "form": form, "found": found}
        return TemplateResponse(request, "admin/news/question/privacy.html", context)

    def _context(self, request) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Dữ liệu cá nhân của bạn đọc",
            "form": PersonForm(),
            "months": settings.READER_CONTACT_MONTHS,
        }


class PersonForm(forms.Form):
    email = forms.EmailField(
        label="Email", required=False,
        error_messages={"invalid": "Email không đúng dạng địa chỉ thư."},
    )  # fmt: skip
    phone = forms.CharField(label="Điện thoại", required=False, max_length=30)
    confirm = forms.BooleanField(
        label="Tôi đã xác minh người yêu cầu là chủ của email / số điện thoại này",
        required=False,
    )

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone") or "")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError("Hãy nhập email hoặc số điện thoại của người yêu cầu.")
        return cleaned


# --- comments ----------------------------------------------------------------------------
class CommentAdminForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["name", "text", "status"]


class CommentAdmin(SafeListParametersMixin, admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ["short_text", "name", "article_title", "status", "created_at",
                    "moderated_at"]  # fmt: skip
    list_filter = ["status", "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "text", "article__title"]
    search_help_text = "Tìm theo tên người gửi, nội dung hoặc tiêu đề bài viết."
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["approve", "reject"]
    readonly_fields = ["article_link", "email_full", "email_masked", "created_at",
                       "moderated_info"]  # fmt: skip
    fields = ["article_link", "name", "email_masked", "created_at", "text", "status",
              "moderated_info"]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body", "article__search_folded")

    def has_add_permission(self, request):
        return False  # comments come from readers (/tin-tuc/<bài>/binh-luan/)

    @admin.display(description="nội dung")
    def short_text(self, obj):
        return obj.text[:80] + ("…" if len(obj.text) > 80 else "")

    @admin.display(description="bài viết", ordering="article__title")
    def article_title(self, obj):
        return obj.article.title

    @admin.display(description="bài viết")
    def article_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article.title)

    @admin.display(description="duyệt")
    def moderated_info(self, obj):
        if not obj.moderated_at:
            return "Chưa duyệt"
        return f"{_when(obj.moderated_at)}{_by(obj.moderated_by)}"

    def get_fields(self, request, obj=None):
        if not privacy.may_see_contacts(request.user):
            return self.fields
        return ["email_full" if f == "email_masked" else f for f in self.fields]

    @admin.display(description="email")
    def email_full(self, obj):
        return obj.email or "—"

    @admin.display(description="email")
    def email_masked(self, obj):
        return privacy.masked(obj.email)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_by, obj.moderated_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="Duyệt: hiện dưới bài viết", permissions=["change"])
    def approve(self, request, queryset):
        count = services.moderate(
            comments=queryset, status=Comment.Status.APPROVED, user=request.user
        )
        self.message_user(request, f"Đã duyệt {vn_number(count)} bình luận.")

    @admin.action(description="Không duyệt: ẩn khỏi bài viết", permissions=["change"])
    def reject(self, request, queryset):
        count = services.moderate(
            comments=queryset, status=Comment.Status.REJECTED, user=request.user
        )
        self.message_user(request, f"Đã không duyệt {vn_number(count)} bình luận.")


admin.site.register(Question, QuestionAdmin)
admin.site.register(Comment, CommentAdmin)
