"""Queue the collections' notices due today and send the outbox (cooperatives/mailing.py).

For cron (daily or hourly) where ``run_workers`` does not enqueue it itself
(``HTX_REMINDER_INTERVAL_MINUTES=0``), or by hand: running it again sends nothing twice.
"""

import argparse
import datetime

from django.core.management.base import BaseCommand

from cooperatives import mailing
from core.lib.formatting import vn_number


def day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày phải có dạng YYYY-MM-DD, không phải {text!r}"
        ) from None


class Command(BaseCommand):
    help = "Queues the collections' reminders due today and sends every mail waiting to go."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=day,
            default=None,
            help="The day to queue reminders for, YYYY-MM-DD (default: today; for tests).",
        )

    def handle(self, *args, **options):
        queued = mailing.queue_due(options["today"])
        sent, failed = mailing.send_pending()
        self.stdout.write(
            f"Đã xếp {vn_number(queued)} thư, gửi {vn_number(sent)}, lỗi {vn_number(failed)}."
        )
