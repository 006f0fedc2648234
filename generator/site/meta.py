"""A page's meta description: its front matter `description:`, or else its first real paragraph.

Search engines show it under the title, and link previews use it. Material writes
<meta name="description"> from page.meta.description (overrides/main.html, block site_meta).
The page's HTML is read only up to that paragraph (a streaming parser that stops there).
"""

from __future__ import annotations

from generator.site.firstmatch import FirstMatch

MAX_LENGTH = 160
MIN_LENGTH = 40  # shorter paragraphs ("Choose what fits you.") say too little on their own
SKIPPED = {"nav", "aside", "details", "table", "figure", "svg", "script", "style"}  # not the page's own words
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _FirstParagraph(FirstMatch):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) skipped?
        self.text: list[str] | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skipped = (self.stack[-1] if self.stack else False) or tag in SKIPPED or "admonition" in classes
        self.stack.append(skipped)
        if tag == "p" and not skipped and self.text is None:
            self.text, self.depth = [], len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        if self.text is not None and tag == "p" and len(self.stack) == self.depth:
            text = " ".join("".join(self.text).split())
            self.text = None
            if len(text) >= MIN_LENGTH:
                self.stop(text)
        self.stack.pop()

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def first_paragraph(html: str) -> str | None:
    """The text of the first paragraph of at least MIN_LENGTH characters, whitespace collapsed."""
    return _FirstParagraph.search(html)


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """Cut at a word boundary so that the text with its ellipsis fits in `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def describe(page, html: str) -> None:
    """Give the page a description from its first paragraph, unless its front matter has one."""
    if page.meta.get("description"):
        return
    text = first_paragraph(html)
    if text:
        page.meta["description"] = shorten(text)
