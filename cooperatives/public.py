"""Helpers of the public registry pages: filters, search, places and the figures chart."""

import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlencode

from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.choices import normalize_choices

from cooperatives.area_refs import AreaReferenceError, parse_reference, resolve_reference
from cooperatives.models import (
    Area,
    AreaMap,
    Figures,
    Location,
    OcopProduct,
    Organization,
    Sector,
    validity_text,
)
from core.charts import Chart, Series, year_chart
from core.forms import FastSelect
from core.lib.formatting import vn_number
from core.lib.reform import LAST_OLD_DAY, REFORM_DATE_TEXT
from core.lib.text import fold

# Words that name the kind of organisation: searching "hop tac xa phu van" means the
# organisation "Phù Vân", whatever its name says for "hợp tác xã".
KIND_WORDS = ["hop tac xa", "htx", "lien hiep", "lhhtx", "to hop tac", "tht",
              "quy tin dung nhan dan", "quy tin dung", "qtdnd"]  # fmt: skip


def fold_words(text: str) -> list[str]:
    return fold(text)[:100].split()


KIND_OF_WORDS = {"hop tac xa": "htx", "htx": "htx", "lien hiep": "union", "lhhtx": "union",
                 "to hop tac": "group", "tht": "group", "quy tin dung nhan dan": "credit_fund",
                 "quy tin dung": "credit_fund", "qtdnd": "credit_fund"}  # fmt: skip


def search_words(text: str) -> tuple[list[str], str | None]:
    """The words to find, and the kind the query names if it names only a kind."""
    folded = f" {fold(text)[:100]} "
    kinds = set()
    for phrase in KIND_WORDS:
        if f" {phrase} " in folded:
            kinds.add(KIND_OF_WORDS[phrase])
            folded = folded.replace(f" {phrase} ", " ")
    words = folded.split()
    return words, (kinds.pop() if not words and len(kinds) == 1 else None)


# How many names a typo search ranks at most: ten pages of the directory.
FUZZY_CANDIDATES = 200
# The word similarity a typo search asks of a name: pg_trgm's own default for %>, met by
# a missing letter or mark ("nghia hng", "phu vn": 0.7-0.8) but not by a shared syllable.
FUZZY_THRESHOLD = 0.6


# Whole words are told from parts of words in Python, among the names that hold every
# word somewhere (read from the trigram index): up to this many. A query held by more
# names than this (two letters, a common word nationally) lists them all, as before.
WHOLE_WORDS_AMONG = 20_000


def _whole_words(words: list[str]):
    """A test of a folded name: does it hold every word as a whole word?"""
    patterns = [re.compile(rf"(?:^|[^a-z0-9]){re.escape(word)}(?:[^a-z0-9]|$)") for word in words]
    return lambda name: all(pattern.search(name) for pattern in patterns)


# Elsewhere than on PostgreSQL (the quick start's SQLite): how close a name must come to
# a query that nothing matches, by rapidfuzz's partial ratio (0-100: the best alignment of
# the query with a part of the name), about what pg_trgm's word similarity of 0.6 lets
# through: "phu vna" → "… phu van" 86, "nghim" → "… nghiep …" 80, another word 40-60.
FUZZY_SCORE = 75


def _nearest_names(queryset, text: str, memo):
    """The names nearest a query that nothing matches, without pg_trgm: ranked in Python
    by rapidfuzz over the folded names (the first FUZZY_CANDIDATES over FUZZY_SCORE)."""
    from django.db.models import Case, IntegerField, Value, When
    from rapidfuzz import fuzz, process

    def nearest():
        names = dict(queryset.order_by().values_list("pk", "name_folded").iterator())
        ranked = process.extract(
            text, names, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_SCORE,
            limit=FUZZY_CANDIDATES,
        )  # fmt: skip
        return [pk for _, _, pk in sorted(ranked, key=lambda item: (-item[1], item[0]))]

    ids = memo("nearest", nearest)
    rank = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)),
                output_field=IntegerField())  # fmt: skip
    return queryset.filter(pk__in=ids).order_by(rank) if ids else queryset.none()


