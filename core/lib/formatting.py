"""Numbers as Vietnamese readers write them: ``1.264``, ``2.312,5``, ``36,6%``, ``2,3 tỷ đồng``."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def _to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def vn_number(value, decimals: int = 0, strip_zero: bool = False, empty: str = "—") -> str:
    """Return ``value`` rounded half-up to ``decimals`` places with Vietnamese separators.

    ``strip_zero`` drops a fractional part that is all zeros (``80,0`` → ``80``).
    """
    number = _to_decimal(value)
    if number is None:
        return empty
    quantum = Decimal(1).scaleb(-decimals)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0"
    sign = "-" if number < 0 else ""
    integer, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = sign + ".".join(groups)
    if fraction and not (strip_zero and set(fraction) == {"0"}):
        text += "," + fraction
    return text


def vn_percent(value, empty: str = "—") -> str:
    """Return a share to one decimal, dropping a trailing ``,0``: ``36,6%``, ``80%``."""
    text = vn_number(value, 1, strip_zero=True, empty="")
    return f"{text}%" if text else empty


def vn_money(value, empty: str = "—") -> str:
    """Return an amount given in triệu đồng the way reports quote it.

    Below a thousand million it stays in ``triệu đồng`` (``850 triệu đồng``); from there on
    it reads in ``tỷ đồng`` to one decimal (``2,3 tỷ đồng``, ``98,4 tỷ đồng``).
    """
    number = _to_decimal(value)
    if number is None:
        return empty
    # Decide on the rounded amount, so that 999,95 reads "1 tỷ đồng", not "1.000 triệu".
    if abs(number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) >= 1000:
        return f"{vn_number(number / 1000, 1, strip_zero=True)} tỷ đồng"
    return f"{vn_number(number, 1, strip_zero=True)} triệu đồng"


def vn_million(value, empty: str = "—") -> str:
    """Return an amount in triệu đồng to one decimal: ``2.312,5 triệu đồng``."""
    number = _to_decimal(value)
    if number is None:
        return empty
    return f"{vn_number(number, 1, strip_zero=True)} triệu đồng"
