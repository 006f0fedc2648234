"""The whole protocol as one printable PDF booklet per language, from the built pages.

The hooks collect each page's rendered HTML in navigation order; print_booklet() puts them into
one HTML document with a print stylesheet and lets WeasyPrint make an A4 PDF. The result is cached
by the hash of the pages it is made from, so a rebuild with nothing changed renders nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator import weasy
from generator.pages.templating import TEMPLATES, render

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"
SKIP = ("index.md", "forms/")  # the home page is a menu; forms have their own PDFs


@dataclass(frozen=True)
class Chapter:
    path: str  # the page's path inside its language tree
    title: str
    html: str  # the page's rendered content


def wanted(path: str) -> bool:
    return not any(path == s or path.startswith(s) for s in SKIP if s.endswith("/")) and path not in SKIP


def clean(html: str) -> str:
    """Content fit for paper: no permalink marks, no interactive helpers, links as plain text."""
    from bs4 import BeautifulSoup  # imported late: only a changed booklet needs it

    soup = BeautifulSoup(html, "html.parser")
    for mark in soup.select("a.headerlink, .no-print, script, link, [rel~=attachment]"):
        mark.decompose()
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if not href.startswith(("http://", "https://", "mailto:")) or link.get("rel"):
            link.unwrap()
    return str(soup)


def booklet_html(chapters: list[Chapter], lang: str, title: str, subtitle: str, version_line: str) -> str:
    return render(
        "booklet.html.j2",
        chapters=[Chapter(c.path, c.title, Markup(clean(c.html))) for c in chapters],  # pages as built
        lang=lang,
        title=title,
        subtitle=subtitle,
        version_line=version_line,
    )


def print_booklet(
    chapters: list[Chapter], lang: str, title: str, subtitle: str, version_line: str, target: Path, cache_dir: Path
) -> bool:
    """Write the booklet PDF to target; returns True if it had to be rendered anew.

    The cache key is taken from the pages as built, before any work on them, so a rebuild with
    nothing changed costs one hash and one copy."""
    parts = [lang, title, subtitle, version_line, _stylesheet_digest()]
    parts += [f"{c.path}\0{c.title}\0{c.html}" for c in chapters]
    digest = hashlib.sha256("\0\0".join(parts).encode()).hexdigest()[:20]
    cached = cache_dir / f"booklet-{digest}.pdf"
    rendered = not cached.is_file()
    if rendered:
        from weasyprint import HTML  # imported late: only a changed booklet needs it

        html = booklet_html(chapters, lang, title, subtitle, version_line)
        with weasy.fonts() as font_config:
            document = HTML(
                string=html, base_url=str(ASSETS / "stylesheets") + "/", url_fetcher=weasy.project_fetcher(ASSETS)
            )
            data = document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=False, font_config=font_config)
        _atomic_write(cached, data)
    _atomic_write(target, cached.read_bytes())
    return rendered


STYLESHEETS = ("booklet.css", "fonts.css", "flowchart.css")  # booklet.css imports the other two


def _stylesheet_digest() -> str:
    """What else the PDF depends on: the stylesheets, the template, this code and the fetcher, and
    WeasyPrint's version (a template edit used to leave a stale booklet in the cache)."""
    from importlib.metadata import version

    hasher = hashlib.sha256(version("weasyprint").encode())
    for name in STYLESHEETS:
        hasher.update((ASSETS / "stylesheets" / name).read_bytes())
    for path in (TEMPLATES / "booklet.html.j2", Path(__file__), Path(weasy.__file__)):
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