def search(queryset, text: str, *, memo=None):
    """Return (matching organisations, how they match: "", "whole", "part" or "fuzzy").

    Every word must appear in the name, without marks (``phu van`` finds ``Phù Vân``):
    as whole words first ("tra lu" finds "Trà Lũ", not every "thị trấn" and "lúa"), and
    only when no name has them all as whole words, inside longer words. A code is matched
    from its start. When nothing matches, the names nearest the query are ranked (at most
    FUZZY_CANDIDATES), so a typo still finds the organisation: on PostgreSQL by trigram
    word similarity, elsewhere by rapidfuzz (``_nearest_names``). ``memo(name, compute)``
    keeps what a step found (the directory keeps it per data version in the cache); by
    default each is computed.
    """
    memo = memo or (lambda name, compute: compute())
    words, kind = search_words(text)
    if kind:  # "quy tin dung": the credit funds
        return queryset.filter(kind=kind), ""
    if not words:
        return queryset, ""
    if len(words) == 1 and words[0].isdigit():
        return queryset.filter(Q(code__startswith=words[0]) | Q(tax_code=words[0])), ""
    exact = queryset
    for word in words:
        exact = exact.filter(name_folded__contains=word)
    found = memo("part", exact.count)
    if 0 < found <= WHOLE_WORDS_AMONG:

        def whole_ids():
            is_whole = _whole_words(words)
            names = exact.order_by().values_list("pk", "name_folded")
            return [pk for pk, name in names.iterator(chunk_size=5000) if is_whole(name)]

        ids = memo("whole", whole_ids)
        if ids:
            return queryset.filter(pk__in=ids), "whole"
    if found:
        return exact, "part"
    if connection.vendor != "postgresql":
        return _nearest_names(queryset, " ".join(words), memo), "fuzzy"
    from django.contrib.postgres.search import TrigramWordSimilarity

    # Candidates: the first FUZZY_CANDIDATES names whose word similarity to the query
    # passes pg_trgm's threshold (``%>``, 0.6 by default: FUZZY_THRESHOLD), read from a
    # trigram index without sorting; only those are ranked. At national scale a typo of
    # a common word ("nghim": every "nông nghiệp") passes for every name: sorting them
    # all took 0.5 s, and a nearest-first walk of the GiST index 0.65 s when the names
    # are alike; the first 200 take a few milliseconds whatever the names.
    text = " ".join(words)
    candidates = queryset.filter(name_folded__trigram_word_similar=text).order_by().values("pk")
    similar = (
        queryset.filter(pk__in=candidates[:FUZZY_CANDIDATES])
        .annotate(similarity=TrigramWordSimilarity(text, "name_folded"))
        .filter(similarity__gte=FUZZY_THRESHOLD)
        .order_by("-similarity", "name_folded")
    )
    return similar, "fuzzy"


def portal_areas(area_map: AreaMap) -> list[int]:
    """The province of this portal, the provinces that took it over and the provinces
    merged with it, with all below.

    Every unit that ever had the portal's province code counts: the reform reused
    codes (37 is the old and the new Tỉnh Ninh Bình), and the portal serves both.
    """
    rows = area_map.rows
    roots = {pk for pk, row in rows.items() if row[0] == settings.PROVINCE_CODE}
    if not roots:
        return []
    stack = list(roots)
    while stack:
        for successor in area_map.successors.get(stack.pop(), []):
            top = area_map.ancestors(successor)[-1]
            if top not in roots:
                roots.add(top)
                stack.append(top)
    # And the other provinces merged into the same new one (old Hà Nam and Ninh Bình
    # for the alliance of old Nam Định): the portal serves the whole new territory.
    roots |= {pk for pk in area_map.reaching(roots) if rows[pk][2] == Area.Level.PROVINCE}
    found = set()
    for root in roots:
        found |= area_map.subtree(root)
    return sorted(found, key=lambda pk: rows[pk][0])


