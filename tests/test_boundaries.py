"""Architecture rules: the core knows no chat platform, and adapters never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PLATFORM_PACKAGES = {"discord", "slack_bolt", "slack_sdk", "aiohttp"}
ADAPTERS = {"console", "discord", "slack"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_platform_sdk() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if n.split(".")[0] in PLATFORM_PACKAGES)
        for path in (ROOT / "core").rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_adapters_never_import_each_other() -> None:
    for adapter in ADAPTERS:
        for path in (ROOT / "bots" / adapter).rglob("*.py"):
            others = {n for n in _imports(path) if n.startswith("bots.") and n.split(".")[1] != adapter}
            assert not others, f"{path.relative_to(ROOT)} imports {others}"


def test_console_starts_without_platform_sdks() -> None:
    import subprocess
    import sys

    code = (
        "import sys, bots.console.__main__; "
        "print(sorted(m for m in ('discord', 'slack_bolt', 'slack_sdk') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
