"""The product's files in a school's site: a school in examples/<name>/ has no docs/assets/ of its
own (stylesheets, web fonts, scripts); the repository's are added to its files (MkDocs' File API),
each one the school does not have itself. For ALASCA (the school is the repository) nothing is
added: every file is already the school's own.

mkdocs-static-i18n copies a docs file outside the language folders once, in the build of the
default language (site/assets/…), and this does the same.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from generator import PRODUCT

ASSETS = "assets"  # under docs/: what the pages load (mkdocs.yml extra_css, generator/site/assets.py)


def assets_dir(docs_dir: Path) -> Path:
    """docs/assets of the school when it has the booklet's stylesheets there (ALASCA, a school that
    keeps its own copy), else the product's: a school's docs/assets/ that holds only its logo
    must not hide the product's stylesheets and fonts from the booklet."""
    own = Path(docs_dir) / ASSETS
    return own if (own / "stylesheets" / "booklet.css").is_file() else PRODUCT / "docs" / ASSETS


def add_assets(files: Files, config, lang: str) -> None:
    """The product's docs/assets files that the school's docs/ lacks, into the default language's files."""
    product_docs = PRODUCT / "docs"
    default = getattr(config.plugins.get("i18n"), "default_language", lang)  # mkdocs-static-i18n's
    if lang != default or Path(config.docs_dir).resolve() == product_docs:
        return
    for path in sorted((product_docs / ASSETS).rglob("*")):
        src = path.relative_to(product_docs).as_posix()
        if path.is_file() and files.get_file_from_path(src) is None:
            files.append(File(src, str(product_docs), config.site_dir, config.use_directory_urls))
