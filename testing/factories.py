"""Small builders for test data: explicit, with only the fields a test cares about."""

import datetime
import itertools

from cooperatives.models import Area, Figures, Location, OcopProduct, Organization, Sector

_codes = itertools.count(1)


def area(code, name, level=Area.Level.COMMUNE, parent=None, valid_from=None, valid_to=None):
    return Area.objects.create(
        code=code,
        name=name,
        level=level,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def sector(name="Nông nghiệp") -> Sector:
    return Sector.objects.get(name=name)


def organization(
    located_in=None,
    *,
    since=None,
    kind=Organization.Kind.HTX,
    founded_on=datetime.date(2015, 1, 1),
    name=None,
    sector_name="Nông nghiệp",
    **fields,
) -> Organization:
    number = next(_codes)
    org = Organization.objects.create(
        code=fields.pop("code", f"06{number:08d}"),
        name=name or f"HTX Thử nghiệm {number}",
        kind=kind,
        sector=sector(sector_name),
        founded_on=founded_on,
        **fields,
    )
    if located_in is not None:
        Location.objects.create(organization=org, area=located_in, valid_from=since or founded_on)
        org.refresh_from_db()
    return org


def figures(org, year=2023, months=6, **fields) -> Figures:
    return Figures.objects.create(organization=org, year=year, months=months, **fields)


def ocop(org, name="Gạo Tám xoan", stars=3, certified_on=datetime.date(2023, 3, 1), **fields):
    return OcopProduct.objects.create(
        organization=org,
        name=name,
        group=fields.pop("group", OcopProduct.Group.FOOD),
        stars=stars,
        certified_on=certified_on,
        **fields,
    )
