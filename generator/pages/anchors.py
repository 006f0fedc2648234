"""Links to a section of a page (`roles/mentor.md#m-agreements`, `#step`) point at a section that
exists, checked on the filled pages before anything is written.

MkDocs checks the same links too, but only once every page is rendered, after it has emptied
site/. Here the sections of a page are read from its filled Markdown: the ids written as
`{#id}` or `id="…"`, and the id Python-Markdown's toc gives each heading (its slug, with `_1`,
`_2` … for repeats). That may accept an id MkDocs would not make, never the other way round, so
a page this passes does not fail at the end of the build for a reason found here.
"""

from __future__ import annotations

import html
import posixpath
import re

from markdown.extensions.toc import slugify

from generator.errors import Problem

_LINK = re.compile(r"\]\(\s*<?([^()\s<>#]*)#([^()\s<>]+?)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}\s*$")
_ATTR_ID = re.compile(r"\{:?[^{}\n]*?#([^\s{}#.]+)[^{}\n]*\}")
_HTML_ID = re.compile(r"""<[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_INLINE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
_REPEATS = 10  # a heading met up to this many times on one page


def sections(markdown: str) -> set[str]:
    """Every id a link may point at on the page made from this Markdown."""
    ids = set(_ATTR_ID.findall(markdown))
    ids |= {double or single for double, single in _HTML_ID.findall(markdown)}
    for heading in _HEADING.findall(markdown):
        if _ATTR_ID.search(heading):
            continue  # its id is the one it gives
        text = html.unescape(_INLINE.sub(lambda m: m.group(1) or "", _ATTR_LIST.sub("", heading)))
        slug = slugify(text, "-")
        ids |= {slug, *(f"{slug}_{n}" for n in range(1, _REPEATS))}
    return ids


def anchor_problems(pages: dict[str, tuple[str, str]]) -> list[Problem]:
    """pages: docs src ('nl/prevention.md') -> (the file messages name, filled Markdown)."""
    known = {src: sections(text) for src, (_, text) in pages.items()}
    problems = []
    for src, (file, text) in pages.items():
        for target, anchor in _LINK.findall(text):
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or (target and not target.endswith(".md")):
                continue  # another site, or a file that is not a page (a PDF): not a section
            page = posixpath.normpath(posixpath.join(posixpath.dirname(src), target)) if target else src
            if page in known and anchor not in known[page]:
                where = pages[page][0]
                problems.append(
                    Problem(
                        file,
                        f"link ({target}#{anchor})",
                        f"no section '{anchor}' on {where}",
                        "the id of a heading or a step on that page",
                    )
                )
    return problems
