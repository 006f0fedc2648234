"""What a renderer knows about the page it writes into."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.model import Node, Protocol
from generator.pages.urls import relative_url

if TYPE_CHECKING:
    from generator.handbook import Handbook


@dataclass(frozen=True)
class PageContext:
    protocol: Protocol
    lang: str
    page: str  # the page's path inside its language tree, e.g. "roles/mentor.md"
    pdfs: bool = False  # whether the PDF forms are part of this build
    directory_urls: bool = True  # MkDocs' use_directory_urls: False in the offline build
    handbook: Handbook | None = None  # all the data, read once (form pages and the glossary use it)

    def rel(self, target: str, anchor: str | None = None) -> Markup:
        """A Markdown link target from this page to another file of the same language tree
        (Markup: built from ids, written into Markdown partials as it is)."""
        base = posixpath.dirname(self.page)
        path = posixpath.relpath(target, base or ".")
        if path == posixpath.basename(self.page) and anchor:
            path = ""
        return Markup(f"{path}#{anchor}" if anchor else path)

    def url(self, target: str, anchor: str | None = None) -> str:
        """A URL for raw HTML, which MkDocs does not rewrite, from this page to a page or file of
        the same language tree (see generator.pages.urls)."""
        return relative_url(self.page, target, anchor, self.directory_urls)

    def node_link(self, node: Node) -> Markup:
        """A Markdown link target to a step's section."""
        return self.rel(self.protocol.roles[node.role].page, node.id)

    def node_url(self, node: Node) -> str:
        """A raw-HTML URL to a step's section (charts, the helper)."""
        return self.url(self.protocol.roles[node.role].page, node.id)

    def t(self, key: str) -> str:
        """A word from protocol/labels.yml in this page's language (MissingLabel if it is not there)."""
        return self.protocol.labels[key][self.lang]

    def t_to(self, role: str, key: str) -> str:
        """A word as it is said to a role's reader: a role with `formal: true` (parents) is addressed
        with "u", so the label's `_formal` form where it has one; everyone else "je", the label itself."""
        formal = f"{key}_formal"
        reader = self.protocol.roles.get(role)
        return self.t(formal) if reader and reader.formal and formal in self.protocol.labels else self.t(key)
