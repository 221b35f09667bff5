"""``{{ chart|svg_font:"Liberation Sans, sans-serif" }}``: a chart of core/charts.py with
its text in a named font (the PDF; pages leave the SVG's text in the page's font)."""

from django import template

register = template.Library()


@register.filter
def svg_font(chart, family: str):
    return chart.with_font(family)