def place_of(area_id: int | None, day, area_map: AreaMap | None = None) -> dict:
    """Where an organisation is today, and where it was recorded if the reform moved it."""
    if area_id is None:
        return {"current": "", "former": ""}
    area_map = area_map or AreaMap.current()
    if area_id not in area_map.bounds:
        # A unit created a moment ago in another process: this one reads the registry's
        # version at most once per DATA_VERSION_TTL, so its cached tree may not have the
        # unit yet. A fresh tree, for this answer only, rather than a missing place.
        area_map = AreaMap()
    resolved = area_map.resolve(area_id, day)
    if resolved is None:
        # An old unit's name may be another unit's today: say when it ended.
        valid_to = area_map.bounds[area_id][1]
        until = f"{valid_to:%d/%m/%Y}" if valid_to else ""
        return {"current": area_map.chain(area_id), "former": "", "gone": True, "until": until}
    if resolved == area_id:
        return {"current": area_map.chain(area_id), "former": ""}
    return {"current": area_map.chain(resolved), "former": area_map.chain(area_id)}


def with_places(organizations: list, day) -> list:
    area_map = AreaMap.current()
    for org in organizations:
        org.place = place_of(org.area_id, day, area_map)
    return organizations


URL_SAFE = "!$&'()*+,;=/~:@"  # django.urls.resolvers: RFC 3986's sub-delimiters and more


