"""The README is read in a fresh clone: it names nothing outside the repository."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_readme_points_at_nothing_outside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.findall(r"\.\./[\w.-]+", readme)
