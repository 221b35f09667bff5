"""Write one benchmark's section of docs/performance.md, leaving the other sections as
they are (each bench owns the section that starts with its heading)."""

from pathlib import Path


def replace_section(doc: Path, heading: str, body: str) -> None:
    """Put ``body`` (which starts with ``heading``) in place of that section, or append it."""
    text = doc.read_text() if doc.exists() else "# Performance\n\n"
    before, found, rest = text.partition(heading)
    after = ""
    if found:
        _, nxt, tail = rest.partition("\n## ")
        after = "\n## " + tail if nxt else ""
    before = before.rstrip("\n") + "\n\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(before + body + after)
