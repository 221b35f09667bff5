"""Shared set-up for browser tests: Playwright driving the system's Chromium."""

import os
import shutil
import unittest
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase

from testing.transactional import MigrationDataMixin

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@unittest.skipUnless(CHROMIUM, "Chromium is not installed (apt-get install chromium)")
class BrowserTestCase(MigrationDataMixin, StaticLiveServerTestCase):
    """A live server plus one headless Chromium for the whole class."""

    @classmethod
    def setUpClass(cls):
        # Playwright's sync API runs an event loop in this thread; the ORM calls in the
        # tests themselves are still synchronous.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        super().setUpClass()
        from playwright.sync_api import sync_playwright

        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ARTIFACTS.mkdir(exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    def new_page(self, user=None, width: int = 1366, height: int = 900):
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, locale="vi-VN"
        )
        if user is not None:
            self.client.force_login(user)
            cookie = self.client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": cookie.value,
                        "url": self.live_server_url,
                    }
                ]
            )
        page = context.new_page()
        self.addCleanup(context.close)
        return page

    def screenshot(self, page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


class AccessibilityMixin:
    """Runs axe-core in the page and fails on serious or critical violations."""

    def assert_accessible(self, page, name: str) -> None:
        from testing.axe import axe_script

        script = axe_script()
        if script is None:
            self.skipTest("axe-core could not be fetched from the npm registry")
        # Evaluated through the DevTools protocol: the page's Content Security Policy
        # (no inline scripts) would block a <script> tag added to it.
        page.evaluate(script.read_text(encoding="utf-8") + "\n;undefined")
        result = page.evaluate(
            """async () => {
                const rules = {runOnly: ["wcag2a", "wcag2aa", "best-practice"]};
                const r = await axe.run(document, rules);
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
            }"""
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        self.assertEqual(serious, [], f"{name}: accessibility violations")
