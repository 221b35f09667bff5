"""The demo's OCOP products: each made by an HTX whose activity makes it (demo/ocop_catalogue.py),
those of ``FEATURED_OCOP`` by the HTX the articles are about, and what buyers read of them: a
description, a photo, a shop, a sales phone, places to buy online.

Buying details go only to products of organisations still active, and not to all of them,
so that the pages show a product without them too.
"""

import datetime
import math
from collections import Counter

from django.core.files.base import ContentFile
from django.utils.text import slugify

from cooperatives.models import OcopProduct
from cooperatives.services import store_ocop_photo
from core.lib.links import web_links
from core.lib.periods import add_months
from core.lib.text import fold, nfc
from demo.building.base import _BuilderBase, _columns, _named, _Record
from demo.data import FEATURED_OCOP, OCOP_COUNT, OCOP_PER_OWNER, D, Kind, Status
from demo.ocop_catalogue import KINDS, ProductKind
from demo.product_photos import photo_alt, photo_seed, product_photo

# A photo's fields and the endings of their files, as ``store_ocop_photo`` names them.
PHOTO_FILES = {
    "photo": ".jpg",
    "photo_list": "-list.webp",
    "photo_card": "-card.webp",
    "photo_large": "-article.webp",
}
SHOP_KINDS = ("Cửa hàng của HTX", "Trụ sở HTX", "Quầy giới thiệu sản phẩm")