class Row(dict):
    """A listed organisation as its template reads it: a dict, whose keys a template finds
    at its first try (an attribute is looked up only after a failed item lookup, an
    exception each time), and which code reads as attributes."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def for_listing(organizations: list, day) -> list[Row]:
    """The directory's rows: each organisation's address, name, code, labels and place.

    ``get_absolute_url`` and ``get_…_display`` cost a URL reversal and two translations per
    row, a third of the list's rendering; the organisation's own attributes cost the
    template an exception each."""
    kinds = {value: str(label) for value, label in Organization.Kind.choices}
    statuses = {value: str(label) for value, label in Organization.Status.choices}
    first = reverse("cooperatives:organization", args=["0"])
    prefix = first.removesuffix("0/")
    return [
        Row(
            url=f"{prefix}{quote(org.code, safe=URL_SAFE)}/",  # as reverse() quotes
            name=org.name,
            code=org.code,
            kind_label=kinds.get(org.kind, org.kind),
            sector_name=org.sector.name,
            status=org.status,
            status_label=statuses.get(org.status, org.status),
            place={"gone": False, "until": "", **org.place},  # no key a template misses
        )
        for org in with_places(organizations, day)
    ]


def in_area(queryset, area: Area, day):
    """Organisations in ``area``: today for a unit that exists, else at its last day."""
    area_map = AreaMap.current()
    when = day if area.exists_at(day) else area.valid_to
    if when is None or area.pk not in area_map.bounds:  # not started yet, or just made
        return queryset.none()
    raw = area_map.raw_ids_in(area.pk, when)
    if when == day:
        return queryset.filter(area_id__in=raw)
    located = Location.objects.filter(area_id__in=raw).values("organization_id")
    return queryset.filter(pk__in=located).with_location_at(when).filter(location_area_id__in=raw)


class AreaChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=self.area_choices, required=False, **kwargs)

    @staticmethod
    def area_choices():
        """Units of this portal as a tree: today's, then the ones the reform ended.

        Each unit follows its parent; old communes name their district, as two may
        share a name. Units that have not started yet are left out. A code two units
        have had is shown with each unit's code and dates, and the choice's value names
        the unit: its bare code if it exists today, else ``CODE@its last day``
        (``14011@30-06-2025``; ``cooperatives.area_refs``).
        """
        area_map = AreaMap.current()
        today = timezone.localdate()
        memo = area_map.memo.get("area_choices")  # (day, choices)
        if memo is not None and memo[0] == today:
            return memo[1]
        rows = area_map.rows
        wanted = set(portal_areas(area_map))
        current, former = [], []
        units_of_code: dict[str, int] = {}
        for pk in wanted:
            code = rows[pk][0]
            units_of_code[code] = units_of_code.get(code, 0) + 1

        def visit(pk: int, depth: int) -> None:
            code, name, level = rows[pk]
            valid_from, valid_to = area_map.bounds[pk]
            parent = area_map.parent.get(pk)
            label = "\u00a0\u00a0" * depth + name
            if valid_to is not None and valid_to < today:
                if level == Area.Level.COMMUNE and parent in rows:
                    label += f" ({rows[parent][1]})"
                if units_of_code[code] > 1:
                    label += f" · {code} · {validity_text(valid_from, valid_to)}"
                former.append((f"{code}@{valid_to:%d-%m-%Y}", label))
            elif valid_from is None or valid_from <= today:
                if units_of_code[code] > 1:
                    label += f" · {code} · {validity_text(valid_from, valid_to)}"
                current.append((code, label))
            children = sorted(area_map.children.get(pk, []), key=lambda c: rows[c][1])
            for child in children:
                if child in wanted:
                    visit(child, depth + 1)

        for root in sorted(pk for pk in wanted if area_map.parent.get(pk) not in wanted):
            visit(root, 0)
        choices = [("", "Tất cả địa bàn"), ("Hiện nay", current),
                   (f"Trước {REFORM_DATE_TEXT}", former)]  # fmt: skip
        area_map.memo["area_choices"] = (today, choices)
        return choices

    def valid_value(self, value) -> bool:
        """Any well-formed reference: a link may name a unit the list no longer offers
        (or one of a code the list shows under another value); ``to_area`` decides."""
        try:
            parse_reference(str(value))
        except AreaReferenceError:
            return False
        return True

    def to_area(self, reference: str) -> Area | None:
        """The unit a filter value names: ``CODE@dd-mm-yyyy`` on that day, a bare code
        today, or (links made before the reform) the day before the reform."""
        if not reference:
            return None
        today = timezone.localdate()
        try:
            return resolve_reference(reference, today)
        except AreaReferenceError:
            pass
        code, day = parse_reference(reference)
        if day is None:
            return Area.objects.with_code_on(code, LAST_OLD_DAY)
        return None


# The directory's orders, the one list: the value in links, the label the form offers and
# the ordering. The view orders by it, the cache key accepts its values (cooperatives.urls)
# and the form's "Sắp xếp" shows its labels.
DIRECTORY_SORTS = {
    "ten": ("Tên (A–Z)", ("name_folded", "pk")),
    "moi": ("Thành lập gần đây nhất", ("-founded_on", "-pk")),
    "cu": ("Thành lập lâu nhất", ("founded_on", "pk")),
    "ma": ("Mã số", ("code",)),
}
DEFAULT_SORT = "ten"


class PublicFilters(forms.Form):
    """GET filters that never fail: a wrong value in a bookmarked link is ignored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same lists, rendered without templates. Those read from the registry (the
        # sectors, the units) are read and rendered once per registry version and day,
        # in the area map's memo, which lives exactly as long (an uncached search
        # rendered them on every request: 2 ms of its 15).
        area_map, today = AreaMap.current(), timezone.localdate()
        for name, field in self.fields.items():
            if type(field.widget) is not forms.Select:
                continue
            if not isinstance(field, forms.ModelChoiceField | AreaChoiceField):
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.choices)
                continue
            memo, key = area_map.memo, (type(self).__name__, name, today)
            field.widget = widget = FastSelect(attrs=field.widget.attrs, memo=memo, memo_key=key)
            choices = memo.get(("choices", key))
            if choices is None:
                choices = memo[("choices", key)] = normalize_choices(list(field.choices))
            # Set as they are: Django normalises a list again on every assignment, and
            # iterates a callable's afresh on every use (the area list: 0.6 ms a render).
            widget._choices = choices

    def chosen(self) -> dict:
        if not hasattr(self, "_chosen"):
            self.is_valid()
            values = {
                name: value
                for name, value in getattr(self, "cleaned_data", {}).items()
                if value not in (None, "", [])
            }
            if "area" in values:
                values["area"] = self.fields["area"].to_area(values["area"])
                if values["area"] is None:
                    del values["area"]
            self._chosen = values
        return self._chosen

    def signature(self) -> str:
        chosen = self.chosen()
        return urlencode(sorted((k, str(getattr(v, "pk", getattr(v, "code", v))))
                                for k, v in chosen.items()))  # fmt: skip

    def querystring(self) -> str:
        """The filters as a query string, for page links (without ``page``)."""
        pairs = []
        for name in self.fields:
            value = self.data.get(name)
            if value:
                pairs.append((name, value[:100]))
        return urlencode(pairs)

    def full_clean(self):
        super().full_clean()
        if self.cleaned_data.get("q"):
            self.cleaned_data["q"] = self.cleaned_data["q"][:100]
        for name in list(self.errors):  # drop the invalid ones, keep the rest
            self.cleaned_data.pop(name, None)
        self._errors = forms.utils.ErrorDict()


