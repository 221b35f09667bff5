"""``{% staff_home_blocks as blocks %}``: the staff home's blocks for this request."""

from django import template

from core import staff_home

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_home_blocks(context):
    return staff_home.blocks(context["request"])
