"""Public pages of the registry: the directory, an organisation, the OCOP catalogue and
one product's page.

Only organisations marked public appear, and only what their public page may show:
never the member register, ID numbers or the representative's name, and contacts only
as ``privacy.public_contacts`` allows (no personal phone or email).
"""

import json

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cooperatives import public
from cooperatives.models import Figures, OcopProduct, Organization
from cooperatives.privacy import public_contacts
from core import freshness
from core.pagination import page_or_redirect

PAGE_SIZE = 20
# What a directory row shows (templates/cooperatives/directory.html, public.for_listing):
# the other twenty columns of each row were read and converted for nothing.
LISTED_FIELDS = ("code", "name", "kind", "status", "area_id", "sector__name")


class CachedCountPaginator(Paginator):
    """Counts a filtered list once per data version, not on every page view."""

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        total = cache.get(self.count_key)
        if total is None:
            total = self.object_list.count()
            cache.set(self.count_key, total, 600)
        return total


def directory(request):
    """/hop-tac-xa/: every public organisation, searched, filtered, sorted and paged."""
    today = timezone.localdate()
    form = public.DirectoryFilters(request.GET)
    organizations = Organization.objects.filter(is_public=True)
    chosen = form.chosen()
    if chosen.get("kind"):
        organizations = organizations.filter(kind=chosen["kind"])
    if chosen.get("sector"):
        organizations = organizations.filter(sector_id=chosen["sector"].pk)
    if chosen.get("status"):
        organizations = organizations.filter(status=chosen["status"])
    if chosen.get("member"):
        organizations = organizations.filter(is_alliance_member=chosen["member"] == "co")
    if chosen.get("stars"):
        valid = OcopProduct.objects.valid_at(today).filter(
            organization=OuterRef("pk"), stars__gte=chosen["stars"]
        )
        organizations = organizations.filter(Exists(valid))
    area = chosen.get("area")
    if area is not None:
        organizations = public.in_area(organizations, area, today)
    query = chosen.get("q", "")
    key = f"directory-count:{freshness.version('registry')}:{today}:{form.signature()}"

    def memo(name: str, compute):
        # What a step of the search found (the matches counted, the ids of whole-word
        # matches) is kept for the page and the next visitors, per data version.
        step_key = f"{key}:{name}"
        value = cache.get(step_key)
        if value is None:
            value = compute()
            cache.set(step_key, value, 600)
        return value

    organizations, how = public.search(organizations, query, memo=memo)
    fuzzy = how == "fuzzy"
    sort = chosen.get("sort") or ("" if fuzzy else public.DEFAULT_SORT)
    if sort:
        organizations = organizations.order_by(*public.DIRECTORY_SORTS[sort][1])
    organizations = organizations.select_related("sector").only(*LISTED_FIELDS)
    paginator = CachedCountPaginator(organizations, PAGE_SIZE, count_key=f"{key}:count-{how}")
    page, elsewhere = page_or_redirect(request, paginator)
    if elsewhere is not None:
        return elsewhere
    context = {
        "form": form,
        "page": page,
        "organizations": public.for_listing(list(page.object_list), today),
        "query": query,
        "fuzzy": fuzzy,
        "sort": sort or public.DEFAULT_SORT,
        "querystring": form.querystring(),
        "filtered": bool(chosen),
        # The filters besides the search words: folded behind "Lọc" on a phone, open
        # when one of them is chosen.
        "more_filters": bool(set(chosen) - {"q"}),
    }
    return render(request, "cooperatives/directory.html", context)


def organization_page(request, code: str):
    """/hop-tac-xa/<code>/: one public organisation; anything else is 404."""
    org = get_object_or_404(
        Organization.objects.select_related("sector"),
        code=code,
        is_public=True,
    )
    today = timezone.localdate()
    place = public.place_of(org.area_id, today)
    products = list(org.ocop_products.order_by("-stars", "name"))
    figures = list(
        Figures.objects.filter(organization=org, months=12, state=Figures.State.APPROVED).order_by(
            "year"
        )
    )
    # Articles about the organisation, through the news's reverse relation ("articles"):
    # the registry does not import the news (docs/architecture.md).
    related = getattr(org, "articles", None)
    articles = list(related.published().listed()[:6]) if related is not None else []
    # The library's documents about it (issue 19), by the same kind of reverse relation.
    named_in = getattr(org, "documents", None)
    documents = (
        list(named_in.published().only("slug", "doc_type", "number", "summary")[:10])
        if named_in is not None
        else []
    )
    context = {
        "org": org,
        "contacts": public_contacts(org),
        "place": place,
        "products": [(p, p.is_valid_on(today)) for p in products],
        "figures": [public.FigureRow.of(f) for f in figures],
        "chart": public.figures_chart(figures),
        "articles": articles,
        "documents": documents,
        "today": today,
    }
    return render(request, "cooperatives/organization.html", context)