class DirectoryFilters(PublicFilters):
    q = forms.CharField(label="Tên hoặc mã số", required=False)
    kind = forms.ChoiceField(
        label="Loại hình", required=False,
        choices=[("", "Tất cả loại hình"), *Organization.Kind.choices],
    )  # fmt: skip
    sector = forms.ModelChoiceField(
        label="Lĩnh vực", required=False, queryset=Sector.objects.all(),
        empty_label="Tất cả lĩnh vực",
    )  # fmt: skip
    area = AreaChoiceField(label="Địa bàn")
    status = forms.ChoiceField(
        label="Tình trạng", required=False,
        choices=[("", "Mọi tình trạng"), *Organization.Status.choices],
    )  # fmt: skip
    stars = forms.TypedChoiceField(
        label="Sản phẩm OCOP", required=False, coerce=int, empty_value=None,
        choices=[("", "Không lọc"), (3, "Có sản phẩm từ 3 sao"), (4, "Có sản phẩm từ 4 sao"),
                 (5, "Có sản phẩm 5 sao")],
    )  # fmt: skip
    member = forms.ChoiceField(
        label="Thành viên Liên minh", required=False,
        choices=[("", "Không lọc"), ("co", "Là thành viên"), ("khong", "Không phải thành viên")],
    )  # fmt: skip
    sort = forms.ChoiceField(
        label="Sắp xếp", required=False,
        choices=[("", "Mặc định"),
                 *[(value, label) for value, (label, _) in DIRECTORY_SORTS.items()]],
    )  # fmt: skip


class OcopFilters(PublicFilters):
    q = forms.CharField(label="Tên sản phẩm", required=False)
    stars = forms.TypedChoiceField(
        label="Số sao", required=False, coerce=int, empty_value=None,
        choices=[("", "Mọi hạng sao"), (5, "5 sao"), (4, "4 sao"), (3, "3 sao")],
    )  # fmt: skip
    group = forms.ChoiceField(
        label="Nhóm sản phẩm", required=False,
        choices=[("", "Mọi nhóm"), *OcopProduct.Group.choices],
    )  # fmt: skip
    area = AreaChoiceField(label="Địa bàn")
    expired = forms.ChoiceField(
        label="Chứng nhận", required=False,
        choices=[("", "Còn hiệu lực"), ("co", "Gồm cả sản phẩm đã hết hạn")],
    )  # fmt: skip


REVENUE_BANDS = [
    (Decimal(500), "Dưới 500 triệu đồng"),
    (Decimal(1000), "Từ 500 triệu đến 1 tỷ đồng"),
    (Decimal(5000), "Từ 1 đến 5 tỷ đồng"),
    (Decimal(10000), "Từ 5 đến 10 tỷ đồng"),
]


def revenue_band(revenue) -> str:
    """Public pages show a band, not the figure the cooperative reported."""
    if revenue is None:
        return "—"
    for ceiling, label in REVENUE_BANDS:
        if revenue < ceiling:
            return label
    return "Trên 10 tỷ đồng"


@dataclass
class FigureRow:
    year: int
    members: str
    workers: str
    revenue: str

    @classmethod
    def of(cls, figures: Figures) -> "FigureRow":
        def number(value):
            return "—" if value is None else vn_number(value)

        return cls(figures.year, number(figures.members), number(figures.workers),
                   revenue_band(figures.revenue))  # fmt: skip


FIGURES_SERIES = (Series("Thành viên", "thành viên"), Series("Lao động thường xuyên", "lao động"))


def figures_chart(figures: list) -> Chart | None:
    """Members and workers by year as columns, every year from the first to the last with
    approved figures (a year between without any keeps its place, marked)."""
    if not figures:
        return None
    return year_chart(
        "Số thành viên và lao động theo năm",
        {f.year: (f.members, f.workers) for f in figures},
        FIGURES_SERIES,
    )
