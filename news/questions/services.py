"""Writes with side effects: answers and their mail, moderation, the contacts' retention."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from core import freshness
from core.lib.text import fold
from core.mail import error_text
from news.models import Comment, Question

logger = logging.getLogger("htx.mail")

QUESTIONS, COMMENTS = "questions", "comments"  # data versions (core/freshness.py)


# --- reading ------------------------------------------------------------------------------
def published_questions() -> QuerySet:
    """Questions a visitor may read: published, with an answer."""
    return Question.objects.filter(is_published=True).exclude(answer="")


def search(questions: QuerySet, text: str) -> QuerySet:
    """Accent-insensitive, over the title, the question and the answer: ``von vay``
    finds ``Vốn vay``."""
    words = fold(text).split()
    query = Q()
    for word in words:
        query &= Q(search_folded__contains=word)
    return questions.filter(query) if words else questions


def approved_comments(article) -> QuerySet:
    """What an article shows of its readers' comments: approved ones, name, date, text."""
    return (
        article.comments.filter(status=Comment.Status.APPROVED)
        .only("article_id", "name", "text", "created_at")
        .order_by("created_at", "pk")
    )


# --- answering -----------------------------------------------------------------------------
def record_answer(*, question: Question, user, previous_answer: str) -> bool:
    """Note who answered and when, when the answer is new or changed (before saving);
    return whether the asker should now be mailed (after saving, ``notify_soon``)."""
    answer = question.answer.strip()
    if answer and answer != (previous_answer or "").strip():
        question.answered_by = user if user is not None and user.pk else None
        question.answered_at = timezone.now()
    if not answer:
        question.answered_by = question.answered_at = None
    return bool(answer and question.email and question.notified_at is None)


def notify_soon(question: Question) -> None:
    """Mail the asker through the task queue once the transaction commits; if the queue
    cannot take it, the question keeps its error and staff send it again from the list."""
    question_id = question.pk

    def enqueue():
        from news.questions.tasks import notify_asker

        try:
            notify_asker.enqueue(question_id=question_id)
        except Exception as error:
            logger.exception("Could not enqueue the answer's mail")
            Question.objects.filter(pk=question_id, notified_at__isnull=True).update(
                notify_error=error_text(error)
            )

    transaction.on_commit(enqueue)


def answer_mail(question: Question) -> EmailMessage:
    link = settings.SITE_URL + question.get_absolute_url() if question.is_published else ""
    body = render_to_string(
        "news/questions/mail/answered.txt",
        {
            "question": question,
            "alliance": settings.ALLIANCE_NAME,
            "link": link,
            "asked": timezone.localtime(question.created_at),
        },
    )
    subject = " ".join(f"Trả lời câu hỏi: {question.title}".split())[:200]
    return EmailMessage(
        subject=subject,
        body=body.strip() + "\n",
        to=[question.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def send_answer(question_id: int) -> bool | None:
    """Mail the answer to the asker, once: True sent, False failed (the error is kept on
    the question), None nothing to send (no email, no answer, or sent already)."""
    with transaction.atomic():
        question = (
            Question.objects.select_for_update().filter(pk=question_id).first()
        )  # two saves in a row send one mail
        if question is None or not question.email or not question.answer.strip():
            return None
        if question.notified_at is not None:
            return None
        try:
            get_connection(fail_silently=False).send_messages([answer_mail(question)])
        except Exception as error:
            if not isinstance(error, smtplib.SMTPException | OSError | ValueError):
                logger.exception("The answer's mail could not be sent")
            else:
                logger.warning("Answer mail not sent: %s", error_text(error))
            Question.objects.filter(pk=question_id).update(notify_error=error_text(error))
            return False
        Question.objects.filter(pk=question_id).update(notified_at=timezone.now(), notify_error="")
        return True


# --- moderation ----------------------------------------------------------------------------
@transaction.atomic
def moderate(*, comments: QuerySet, status: str, user) -> int:
    """Approve or reject ``comments``; an approved one shows on its article at once."""
    count = comments.exclude(status=status).update(
        status=status, moderated_by=user, moderated_at=timezone.now()
    )
    if count:
        freshness.bump(COMMENTS)
    return count


# --- freshness ----------------------------------------------------------------------------
def _question_saved(sender, instance, created, raw=False, **kwargs):
    # A visitor's new question is not public: it changes no page.
    if raw or (created and not instance.is_published):
        return
    freshness.bump(QUESTIONS)


def _comment_saved(sender, instance, created, raw=False, **kwargs):
    if raw or (created and instance.status == Comment.Status.PENDING):
        return
    freshness.bump(COMMENTS)


def _deleted(name: str):
    def changed(sender, **kwargs):
        freshness.bump(name)

    return changed


def connect_signals() -> None:
    """Public pages of questions and comments change with staff's writes (news.apps)."""
    from django.db.models.signals import post_delete, post_save

    from news.models import Topic

    post_save.connect(_question_saved, sender=Question, dispatch_uid="questions-saved")
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="comments-saved")
    post_delete.connect(
        _deleted(QUESTIONS), sender=Question, dispatch_uid="questions-deleted", weak=False
    )
    post_delete.connect(
        _deleted(COMMENTS), sender=Comment, dispatch_uid="comments-deleted", weak=False
    )
    freshness.watch(QUESTIONS, [Topic])


# --- retention ----------------------------------------------------------------------------
def contact_deadline(now: datetime.datetime | None = None) -> datetime.datetime:
    """Contacts handled before this moment are past their keeping time."""
    now = now or timezone.now()
    months = settings.READER_CONTACT_MONTHS
    # Months as 30.44 days: the deadline needs no calendar arithmetic to be fair.
    return now - datetime.timedelta(days=round(months * 30.44))


@transaction.atomic
def erase_expired_contacts(now: datetime.datetime | None = None) -> dict[str, int]:
    """Erase the email and phone of questions answered (or, unanswered, asked) and of
    comments moderated (or, waiting, sent) more than ``READER_CONTACT_MONTHS`` ago."""
    now = now or timezone.now()
    before = contact_deadline(now)
    has_contact = ~Q(email="") | ~Q(phone="")
    questions = Question.objects.filter(has_contact).filter(
        Q(answered_at__lt=before) | Q(answered_at__isnull=True, created_at__lt=before)
    )
    comments = Comment.objects.exclude(email="").filter(
        Q(moderated_at__lt=before) | Q(moderated_at__isnull=True, created_at__lt=before)
    )
    return {
        "questions": questions.update(email="", phone="", contact_erased_at=now),
        "comments": comments.update(email="", contact_erased_at=now),
    }
