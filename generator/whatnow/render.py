"""The page-marker renderer for <!-- protocol:what-now -->: the helper as one block of raw HTML."""

from __future__ import annotations

from generator.flowchart.dot import PUBLIC_ROLES
from generator.model import Node
from generator.pages.context import PageContext
from generator.pages.templating import render
from generator.whatnow.reach import reach
from generator.whatnow.tree import build

# PUBLIC_ROLES (generator.flowchart.dot): roles the helper speaks to as readers, not staff; their
# outcomes never send them into a staff procedure (no "Continues with mentor: …"); parents are
# addressed with "u".
__all__ = ["PUBLIC_ROLES", "what_now"]


def what_now(ctx: PageContext) -> str:
    protocol, lang = ctx.protocol, ctx.lang

    def label(node: Node, role: str) -> str:
        """The words of the step list: '5. First talk …', or 'Continues with mentor: 1. …'."""
        return protocol.step_link_text(node, lang, on_role=role)

    def forms(node: Node) -> list[dict]:
        return [{"title": protocol.forms[f].title[lang], "href": ctx.url(f"forms/{f}.md")} for f in node.forms]

    html = render(
        "what_now.html.j2",
        reach=lambda outcome: reach(ctx, outcome),
        tree=build(protocol),
        lang=lang,
        t=ctx.t,
        t_to=ctx.t_to,
        label=label,
        href=ctx.node_url,
        forms=forms,
        public_roles=PUBLIC_ROLES,
    )
    # Templates keep their structure readable; the page gets it without blank lines.
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"
