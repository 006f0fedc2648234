"""The editor's pages hold Markdown, not HTML: what a page turns into is checked before the build.

Each page under docs/ is rendered as MkDocs renders it (Python-Markdown with the extensions of
mkdocs.yml), with its markers still unfilled, so only what the editor wrote is looked at:

- raw HTML is refused, one line naming the page, the line and the tag: Python-Markdown's own
  parser says what is HTML (its block and inline HTML processors are watched), so a tag inside
  code is code and `<https://…>` is a link. Comments pass: they hold the protocol's markers
  (`<!-- protocol:… -->`), filled in from the data later;
- what the Markdown itself makes must keep the rule of generator.pages.htmlrule: links only to
  http(s), mailto, tel or inside the handbook, images only of the handbook, and no attribute but
  `{: #id .class }` (attr_list could otherwise write onclick or style).

Refused, not cleaned: a sanitizer would drop the editor's video or script without a word, and
the page would silently differ from its source (README, "Editing the protocol").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils.meta import get_data as get_front_matter

from generator.errors import DataError, Problem
from generator.pages import htmlrule

MKDOCS_DEFAULTS = ["toc", "tables", "fenced_code"]  # MkDocs adds these to every site's list
# Without a mkdocs.yml (a data folder checked on its own): the two extensions that let a page
# write attributes or HTML blocks, so the check is at least as strict as any site's.
WITHOUT_CONFIG = ["attr_list", "md_in_html"]
NO_HTML = "Markdown: no HTML in a page but comments and the markers <!-- protocol:… -->"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_COMMENTS = re.compile(r"(?:\s*<!--.*?-->)*\s*", re.S)


def site_markdown(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions of the site at root (mkdocs.yml, read as data, nothing run:
    generator.siteconfig, which also reports a broken file), with MkDocs' defaults, and their
    settings. Without a readable mkdocs.yml: WITHOUT_CONFIG."""
    from generator.siteconfig import read_config

    try:
        listed = read_config(root).get("markdown_extensions") or []
    except DataError:
        listed = WITHOUT_CONFIG
    names, configs = list(MKDOCS_DEFAULTS), {}
    for item in listed:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = config
    return names, configs


def page_html_problems(pages, root: Path) -> list[Problem]:
    """Every page's raw HTML and every link, image or attribute its Markdown makes that breaks
    the rule: one Problem each, naming the page and the line."""
    names, configs = site_markdown(root)
    try:
        renderer = _Renderer(names, configs)
    except Exception:  # noqa: BLE001 - an extension that does not load, or a setting only MkDocs reads
        # (a !!python/name: tag, kept as text): MkDocs reports it; the check renders strictly
        renderer = _Renderer(MKDOCS_DEFAULTS + WITHOUT_CONFIG, {})
    problems = []
    for page in pages:
        if page.text is None:
            continue
        body, _ = get_front_matter(page.text)
        html, raw = renderer.render(body)
        if raw:  # its tags would be named again below: the HTML itself is the mistake
            for piece in _one_per_element(raw):
                problems.append(
                    Problem(page.file, _where(page.text, piece), f"the HTML {_first_tag(piece)!r}", NO_HTML)
                )
            continue
        for finding in htmlrule.findings(html, page.src, htmlrule.EDITOR_ATTRIBUTES):
            problems.append(Problem(page.file, _where(page.text, finding.needle), finding.found, finding.expected))
    return list(dict.fromkeys(problems))


class _Renderer:
    """One Python-Markdown for every page, with its HTML processors watched: what they keep
    aside as raw HTML is recorded (comments apart)."""

    def __init__(self, names: list[str], configs: dict[str, dict[str, Any]]) -> None:
        self.md = markdown.Markdown(extensions=names, extension_configs=configs)
        self.raw: list[str] = []
        block = self.md.preprocessors["html_block"]
        inline = self.md.inlinePatterns["html"]
        block_run, inline_match = block.run, inline.handleMatch

        def run(lines):
            stash = self.md.htmlStash.rawHtmlBlocks
            before = len(stash)
            result = block_run(lines)
            self.raw.extend(_text(piece) for piece in stash[before:])
            return result

        def handle_match(match, data):
            self.raw.append(match.group(1))
            return inline_match(match, data)

        block.run, inline.handleMatch = run, handle_match

    def render(self, text: str) -> tuple[str, list[str]]:
        """The page's HTML, and the raw HTML in it that is not a comment."""
        self.md.reset()
        self.raw = []
        html = self.md.convert(text)
        return html, [piece for piece in self.raw if not _COMMENTS.fullmatch(piece)]


def _text(piece) -> str:
    """A piece of stashed HTML as the editor wrote it: md_in_html keeps `<div markdown>` blocks as
    elements (their tag and attributes are what matters here)."""
    if isinstance(piece, str):
        return piece
    attributes = "".join(f' {name}="{value}"' for name, value in piece.attrib.items())
    return f"<{piece.tag}{attributes}>"


def _one_per_element(raw: list[str]) -> list[str]:
    """The first piece of HTML of each element name: <b>…</b> is one mistake, not two."""
    first = {}
    for piece in raw:
        first.setdefault(_element(piece), piece)
    return list(first.values())


def _element(piece: str) -> str:
    match = re.match(r"</?\s*([A-Za-z][\w:-]*)", _first_tag(piece))
    return match[1].lower() if match else piece


def _first_tag(piece: str) -> str:
    """The first tag of a piece of HTML (comments apart), shortened."""
    match = re.search(r"<[^>]*>?", _COMMENT.sub("", piece))
    tag = match[0] if match else piece.strip()
    return tag if len(tag) <= 60 else tag[:59] + "…"


def _where(text: str, needle: str) -> str:
    """'line N' where the needle first appears in the page, or '(page)'."""
    for candidate in (needle, needle[:30], _first_tag(needle), f"<{_element(needle)}"):
        at = text.find(candidate) if candidate else -1
        if at >= 0:
            return f"line {text.count(chr(10), 0, at) + 1}"
    return "(page)"
