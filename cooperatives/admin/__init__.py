"""The registry's admin, one module per concern; importing the package registers them all."""

from django.contrib import admin

from cooperatives.admin.base import install_labelled_autocomplete

from . import areas, collections, filings, organizations, records, users, worklists  # noqa: F401

# Every autocomplete of the admin asks its model admin for the text (areas: Area.label).
install_labelled_autocomplete(admin.site)
