"""Readers' personal data: who sees it, one person's export and erasure on request.

An asker gives a name (shown with a published answer) and, if they wish, an email and a
phone; a commenter a name and, if they wish, an email. The email and phone are never
public. In the admin they are shown in full to alliance staff only (the role that must
use a second factor, docs/security.md); editors answer and moderate without them. A
person is found by their email or phone; their export lists every question and comment
sent with it, and erasure removes the contacts and puts ``ERASED_NAME`` for the name.
"""

import json

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core import freshness
from core.roles import ALLIANCE, user_roles
from news.models import Comment, Question
from news.questions.forms import normalise_phone

ERASED_NAME = "Bạn đọc"
LEGAL_BASIS = (
    "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân: quyền được biết, quyền xóa dữ liệu."
)


def may_see_contacts(user) -> bool:
    """Email and phone of readers: alliance staff and superusers."""
    return user.is_active and (user.is_superuser or ALLIANCE in user_roles(user))


def masked(value: str) -> str:
    """What others see in place of a contact."""
    return "Có (chỉ cán bộ Liên minh xem được)" if value else "—"


def person_filters(*, email: str = "", phone: str = "") -> tuple[Q, Q] | None:
    """(questions, comments) of the person with ``email`` or ``phone``; None without either."""
    email = (email or "").strip().lower()
    phone = normalise_phone(phone or "")
    if not email and not phone:
        return None
    questions, comments = Q(pk__in=[]), Q(pk__in=[])
    if email:
        questions |= Q(email__iexact=email)
        comments |= Q(email__iexact=email)
    if phone:
        questions |= Q(phone=phone)
    return questions, comments


def find(*, email: str = "", phone: str = "") -> tuple[list[Question], list[Comment]]:
    filters = person_filters(email=email, phone=phone)
    if filters is None:
        return [], []
    questions = list(Question.objects.filter(filters[0]).select_related("topic", "answered_by"))
    comments = list(Comment.objects.filter(filters[1]).select_related("article"))
    return questions, comments


def _when(value) -> str:
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}" if value else ""


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def export(*, email: str, phone: str, user) -> bytes:
    """Everything held about the person, as UTF-8 JSON with Vietnamese labels; logged."""
    questions, comments = find(email=email, phone=phone)
    data = {
        "Căn cứ": LEGAL_BASIS,
        "Xuất lúc": _when(timezone.now()),
        "Người xuất": _person(user),
        "Tìm theo": {"Email": email.strip().lower(), "Điện thoại": normalise_phone(phone)},
        "Câu hỏi": [
            {
                "Mã": q.pk,
                "Họ và tên": q.name,
                "Email": q.email,
                "Điện thoại": q.phone,
                "Lĩnh vực": q.topic.name,
                "Tiêu đề": q.title,
                "Nội dung": q.text,
                "Gửi lúc": _when(q.created_at),
                "Trả lời": q.answer,
                "Trả lời lúc": _when(q.answered_at),
                "Công khai": q.is_published,
                "Đã báo qua email lúc": _when(q.notified_at),
            }
            for q in questions
        ],
        "Bình luận": [
            {
                "Mã": c.pk,
                "Bài viết": c.article.title,
                "Họ và tên": c.name,
                "Email": c.email,
                "Nội dung": c.text,
                "Gửi lúc": _when(c.created_at),
                "Trạng thái": c.get_status_display(),
            }
            for c in comments
        ],
    }
    _log(
        user,
        f"Xuất dữ liệu cá nhân của một bạn đọc: {len(questions)} câu hỏi, "
        f"{len(comments)} bình luận (tìm theo {_by(email, phone)}).",
    )
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def _by(email: str, phone: str) -> str:
    return " và ".join(
        what for what, value in (("email", email), ("số điện thoại", phone)) if value.strip()
    )


def _log(user, message: str, obj=None, model=Question) -> None:
    """An admin log entry without the person's name or contacts."""
    LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk) if obj is not None else None,
        object_repr=(f"{model._meta.verbose_name.capitalize()} #{obj.pk}" if obj else
                     "Dữ liệu cá nhân của bạn đọc"),
        action_flag=CHANGE,
        change_message=message,
    )  # fmt: skip


@transaction.atomic
def erase(*, email: str, phone: str, user) -> dict[str, int]:
    """Erase the person's contacts and name from every question and comment they sent,
    at their request; earlier admin log entries that named a comment's author lose it."""
    questions, comments = find(email=email, phone=phone)
    now = timezone.now()
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(
        name=ERASED_NAME, email="", phone="", contact_erased_at=now
    )
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        name=ERASED_NAME, email="", contact_erased_at=now
    )
    comment_type = ContentType.objects.get_for_model(Comment)
    for comment in comments:
        LogEntry.objects.filter(content_type=comment_type, object_id=str(comment.pk)).update(
            object_repr=f"Bình luận #{comment.pk}"
        )
    reason = "Xóa họ tên và thông tin liên hệ theo yêu cầu của chủ thể dữ liệu."
    for question in questions:
        _log(user, reason, question, Question)
    for comment in comments:
        _log(user, reason, comment, Comment)
    if questions:
        freshness.bump("questions")
    if comments:
        freshness.bump("comments")
    return {"questions": len(questions), "comments": len(comments)}
