"""Demonstration data for `make run`: the registry, reports and news of a real province."""
