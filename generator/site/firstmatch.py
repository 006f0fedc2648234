"""Read a page's HTML only up to what is looked for: a streaming parser that stops at its first match
(the chart a skip link leads to, generator.site.skiplink; the paragraph a meta description takes,
generator.site.meta)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Found(Exception):
    pass


class FirstMatch(HTMLParser):
    """A parser whose handlers call stop(value) on the first match; search(html) returns it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def stop(self, value: str) -> None:
        self.found = value
        raise _Found

    @classmethod
    def search(cls, html: str) -> str | None:
        parser = cls()
        try:
            parser.feed(html)
            parser.close()
        except _Found:
            pass
        return parser.found