def ocop_catalogue(request):
    """/san-pham-ocop/: certified products; expired ones are marked, never shown as valid."""
    today = timezone.localdate()
    form = public.OcopFilters(request.GET)
    chosen = form.chosen()
    products = OcopProduct.objects.filter(organization__is_public=True)
    if chosen.get("stars"):
        products = products.filter(stars=chosen["stars"])
    if chosen.get("group"):
        products = products.filter(group=chosen["group"])
    if chosen.get("area") is not None:
        owners = public.in_area(
            Organization.objects.filter(is_public=True), chosen["area"], today
        ).values("pk")
        products = products.filter(organization__in=owners)
    if chosen.get("q"):
        for word in public.fold_words(chosen["q"]):
            products = products.filter(name_folded__contains=word)
    if chosen.get("expired") != "co":
        products = products.valid_at(today)
    products = products.select_related("organization").order_by("-stars", "name_folded", "pk")
    key = f"ocop-count:{freshness.version('registry')}:{today}:{form.signature()}"
    paginator = CachedCountPaginator(products, 24, count_key=key)
    page, elsewhere = page_or_redirect(request, paginator)
    if elsewhere is not None:
        return elsewhere
    context = {
        "form": form,
        "page": page,
        "products": [(p, p.is_valid_on(today)) for p in page.object_list],
        "querystring": form.querystring(),
        "more_filters": bool(set(chosen) - {"q"}),
        "today": today,
    }
    return render(request, "cooperatives/ocop.html", context)


# What may not appear raw inside a <script> element (as django.utils.html.json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def product_data(request, product: OcopProduct, valid: bool) -> str:
    """The product as schema.org ``Product`` (JSON-LD) for search engines."""
    page = request.build_absolute_uri(product.get_absolute_url())
    owner = product.organization
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "url": page,
        "category": product.get_group_display(),
        "brand": {"@type": "Brand", "name": owner.name},
        "manufacturer": {
            "@type": "Organization",
            "name": owner.name,
            "url": request.build_absolute_uri(owner.get_absolute_url()),
        },
    }
    if product.description:
        data["description"] = product.description
    if product.photo_large:
        data["image"] = request.build_absolute_uri(product.photo_large.url)
    if valid:
        data["award"] = (
            f"Sản phẩm OCOP {product.stars} sao, công nhận ngày {product.certified_on:%d/%m/%Y}"
        )
    links = [link for link, _ in product.links()]
    if links:
        data["offers"] = [
            {"@type": "Offer", "url": link, "availability": "https://schema.org/InStock"}
            for link in links
        ]
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def ocop_product(request, pk: int, slug: str = ""):
    """/san-pham-ocop/<id>/<slug>/: one product of a public organisation."""
    product = get_object_or_404(
        OcopProduct.objects.select_related("organization", "organization__sector"),
        pk=pk,
        organization__is_public=True,
    )
    if slug != product.slug:
        return redirect(product, permanent=True)
    today = timezone.localdate()
    owner = product.organization
    valid = product.is_valid_on(today)
    others = list(
        owner.ocop_products.exclude(pk=product.pk).valid_at(today).order_by("-stars", "name")[:4]
    )
    context = {
        "product": product,
        "valid": valid,
        "org": owner,
        "contacts": public_contacts(owner),
        "place": public.place_of(owner.area_id, today),
        "links": product.links(),
        "others": [(p, True) for p in others],
        "structured_data": product_data(request, product, valid),
        "today": today,
    }
    return render(request, "cooperatives/ocop_product.html", context)
