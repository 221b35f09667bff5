"""Every record kind, by the name the commands and addresses use."""

from .records import FiguresKind, LoanKind, MemberKind, OcopKind, TargetKind
from .registry import AreaKind, OrganizationKind

KINDS = {
    kind.name: kind
    for kind in (
        AreaKind(),
        OrganizationKind(),
        FiguresKind(),
        OcopKind(),
        TargetKind(),
        LoanKind(),
        MemberKind(),
    )
}


def get_kind(name: str):
    """Return the kind called ``name``; raise KeyError with the valid names."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(
            f"Không có loại dữ liệu “{name}”. Chọn một trong: {', '.join(KINDS)}."
        ) from None
