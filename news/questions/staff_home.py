"""The readers' blocks of the staff home (``core.staff_home``): questions waiting for an
answer, comments waiting for moderation."""

from django.db.models import Count, Q
from django.urls import reverse

from core.lib.formatting import vn_number
from core.staff_home import Block
from news.models import Comment, Question


def blocks(request) -> list[Block]:
    found = []
    if request.user.has_perm("news.change_question"):
        counts = Question.objects.aggregate(
            waiting=Count("pk", filter=Q(answer="")),
            failed=Count("pk", filter=Q(notified_at__isnull=True) & ~Q(notify_error="")),
        )
        url = reverse("admin:news_question_changelist")
        found.append(
            Block(
                title="Câu hỏi chờ trả lời",
                count=counts["waiting"],
                link=f"{url}?tinh_trang=chua-tra-loi",
                link_label="Trả lời câu hỏi",
                note=(
                    f"{vn_number(counts['failed'])} thư báo câu trả lời gửi lỗi."
                    if counts["failed"]
                    else "Câu hỏi gửi từ trang Hỏi đáp, chờ cán bộ trả lời."
                ),
                tone="todo" if counts["waiting"] else "done",
                links=[("Thư báo gửi lỗi", f"{url}?thu_bao=loi")],
            )
        )
    if request.user.has_perm("news.change_comment"):
        pending = Comment.objects.filter(status=Comment.Status.PENDING).count()
        url = reverse("admin:news_comment_changelist")
        found.append(
            Block(
                title="Bình luận chờ duyệt",
                count=pending,
                link=f"{url}?status__exact=pending",
                link_label="Duyệt bình luận",
                tone="todo" if pending else "done",
            )
        )
    return found
