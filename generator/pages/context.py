"""What a renderer knows about the page it writes into."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator import DEFAULT_LANGUAGE
from generator.model import Node, Protocol


@dataclass(frozen=True)
class PageContext:
    protocol: Protocol
    lang: str
    page: str  # the page's path inside its language tree, e.g. "roles/mentor.md"
    pdfs: bool = False  # whether the PDF forms are part of this build
    form_definitions: dict | None = None  # generator.forms definitions, loaded once per build

    def rel(self, target: str, anchor: str | None = None) -> str:
        """A Markdown link target from this page to another file of the same language tree."""
        base = posixpath.dirname(self.page)
        path = posixpath.relpath(target, base or ".")
        if path == posixpath.basename(self.page) and anchor:
            path = ""
        return f"{path}#{anchor}" if anchor else path

    def url_to_root_file(self, name: str) -> str:
        """A URL (for raw HTML, which MkDocs does not rewrite) from this page to a file in the
        root of its language tree, with directory URLs: about.md is served at about/."""
        parts = self.page.removesuffix(".md").split("/")
        depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
        return "../" * depth + name

    def url_to_site_root(self) -> str:
        """A URL from this page to the root of the whole site (above /en/)."""
        return self.url_to_root_file("") + ("" if self.lang == DEFAULT_LANGUAGE else "../")

    def node_link(self, node: Node) -> str:
        return self.rel(self.protocol.roles[node.role].page, node.id)

    def t(self, key: str) -> str:
        return self.protocol.labels[key][self.lang]
