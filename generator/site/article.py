"""The second wall: the HTML the build writes for a page's article keeps the site's one rule.

The editor's Markdown is checked before the build (generator.pages.pagehtml); this checks what
actually reached the page, generated parts included (charts' SVG, the helper, contact blocks,
form tables), with generator.pages.htmlrule: whatever way markup found into a page (a Markdown
extension added to mkdocs.yml, a template, a marker), a script, an event attribute, an outside
request or a link with another scheme stops the build with one line naming the page.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import DataError, Problem
from generator.pages import htmlrule


def check(html: str, source: str, dest_uri: str) -> None:
    """DataError naming the page's source if its article breaks the rule. dest_uri: where the
    page is written in the site ('en/about/index.html'), for its relative addresses."""
    found = htmlrule.findings(html, dest_uri)
    if found:
        raise DataError([Problem(source, "the page's HTML", f.found, f.expected) for f in found])


def source_of(page, docs_dir: str) -> str:
    """How a message names a page: its file under docs/, or, for a page made from the data (a
    form's page), its address in docs/ as the build makes it."""
    src = page.file.src_uri
    written = Path(docs_dir) / src
    return f"docs/{src}" if written.is_file() else f"docs/{src} (made from the data)"
