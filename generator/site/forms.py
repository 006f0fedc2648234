"""The PDF forms in the site: rendered (only what changed) into a cache before the pages are
built, then added to each language's files so that pages can link to them and MkDocs checks
those links."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from generator import DEFAULT_LANGUAGE, LANGUAGES
from generator.forms import build_forms, output_path
from generator.handbook import Handbook


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "forms"


# Bytes of each rendered PDF, by (language, form id): the forms overview shows "Download PDF (38 KB)".
SIZES: dict[tuple[str, str], int] = {}


def render_all(handbook: Handbook) -> list[Path]:
    """Render every form in every language into the cache; returns the files written anew."""
    written = build_forms(handbook, cache_dir(handbook.root), LANGUAGES)
    record_sizes(handbook)
    return written


def record_sizes(handbook: Handbook) -> None:
    """Note each rendered PDF's size in SIZES (also when a rebuild skipped render_all)."""
    for lang in LANGUAGES:
        for form_id in handbook.forms:
            pdf = output_path(cache_dir(handbook.root), lang, form_id)
            if pdf.exists():
                SIZES[(lang, form_id)] = pdf.stat().st_size


def add_to_files(files: Files, handbook: Handbook, lang: str, config) -> None:
    """forms/<id>.pdf beside the form's page: /forms/<id>.pdf (Dutch), /en/forms/<id>.pdf (English)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for form_id in handbook.forms:
        pdf = output_path(cache_dir(handbook.root), lang, form_id)
        file = File(
            f"{lang}/forms/{form_id}.pdf",
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=f"{prefix}forms/{form_id}.pdf",
        )
        file.abs_src_path = str(pdf)
        files.append(file)
