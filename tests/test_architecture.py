"""The layers of docs/architecture.md, checked on every import statement of the project.

Imports go one way: ``core`` at the bottom, then ``cooperatives`` (the registry) and
``news``, then ``reports`` on the registry; ``demo`` and the project package
``htx_portal`` (settings and URLs) sit on top. Imports inside functions count as much as
those at the top of a module, and so do ``import_module("...")`` calls with a literal name.
Test scaffolding (``testing``, ``tests``, ``bench``, the apps' ``tests`` packages) is never
imported by the product, and test modules share helpers only through ``testing``.
"""

import ast
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[1]

# What each part of the product may import, besides itself.
ALLOWED = {
    "core": set(),
    "signin": {"core"},
    "cooperatives": {"core"},
    "news": {"core"},
    "reports": {"core", "cooperatives"},
    "demo": {"core", "cooperatives", "news", "reports"},
    "htx_portal": {"core", "cooperatives", "news", "reports", "signin", "demo"},
}
SCAFFOLDING = {"testing", "tests", "bench", "conftest"}
SKIPPED_FOLDERS = {".venv", ".git", "node_modules", "staticfiles", "media", "__pycache__"}


def project_packages(root: Path = ROOT) -> set[str]:
    """Top-level names of the repository that Python can import."""
    names = {p.stem for p in root.glob("*.py")}
    names |= {p.parent.name for p in root.glob("*/__init__.py")}
    return names - {"manage", "gunicorn.conf"} - SKIPPED_FOLDERS


def python_files(root: Path = ROOT):
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if SKIPPED_FOLDERS.intersection(parts) or parts[0].startswith("."):
            continue
        yield path, parts


def module_name(parts: tuple[str, ...]) -> str:
    names = list(parts[:-1]) + ([] if parts[-1] == "__init__.py" else [parts[-1][:-3]])
    return ".".join(names)


def imported_modules(path: Path, module: str) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from testing import factories": the names may be modules themselves.
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def is_test_module(parts: tuple[str, ...]) -> bool:
    return parts[0].removesuffix(".py") in SCAFFOLDING or "tests" in parts


def against_the_layers(root: Path = ROOT) -> list[str]:
    """Every import of a product module that breaks the layers, as "file:line imports x"."""
    packages = project_packages(root)
    wrong = []
    for path, parts in python_files(root):
        if is_test_module(parts):
            continue
        layer = parts[0].removesuffix(".py")
        for line, target in imported_modules(path, module_name(parts)):
            top = target.split(".")[0]
            where = f"{'/'.join(parts)}:{line} imports {target}"
            if top in SCAFFOLDING or ".tests" in f".{target}":
                wrong.append(f"{where} (test scaffolding in the product)")
            elif top in packages and top != layer and top not in ALLOWED.get(layer, set()):
                wrong.append(f"{where} (against the layers)")
            elif (
                parts[:2] == ("core", "lib")
                and top in packages
                and not (target == "core" or target.startswith("core.lib"))
            ):
                wrong.append(f"{where} (core.lib imports nothing of the project)")
    return wrong


class ImportDirectionTests(SimpleTestCase):
    def test_every_package_has_a_place_in_the_layers(self):
        unknown = project_packages() - set(ALLOWED) - SCAFFOLDING
        self.assertFalse(
            unknown,
            f"Add {sorted(unknown)} to ALLOWED here and to the layers of docs/architecture.md.",
        )

    def test_imports_follow_the_layers(self):
        wrong = against_the_layers()
        self.assertEqual(wrong, [], "\n".join(wrong))

    def test_tests_share_helpers_only_through_the_testing_package(self):
        wrong = []
        for path, parts in python_files():
            if not is_test_module(parts) or parts[0] == "bench":
                continue
            module = module_name(parts)
            for line, target in imported_modules(path, module):
                names = target.split(".")
                if "tests" in names and names[0] != "testing" and names[-1] != "tests":
                    last = names[names.index("tests") + 1 :]
                    if last and last[0] != "conftest":
                        wrong.append(f"{'/'.join(parts)}:{line} imports {target}")
                elif names[0] == "testing" and "tests" in names:
                    wrong.append(f"{'/'.join(parts)}:{line} imports {target}")
            if parts[0] == "testing":
                for line, target in imported_modules(path, module):
                    if target.split(".")[0] == "tests" or ".tests." in f".{target}.":
                        wrong.append(f"{'/'.join(parts)}:{line} imports {target}")
        self.assertEqual(wrong, [], "\n".join(wrong))

    def test_the_check_sees_violations(self):
        """The checker itself, on a small project: upward, hidden and scaffolding imports."""
        files = {
            "core/__init__.py": "",
            "core/lib/__init__.py": "",
            "core/lib/text.py": "from core import caching\n",
            "cooperatives/__init__.py": "",
            "cooperatives/views.py": "def f():\n    from reports.models import Target\n",
            "cooperatives/admin.py": "from . import views\nfrom testing import factories\n",
            "reports/__init__.py": "",
            "reports/models.py": "import importlib\nimportlib.import_module('demo.data')\n",
            "reports/views.py": "from cooperatives.models import Area\nfrom core.lib import text\n",
        }
        with tempfile.TemporaryDirectory() as folder:
            for name, source in files.items():
                path = Path(folder) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(source, encoding="utf-8")
            (Path(folder) / "demo").mkdir()
            (Path(folder) / "demo" / "__init__.py").write_text("")
            wrong = against_the_layers(Path(folder))
        scaffolding = "(test scaffolding in the product)"
        self.assertEqual(
            wrong,
            [
                f"cooperatives/admin.py:2 imports testing {scaffolding}",
                f"cooperatives/admin.py:2 imports testing.factories {scaffolding}",
                "cooperatives/views.py:2 imports reports.models (against the layers)",
                "cooperatives/views.py:2 imports reports.models.Target (against the layers)",
                "core/lib/text.py:1 imports core.caching (core.lib imports nothing of the project)",
                "reports/models.py:2 imports demo.data (against the layers)",
            ],
        )
