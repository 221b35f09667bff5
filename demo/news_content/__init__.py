"""Demonstration articles for the news section: pure data, no Django imports.

``SEED_ARTICLES`` are five real articles from provincial cooperative alliances' and newspapers'
websites (in the order of the seed files 000–004), cleaned of site chrome (menus, banners,
visit counters, footers, related-article lists) and image placeholders; photo captions are
dropped. Their text is otherwise verbatim, except that letters lost in the extraction of seed
004 are restored and the all-capitals heading of seed 003 is written in sentence case. The lead
(sapo) is kept in ``lead`` and not repeated in ``body``.

``EXTRA_ARTICLES`` are 22 invented articles in the same register about the alliance's work,
dated 2024-01 to 2026-11. Those after 01/07/2025 speak of tỉnh Ninh Bình (mới) and of communes
and wards, the districts having been abolished. Officials appear only by their roles; the
cooperatives named in them are invented, and the demo registry has them (``demo.data.FEATURED``,
in the commune and the trade the article gives).

Every article is a dict with the keys ``title``, ``lead``, ``body`` and ``highlight`` (HTML
limited to p, h2, h3, strong, em, ul, ol, li, blockquote and a href="https://..."), ``author``,
``source_name``, ``source_url`` ("" for the alliance's own articles), ``category`` (a key of
``CATEGORIES``), ``tags`` (2–4 strings), ``published`` ("YYYY-MM-DD HH:MM", local time) and
``featured`` (three articles in all); an article about particular organisations of the demo
registry also has ``organizations``, their names, which its text mentions. All text is NFC.

The articles live in one module each by source and period: ``seed`` (the five real articles),
``before_merger`` (the alliance's own, 2024-01 to 06/2025) and ``after_merger`` (from 07/2025).
"""

from demo.news_content.after_merger import AFTER_MERGER
from demo.news_content.before_merger import BEFORE_MERGER
from demo.news_content.seed import SEED_ARTICLES

CATEGORIES: dict[str, str] = {
    "tin-tuc-su-kien": "Tin tức - Sự kiện",
    "chinh-sach-phap-luat": "Chính sách - Pháp luật",
    "guong-htx-dien-hinh": "Gương HTX điển hình",
    "xuc-tien-thuong-mai": "Xúc tiến thương mại",
    "thong-bao": "Thông báo",
}

# Articles of the alliance itself, oldest first.
EXTRA_ARTICLES: list[dict] = BEFORE_MERGER + AFTER_MERGER

__all__ = ["CATEGORIES", "EXTRA_ARTICLES", "SEED_ARTICLES"]
