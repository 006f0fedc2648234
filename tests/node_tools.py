"""Test tools from the npm registry, kept in .cache/node/ (git-ignored) by scripts/fetch-node-tools.

axe-core (accessibility rules run in the browser), vnu.jar (the Nu HTML Checker, run with Java) and
pdf.js (pdfjs-dist 4: the filled forms drawn as Firefox prints them).
`make test` fetches them first; a plain `pytest` in a fresh clone fetches them on first use.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PDFJS = NODE_MODULES / "pdfjs-dist" / "legacy" / "build"


def ensure() -> None:
    """Fetch axe-core, vnu.jar and pdf.js when one is missing (scripts/fetch-node-tools pins the versions)."""
    if not (AXE.is_file() and VNU.is_file() and (PDFJS / "pdf.mjs").is_file()):
        subprocess.run([str(ROOT / "scripts" / "fetch-node-tools")], check=True)
