"""Shared pieces of the readers' questions and comments tests (news/questions/)."""

from captcha.models import CaptchaStore

from news.models import Question, Topic

# Distinctive contacts, searched for in every public output.
EMAIL = "tran.thi.bao.ngoc.1987@gmail.com"
PHONE = "0987654321"


def captcha(prefix: str = "captcha") -> dict:
    """A fresh captcha and its right answer, as the form posts them."""
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    return {f"{prefix}_0": key, f"{prefix}_1": answer.upper()}


def topic(slug: str = "tai-chinh-tin-dung") -> Topic:
    return Topic.objects.get(slug=slug)


def question(
    title: str, *, published: bool = True, answer: str = "Trả lời của Liên minh.", **fields
) -> Question:
    """A question as staff leave it: answered and published unless told otherwise."""
    from django.utils import timezone

    fields.setdefault("name", "Trần Thị Bảo Ngọc")
    fields.setdefault("topic", topic())
    fields.setdefault("text", f"Nội dung câu hỏi: {title}")
    return Question.objects.create(
        title=title, answer=answer, is_published=published and bool(answer),
        answered_at=timezone.now() if answer else None, **fields,
    )  # fmt: skip
