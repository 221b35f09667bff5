"""The galleries (/thu-vien/): photo albums and videos (issue 19)."""
