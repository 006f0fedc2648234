"""The Jinja environments for generator/templates/: one for Markdown partials, one for HTML.

Both escape by default, so a text from the data can only ever be text:
- `*.md.j2` (Markdown): every `{{ … }}` goes through generator.pages.text.md_text, which makes
  Markdown and HTML syntax inert; a value that is already Markup (a link built by code, a body
  checked against the Markdown subset) is written as it is.
- `*.html.j2` (HTML): Jinja's autoescape (markupsafe); Markup values (an SVG drawn by code, a
  page's rendered HTML) are written as they are.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.pages.text import md_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _markdown_finalize(value: object) -> object:
    return value if isinstance(value, Markup) else md_text(value)


def _block(value: object) -> Markup:
    """`{{ text | block }}` where a text starts a Markdown block: "2. haftanın …" stays a sentence
    (not a list item numbered 1), "- …" not a bullet."""
    return value if isinstance(value, Markup) else md_text(value, block=True)


@cache
def environment(kind: str = "md") -> jinja2.Environment:
    # Markdown's attr_list uses {#id}: move Jinja comments out of its way.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        comment_start_string="{##",
        comment_end_string="##}",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=kind == "html",
        finalize=_markdown_finalize if kind == "md" else None,
    )
    if kind == "md":
        env.filters["block"] = _block
    return env


def render(name: str, **context: object) -> str:
    kind = "html" if name.endswith(".html.j2") else "md"
    return environment(kind).get_template(name).render(**context)