class _Ocop(_BuilderBase):
    """OCOP products, with their buyers' details and photos."""

    def product(self, org, name: str, group: str, stars: int, certified) -> OcopProduct:
        rng = self.rng
        level = {5: "central", 4: "province"}.get(stars) or rng.choice(["province", "district"])
        number = f"{rng.randint(120, 3990)}/QĐ-{'TTg' if stars == 5 else 'UBND'}"
        product = OcopProduct(
            organization=org,
            group=group,
            stars=stars,
            level=level,
            certified_on=certified,
            decision_number=number,
        )
        product.expires_on = OcopProduct.default_expiry(certified)  # bulk_create skips save()
        return _named(product, name)

    def build_ocop(self) -> int:
        rng = self.rng
        kinds = {kind.name: kind for kind in KINDS}
        by_name = {r.org.name: r for r in self.records}
        made: list[tuple[_Record, OcopProduct, ProductKind, bool]] = []
        for owner, name, kind_name, stars, when in _columns(FEATURED_OCOP):
            record, kind = by_name[owner], kinds[kind_name]
            if when.startswith("in "):  # certified so as to expire that many days from today
                days = datetime.timedelta(days=int(when.split()[1]) + 1)
                certified = add_months(self.today + days, -36)
            else:
                certified = D.fromisoformat(when)
            made.append((record, self.product(record.org, name, kind.group, int(stars), certified),
                         kind, True))  # fmt: skip
        # The rest: a kind at random, the more often the more HTX make it (rice more than
        # bronze), made by an HTX of an activity that makes it.
        owners = [
            r for r in self.records if r.org.kind == Kind.HTX and r.org.founded_on.year < 2023
        ]
        makers = {kind.name: [r for r in owners if r.activity in kind.makers] for kind in KINDS}
        weights = [math.sqrt(len(makers[kind.name])) for kind in KINDS]
        names = {product.name for _, product, _, _ in made}
        held: Counter[int] = Counter()
        wanted, tries = len(made) + OCOP_COUNT, 0
        while len(made) < wanted:
            tries += 1
            if tries > 100 * OCOP_COUNT:
                raise AssertionError("too few HTX make the kinds of OCOP_COUNT products")
            kind = rng.choices(KINDS, weights)[0]
            pool = [r for r in makers[kind.name] if held[id(r)] < OCOP_PER_OWNER]
            if not pool:
                continue
            record = rng.choice(pool)
            name = kind.name.format(record.place)
            certified = self.day(max(D(2019, 1, 1), record.org.founded_on), D(2025, 10, 31))
            if name in names or not record.org.exists_at(certified):
                continue
            names.add(name)
            held[id(record)] += 1
            stars = rng.choices([3, 4, 5], [58, 39, 3])[0]
            made.append((record, self.product(record.org, name, kind.group, stars, certified),
                         kind, False))  # fmt: skip
        photos = []
        for record, product, kind, featured in made:
            product.description = nfc(kind.description)
            self.sell(product, record, kind, featured)
            if kind.picture and (featured or rng.random() < 0.85):
                photos.append((product, kind.picture))
        OcopProduct.objects.bulk_create([product for _, product, _, _ in made])
        self.store_photos(photos)
        return len(made)

    def sell(self, product: OcopProduct, record: _Record, kind: ProductKind, featured: bool):
        """Where and how a buyer gets ``product``: most active owners say, some online."""
        rng, org = self.rng, record.org
        if org.status != Status.ACTIVE or (not featured and rng.random() < 0.12):
            return
        if featured or rng.random() < 0.85:
            product.shop_address = nfc(self.shop(record, kind))
        if featured or rng.random() < 0.9:
            mobile = org.phone.startswith("09") and rng.random() < 0.6
            product.sales_phone = org.phone if mobile else f"09{rng.randint(0, 10**8 - 1):08d}"
        if kind.group != "tourism" and (featured or rng.random() < 0.4):
            product.buy_links = "\n".join(web_links("\n".join(self.links(product, record))))

    def shop(self, record: _Record, kind: ProductKind) -> str:
        """The owner's head office today, in the commune that took its own over."""
        head, *rest = record.org.address.split(", ")
        new = self.successor.get(record.commune.pk) if record.commune else None
        where = f"{new.name}, tỉnh Ninh Bình" if new else ", ".join(rest)
        what = "Điểm đón khách" if kind.group == "tourism" else self.rng.choice(SHOP_KINDS)
        return f"{what}, {head}, {where}"

    def links(self, product: OcopProduct, record: _Record) -> list[str]:
        """One to three invented pages on marketplaces Vietnamese cooperatives sell on."""
        rng = self.rng
        item, shop = slugify(fold(product.name)), slugify(fold(record.org.name))
        pages = [
            f"https://postmart.vn/san-pham/{item}-{rng.randint(10_000, 99_999)}",
            f"https://voso.vn/{item}-p{rng.randint(100_000, 999_999)}",
            f"https://shopee.vn/{item}-i.{rng.randint(10**8, 10**9 - 1)}"
            f".{rng.randint(10**9, 10**10 - 1)}",
            f"https://www.facebook.com/{shop.replace('-', '')}",
        ]
        return rng.sample(pages, rng.randint(1, 3))

    def store_photos(self, photos: list[tuple[OcopProduct, str]]) -> None:
        """Give each product its picture, cleaned and sized by ``store_ocop_photo``.

        A picture is drawn, cleaned and sized once, for the first product showing it (some
        0.15 s of image encoding); the others get files of their own with the same bytes.
        """
        done: dict[str, dict[str, bytes]] = {}
        copies = []
        for product, picture in photos:
            product.photo_alt = photo_alt(picture, product.name)
            stem = slugify(product.name_folded)[:60] or "san-pham"
            if picture not in done:
                upload = ContentFile(product_photo(picture, photo_seed(picture)), f"{stem}.jpg")
                product.skip_history_when_saving = True  # load_demo writes the first entry
                try:
                    store_ocop_photo(product=product, upload=upload)
                finally:
                    del product.skip_history_when_saving
                done[picture] = {field: _read(getattr(product, field)) for field in PHOTO_FILES}
                continue
            for field, ending in PHOTO_FILES.items():
                content = ContentFile(done[picture][field])
                getattr(product, field).save(f"{stem}{ending}", content, save=False)
            copies.append(product)
        OcopProduct.objects.bulk_update(copies, [*PHOTO_FILES, "photo_alt"], batch_size=500)


def _read(stored) -> bytes:
    with stored.open("rb") as file:
        return file.read()
