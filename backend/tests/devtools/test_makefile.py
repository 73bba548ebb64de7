"""The Makefile works from a fresh clone: targets install what they use, and npx never downloads."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[3] / "Makefile"
INSTALLS = {"install", "install-backend", "install-frontend"}
# What a recipe runs that needs installed dependencies, and the install that provides them.
NEEDS = {"$(UV) run": "install-backend", "$(NPX)": "install-frontend", "npm run": "install-frontend"}


def rules() -> dict[str, tuple[set[str], str]]:
    """target -> (prerequisites, recipe text)."""
    found: dict[str, tuple[set[str], str]] = {}
    target = None
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and target is not None:
            prerequisites, recipe = found[target]
            found[target] = (prerequisites, recipe + line + "\n")
            continue
        match = re.match(r"^([a-zA-Z][\w-]*):(?!=)([^#]*)", line)
        target = match.group(1) if match else None
        if match:
            found[target] = (set(match.group(2).split()), "")
    return found


def test_npx_is_never_allowed_to_download_and_passes_flags_through() -> None:
    text = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r"^NPX := npx --no --$", text, re.MULTILINE)
    bare = [line for line in text.splitlines() if re.search(r"\bnpx\b", line) and not line.startswith(("NPX :=", "#"))]
    assert bare == []


def test_every_target_that_runs_installed_tools_depends_on_their_install() -> None:
    table = rules()
    missing = []
    for target, (prerequisites, recipe) in table.items():
        if target in INSTALLS:
            continue
        # An install reached through another target counts (test -> test-backend -> install-backend).
        reachable, frontier = set(), set(prerequisites)
        while frontier:
            reachable |= frontier
            frontier = {p for name in frontier for p in table.get(name, (set(), ""))[0]} - reachable
        for tool, install in NEEDS.items():
            if tool in recipe and install not in reachable and "install" not in reachable:
                missing.append(f"{target}: runs {tool} without depending on {install}")
    assert not missing, "\n".join(missing)
