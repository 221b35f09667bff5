"""Every record kind, by the name the commands and addresses use.

The registry's own kinds are listed here; an app above the registry adds its kinds with
``register_kind`` in its ``AppConfig.ready`` (``reports`` adds the plan targets).
"""

from .areas import AreaKind
from .organizations import OrganizationKind
from .records import FiguresKind, LoanKind, MemberKind, OcopKind

KINDS = {
    kind.name: kind
    for kind in (
        AreaKind(),
        OrganizationKind(),
        FiguresKind(),
        OcopKind(),
        LoanKind(),
        MemberKind(),
    )
}


def register_kind(kind) -> None:
    """Add ``kind`` (a ``Kind`` instance) under its name; the same name twice is an error."""
    existing = KINDS.get(kind.name)
    if existing is not None and type(existing) is not type(kind):
        raise ValueError(f"Two spreadsheet kinds are called {kind.name!r}.")
    KINDS[kind.name] = kind
