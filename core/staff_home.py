"""The staff home (the admin's first page): what needs doing, in the person's scope.

``core`` imports no app above it, so the registry, the news and the reports each
register a function in their ``AppConfig.ready`` that gives their blocks for a request
(``register``); the admin's index template shows them (``core.templatetags.staff_home``)
above the list of models. Each block has a count and a link to the list it counts,
filtered; a block's queries do not grow with the rows behind it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Block:
    title: str
    count: int | None  # None: a block of links, with nothing to count
    link: str = ""
    link_label: str = ""
    note: str = ""
    # "todo" (something waits), "done" (nothing waits) or "" (neither: information).
    tone: str = ""
    # A small table: its column headings, then rows of (cells, link of the row or "").
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[list, str]] = field(default_factory=list)
    # Further links: (label, address).
    links: list[tuple[str, str]] = field(default_factory=list)


_PARTS: list[tuple[int, Callable]] = []


def register(order: int, part: Callable) -> None:
    """Add ``part(request) -> list[Block]`` to the staff home, in ``order``."""
    _PARTS.append((order, part))
    _PARTS.sort(key=lambda item: item[0])


def blocks(request) -> list[Block]:
    found = []
    for _, part in _PARTS:
        found.extend(part(request))
    return found
