"""The whole protocol as one printable PDF booklet per language, from the built pages.

The hooks collect each page's rendered HTML in navigation order; render_booklet() puts them into
one HTML document with a print stylesheet and lets WeasyPrint make an A4 PDF. The result is cached
by the hash of its input, so a rebuild with nothing changed renders nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from generator.pages.templating import render

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
    soup = BeautifulSoup(html, "html.parser")
    for mark in soup.select("a.headerlink, .no-print, script"):
        mark.decompose()
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if not href.startswith(("http://", "https://", "mailto:")):
            link.unwrap()
    return str(soup)


def booklet_html(chapters: list[Chapter], lang: str, title: str, subtitle: str, version_line: str) -> str:
    return render(
        "booklet.html.j2",
        chapters=[Chapter(c.path, c.title, clean(c.html)) for c in chapters],
        lang=lang,
        title=title,
        subtitle=subtitle,
        version_line=version_line,
    )


def render_booklet(html: str, target: Path, cache_dir: Path) -> bool:
    """Write the PDF for this HTML to target; returns True if it had to be rendered anew."""
    digest = hashlib.sha256((html + _stylesheet_digest()).encode()).hexdigest()[:20]
    cached = cache_dir / f"booklet-{digest}.pdf"
    rendered = False
    if not cached.is_file():
        from weasyprint import HTML  # imported late: only builds that make a booklet need it

        data = HTML(string=html, base_url=str(ASSETS / "stylesheets") + "/").write_pdf(
            pdf_variant="pdf/ua-1", uncompressed_pdf=False, custom_metadata=False
        )
        _atomic_write(cached, data)
        rendered = True
    target.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(target, cached.read_bytes())
    return rendered


def _stylesheet_digest() -> str:
    return hashlib.sha256((ASSETS / "stylesheets" / "booklet.css").read_bytes()).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
