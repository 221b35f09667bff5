"""The reports' part of the home page (registered in ``ReportsConfig.ready``)."""

import datetime

from reports.statistics import public_statistics


def home_part(today: datetime.date) -> dict:
    """The province in a few numbers: the latest public statistics and their first line."""
    stats = public_statistics()
    return {
        "members": stats["values"]["members_total"] if stats else None,
        "stats": stats,
        "headline": stats["narrative"][0] if stats and stats["narrative"] else "",
    }
