"""Run Graphviz `dot` on DOT text and clean its SVG for inline use in a page.

Cleaning (on the parsed XML tree, never with regular expressions):
- no XML prolog, doctype or comments; no fixed width/height (the viewBox stays, so the chart
  scales to its column; the natural width is kept as the CSS variable --fc-width); no ids
  (the chart must not clash with the step anchors on its page);
- no colours or fonts: docs/assets/stylesheets/flowchart.css paints the chart from Material's
  colour variables, so it follows the light and dark schemes; where that stylesheet is absent
  (the printed booklet, a feed reader) lines and arrows are drawn in the text colour
  (`currentColor`), and an inside Graphviz calls "transparent" (a phase's frame) is left unfilled
  ("none", not SVG's default black);
- no <title> elements (Graphviz puts the DOT node names there, which a screen reader would read);
- edges first, then the nodes in reading order (for the keyboard's tab order);
- every <a> gets `href` and an `aria-label`: its node's text, the wrapped lines joined again
  (Graphviz's tooltips mangle backslashes, so the name is not passed through one); each line
  but the last ends in a space, so the link's own text reads as words too;
- the edges are hidden from screen readers (`aria-hidden`): their labels ("Ja", "Nee") were loose
  words in the chart, read before its boxes. A decision's link says them instead, each with
  where it leads: "3. Wilt u …? Ja: 4. Afspraak …; Nee: 7. Samenwerken …" (issue 19).

Rendered SVGs are cached in-process (the same DOT text is drawn once per build) and on disk in
the project's .cache/flowcharts/ (generator.fileio; a rebuild with nothing changed runs no `dot`
at all), keyed by the DOT text and the environment (generator.fileio.environment: this code, the
`dot` that PATH finds and its version, fontconfig's fonts that it measures the labels with).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.fileio import ContentCache, content_cache, environment
from generator.flowchart.dot import HANDOVER_MARK

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

DROP_ATTRS = {"id", "font-family"}
COLOUR_ATTRS = {"fill", "stroke"}


class GraphvizError(RuntimeError):
    """Graphviz is missing or could not draw a chart."""


def dot_program() -> str:
    path = shutil.which("dot")
    if path is None:
        raise GraphvizError(
            "Graphviz's 'dot' program was not found on PATH; it draws the flowcharts. "
            "Install the system package 'graphviz' (Debian/Ubuntu: sudo apt-get install graphviz; "
            "or run scripts/ensure-system-packages) and build again."
        )
    return path


def render(dot_text: str, root: Path | None = None) -> str:
    """DOT text -> cleaned, inline-ready SVG markup (one line). root: the project being built,
    whose .cache/flowcharts/ keeps the drawings between builds (None: no disk cache)."""
    return _render(dot_text, root, environment())


@functools.lru_cache(maxsize=256)
def _render(dot_text: str, root: Path | None, environment: str) -> str:  # the environment: only a key
    return clean(run_dot(dot_text, content_cache(root, "flowcharts", ".svg") if root else None))


def run_dot(dot_text: str, cache: ContentCache | None = None) -> str:
    program = dot_program()
    if cache is None:
        return _draw(program, dot_text)
    # The key is the DOT text and, as for every cached result, the environment, which names the
    # `dot` that PATH finds and its version (generator.system.graphviz).
    svg, _ = cache.get_or_make([dot_text], lambda: _draw(program, dot_text).encode("utf-8"))
    return svg.decode("utf-8")


def _draw(program: str, dot_text: str) -> str:
    result = subprocess.run(
        [program, "-Tsvg"],
        input=dot_text.encode("utf-8"),
        capture_output=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        first = dot_text.splitlines()[0] if dot_text else "(empty)"
        raise GraphvizError(
            f"dot -Tsvg failed (exit {result.returncode}) for the chart starting {first!r}: "
            f"{result.stderr.decode('utf-8', 'replace').strip()}; expected a drawable DOT graph"
        )
    return result.stdout.decode("utf-8")


def clean(svg_text: str) -> str:
    root = ET.fromstring(svg_text.encode("utf-8"))  # drops the prolog, doctype and comments
    if root.tag != f"{{{SVG_NS}}}svg":
        raise GraphvizError(f"found a <{root.tag}> document from dot; expected <svg>")
    if "viewBox" not in root.attrib:
        raise GraphvizError("found an SVG without a viewBox from dot; expected one, so the chart can scale")
    width = root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    if width and width.endswith("pt"):
        root.set("style", f"--fc-width: {width}")  # its natural width, for the CSS to scale from
    root.set("class", "flowchart__svg")
    root.set("role", "group")

    branches = _branches(root)  # read before the titles (Graphviz's node names) are removed
    _remove_titles_and_background(root)
    _reading_order(root)
    for element in root.iter():
        _clean_element(element)
    _name_branches(branches)
    # ElementTree's prefixes are global: another library registering its own default namespace
    # ("") would make this <ns0:svg>, which no browser draws inline. Registered again right here.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def _title(element: ET.Element) -> str:
    title = element.find(f"{{{SVG_NS}}}title")
    return (title.text or "") if title is not None else ""


def _link(group: ET.Element) -> ET.Element | None:
    return next(group.iter(f"{{{SVG_NS}}}a"), None)


def _branches(root: ET.Element) -> list[tuple[ET.Element, list[tuple[str, ET.Element]]]]:
    """Each decision's link with its branches (label, the link it leads to), in edge order; every
    edge hidden from screen readers. Graphviz titles a node by its name and an edge "tail->head"."""
    graph = root.find(f"{{{SVG_NS}}}g")
    if graph is None:
        return []
    nodes = {_title(g): _link(g) for g in graph if "node" in g.get("class", "").split()}
    found: dict[str, list[tuple[str, ET.Element]]] = {}
    for edge in graph:
        if "edge" not in edge.get("class", "").split():
            continue
        edge.set("aria-hidden", "true")
        label = " ".join((t.text or "").strip() for t in edge.iter(f"{{{SVG_NS}}}text")).strip()
        tail, _, head = _title(edge).partition("->")
        if label and nodes.get(tail) is not None and nodes.get(head) is not None:
            found.setdefault(tail, []).append((label, nodes[head]))
    return [(nodes[tail], pairs) for tail, pairs in found.items()]


def _name_branches(branches: list[tuple[ET.Element, list[tuple[str, ET.Element]]]]) -> None:
    """After the links are named: a decision's name goes on with its branches."""
    for link, pairs in branches:
        said = "; ".join(f"{label}: {target.get('aria-label')}" for label, target in pairs)
        link.set("aria-label", f"{link.get('aria-label')} {said}")


