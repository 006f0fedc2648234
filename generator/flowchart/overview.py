"""The whole protocol across roles: who hands over to whom. Pure: data in, DOT text out.

One node per role, linking to the role's page; an edge from role A to role B wherever a step or
decision of A leads (`next`, or a branch) to a step or decision of B.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.flowchart.dot import WRAP_STEP, attrs, header, label_literal, node_line, quote, wrap
from generator.model import Protocol, Role


def handovers(protocol: Protocol) -> dict[str, list[str]]:
    """Role id -> the ids of the roles it hands over to, in the order of protocol.roles."""
    order = list(protocol.roles)
    out: dict[str, list[str]] = {}
    for role in protocol.roles.values():
        targets = {
            protocol.node(target).role
            for node in role.nodes.values()
            for target in node.successors
            if protocol.node(target).role != role.id
        }
        out[role.id] = sorted(targets, key=order.index)
    return out


def overview_dot(protocol: Protocol, lang: str, link: Callable[[Role], str]) -> str:
    """DOT for the overview in one language. `link(role)` gives the URL of the role's page."""
    lines = header("overview")
    for role in protocol.roles.values():
        text = role.display_name(lang)
        lines.append(
            node_line(
                role.id,
                len(lines),
                label_literal(wrap(text, WRAP_STEP)),
                link(role),
                style="rounded",
                **{"class": "fc-node fc-role"},
            )
        )
    for source, targets in handovers(protocol).items():
        for target in targets:
            lines.append(f"  {quote(source)} -> {quote(target)} " + attrs(**{"class": "fc-edge"}) + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"
