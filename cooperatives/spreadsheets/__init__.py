"""Spreadsheet import and export of every record kind of docs/interfaces.md §1.

One code path serves the admin, the command line and the tests: ``read_table`` turns
an uploaded file into rows, ``cells`` parses values the Vietnamese way, each kind in
``kinds`` declares its columns and how rows become records, and ``engine`` validates a
whole file before writing anything, then writes it in bulk inside one transaction.
"""
