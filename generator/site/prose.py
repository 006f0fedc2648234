"""Nothing but words reaches a reader: the last check of every build, over what was written.

Every page of the built site (its text, and the attributes a reader meets: `title`, `aria-label`,
`alt`) and the text layer of every PDF is searched for things that are not prose: a shortcode
(`:material-file-document-outline:`), template syntax (`{{`, `{%`), a protocol marker or a
placeholder left unfilled, Markdown that did not render (`**`, `](`, `{: .class }`), a Python
value (`Reach(office_phone=…`, `<class '…'>`, `{'nl': …}`), a text that is only `None`, `null` or
`undefined`, and an invisible control character (bidirectional override, zero-width space).
Code (`<code>`, `<pre>`, `<kbd>`) and the page's scripts and styles are not prose and are skipped.

Each finding is one line naming the built file, where in it (text, an attribute, a PDF page) and
what was found; the build fails on any (generator/site/hooks.py, on_post_build). What a file
holds is remembered by its bytes (.cache/prose/), so an unchanged page or PDF is not read again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.errors import Problem
from generator.fileio import ContentCache
from generator.yamlio import INVISIBLE

# (what it is, how to find it); the order is the order of the messages.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("a shortcode", re.compile(r"(?<![\w:/]):[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+:(?![\w/])")),
    ("template syntax", re.compile(r"\{\{|\{%")),
    ("a protocol marker", re.compile(r"<!--|-->|\bprotocol:[a-z][a-z0-9-]*(?:\s+[a-z_]+=|\s*-->)")),
    ("an unfilled placeholder", re.compile(r"\{[a-z][a-z0-9_]*\}")),
    ("Markdown that did not render", re.compile(r"\*\*|\]\(|\{:\s|\{#[a-z]")),
    ("a Python value", re.compile(r"\b[A-Z][A-Za-z0-9_]*\([a-z_][a-z0-9_]*=|<class '|\{'[a-z_]+': ")),
    ("an invisible control character", INVISIBLE),  # the characters the data and pages may not hold
]
EMPTY_VALUES = ("None", "null", "undefined", "NaN", "[object Object]")  # a program's "nothing", shown as text
ATTRIBUTES = ("title", "aria-label", "alt")
NOT_PROSE = ("script", "style", "code", "pre", "kbd", "samp", "template", "noscript")
EXPECTED = "words only: fix what wrote it (a marker, a renderer, a template, a data text)"


def text_findings(text: str) -> list[list[str]]:
    """What in one text is not prose, as [what it is, the text found, a little of the text around it]."""
    found: list[list[str]] = []
    if " ".join(text.split()) in EMPTY_VALUES:
        found.append(["a program's empty value", text.strip(), ""])  # the whole text: nothing around it
    for kind, pattern in KINDS:
        for match in pattern.finditer(text):
            shown = match[0] if match[0].isprintable() else f"U+{ord(match[0]):04X}"
            found.append([kind, shown, _around(text, match.start(), match.end())])
    return found


def html_findings(html: str) -> list[list[str]]:
    """[where, what, found, around] for each piece of a page that is not prose; where: 'text' or
    the attribute's name."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    out: list[list[str]] = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if comment.strip().startswith("protocol:"):  # a marker nothing replaced: its part is missing
            out.append(["text", "a protocol marker that was not filled", f"<!--{comment}-->", "an HTML comment"])
        comment.extract()
    for element in soup.find_all(NOT_PROSE):
        element.decompose()
    for node in soup.find_all(string=True):
        out += [["text", *finding] for finding in text_findings(str(node))]
    for element in soup.find_all(lambda el: any(name in el.attrs for name in ATTRIBUTES)):
        for name in ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str):
                out += [[name, *finding] for finding in text_findings(value)]
    return out


def pdf_findings(data: bytes) -> list[list[str]]:
    """[where, what, found, around] for each line of a PDF's text layer that is not prose; where:
    'page N'."""
    out: list[list[str]] = []
    for number, text in enumerate(pdf_text(data), 1):
        for line in text.splitlines():
            out += [[f"page {number}", *finding] for finding in text_findings(line)]
    return out


def pdf_text(data: bytes) -> list[str]:
    """The text layer of each page, as PDFium (pypdfium2) reads it: the booklet in a tenth of a second."""
    import pypdfium2  # only when a PDF is read

    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def site_problems(site_dir: Path, cache: ContentCache | None = None) -> list[Problem]:
    """One Problem per different finding in each page and PDF under site_dir: where it is first,
    and how often it is there."""
    site_dir = Path(site_dir)
    problems: list[Problem] = []
    files = [p for p in sorted(site_dir.rglob("*")) if p.suffix in (".html", ".pdf") and p.is_file()]
    for path in files:
        findings = _remembered(cache, path.suffix, path.read_bytes())
        first: dict[tuple[str, str], list[str]] = {}
        for where, what, found, around in findings:
            first.setdefault((what, found), [where, around])
        counts = Counter((what, found) for _, what, found, _ in findings)
        for (what, found), (where, around) in first.items():
            shown = f"{what} {found!r}" + (f" in {around!r}" if around else " where words belong")
            times = f", {counts[what, found]} times" if counts[what, found] > 1 else ""
            problems.append(Problem(path.relative_to(site_dir).as_posix(), where, shown + times, EXPECTED))
    if cache is not None:
        cache.keep_latest(3 * len(files))  # this build's, the other kind's (site, offline), and spares
    return problems


_SEEN: dict[bytes, list[list[str]]] = {}  # this process's findings by the file's digest (`mkdocs serve`)


def _remembered(cache: ContentCache | None, suffix: str, data: bytes) -> list[list[str]]:
    """The findings in a file's bytes, or those of the same bytes earlier in this process (a
    rebuild under `mkdocs serve`) or in an earlier build (the cache on disk)."""

    def read() -> list[list[str]]:
        return pdf_findings(data) if suffix == ".pdf" else html_findings(data.decode("utf-8", "replace"))

    if cache is None:
        return read()
    seen = hashlib.sha256(suffix.encode() + b"\0" + data).digest()
    if seen not in _SEEN:
        stored, _ = cache.get_or_make([suffix, data], lambda: json.dumps(read()).encode())
        if len(_SEEN) > 4096:
            _SEEN.clear()
        _SEEN[seen] = json.loads(stored)
    return _SEEN[seen]


def _around(text: str, start: int, end: int, width: int = 30) -> str:
    """The finding with a little of the text around it, on one line."""
    shown = " ".join(text[max(0, start - width) : end + width].split())
    shown = INVISIBLE.sub(lambda m: f"[U+{ord(m[0]):04X}]", shown)  # named, never shown: it would turn the line
    return f"{'…' if start > width else ''}{shown}{'…' if end + width < len(text) else ''}"


def lines(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in problems)
