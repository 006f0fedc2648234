"""Links to a page or file of the handbook lead to one, checked on the filled pages before
anything is written.

MkDocs' strict build refuses a relative link whose target is not one of the site's files, and an
absolute path (`/etc/passwd`), but only once it renders the page, after it has begun writing the
site; and it names the page it rendered (`en/roles/mentor.md`), not the file the link was typed
in. Here every link of a filled page is resolved as MkDocs resolves it, and a broken one is named
where it was written: the page under docs/, or the step whose body holds it
(`protocol/roles/mentor.yml: steps[m-receive].body.en`). Links to another website (a scheme, or
`//host`) are not looked at here, nor links to a section (generator.pages.anchors). Only what
Markdown reads as Markdown is looked at: a raw HTML block (the helper on the home page shows step
bodies as text) holds no link MkDocs would check; a `<div markdown>` (the step lists) does.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown

from generator.errors import Problem
from generator.model import Protocol
from generator.pages.code import code_regions, in_code

_LINK = re.compile(r"\]\(\s*<?([^()\s<>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def targets(markdown: str) -> list[str]:
    """Every link target of a Markdown text (inline links and images, reference definitions),
    outside code, as written."""
    code = code_regions(markdown)
    found = []
    for pattern in (_LINK, _REFERENCE):
        found += [m[1] for m in pattern.finditer(markdown) if not in_code(m.start(), code)]
    return found


def markdown_parts(text: str) -> str:
    """The parts of a page that Markdown reads as Markdown: the page without its raw HTML blocks,
    and the text of every `<div markdown>` block (Python-Markdown's md_in_html, as MkDocs runs it)."""
    md = markdown.Markdown(extensions=["md_in_html"])
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    blocks = [item for item in md.htmlStash.rawHtmlBlocks if isinstance(item, Element)]
    return "\n".join(["\n".join(lines), *("\n".join(block.itertext()) for block in blocks)])


def broken(src: str, target: str, known: set[str]) -> str | None:
    """What is wrong with a link from the page src ('en/roles/mentor.md'), or None: another
    website, an anchor on the same page, or a file of the site."""
    if not target or _SCHEME.match(target) or target.startswith("//"):
        return None  # another website (which schemes are allowed is the page checks' matter)
    path = unquote(urlsplit(target).path)
    if not path:
        return None  # a section of this page
    if path.startswith(("/", "\\")):
        return "an absolute path"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    if resolved == ".." or resolved.startswith("../"):
        return "a path out of the handbook's pages"
    if resolved not in known:
        return f"no such page ({resolved})" if resolved.endswith(".md") else f"no such file ({resolved})"
    return None


def link_problems(
    pages: dict[str, tuple[str, str, str]], known: set[str], protocol: Protocol | None = None
) -> list[Problem]:
    """pages: docs src -> (the file messages name, the page as written, the page filled);
    known: every file of the site by its docs src (pages, assets, generated forms and PDFs)."""
    problems = []
    for src, (file, written, filled) in pages.items():
        suspects = {t: what for t in targets(filled) if (what := broken(src, t, known)) is not None}
        if not suspects:
            continue  # the usual case: the page is not parsed any further
        own, read = set(targets(written)), set(targets(markdown_parts(filled)))
        for target, what in suspects.items():
            if target in read:  # not a text inside a raw HTML block
                problems.append(where(src, file, target, what, own, protocol))
    return problems


def where(src: str, file: str, target: str, what: str, own: set[str], protocol: Protocol | None) -> Problem:
    """The problem, named where the link was typed: the page itself, or a step's body."""
    lang = src.split("/", 1)[0]
    if target not in own and protocol is not None:
        step = step_with_link(protocol, lang, target, src)
        if step is not None:
            role, node_id = step
            return Problem(
                f"protocol/roles/{role}.yml",
                f"steps[{node_id}].body.{lang}",
                f"the link {target!r}: {what}",
                f"a link to a page of the handbook as seen from {file}, where the step is shown "
                "(such as coordinator.md), or an https:// address",
            )
    expected = f"a page under docs/{lang}/" if what.startswith("no such page") else _EXPECTED
    return Problem(file, f"link ({target})", what, expected)


_EXPECTED = "a link to a page or file of the handbook, relative to this page (such as roles/mentor.md)"


def step_with_link(protocol: Protocol, lang: str, target: str, src: str) -> tuple[str, str] | None:
    """(role, step id) of the step whose body in lang links to target; the role whose page src
    is comes first."""
    roles = sorted(protocol.roles.values(), key=lambda role: f"{lang}/{role.page}" != src)
    for role in roles:
        for node in role.nodes.values():
            if node.body is not None and target in targets(node.body[lang]):
                return role.id, node.id
    return None
