"""Tests of the generator as a product: they hold for any school's protocol. Each works on a
scratch copy of the data (tests/conftest.py: data_copy, site_copy) that it changes the way another
school's editor would, with data alone. ALASCA's own content checks are in tests/content/."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from generator.__main__ import main


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) once in a data file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(root: Path) -> tuple[int, list[str]]:
    """`python -m generator check --root root`, in-process: its exit code and its lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--root", str(root)])
    return code, err.getvalue().splitlines()
