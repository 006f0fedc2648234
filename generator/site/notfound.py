"""The 404 page of each language (issue 9).

mkdocs-static-i18n builds a 404 page per language but keeps only the last one, at the site's root.
The hooks remember each language's page (on_post_template) and this writes them where a web server
finds them: the Dutch one at /404.html, the English one at /en/404.html (README: error_page).
"""

from __future__ import annotations

from pathlib import Path

from generator.fileio import atomic_write
from generator.site.language import site_prefix


def target(site_dir: Path, lang: str, languages: tuple[str, ...]) -> Path:
    """'/404.html' for the default language, '/<lang>/404.html' for the others."""
    return site_dir / site_prefix(lang, languages) / "404.html"


def write_pages(site_dir: Path, pages: dict[str, str], languages: tuple[str, ...]) -> None:
    """Write each language's 404 page (its own header, menu, footer and switcher)."""
    for lang, html in pages.items():
        atomic_write(target(site_dir, lang, languages), html)
