"""A role's steps and decisions as Graphviz DOT text. Pure: data in, text out; no Graphviz needed.

Steps are boxes, decisions diamonds whose edges carry the branch labels, and a step of another
role that this role hands over to is a rounded, dashed box ("→ Continues with mentor: 1. …").
Every node is a link (`URL`); svg.py names each link by its text (the wrapped lines joined again,
without the hand-over arrow). The labels are the words of the step list on the same page
(`Node.label`, `Protocol.handover_label`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable

from generator.model import Node, Protocol

# Characters per line. Narrow enough that a chart scales to a phone and stays readable.
WRAP_STEP = 18
WRAP_DECISION = 14
WRAP_EDGE = 12
HANDOVER_MARK = "→ "  # before a hand-over's label; not part of the link's name

GRAPH_ATTRS = {
    "rankdir": "TB",
    "bgcolor": "transparent",
    "pad": "0.05",
    "nodesep": "0.2",
    "ranksep": "0.3",
    "fontname": "DejaVu Sans",
}
# 12pt drawn at its natural size is 16px, Material's body text. DejaVu Sans is wider than the
# site's Atkinson Hyperlegible, which the CSS draws with, so the text always fits its box.
NODE_ATTRS = {"fontname": "DejaVu Sans", "fontsize": "12", "shape": "box", "margin": "0.12,0.06"}
# Edge labels (Ja/Nee) as large as the boxes' text: at the smallest a phone draws a chart (75%,
# flowchart.css) both are 12px.
EDGE_ATTRS = {"fontname": "DejaVu Sans", "fontsize": "12", "arrowsize": "0.7"}


# Roles with `audience: public` in their file read the handbook as readers, not staff: their step
# lists and charts never send them into a staff procedure; they are told who helps them next
# (public_handover_label), and the link leads to how to reach them (the contact block).
CONTACT_ANCHOR = "#contact-block-title"  # where a public role's page says how to reach someone


def public_handover_label(protocol: Protocol, from_role: str, node: Node, lang: str) -> str:
    """For a public reader, who helps next: 'de mentor helpt je verder' (no staff step); a reader
    addressed formally (`formal: true`, parents): 'helpt u verder'. Staff see the step itself
    (Protocol.handover_label: 'Continues with mentor: 1. …')."""
    labels = protocol.labels
    words = labels["helps_further" if protocol.roles[from_role].formal else "helps_further_student"][lang]
    role = protocol.roles[node.role]
    return f"{(role.article or labels['role_article'])[lang]} {role.name[lang]} {words}"


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def quote(text: str) -> str:
    """A DOT string literal. Backslashes are doubled so Graphviz's escapes (\\N, \\G…) stay text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def label_literal(lines: Iterable[str]) -> str:
    """Wrapped lines as one DOT label, centred line by line (\\n)."""
    return quote("\n".join(lines)).replace("\n", "\\n")


def attrs(**values: str) -> str:
    parts = []
    for key, value in values.items():
        literal = value if key == "label" else quote(value)
        parts.append(f"{key}={literal}")
    return "[" + ", ".join(parts) + "]"


def header(name: str) -> list[str]:
    """The opening lines of a digraph with this site's layout defaults."""
    return [
        f"digraph {quote(name)} {{",
        "  graph " + attrs(**GRAPH_ATTRS) + ";",
        "  node " + attrs(**NODE_ATTRS) + ";",
        "  edge " + attrs(**EDGE_ATTRS) + ";",
    ]


def role_dot(protocol: Protocol, role_id: str, lang: str, link: Callable[[Node], str]) -> str:
    """DOT for one role in one language. `link(node)` gives the URL a node leads to.

    Nodes are declared in reading order (each step, then any hand-over it leads to), and each
    gets `id` = its position ("fc3"), which svg.py uses to put the links in that order for the
    keyboard, whatever order Graphviz writes them in.
    """
    role = protocol.roles[role_id]
    lines = header(role.id)
    handovers: list[str] = []

    for node in role.nodes.values():
        text = node.label(lang)
        start = " fc-start" if node.id in role.start else ""
        if node.is_decision:
            shape = {"shape": "diamond", "class": "fc-node fc-decision" + start, "margin": "0.02,0.02"}
            width = WRAP_DECISION
        else:
            shape = {"class": "fc-node fc-step" + start}
            width = WRAP_STEP
        lines.append(node_line(node.id, len(lines), label_literal(wrap(text, width)), link(node), **shape))
        for target in node.successors:
            other = protocol.node(target)
            if other.role == role.id or target in handovers:
                continue
            handovers.append(target)
            public = role.public  # told whom to go to: the link leads to how to reach them
            if public:
                text = public_handover_label(protocol, role.id, other, lang)
            else:
                text = protocol.handover_label(other, lang)
            lines.append(
                node_line(
                    _handover_name(target),
                    len(lines),
                    label_literal(wrap(HANDOVER_MARK + text, WRAP_STEP)),
                    CONTACT_ANCHOR if public else link(other),
                    style="rounded,dashed",
                    **{"class": "fc-node fc-handover"},
                )
            )

    lines.extend(phase_clusters(protocol, role_id, lang))

    for node in role.nodes.values():
        if node.is_decision:
            for branch in node.branches:
                lines.append(_edge(node.id, branch.next, role.id, protocol, wrap(branch.label[lang], WRAP_EDGE)))
        else:
            lines.extend(_edge(node.id, target, role.id, protocol) for target in node.next)
    lines.append("}")
    return "\n".join(lines) + "\n"


# A phase of the protocol (protocol.yml `phases`) around its steps: a cluster with the phase's
# title. The nodes are declared above in reading order; naming them again in a cluster moves them
# into it without changing their ids ("fc3"), so the keyboard's order stays the step list's.
CLUSTER_ATTRS = {"fontsize": "12", "style": "rounded,dashed", "labeljust": "l", "margin": "10"}


def phase_clusters(protocol: Protocol, role_id: str, lang: str) -> list[str]:
    """One cluster per phase of the role's steps and decisions, in the order of `phases`."""
    lines = []
    for phase, nodes in protocol.phase_groups(role_id):
        if phase is None:
            continue
        values = {"label": label_literal(wrap(phase.title[lang], WRAP_STEP * 2)), **CLUSTER_ATTRS}
        lines.append(f"  subgraph {quote('cluster_' + phase.id)} {{")
        lines.append("    graph " + attrs(**values, **{"class": "fc-phase"}) + ";")
        lines.extend(f"    {quote(node.id)};" for node in nodes)
        lines.append("  }")
    return lines


def node_line(name: str, position: int, label: str, url: str, **extra: str) -> str:
    """One node: its wrapped label, its link and its place in reading order."""
    return f"  {quote(name)} " + attrs(label=label, URL=url, id=f"fc{position}", **extra) + ";"


def _handover_name(target: str) -> str:
    return f"handover:{target}"


def _edge(source: str, target: str, role_id: str, protocol: Protocol, label: list[str] | None = None) -> str:
    values: dict[str, str] = {"class": "fc-edge"}
    if protocol.node(target).role != role_id:
        target, values = _handover_name(target), {"class": "fc-edge fc-edge-handover", "style": "dashed"}
    if label:
        values["label"] = label_literal(label)
    return f"  {quote(source)} -> {quote(target)} " + attrs(**values) + ";"