def _remove_titles_and_background(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}title":
                parent.remove(child)
    graph = root.find(f"{{{SVG_NS}}}g")
    if graph is not None:
        background = graph.find(f"{{{SVG_NS}}}polygon")
        if background is not None:
            graph.remove(background)


def _reading_order(root: ET.Element) -> None:
    """Edges first, then the nodes in the order dot.py declared them (their ids "fc0", "fc1"…):
    the keyboard then tabs through the steps in order, and boxes are painted over the lines."""
    graph = root.find(f"{{{SVG_NS}}}g")
    if graph is None:
        return
    groups = list(graph)

    def place(group: ET.Element) -> tuple[int, int]:
        classes = group.get("class", "").split()
        ident = group.get("id", "")
        if "node" in classes and ident.startswith("fc") and ident[2:].isdigit():
            return (1, int(ident[2:]))
        return (0, 0) if "edge" in classes else (1, -1)

    for group in groups:
        graph.remove(group)
    graph.extend(sorted(groups, key=place))  # sorted() is stable: edges keep their order


def _clean_element(element: ET.Element) -> None:
    for name in list(element.attrib):
        value = element.attrib[name]
        if name in DROP_ATTRS:
            del element.attrib[name]
        elif name in COLOUR_ATTRS and value == "transparent":
            # Graphviz's word for a phase frame's inside (style=rounded): "none", so that a reader
            # without the site's CSS (WeasyPrint's booklet reads only the SVG's own attributes)
            # does not fill it with SVG's default black over the steps
            element.set(name, "none")
        elif name in COLOUR_ATTRS and value != "none":
            element.set(name, "currentColor")  # drawn in the text colour wherever the CSS is absent
    if element.tag == f"{{{SVG_NS}}}a":
        target = element.attrib.pop(f"{{{XLINK_NS}}}href", None)
        element.attrib.pop(f"{{{XLINK_NS}}}title", None)
        lines = list(element.iter(f"{{{SVG_NS}}}text"))
        for line in lines[:-1]:  # so that the link's text reads as words, not "deleerling"
            line.text = (line.text or "") + " "
        name = "".join(line.text or "" for line in lines).strip().removeprefix(HANDOVER_MARK)
        if not target or not name:
            raise GraphvizError(f"found a chart link with href={target!r} and text={name!r}; expected both")
        element.set("href", target)
        element.set("aria-label", name)
    # One line, no blank lines: Markdown must see the whole SVG as one HTML block.
    if element.tag != f"{{{SVG_NS}}}text" and element.text is not None and not element.text.strip():
        element.text = None
    if element.tail is not None and not element.tail.strip():
        element.tail = None
