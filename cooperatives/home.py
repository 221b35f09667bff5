"""The registry's part of the home page (registered in ``CooperativesConfig.ready``)."""

import datetime

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
    by_stars = dict(
        OcopProduct.objects.valid_at(today)
        .filter(organization__is_public=True)
        .values_list("stars")
        .annotate(n=Count("pk"))
        .values_list("stars", "n")
    )
    products = list(
        OcopProduct.objects.valid_at(today)
        .filter(organization__is_public=True, stars__gte=4)
        .select_related("organization")
        .order_by("-stars", "-certified_on", "pk")[:FEATURED_PRODUCTS]
    )
    return {
        "kinds": [(label, by_kind.get(value, 0)) for value, label in Organization.Kind.choices],
        "ocop_total": sum(by_stars.values()),
        "ocop_by_stars": [(stars, by_stars.get(stars, 0)) for stars in (5, 4, 3)],
        "products": products,
    }
