"""Background work of the readers' questions (django-tasks; core/jobs.py for the queue)."""

from django_tasks import task


@task()
def notify_asker(*, question_id: int) -> dict:
    """Mail the answer to its asker (enqueued once the answer is saved)."""
    from news.questions.services import send_answer

    return {"sent": send_answer(question_id)}


@task()
def clean_up_reader_data() -> dict:
    """Erase contacts past their keeping time and expired captchas; run_workers enqueues it
    once a day (settings.PERIODIC_TASKS), ``manage.py erase_reader_contacts`` by hand."""
    from captcha.models import CaptchaStore

    from news.questions.services import erase_expired_contacts

    done = erase_expired_contacts()
    CaptchaStore.remove_expired()
    return done
