"""Template filters for Vietnamese numbers and money: ``{{ value|vn_number:1 }}``."""

from django import template

from core.lib import formatting

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
