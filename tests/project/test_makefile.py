"""The README's commands are the Makefile's targets, and each runs what the README says it does.

`make -n` prints a target's commands (its prerequisites' too) without running any of them."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.helpers import ROOT

# target -> a command its recipe must run (README: "Two commands" and "Other commands")
RUNS = {
    "serve": "mkdocs serve --dev-addr 127.0.0.1:8000",
    "build": "python -m generator build",
    "offline": "python -m generator build --offline",
    "check": "python -m generator check",
    "publish-check": "python -m generator check --publish",
    "forms": "python -m generator forms --out forms-out",
    "test": "python -m pytest -n 2",
    "test-fast": 'python -m pytest -m "not slow"',
    "lock": "pip compile pyproject.toml",
    "clean-cache": "find .cache",
    "bench": "python -m bench",
}


def dry_run(target: str, *flags: str) -> str:
    result = subprocess.run(["make", "-n", *flags, target], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"make -n {target}: {result.stderr}"
    return result.stdout


def test_every_make_command_the_readme_names_is_a_target_of_the_makefile():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`make ([a-z][a-z-]*)`", readme)) | set(re.findall(r"^make ([a-z][a-z-]*)\b", readme, re.M))
    assert named >= {"serve", "test", "build", "check"}, named
    assert sorted(named - set(RUNS)) == [], "a README command this test does not know: add it to RUNS"


@pytest.mark.parametrize("target", RUNS)
def test_each_target_runs_what_the_readme_says(target):
    assert RUNS[target] in dry_run(target)


def test_the_system_packages_are_checked_before_the_venv_is_made():
    """A normal user on a bare machine is stopped before anything is written (issue 17)."""
    for target in ("serve", "build", "check", "test"):
        commands = dry_run(target, "--always-make").splitlines()  # as on a machine with no .venv yet
        system = next(i for i, c in enumerate(commands) if "ensure-system-packages serve" in c or "packages test" in c)
        venv = [i for i, c in enumerate(commands) if "-m venv" in c]
        assert venv and all(system < i for i in venv), (target, commands)
