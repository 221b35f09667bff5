"""The official dataset's default successor of a split commune, for the worklist.

``cooperatives.official_units`` reads it from the ``vietnamadminunits`` data set and
answers None where the package is absent. A staff page must open even if the data
cannot be read at all (a damaged install): then no successor is marked as the default,
and staff still choose among all of them.
"""

try:
    from cooperatives.official_units import default_successor_code as _official_default
except ImportError:  # a checkout without the module
    _official_default = None


def default_successor_code(old_code: str) -> str | None:
    """Return the code of the unit the dataset names as ``old_code``'s default, or None."""
    if _official_default is None:
        return None
    try:
        return _official_default(old_code)
    except Exception:  # unreadable data: mark nothing rather than fail the page
        return None
