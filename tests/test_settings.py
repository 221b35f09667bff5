"""Production settings: refuse to start half-configured, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[1]
SECRET = "k3Jx9-production-like-secret-For-tests-only-Qw8zR2vT6yB1nM4pL7sD0fG5hJ"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    clean["DATABASE_URL"] = "sqlite:////tmp/htx-settings-check.sqlite3"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_secret_key(self):
        result = manage("check", DJANGO_ALLOWED_HOSTS="htx.example.vn")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_SECRET_KEY", result.stderr)

    def test_refuses_to_start_without_allowed_hosts(self):
        result = manage("check", DJANGO_SECRET_KEY=SECRET)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_ALLOWED_HOSTS", result.stderr)

    def test_rejects_a_malformed_debug_flag(self):
        result = manage("check", DJANGO_DEBUG="maybe")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_DEBUG", result.stderr)

    def test_deploy_checks_pass_without_warnings(self):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_SECRET_KEY=SECRET,
            DJANGO_ALLOWED_HOSTS="htx.example.vn",
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_development_runs_with_nothing_configured(self):
        result = manage("check", DJANGO_DEBUG="1")
        self.assertEqual(result.returncode, 0, result.stderr)
