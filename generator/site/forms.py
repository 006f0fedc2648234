"""The PDF forms in the site: rendered (only what changed) into a cache before the pages are
built, then added to each language's files so that pages can link to them and MkDocs checks
those links."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.structure.files import File, Files

from generator import DEFAULT_LANGUAGE, LANGUAGES
from generator.forms.output import output_path
from generator.model import Protocol


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "forms"


# Bytes of each rendered PDF, by (language, form id): the forms overview shows "Download PDF (38 KB)".
SIZES: dict[tuple[str, str], int] = {}


def render_all(protocol: Protocol, root: Path) -> list[Path]:
    """Render every form in every language into the cache; returns the files written anew."""
    from generator.forms.builder import build_forms  # WeasyPrint and pikepdf: only when rendering

    written = build_forms(protocol, cache_dir(root), LANGUAGES, root=root)
    record_sizes(protocol, root)
    return written


def render_changed(
    protocol: Protocol, root: Path, inputs: list[Path], rendered: list[str], site_dir: str | None = None
) -> None:
    """Render the forms whose inputs changed (nothing while the build cache knows them all); with
    site_dir, also put them into that served site (`mkdocs serve` renders them after the pages)."""
    from generator.site import buildcache

    buildcache.cached("forms", root / ".cache" / "build", inputs, lambda: render_all(protocol, root), rendered)
    if site_dir is not None:
        copy_to_site(protocol, root, Path(site_dir))


def all_rendered(protocol: Protocol, root: Path) -> bool:
    """Every form has a PDF in the cache (maybe an older one): a page can link to each."""
    return all(output_path(cache_dir(root), lang, f).is_file() for lang in LANGUAGES for f in protocol.forms)


def copy_to_site(protocol: Protocol, root: Path, site_dir: Path) -> None:
    """Put the forms rendered after the pages (`mkdocs serve`) where the served site has them."""
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        for form_id in protocol.forms:
            source, target = output_path(cache_dir(root), lang, form_id), site_dir / f"{prefix}forms/{form_id}.pdf"
            if source.is_file() and target.parent.is_dir():
                tmp = target.with_name(target.name + ".tmp")
                shutil.copyfile(source, tmp)
                tmp.replace(target)


def record_sizes(protocol: Protocol, root: Path) -> None:
    """Note each rendered PDF's size in SIZES (also when a rebuild skipped render_all)."""
    for lang in LANGUAGES:
        for form_id in protocol.forms:
            pdf = output_path(cache_dir(root), lang, form_id)
            if pdf.exists():
                SIZES[(lang, form_id)] = pdf.stat().st_size


def add_to_files(files: Files, protocol: Protocol, root: Path, lang: str, config) -> None:
    """forms/<id>.pdf beside the form's page: /forms/<id>.pdf (Dutch), /en/forms/<id>.pdf (English)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for form_id in protocol.forms:
        pdf = output_path(cache_dir(root), lang, form_id)
        file = File(
            f"{lang}/forms/{form_id}.pdf",
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=f"{prefix}forms/{form_id}.pdf",
        )
        file.abs_src_path = str(pdf)
        files.append(file)
