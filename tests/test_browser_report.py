"""The report page printed from the browser shows every area's section (issue 17)."""

from cooperatives.services import set_role
from core.roles import OFFICIAL
from testing.browser import BrowserTestCase
from testing.demo_data import load_demo_data

OPEN = "[...document.querySelectorAll('main details:not(.unfreeze)')].map(d => d.open)"


class PrintedReportPageTests(BrowserTestCase):
    def setUp(self):
        load_demo_data()
        self.official, _ = set_role(username="lanhdao_in", role=OFFICIAL)

    def test_every_section_opens_for_printing_and_folds_again_after(self):
        page = self.new_page(self.official, width=1366, height=768)
        errors = []
        page.on("console", lambda message: errors.append(message.text)
                if message.type == "error" else None)  # fmt: skip
        response = page.goto(f"{self.live_server_url}/bao-cao/36/2023/6/")
        self.assertEqual(response.status, 200)
        page.wait_for_load_state("load")
        folded = page.evaluate(OPEN)
        self.assertGreater(len(folded), 1)
        self.assertFalse(any(folded))
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        self.assertTrue(all(page.evaluate(OPEN)))
        page.emulate_media(media="print")
        self.screenshot(page, "bao-cao-khi-in")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        self.assertFalse(any(page.evaluate(OPEN)))
        self.assertEqual(errors, [])  # the script ran under the page's policy
