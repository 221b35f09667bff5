"""The official dataset's default successor of a split commune, where it can be read.

``cooperatives.official_units`` (``vietnamadminunits``' ``isDefaultNewWard``) may be
missing from this checkout, or the package from this environment: then no successor is
marked as the default, and staff still choose among all of them.
"""

try:
    from cooperatives.official_units import default_successor_code as _official_default
except ImportError:  # the module is not in this checkout yet
    _official_default = None


def default_successor_code(old_code: str) -> str | None:
    """Return the code of the unit the dataset names as ``old_code``'s default, or None."""
    if _official_default is None:
        return None
    try:
        return _official_default(old_code)
    except Exception:  # a worklist must open even if the dataset cannot be read
        return None
