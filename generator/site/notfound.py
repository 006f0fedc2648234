"""The 404 page of each language (issue 9).

mkdocs-static-i18n builds a 404 page per language but keeps only the last one, at the site's root.
The hooks remember each language's page (on_post_template) and this writes them where a web server
finds them: the Dutch one at /404.html, the English one at /en/404.html (README: error_page).
"""

from __future__ import annotations

from pathlib import Path

from generator import DEFAULT_LANGUAGE


def target(site_dir: Path, lang: str) -> Path:
    """'/404.html' for the default language, '/<lang>/404.html' for the others."""
    return site_dir / "404.html" if lang == DEFAULT_LANGUAGE else site_dir / lang / "404.html"


def write_pages(site_dir: Path, pages: dict[str, str]) -> None:
    """Write each language's 404 page (its own header, menu, footer and switcher)."""
    for lang, html in pages.items():
        path = target(site_dir, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
