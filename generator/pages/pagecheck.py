"""Named checks on the Markdown pages under docs/, run before anything is written.

The build (on_config, before MkDocs cleans site/) and `python -m generator check` run the same
checks, so a page mistake gives the same one-line message in both, and site/ stays as it was.
Each check takes the docs folder and the pages read so far and returns Problems; to add a rule,
write a function and add it to CHECKS.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import Problem
from generator.pages.code import code_regions, in_code
from generator.yamlio import INVISIBLE, INVISIBLE_EXPECTED, describe_char


@dataclass(frozen=True)
class Page:
    src: str  # e.g. "en/roles/mentor.md"
    file: str  # e.g. "docs/en/roles/mentor.md", as messages name it
    text: str | None  # None: not readable as UTF-8 (reported by read_pages)


_COMMENT_PREFIX = re.compile(r"<!--\s*([A-Za-z][A-Za-z-]*)\s*:")
_TEMPLATE = re.compile(r"\{\{|\{%")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)


def read_pages(docs_dir: Path, generated: dict[str, tuple[str, str]] | None = None) -> tuple[list[Page], list[Problem]]:
    """The pages under docs_dir, and the generated ones (src -> (the data file, Markdown)): a page
    written by hand where one is generated is a problem (it would be silently replaced)."""
    generated = generated or {}
    pages, problems = [], []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        file = f"docs/{src}"
        if src in generated:
            made_from = generated[src][0]
            problems.append(
                Problem(file, "(file)", "a page written by hand", f"no file: the page is made from {made_from}")
            )
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.append(Problem(file, f"line {line}", "bytes that are not UTF-8", "a page saved as UTF-8"))
            text = None
        pages.append(Page(src, file, text))
    pages += [Page(src, made_from, text) for src, (made_from, text) in sorted(generated.items())]
    return pages, problems


def parity(docs_dir: Path, pages: list[Page], languages: tuple[str, ...]) -> list[Problem]:
    """Every page exists in every language of protocol/settings.yml; no language falls back to another."""
    by_lang = {lang: set() for lang in languages}
    for page in pages:
        head, _, rest = page.src.partition("/")
        if head in by_lang:
            by_lang[head].add(rest)
    every = set().union(*by_lang.values())
    problems = []
    for lang in languages:
        if not (docs_dir / lang).is_dir():
            continue  # a listed language with no pages at all: named once (generator.siteconfig.languages)
        for rest in sorted(every - by_lang[lang]):
            other = next(o for o in languages if rest in by_lang[o])
            problems.append(
                Problem(
                    f"docs/{lang}/{rest}",
                    "(file)",
                    f"nothing: docs/{lang}/{rest} is missing",
                    f"every page exists in {', '.join(languages)}; add a translation of docs/{other}/{rest}",
                )
            )
    return problems


def front_matter(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    problems = []
    for page in _readable(pages):
        text = page.text.replace("\r\n", "\n")
        if not text.startswith("---"):
            continue
        match = _FRONT_MATTER.match(text)
        try:
            meta = yaml.safe_load(match[1]) if match else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"front matter, line {mark.line + 2}" if mark else "front matter"
            problems.append(Problem(page.file, where, "a YAML syntax error", "key: value lines between two --- lines"))
            continue
        if not isinstance(meta, dict):
            problems.append(
                Problem(
                    page.file,
                    "front matter",
                    "a first line --- with no closing ---",
                    "key: value lines between two --- lines",
                )
            )
    return problems


def empty(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    problems = []
    for page in _readable(pages):
        body = _FRONT_MATTER.sub("", page.text.replace("\r\n", "\n"), count=1)
        if not body.strip():
            problems.append(Problem(page.file, "(file)", "an empty page", "a page with a heading and some text"))
    return problems


def comments(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    """A marker with a misspelt prefix (protocl:, Protocol:) or a comment that is never closed
    would silently hide a part of the page."""
    problems = []
    for page in _readable(pages):
        text = page.text
        code = code_regions(text)
        for match in _COMMENT_PREFIX.finditer(text):
            word = match[1]
            if in_code(match.start(), code):
                continue  # quoted as code: shown as it is
            if word != "protocol" and difflib.SequenceMatcher(None, word.lower(), "protocol").ratio() >= 0.75:
                problems.append(
                    Problem(
                        page.file, _snippet(text, match.start()), f"the prefix '{word}:'", "<!-- protocol:NAME …-->"
                    )
                )
        start = text.find("<!--")
        while start != -1:
            end, following = text.find("-->", start + 4), text.find("<!--", start + 4)
            unclosed = end == -1 or (following != -1 and following < end)
            if unclosed and not in_code(start, code):
                problems.append(
                    Problem(page.file, _snippet(text, start), "a comment that is not closed", "it to end in -->")
                )
            start = following
    return problems


def invisible(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    """A bidirectional control or a zero-width character would show the prose other than typed."""
    problems = []
    for page in _readable(pages):
        for match in INVISIBLE.finditer(page.text):
            problems.append(
                Problem(page.file, _where(page.text, match.start()), describe_char(match[0]), INVISIBLE_EXPECTED)
            )
    return problems


def template_syntax(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    """'{{ … }}' or '{% … %}' in the prose is shown to readers as typed, and the build's last check
    (generator/site/prose.py) refuses it there: refused here first, naming the page. In code it is
    documentation and stays."""
    problems = []
    for page in _readable(pages):
        code = code_regions(page.text)
        for match in _TEMPLATE.finditer(page.text):
            if not in_code(match.start(), code):
                expected = "prose (no page is a template here; quote it as `code` to show it)"
                problems.append(
                    Problem(page.file, _where(page.text, match.start()), f"the template syntax {match[0]!r}", expected)
                )
    return problems


def _where(text: str, start: int) -> str:
    line = text.count("\n", 0, start) + 1
    return f"line {line}, column {start - text.rfind(chr(10), 0, start)}"


CHECKS: list[Callable[[Path, list[Page]], list[Problem]]] = [  # and parity, with the languages
    front_matter,
    empty,
    comments,
    invisible,
    template_syntax,
]


def page_problems(
    docs_dir: Path, generated: dict[str, tuple[str, str]] | None, languages: tuple[str, ...]
) -> tuple[list[Page], list[Problem]]:
    """The pages (generated ones included), and every problem the checks find in them.
    languages: the site's language codes (protocol/settings.yml)."""
    pages, problems = read_pages(docs_dir, generated)
    problems.extend(parity(docs_dir, pages, languages))
    for check in CHECKS:
        problems.extend(check(docs_dir, pages))
    return pages, problems


def _readable(pages: list[Page]) -> list[Page]:
    return [page for page in pages if page.text is not None]


def _snippet(text: str, start: int) -> str:
    line = text.count("\n", 0, start) + 1
    return f"line {line}, {' '.join(text[start : start + 40].split())!r}"
