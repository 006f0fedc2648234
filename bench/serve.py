"""How long the editor waits under `make serve`: from saving a file to the served page showing the
change. `mkdocs serve` runs in a scratch copy of the project (bench/builds.project_copy); once its
first build is served, one edit is made at a time and the page is fetched every 50 ms until it
holds the new words. The time includes noticing the change, the whole rebuild and serving. Each
edit is made several times, in turns with the other, each time after the server has been quiet for
two seconds (the PDFs of the last edit made in the background)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.builds import project_copy


@dataclass
class Edit:
    label: str
    file: str  # relative to the project
    old: str
    new: str
    page: str  # URL path that shows it


EDITS = (
    Edit("a sentence of a page (docs/nl/about.md)", "docs/nl/about.md", "", "Bench-zin-over-de-pagina", "/about/"),
    Edit(
        "a step's title (protocol/roles/mentor.yml)",
        "protocol/roles/mentor.yml",
        "nl: Melding ontvangen",
        "nl: Melding ontvangen bench",  # the turn's number is added
        "/roles/mentor/",
    ),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, words: str, limit: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if words in _fetch(url):
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def _wait_until_quiet(log: Path, quiet: float = 2.0, limit: float = 120.0) -> None:
    """Until the server has logged nothing for `quiet` seconds: an editor's next save, not one made
    while the server is still busy with the last."""
    started = time.monotonic()
    size, since = -1, time.monotonic()
    while time.monotonic() - started < limit:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.1)


def _apply(root: Path, edit: Edit, original: str, turn: int) -> str:
    """Make the edit's `turn`-th version of the file as it was; returns the words the page shows once
    it is rebuilt (new words each turn, so an earlier turn's page never counts)."""
    path = root / edit.file
    new = f"{edit.new}-{turn}"
    if edit.old:
        if edit.old not in original:
            raise SystemExit(f"bench/serve.py: {edit.file}: found no {edit.old!r} to edit")
        path.write_text(original.replace(edit.old, new, 1), encoding="utf-8")
        return new.split(": ", 1)[-1]
    path.write_text(original.rstrip("\n") + f"\n\n{new}\n", encoding="utf-8")
    return new


def measure(scratch: Path, turns: int = 3, limit: float = 120.0) -> list[tuple[str, list[float | None]]]:
    """Each edit `turns` times, the edits taking turns; per edit, the seconds of each turn (None:
    not shown within `limit`)."""
    root = project_copy(scratch)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = (scratch / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    originals = {edit.file: (root / edit.file).read_text(encoding="utf-8") for edit in EDITS}
    results: dict[str, list[float | None]] = {edit.label: [] for edit in EDITS}
    try:
        if _wait_for(base + "/", "</html>", limit) is None:
            raise SystemExit("bench/serve.py: mkdocs serve did not serve the site")
        for turn in range(1, turns + 1):
            for edit in EDITS:
                _wait_until_quiet(scratch / "serve.log")  # the last build's PDFs done in the background too
                words = _apply(root, edit, originals[edit.file], turn)
                results[edit.label].append(_wait_for(base + edit.page, words, limit))
    finally:
        process.terminate()
        process.wait(timeout=30)
    return list(results.items())
