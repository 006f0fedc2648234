"""Lighthouse scores (mobile, its default) for a page served on 127.0.0.1 by bench/server.py.

Lighthouse comes from the npm registry into .cache/node/ (`scripts/fetch-node-tools lighthouse`,
which `make bench` runs). It drives this machine's Chromium (CHROME_PATH=/usr/bin/chromium),
headless, and Chromium's host resolver maps every name except 127.0.0.1 to nothing, so no request
leaves the machine (the bare build's Google Fonts request fails there, as it is blocked elsewhere).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.localsite import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".cache" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'"


def available() -> bool:
    return CLI.is_file()


def scores(url: str) -> tuple[dict[str, int], list[str]]:
    """Lighthouse's category scores (0-100) for one URL, and the ids of the audits that lost points."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [
                "node",
                str(CLI),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env=dict(os.environ, CHROME_PATH=CHROMIUM),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed for {url}: {result.stderr[-800:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    found = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    lost = sorted(
        {
            ref["id"]
            for category in data["categories"].values()
            for ref in category["auditRefs"]
            if ref.get("weight")
            and (data["audits"][ref["id"]].get("score") is not None)
            and data["audits"][ref["id"]]["score"] < 0.9
        }
    )
    return found, lost
