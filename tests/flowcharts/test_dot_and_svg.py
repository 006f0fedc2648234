"""DOT from the data, and Graphviz's SVG cleaned for inline use: small inputs, parsed outputs."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from generator.fileio import content_cache
from generator.flowchart import svg
from generator.flowchart.dot import WRAP_STEP, role_dot
from generator.model import Text
from generator.pages.context import PageContext
from generator.pages.urls import page_url

NS = {"svg": svg.SVG_NS}


def draw(protocol, role: str, lang: str = "en") -> ET.Element:
    return ET.fromstring(svg.render(role_dot(protocol, role, lang, lambda node: f"#{node.id}")))


def test_steps_are_boxes_decisions_diamonds_and_hand_overs_dashed_rounded_boxes(protocol):
    dot = role_dot(protocol, "teacher", "en", lambda node: f"#{node.id}")
    lines = {line.split()[0].strip('"'): line for line in dot.splitlines() if "URL=" in line}
    assert 'shape="diamond"' in lines["t-group"]
    assert "shape=" not in lines["t-notice"]  # the default: a box
    assert 'style="rounded,dashed"' in lines["handover:m-receive"]
    assert '"t-report" -> "handover:m-receive"' in dot


def test_long_labels_are_wrapped_into_short_lines(protocol):
    for role in protocol.roles:
        for text in draw(protocol, role).iterfind(".//svg:g[@class]/svg:g/svg:a/svg:text", NS):
            longest_word = max(len(w) for w in text.text.split())
            assert len(text.text) <= max(WRAP_STEP + 2, longest_word), text.text


def test_quotes_and_backslashes_in_a_title_stay_text(protocol):
    node = protocol.node("t-notice")
    odd = dataclasses.replace(node, title=Text(en='See "it" \\N or \\l suspect it', nl="x"))
    role = protocol.roles["teacher"]
    changed = dataclasses.replace(
        protocol, roles={**protocol.roles, "teacher": dataclasses.replace(role, nodes={**role.nodes, "t-notice": odd})}
    )
    link = next(a for a in draw(changed, "teacher").iterfind(".//svg:a", NS) if a.get("href") == "#t-notice")
    assert link.get("aria-label") == '1. See "it" \\N or \\l suspect it'
    assert "".join(t.text for t in link.iterfind("svg:text", NS)) == link.get("aria-label")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_edges_are_hidden_from_screen_readers_and_a_decision_names_where_each_answer_leads(protocol, lang):
    """Issue 19: the chart's "Ja Nee Ja Nee" were loose words before its boxes; each is said now
    by the decision it belongs to, with the step it leads to."""
    drawing = draw(protocol, "parent", lang)
    edges = [g for g in drawing.iterfind(".//svg:g[@class]", NS) if "edge" in g.get("class").split()]
    assert edges and all(edge.get("aria-hidden") == "true" for edge in edges)
    names = {a.get("href"): a.get("aria-label") for a in drawing.iterfind(".//svg:a", NS)}
    role = protocol.roles["parent"]
    for node in role.nodes.values():
        said = [f"{b.label[lang]}: {names[f'#{b.next}']}" for b in node.branches]
        expected = f"{node.label(lang)} {'; '.join(said)}" if node.is_decision else node.label(lang)
        assert names[f"#{node.id}"] == expected


def test_a_missing_dot_program_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(svg.shutil, "which", lambda name: None)
    with pytest.raises(svg.GraphvizError, match="graphviz") as error:
        svg.run_dot("digraph { a }")
    assert "apt-get install graphviz" in str(error.value)


def test_a_broken_graph_says_what_dot_reported():
    with pytest.raises(svg.GraphvizError, match="dot -Tsvg failed"):
        svg.run_dot('digraph "broken" { a -> }')


def test_links_from_raw_html_use_the_sites_directory_urls(protocol):
    assert page_url("index.md") == "" and page_url("roles/mentor.md") == "roles/mentor/"
    on_mentor = PageContext(protocol, "en", "roles/mentor.md")
    assert on_mentor.url("roles/mentor.md", "m-receive") == "#m-receive"
    assert on_mentor.url("roles/coordinator.md", "c-receive") == "../coordinator/#c-receive"
    assert on_mentor.url("index.md") == "../../"
    on_home = PageContext(protocol, "en", "index.md")
    assert on_home.url("roles/mentor.md", "m-receive") == "roles/mentor/#m-receive"
    assert PageContext(protocol, "en", "protocol.md").url("roles/parent.md") == "../roles/parent/"


def test_a_chart_drawn_once_is_read_from_the_disk_cache_without_running_dot(tmp_path, monkeypatch):
    cache = content_cache(tmp_path, "flowcharts", ".svg")
    first = svg.run_dot("digraph { a -> b }", cache)
    assert len(list((tmp_path / ".cache" / "flowcharts").glob("*.svg"))) == 1

    def no_dot(program, text):
        raise AssertionError("dot ran although the chart was cached")

    monkeypatch.setattr(svg, "_draw", no_dot)
    assert svg.run_dot("digraph { a -> b }", cache) == first
    with pytest.raises(AssertionError, match="dot ran"):
        svg.run_dot("digraph { a -> c }", cache)
