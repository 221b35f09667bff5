"""Reading the spreadsheets clerks make (.xlsx, .xls, .ods, .csv), for any app's import:
``tables.read_table`` (title lines above the header found and passed over), the cell
parsers of ``cells`` (Vietnamese numbers and dates), and the limits that keep a hostile
file from using up memory (``limits``, ``other_formats``)."""
