"""A Content-Security-Policy in every page: the browser runs, loads and sends only the site's own.

Written by the hooks as a <meta http-equiv> right after <meta charset> (on_post_page, and
on_post_template for the 404 pages), so it holds on any web server and from file:// alike:

    default-src 'self'; script-src 'self' <hashes>; style-src 'self' <hashes>; img-src 'self' data:;
    font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none';
    base-uri 'none'; form-action 'none'

- Scripts: files of the site, and the theme's few inline scripts by their sha256 hashes. The hash
  is computed from the built page, but only for a script that is one of THEME_SCRIPTS as its
  template writes it (the template's text, with a value where it has {{ … }}); any other inline
  script (markup from a setting, say) is refused with one line, so it can never be allowed.
- Styles: stylesheet files, the inline <style> of THEME_STYLES by hash, and style attributes
  (the charts' width) by hash ('unsafe-hashes'): each must keep htmlrule's style rule first.
- Images from the site (and data:, which Material's stylesheet uses for its icons), fonts from
  the site, requests (search index) to the site; no frame, plug-in, <base> or form submission.

frame-ancestors is left out: a <meta> policy cannot carry it (browsers ignore it and say so).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from generator.errors import DataError, Problem
from generator.pages.htmlrule import STYLE

# The theme's inline scripts the site uses (Material's partials, and the language switcher's).
THEME_SCRIPTS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/alternate.html",
)
THEME_STYLES = ("main.html",)  # the printed pages' site address (overrides/main.html)
CHARSET = '<meta charset="utf-8">'  # overrides/main.html, site_meta: the policy goes right after it
FIXED = (
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
)
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_VALUE = r"[^\"'<>\\\n]*"  # what a {{ … }} of a theme script may have become: no quote, no tag
_BODY = {"script": re.compile(r"<script>(.*?)</script>", re.S), "style": re.compile(r"<style>(.*?)</style>", re.S)}


def add_policy(html: str, theme_dirs: list[str], name: str) -> str:
    """The page with its Content-Security-Policy, or DataError if it has an inline script or style
    that is not the theme's (name: the page, for the message)."""
    policy = page_policy(html, theme_dirs, name)
    if CHARSET not in html:
        raise RuntimeError(f"{name}: no {CHARSET} to put the Content-Security-Policy after (overrides/main.html)")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace(CHARSET, f"{CHARSET}\n  {meta}", 1)


def page_policy(html: str, theme_dirs: list[str], name: str) -> str:
    scripts, styles = known(tuple(theme_dirs))
    inline = _Inline()
    inline.feed(html)
    inline.close()
    problems: list[Problem] = []
    script_hashes = _theme_hashes(inline.scripts, scripts, name, "script", "no script but the site's own", problems)
    style_hashes = _theme_hashes(inline.styles, styles, name, "style", "the site's own stylesheets", problems)
    for text in inline.style_attributes:
        if not STYLE.fullmatch(text):
            problems.append(
                Problem(name, "style", f"the style {_short(text)}", "a style without url(), quotes or backslashes")
            )
    attribute_hashes = {sha256(text) for text in inline.style_attributes}
    if problems:
        raise DataError(problems)
    script_src = " ".join(["script-src 'self'", *sorted(script_hashes)])
    style_src = " ".join(
        [
            "style-src 'self'",
            *sorted(style_hashes),
            *(["'unsafe-hashes'", *sorted(attribute_hashes)] if attribute_hashes else []),
        ]
    )
    return "; ".join(["default-src 'self'", script_src, style_src, *FIXED])


def _theme_hashes(
    texts: list[str], theme: list[re.Pattern], name: str, tag: str, expected: str, problems: list[Problem]
) -> set[str]:
    """The hashes of a page's inline scripts (or styles), each of which must be one of the theme's
    own (a problem in `problems` for any other)."""
    for text in texts:
        if not any(pattern.fullmatch(text) for pattern in theme):
            found = f"an inline {tag} that is not the theme's ({_short(text)})"
            problems.append(Problem(name, f"<{tag}>", found, expected))
    return {sha256(text) for text in texts}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@functools.lru_cache(maxsize=4)
def known(theme_dirs: tuple[str, ...]) -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The theme's inline scripts and styles as patterns, from the first template of each name
    found in the theme's folders (overrides first, as MkDocs looks them up)."""
    return _patterns(theme_dirs, THEME_SCRIPTS, "script"), _patterns(theme_dirs, THEME_STYLES, "style")


def _patterns(theme_dirs: tuple[str, ...], names: tuple[str, ...], element: str) -> list[re.Pattern]:
    patterns = []
    for name in names:
        template = next((Path(d) / name for d in theme_dirs if (Path(d) / name).is_file()), None)
        if template is None:
            raise RuntimeError(f"the theme has no template {name} (generator/site/csp.py, THEME_SCRIPTS)")
        source = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        for body in _BODY[element].findall(source):
            patterns.append(re.compile(_template_pattern(body, f"{name}: <{element}>"), re.S))
    return patterns


def _template_pattern(body: str, where: str) -> str:
    """A template's script text as a pattern: its text as it is, each {{ … }} a value."""
    parts = re.split(r"(\{\{.*?\}\}|\{%.*?%\})", body, flags=re.S)
    pattern = []
    for part in parts:
        if part.startswith("{%"):
            raise RuntimeError(f"{where}: a {{% … %}} inside an inline script; expected only {{{{ … }}}} values")
        pattern.append(_VALUE if part.startswith("{{") else re.escape(part))
    return "".join(pattern)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:49] + "…")


class _Inline(HTMLParser):
    """A page's inline scripts (the executable kinds), <style> elements and style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("style") is not None:
            self.style_attributes.append(values["style"])
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in EXECUTABLE:
            self._open = self.scripts
            self.scripts.append("")
        elif tag == "style":
            self._open = self.styles
            self.styles.append("")

    def handle_data(self, data):
        if self._open is not None:
            self._open[-1] += data

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None
