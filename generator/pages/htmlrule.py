"""The one rule for what a page's HTML may hold, whoever wrote it.

No script but the site's own, no request to another website, no file from outside the site, and
no link scheme but http:, https:, mailto:, tel: and relative. `findings()` walks a piece of HTML
(parsed with the standard library's HTMLParser, as a browser tokenizes it) and says what breaks
the rule:

- an element outside ELEMENTS (script, iframe, object, embed, style, link, meta, base, form, and
  SVG's animate, set and foreignObject among them: what is not listed is refused);
- an event attribute (on…), and srcdoc;
- a link (<a href>) with another scheme, starting with / or //, or leading out of the tree;
- a resource (src, srcset, an SVG <image>/<use> href, poster, formaction, ping, …) that is not a
  relative address inside the tree: no other website, no data:, no file:;
- a style attribute with url(…), image-set(…), quotes or backslashes (a request in disguise).

It is applied twice: to the HTML of the editor's own Markdown, before anything is built, with
EDITOR_ATTRIBUTES (generator.pages.pagehtml), and to the HTML the build writes for every page's
article, generated parts included (generator/site/hooks.py, on_page_content): the second wall.
The theme's own scripts live outside the article, allowed by the pages' Content-Security-Policy
(generator.site.csp).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.pages.text import safe_href

_HTML = (
    "a abbr address article aside b bdi bdo blockquote br button caption cite code col colgroup data dd del details "
    "dfn div dl dt em fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i img input ins kbd "
    "label legend li main mark meter nav ol optgroup option output p picture pre progress q rp rt ruby s samp "
    "section select small source span strong sub summary sup table tbody td textarea tfoot th thead time tr u ul "
    "var wbr"
)
# SVG as the charts draw it (Graphviz), and the shapes an icon may use; lower case, as parsed.
_SVG = "svg g defs title desc path polygon polyline line rect circle ellipse text tspan marker symbol use image"
_SVG += " lineargradient radialgradient stop clippath mask"
ELEMENTS = frozenset(_HTML.split()) | frozenset(_SVG.split())

# Attributes whose value is fetched by the browser as the page loads or is used (not a link to follow).
RESOURCES = frozenset(
    "src srcset poster data background formaction action ping manifest codebase archive lowsrc dynsrc icon "
    "profile usemap".split()
)
LINKS = frozenset({"href", "xlink:href", "cite", "longdesc"})  # on <a>: followed when clicked
REFUSED = frozenset({"srcdoc", "http-equiv"})

# What Markdown, with the site's extensions, writes itself; `{: #id .class }` adds id and class.
EDITOR_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class"}),
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
}

LINK_EXPECTED = "a link starting with https://, http://, mailto: or tel:, or a relative link to a page or file"
RESOURCE_EXPECTED = "a file of the handbook, addressed relative to the page (no other website, no data: or file:)"
STYLE = re.compile(r"[^\\\"'()<>@]*")  # declarations without url(), image-set(), quotes or escapes
_DOT = re.compile(r"%2e", re.I)  # browsers read %2e%2e as a '..' segment


@dataclass(frozen=True)
class Finding:
    found: str
    expected: str
    needle: str  # a piece of the input it came from (a tag, an attribute's value), to find it by


def findings(html: str, base: str, attributes: dict[str, frozenset[str]] | None = None) -> list[Finding]:
    """What in `html` breaks the rule, each once, in order. `base`: where the HTML lives in its tree
    ('en/about.md' under docs/, 'en/about/index.html' in the site), for relative addresses.
    `attributes`: the only attributes allowed per element ('*' for every element), or None for any
    attribute the rule does not refuse."""
    walker = _Walker(posixpath.dirname(base), attributes)
    walker.feed(html)
    walker.close()
    return list(dict.fromkeys(walker.found))


class _Walker(HTMLParser):
    def __init__(self, folder: str, attributes: dict[str, frozenset[str]] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.folder = folder
        self.attributes = attributes
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ELEMENTS:
            self.found.append(
                Finding(
                    f"the element <{tag}>",
                    "text, links and pictures of the handbook: no script, frame, embed or style element",
                    f"<{tag}",
                )
            )
            return
        allowed = None
        if self.attributes is not None:
            allowed = self.attributes.get("*", frozenset()) | self.attributes.get(tag, frozenset())
        for name, value in attrs:
            problem = self._attribute(tag, name, value or "", allowed)
            if problem:
                self.found.append(problem)

    def _attribute(self, tag: str, name: str, value: str, allowed: frozenset[str] | None) -> Finding | None:
        shown = f"{name}={value!r}" if len(value) <= 60 else f"{name}={value[:59]!r}…"
        if name.startswith("on") or name in REFUSED:
            return Finding(f"the attribute {shown} on <{tag}>", "no event handler or script in an attribute", name)
        if allowed is not None and name not in allowed:
            return Finding(
                f"the attribute {shown} on <{tag}>", "only {: #id .class } after a heading, a paragraph or a link", name
            )
        if name == "style" and not STYLE.fullmatch(value):
            return Finding(f"the style {value!r}", "a style without url(), quotes or backslashes", value[:40])
        if name in LINKS and tag == "a":
            return self._link(value)
        if name in RESOURCES or name in LINKS:
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            for url in urls:
                problem = self._resource(tag, name, url)
                if problem:
                    return problem
        return None

    def _link(self, url: str) -> Finding | None:
        if not safe_href(url):
            return Finding(f"the link {url!r}", LINK_EXPECTED, url)
        if _scheme(url) is None and url.strip():
            if _cleaned(url).startswith("/"):
                return Finding(f"the link {url!r}", "a link relative to the page, or a full address https://…", url)
            if self._leaves(url):
                return Finding(f"the link {url!r} to a file outside the handbook", LINK_EXPECTED, url)
        return None

    def _resource(self, tag: str, name: str, url: str) -> Finding | None:
        if not url.strip():
            return None
        what = "the image" if tag in ("img", "image", "picture", "source") else f"the address {name}= on <{tag}>"
        cleaned = _cleaned(url)
        if _scheme(url) is not None or cleaned.startswith("/"):
            return Finding(f"{what} {url!r}", RESOURCE_EXPECTED, url)
        if self._leaves(url):
            return Finding(f"{what} {url!r} from outside the handbook", RESOURCE_EXPECTED, url)
        return None

    def _leaves(self, url: str) -> bool:
        """Whether a relative address leads above the top of the tree (to a file outside it)."""
        path = re.split(r"[?#]", _cleaned(url), maxsplit=1)[0]
        path = _DOT.sub(".", path.replace("\\", "/"))
        resolved = posixpath.normpath(posixpath.join(self.folder, path)) if path else self.folder
        return resolved == ".." or resolved.startswith("../")


def _cleaned(url: str) -> str:
    """A URL as a browser reads it: tabs and newlines inside it dropped, spaces at its ends trimmed."""
    return re.sub(r"[\t\n\r]", "", url).strip("\x00- ")


def _scheme(url: str) -> str | None:
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", re.sub(r"[\x00-\x20\x7f]", "", url))
    return match[1].lower() if match else None
