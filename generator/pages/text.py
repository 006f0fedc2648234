"""Text from the data is text: how a text from the YAML files goes into a Markdown page.

Two kinds of text come from the data:

- Plain texts (titles, labels, settings, summaries, duties, questions): `md_text()` turns every
  character that Markdown or HTML would read as syntax (`< > & [ ] { } * _ ` | # + \\`) into a
  character reference, so the text shows exactly as typed and can never become a tag, a link,
  an attr_list attribute or a heading. Line breaks become spaces.
- Step bodies, which may carry a small Markdown subset (BODY_SUBSET): paragraphs, **bold**,
  *italic*, bulleted and numbered lists, and links whose target is http(s), mailto, tel or a
  relative path. `body_problems()` says what else a body holds (raw HTML, an image, a heading, a
  link to another scheme) so the loader can refuse it; `md_body()` still escapes `< > { } |`, so
  even an unchecked body can hold no tag and no attribute.

The Markdown partials (generator/templates/*.md.j2) apply md_text to every `{{ … }}` that is not
already Markup (generator.pages.templating), so escaping is what happens unless code says otherwise.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import Markup

_INLINE = {c: f"&#{ord(c)};" for c in "&<>[]{}*_`|#+\\"}
_BODY = {c: f"&#{ord(c)};" for c in "<>{}|"}  # not &: a filled-in setting arrives as &#60; etc.
_LEADING = re.compile(r"^(\s*)(\d+)([.)])")  # "1. " at the start of a text would begin a list

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
BODY_SUBSET = "text with **bold**, *italic*, lists and links ([words](https://…)); no HTML"
ALLOWED_TAGS = {"p", "strong", "em", "ul", "ol", "li", "a", "br"}
_TAG_NAMES = {
    "img": "an image",
    "h1": "a heading",
    "h2": "a heading",
    "h3": "a heading",
    "h4": "a heading",
    "h5": "a heading",
    "h6": "a heading",
    "hr": "a horizontal line",
    "blockquote": "a quotation block (a line starting with >)",
    "pre": "a code block (a line indented by four spaces)",
    "code": "code (text between backticks)",
}
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")


def md_text(value: object, block: bool = False) -> Markup:
    """A plain text as inert Markdown: shows as typed, on one line. block: the text starts a
    Markdown block (a paragraph of its own), where "1. " or "- " would begin a list."""
    text = " ".join(str(value).split())
    text = "".join(_INLINE.get(c, c) for c in text)
    if block:
        text = _LEADING.sub(lambda m: f"{m[1]}{m[2]}&#{ord(m[3])};", text)
        if text[:1] in "-=":
            text = f"&#{ord(text[0])};{text[1:]}"
    return Markup(text)


def md_body(value: str) -> Markup:
    """A step body as Markdown of the subset: no character of it can open a tag or an attribute."""
    return Markup("".join(_BODY.get(c, c) for c in value.strip()))


def safe_href(href: str) -> bool:
    """True for http(s), mailto and tel links, and for relative links (no scheme at all).

    Browsers ignore tabs, newlines and control characters inside a URL's scheme
    ("java\\tscript:"), so they are removed before the scheme is read."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", href)
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    if scheme is None:
        return not cleaned.startswith("//")  # "//host/x" is another site, with this page's scheme
    return scheme[1].lower() in SAFE_SCHEMES


def body_problems(body: str) -> list[tuple[str, str]]:
    """What a step body holds beyond BODY_SUBSET, as (found, expected) pairs; empty if it is fine."""
    import markdown  # Python-Markdown's core, without extensions: the subset is core Markdown

    raw = _RAW_HTML.search(body)
    if raw:
        return [(f"the HTML {raw[0]!r}", BODY_SUBSET)]
    parser = _Tags()
    parser.feed(markdown.markdown(body))
    parser.close()
    found: list[tuple[str, str]] = []
    for tag, attrs in parser.tags:
        if tag == "a":
            href = attrs.get("href") or ""
            if not safe_href(href):
                found.append((f"the link {href!r}", "a link starting with https://, http://, mailto: or tel:"))
            elif re.search(r'["\s<>]', href):  # [x](https://a/" b) Words: the words went into the address
                found.append((f"the link {href!r}", "a link address without spaces or quotes, closed by ')'"))
        elif tag not in ALLOWED_TAGS:
            found.append((_TAG_NAMES.get(tag, f"the element <{tag}>"), BODY_SUBSET))
    return found


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
