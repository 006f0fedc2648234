"""A broken data file or page stops the build with a one-line message and leaves site/ as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import mkdocs


def break_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_with_sentinel(root: Path) -> tuple[subprocess.CompletedProcess, Path]:
    site = root / "site"
    site.mkdir()
    (site / "sentinel.txt").write_text("the previous site", encoding="utf-8")
    return mkdocs("build", "--strict", cwd=root), site


def test_a_yaml_error_fails_the_build_naming_the_file_and_writes_nothing(site_copy):
    break_file(site_copy / "protocol/roles/mentor.yml", "next: [m-talk-bully]", "next: [m-talk-bully")
    result, site = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "protocol/roles/mentor.yml: line " in result.stderr
    assert [p.name for p in site.iterdir()] == ["sentinel.txt"]


def test_an_unknown_id_fails_the_build_naming_the_file_and_the_key(site_copy):
    break_file(site_copy / "protocol/roles/teacher.yml", "next: [t-respond]", "next: [t-respond-now]")
    result, site = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "protocol/roles/teacher.yml: steps[t-notice].next[0]: found 't-respond-now'" in result.stderr
    assert [p.name for p in site.iterdir()] == ["sentinel.txt"]


def test_a_missing_translation_fails_the_build(site_copy):
    break_file(site_copy / "protocol/roles/parent.yml", "      en: Contact the mentor\n", "")
    result, site = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "protocol/roles/parent.yml: steps[p-mentor].title.en: found nothing" in result.stderr
    assert [p.name for p in site.iterdir()] == ["sentinel.txt"]


def test_an_unknown_marker_in_a_page_fails_the_build_naming_the_page(site_copy):
    break_file(site_copy / "docs/en/about.md", "<!-- protocol:version -->", "<!-- protocol:versions -->")
    result, site = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "docs/en/about.md: <!-- protocol:versions -->: found an unknown marker; expected one of: " in result.stderr
    assert [p.name for p in site.iterdir()] == ["sentinel.txt"]


def test_a_marker_for_an_unknown_role_fails_the_build(site_copy):
    break_file(site_copy / "docs/nl/roles/mentor.md", "steps role=mentor", "steps role=mentr")
    result, _ = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "docs/nl/roles/mentor.md: <!-- protocol:steps -->: found the unknown id 'mentr'" in result.stderr


def test_a_page_missing_in_english_fails_the_build_naming_the_page_and_writes_nothing(site_copy):
    (site_copy / "docs/en/prevention.md").unlink()
    result, site = build_with_sentinel(site_copy)
    assert result.returncode != 0
    assert "docs/en/prevention.md: (file): found nothing: docs/en/prevention.md is missing" in result.stderr
    assert [p.name for p in site.iterdir()] == ["sentinel.txt"]


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
