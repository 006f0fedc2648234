"""A broken data file or page stops the build with a one-line message and leaves site/ as it was:
every case is built (all in one process) over a site/ holding a sentinel, and site/ is compared
byte for byte afterwards. tests/hostile/test_refused.py holds the careless and hostile edits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import build_all, project_copy, site_digest, site_with_sentinel

# id: (file, old text, new text (old None: the file is deleted), the line the build must print)
CASES = {
    "yaml-syntax": (
        "protocol/roles/mentor.yml",
        "next: [m-talk-bully]",
        "next: [m-talk-bully",
        "protocol/roles/mentor.yml: line ",
    ),
    "unknown-id": (
        "protocol/roles/teacher.yml",
        "next: [t-respond]",
        "next: [t-respond-now]",
        "protocol/roles/teacher.yml: steps[t-notice].next[0]: found 't-respond-now'",
    ),
    "missing-translation": (
        "protocol/roles/parent.yml",
        "      en: Contact the mentor\n",
        "",
        "protocol/roles/parent.yml: steps[p-mentor].title.en: found nothing",
    ),
    "unknown-marker": (
        "docs/en/about.md",
        "<!-- protocol:version -->",
        "<!-- protocol:versions -->",
        "docs/en/about.md: <!-- protocol:versions -->: found an unknown marker; expected one of: ",
    ),
    "marker-for-an-unknown-role": (
        "docs/nl/roles/mentor.md",
        "steps role=mentor",
        "steps role=mentr",
        "docs/nl/roles/mentor.md: <!-- protocol:steps -->: found role=mentr; expected a role: one of ",
    ),
    "page-missing-in-english": (
        "docs/en/prevention.md",
        None,
        None,
        "docs/en/prevention.md: (file): found nothing: docs/en/prevention.md is missing",
    ),
}


def break_file(path: Path, old: str | None, new: str | None) -> None:
    if old is None:
        path.unlink()
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory, site_builds) -> dict[str, tuple[Path, str, dict]]:
    """case -> (its project, the digest of its site/ before, what the build said)."""
    prepared = {}
    for case, (file, old, new, _) in CASES.items():
        root = project_copy(tmp_path_factory.mktemp(case))
        break_file(root / file, old, new)
        prepared[case] = (root, site_with_sentinel(root))
    results = build_all([root for root, _ in prepared.values()])
    return {case: (root, digest, results[root]) for case, (root, digest) in prepared.items()}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_file_or_page_stops_the_build_with_its_line_and_leaves_site_as_it_was(builds, case):
    root, before, build = builds[case]
    assert build["error"] == "Abort", build  # MkDocs' own stop for a failed build: no crash
    assert CASES[case][3] in build["log"], build["log"]
    assert "Traceback" not in build["log"]
    assert site_digest(root / "site") == before
    assert (root / "site" / "SENTINEL.txt").is_file()


def test_the_check_command_reports_problems_and_exits_non_zero(data_copy):
    break_file(data_copy / "protocol/roles/mentor.yml", "next: [m-talk-bully]", "next: [m-talk-bullies]")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(data_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("protocol/roles/mentor.yml: steps[m-talk-victim].next[0]")
    assert result.stdout == ""


def test_the_check_command_passes_on_the_school_data():
    result = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 7 roles")
