"""Readers' questions (/hoi-dap/) and moderated article comments (issue 19).

A visitor asks a question or writes a comment through a form guarded by an image captcha,
a honeypot and limits per client address; staff answer, publish and moderate in the admin.
The asker's and commenter's email and phone are personal data: never public, erased after
``READER_CONTACT_MONTHS`` and on request (``privacy``); docs/security.md states the rules.
"""
