"""The home page, made of the parts each app contributes.

``core`` imports no app above it, so the registry, the news and the reports each register
a function in their ``AppConfig.ready`` that gives their part of the home page's context
(``register``); ``core.views.home`` merges them.
"""

import datetime
from collections.abc import Callable

_PARTS: dict[str, Callable[[datetime.date], dict]] = {}


def register(name: str, part: Callable[[datetime.date], dict]) -> None:
    """Add ``part(today)`` to the home page's context under the app's ``name``."""
    _PARTS[name] = part


def context(today: datetime.date) -> dict:
    merged: dict = {"today": today}
    for part in _PARTS.values():
        merged.update(part(today))
    return merged
