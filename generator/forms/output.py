"""Where a rendered form goes, and the error a failed render raises: the two things a build needs
from the forms package when nothing has to be rendered (so it need not import pikepdf or
WeasyPrint, which cost a noticeable part of a rebuild)."""

from __future__ import annotations

from pathlib import Path


class FormBuildError(Exception):
    """One or more forms failed to render; nothing was written."""


def output_path(out_dir: Path, lang: str, form_id: str) -> Path:
    return out_dir / lang / f"{form_id}.pdf"
