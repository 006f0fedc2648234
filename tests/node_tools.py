"""Test tools from the npm registry, kept in .cache/node/ (git-ignored) by scripts/fetch-node-tools.

axe-core (accessibility rules run in the browser) and vnu.jar (the Nu HTML Checker, run with Java).
`make test` fetches them first; a plain `pytest` in a fresh clone fetches them on first use.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def ensure() -> None:
    """Fetch axe-core and vnu.jar when either is missing (scripts/fetch-node-tools pins the versions)."""
    if not (AXE.is_file() and VNU.is_file()):
        subprocess.run([str(ROOT / "scripts" / "fetch-node-tools")], check=True)
