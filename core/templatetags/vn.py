"""Template filters for Vietnamese numbers and money: ``{{ value|vn_number:1 }}``, and
the reform date as pages write it: ``{% reform_date %}``."""

from django import template

from core.lib import formatting, reform

register = template.Library()


@register.filter
def vn_number(value, decimals=0):
    return formatting.vn_number(value, int(decimals))


@register.filter
def vn_percent(value):
    return formatting.vn_percent(value)


@register.filter
def vn_money(value):
    """An amount in triệu đồng, shown in triệu or tỷ đồng as reports quote it."""
    return formatting.vn_money(value)


@register.filter
def vn_million(value):
    return formatting.vn_million(value)


@register.simple_tag
def reform_date():
    """``01/07/2025``: the day of the 2025 reform (``core.lib.reform.REFORM_DATE``)."""
    return reform.REFORM_DATE_TEXT


@register.filter
def page_links(page):
    """The page numbers a pager links to, with "…" for the gaps (core/pagination.py)."""
    from core.pagination import page_links as links

    return links(page)
