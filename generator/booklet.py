"""The whole protocol as one printable PDF booklet per language, from the built pages.

The hooks collect each page's rendered HTML in navigation order; print_booklet() puts them into
one HTML document with a print stylesheet and lets WeasyPrint make an A4 PDF. The result is cached
(generator.fileio: .cache/booklet/) by the hash of the pages it is made from and of everything
that makes it, so a rebuild with nothing changed renders nothing and an edit never goes unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator import weasy
from generator.decisions import adoption_line
from generator.fileio import ContentCache, atomic_write
from generator.model import Protocol
from generator.pages.templating import render
from generator.site.language import site_prefix

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"


@dataclass(frozen=True)
class Chapter:
    path: str  # the page's path inside its language tree
    title: str
    html: str  # the page's rendered content


def wanted(path: str) -> bool:
    """Pages of the booklet: not the home page (a menu), nor the forms (they have their own PDFs)."""
    return path != "index.md" and not path.startswith("forms/")


def clean(html: str) -> str:
    """Content fit for paper: no permalink marks, no interactive helpers, links as plain text."""
    from bs4 import BeautifulSoup  # imported late: only a changed booklet needs it

    soup = BeautifulSoup(html, "html.parser")
    for mark in soup.select("a.headerlink, .no-print, script, link, [rel~=attachment]"):
        mark.decompose()
    for item in soup.select("li[value]"):  # the school's own numbers (adopted.yml `number:`): WeasyPrint
        if item["value"].isdigit():  # ignores value=, and counts the item on from what is set here
            item["style"] = f"counter-set: list-item {int(item['value']) - 1}"
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


def write_for(
    lang: str, protocol: Protocol, chapters: list[Chapter], site_dir: Path, cache: ContentCache, assets: Path = ASSETS
) -> Path:
    """The booklet of one language, from its pages in navigation order, at <site>/[en/]protocol.pdf:
    the school's name and the booklet's title on the cover, and the adoption line (or the note that
    the school has not adopted this version yet)."""
    from generator.pages.render import BOOKLET_FILE, format_date

    labels = {key: text[lang] for key, text in protocol.labels.items()}
    title = f"{protocol.settings.short} · {labels['booklet_title']}"
    version = adoption_line(protocol, lang, format_date)
    target = Path(site_dir) / site_prefix(lang, protocol.codes) / BOOKLET_FILE
    wanted_chapters = [c for c in chapters if wanted(c.path)]
    print_booklet(wanted_chapters, lang, title, labels["booklet_subtitle"], version, target, cache, assets)
    return target


def print_booklet(
    chapters: list[Chapter],
    lang: str,
    title: str,
    subtitle: str,
    version_line: str,
    target: Path,
    cache: ContentCache,
    assets: Path = ASSETS,
) -> bool:
    """Write the booklet PDF to target; returns True if it had to be rendered anew.

    The cache key is taken from the pages as built, before any work on them, so a rebuild with
    nothing changed costs one hash and one copy. The cache adds the template, this code, the
    fetcher, WeasyPrint's version, Pango, HarfBuzz and fontconfig's fonts (fileio.environment);
    here, every file the render may load: the whole assets folder, which is all the fetcher
    serves (the stylesheets, the fonts they name, the images)."""
    parts = [lang, title, subtitle, version_line, Path(assets)]
    parts += [f"{c.path}\0{c.title}\0{c.html}" for c in chapters]
    data, rendered = cache.get_or_make(parts, lambda: _render(chapters, lang, title, subtitle, version_line, assets))
    atomic_write(target, data)
    return rendered


def _render(chapters: list[Chapter], lang: str, title: str, subtitle: str, version_line: str, assets: Path) -> bytes:
    from weasyprint import HTML  # imported late: only a changed booklet needs it

    html = booklet_html(chapters, lang, title, subtitle, version_line)
    with weasy.fonts() as font_config:
        base = str(assets / "stylesheets") + "/"
        document = HTML(string=html, base_url=base, url_fetcher=weasy.project_fetcher(assets))
        return document.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=False, font_config=font_config)
