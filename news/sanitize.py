"""One HTML sanitiser for everything an editor writes, whichever way it arrives.

The rich-text editor produces these elements only; anything else (scripts, event
handlers, ``javascript:`` links, inline styles, iframes) is removed by nh3 on save.
"""

import nh3

TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "s", "u", "sub", "sup", "ul", "ol", "li",
    "blockquote", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"colspan", "rowspan"},
              "td": {"colspan", "rowspan"}}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

# What the editor's toolbar offers: the same elements as the sanitiser keeps.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


def clean_html(value: str | None) -> str:
    """Return ``value`` with only the allowed elements and attributes; "" when empty."""
    if not value:
        return ""
    cleaned = _cleaner.clean(value).strip()
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


def web_address(value: str | None) -> str:
    """``value`` if it is an http(s) address, else "" (no ``javascript:`` by any path)."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""
