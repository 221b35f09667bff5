"""The registry's part of the home page (registered in ``CooperativesConfig.ready``)."""

import datetime
from collections import Counter

from django.core.cache import cache
from django.db.models import Count

from cooperatives.models import OcopProduct, Organization
from core import freshness

FEATURED_PRODUCTS = 6


def home_part(today: datetime.date) -> dict:
    """Organisations by kind, OCOP products by stars, and the best products.

    Counted once per day and registry version (shared through the cache): three scans of
    the registry took some 100-300 ms at national scale, on every home page that is not
    served whole from the page cache (signed-in people, the first visitor after a change).
    """
    key = f"home-registry:{today}:{freshness.version('registry')}"
    part = cache.get(key)
    if part is None:
        part = _home_part(today)
        cache.set(key, part, 3600)
    return part


def _home_part(today: datetime.date) -> dict:
    by_kind = dict(
        Organization.objects.existing_at(today)
        .filter(is_public=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    # Driven from the certificates valid today (a few thousand at national scale), not
    # from a join: the planner hash-joined all 100,000 organisations to them, twice
    # (40-55 ms each); their owners' visibility is then read by id.
    valid = list(
        OcopProduct.objects.valid_at(today).values_list(
            "pk", "stars", "certified_on", "organization_id", "photo"
        )
    )
    hidden = set(
        Organization.objects.filter(pk__in={row[3] for row in valid}, is_public=False)
        .order_by()
        .values_list("pk", flat=True)
    )
    shown = [row for row in valid if row[3] not in hidden]
    by_stars = Counter(row[1] for row in shown)
    # More stars first; among equals, those with a photo (the home page shows photo
    # cards), then the newest certificate, then the oldest record.
    best = sorted(
        (row for row in shown if row[1] >= 4),
        key=lambda r: (-r[1], not r[4], -r[2].toordinal(), r[0]),
    )[:FEATURED_PRODUCTS]
    chosen = OcopProduct.objects.select_related("organization").in_bulk([r[0] for r in best])
    products = [chosen[pk] for pk, *_ in best]
    return {
        "kinds": [(label, by_kind.get(value, 0)) for value, label in Organization.Kind.choices],
        "ocop_total": sum(by_stars.values()),
        "ocop_by_stars": [(stars, by_stars.get(stars, 0)) for stars in (5, 4, 3)],
        "products": products,
    }
