"""Links from raw HTML (inline SVG, the helper) to pages of the built site.

MkDocs rewrites `.md` links only in Markdown, not in raw HTML, so HTML written into a page needs
the URL of the target as the browser will see it: with `use_directory_urls` (MkDocs' default,
kept by this site) `roles/mentor.md` is served at `roles/mentor/` and `index.md` at `./`.
"""

from __future__ import annotations

import posixpath

from generator.model import Node
from generator.pages.context import PageContext

USE_DIRECTORY_URLS = True  # as in mkdocs.yml (MkDocs' default)


def page_url(page: str) -> str:
    """'roles/mentor.md' -> 'roles/mentor/', 'index.md' -> '', 'forms/index.md' -> 'forms/'."""
    if not page.endswith(".md"):
        raise ValueError(f"found the page path {page!r}; expected a Markdown file such as 'roles/mentor.md'")
    stem = page[: -len(".md")]
    if not USE_DIRECTORY_URLS:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(ctx: PageContext, target: str, anchor: str | None = None) -> str:
    """A relative URL from the page being rendered to `target` (a page of the same language tree)."""
    here, there = page_url(ctx.page), page_url(target)
    fragment = f"#{anchor}" if anchor else ""
    if here == there:
        return fragment or "./"
    # The folder the browser resolves relative URLs against: 'roles/mentor/' -> 'roles/mentor'.
    here_dir = here.rstrip("/") if USE_DIRECTORY_URLS else posixpath.dirname(here)
    path = posixpath.relpath(there or ".", here_dir or ".")
    if USE_DIRECTORY_URLS:
        path = "./" if path == "." else path + "/"
    return path + fragment


def node_href(ctx: PageContext, node: Node) -> str:
    """The URL of a step's section, like PageContext.node_link but for raw HTML."""
    return href(ctx, ctx.protocol.roles[node.role].page, node.id)
