"""Links from raw HTML (inline SVG, the helper) to pages of the built site.

MkDocs rewrites `.md` links only in Markdown, not in raw HTML, so HTML written into a page needs
the URL of the target as the browser will see it: with `use_directory_urls` (MkDocs' default,
kept by this site) `roles/mentor.md` is served at `roles/mentor/` and `index.md` at `./`.
"""

from __future__ import annotations

from generator.model import Node
from generator.pages import urls
from generator.pages.context import PageContext


def page_url(page: str) -> str:
    """The served URL of a page, with directory URLs: 'roles/mentor.md' -> 'roles/mentor/'."""
    return urls.page_url(page)


def href(ctx: PageContext, target: str, anchor: str | None = None) -> str:
    """A relative URL from the page being rendered to `target` (a page of the same language tree)."""
    return ctx.url(target, anchor)


def node_href(ctx: PageContext, node: Node) -> str:
    """The URL of a step's section, like PageContext.node_link but for raw HTML."""
    return href(ctx, ctx.protocol.roles[node.role].page, node.id)
