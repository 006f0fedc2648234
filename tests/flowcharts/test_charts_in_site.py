"""The charts in the built site: one per role and language, every node a link to a real anchor,
the same words as the step list on the page, and painted by the stylesheet, not by Graphviz."""

from __future__ import annotations

import re

import pytest

from generator.flowchart.dot import CONTACT_ANCHOR, PUBLIC_ROLES
from generator.flowchart.overview import handovers
from tests.flowcharts.conftest import LANGS
from tests.helpers import site_path


def chart(site, lang, role):
    page = site.soup(site_path(lang, role.page))
    figure = page.select_one(f"figure.flowchart#chart-{role.id}")
    assert figure is not None, f"no chart for {role.id} on {site_path(lang, role.page)}"
    return page, figure


def node_text(link) -> str:
    """What a node shows: its wrapped lines joined again."""
    return " ".join(t.get_text(strip=True) for t in link.find_all("text"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_role_has_a_named_chart_in_both_languages(site, protocol, lang):
    for role in protocol.roles.values():
        page, figure = chart(site, lang, role)
        caption = page.find(id=figure["aria-labelledby"])
        assert caption.get_text(strip=True) == f"{protocol.labels['chart'][lang]}: {role.title[lang]}"
        assert page.find(id=figure["aria-describedby"]) is not None
        svg = figure.find("svg")
        assert svg["role"] == "group" and svg.get("viewbox")
        kinds = [g["class"] for g in svg.select("g.node")]
        decisions = [n for n in role.nodes.values() if n.is_decision]
        assert sum("fc-decision" in k for k in kinds) == len(decisions)
        assert sum("fc-step" in k for k in kinds) == len(role.nodes) - len(decisions)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_node_links_to_an_anchor_that_exists_on_its_target_page(site, protocol, lang):
    for role in protocol.roles.values():
        path = site_path(lang, role.page)
        _, figure = chart(site, lang, role)
        links = figure.select("svg a")
        external = {t for n in role.nodes.values() for t in n.successors if protocol.node(t).role != role.id}
        assert len(links) == len(role.nodes) + len(external), role.id
        for link in links:
            site.check_link(path, link["href"])
        own = {site.resolve(path, a["href"])[1] for a in links if site.resolve(path, a["href"])[0] == path}
        if role.id in PUBLIC_ROLES and external:  # who helps next: the link is how to reach them
            assert own - set(role.nodes) == {CONTACT_ANCHOR.removeprefix("#")}, role.id
            own -= {CONTACT_ANCHOR.removeprefix("#")}
        assert own == set(role.nodes), f"{role.id}: chart nodes on the page {sorted(own)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_meets_a_charts_nodes_in_step_order(site, protocol, lang):
    for role in protocol.roles.values():
        path = site_path(lang, role.page)
        _, figure = chart(site, lang, role)
        anchors = [site.resolve(path, a["href"]) for a in figure.select("svg a")]
        own = [anchor for target, anchor in anchors if target == path and anchor != CONTACT_ANCHOR.removeprefix("#")]
        assert own == list(role.nodes), role.id
        first = next(iter(role.nodes.values()))
        assert figure.select("svg a")[0]["aria-label"] == first.label(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_label_is_also_in_the_step_list_of_its_page(site, protocol, lang):
    for role in protocol.roles.values():
        path = site_path(lang, role.page)
        page, figure = chart(site, lang, role)
        headings = {h["id"]: h.get_text(" ", strip=True).removesuffix("¶").strip() for h in page.select("h3.step")}
        list_links = {
            (a.get_text(" ", strip=True), site.resolve(path, a["href"]))
            for a in page.select("article a[href*='#']:not([href^='mailto:'])")
            if not a.find_parent("figure")
        }
        for link in figure.select("svg a"):
            # what the node shows begins its name (a decision's name goes on with its branches,
            # tests/flowcharts/test_dot_and_svg.py)
            name = node_text(link).removeprefix("→ ")
            assert link["aria-label"].startswith(name), "the node shows other words than its name"
            target_path, anchor = site.resolve(path, link["href"])
            if target_path == path and anchor in headings:
                assert headings[anchor] == name
            else:  # another role's step, or (parents, students) how to reach the one who helps next
                assert (name, (target_path, anchor)) in list_links, f"{name!r} is not a link in the step list"


@pytest.mark.parametrize("lang", LANGS)
def test_each_decision_edge_carries_its_branch_label(site, protocol, lang):
    for role in protocol.roles.values():
        _, figure = chart(site, lang, role)
        edge_labels = [" ".join(t.get_text(strip=True) for t in g.find_all("text")) for g in figure.select("g.edge")]
        expected = [b.label[lang] for n in role.nodes.values() if n.is_decision for b in n.branches]
        assert sorted(label for label in edge_labels if label) == sorted(expected), role.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_has_one_node_per_role_and_an_edge_per_hand_over(site, protocol, lang):
    path = site_path(lang, "protocol.md")
    page = site.soup(path)
    figure = page.select_one("figure.flowchart#chart-overview")
    links = figure.select("svg a")
    assert [site.resolve(path, a["href"])[0] for a in links] == [  # in the data's order, for the keyboard
        site_path(lang, r.page) for r in protocol.roles.values()
    ]
    for link in links:
        site.check_link(path, link["href"])
    expected = handovers(protocol)
    assert len(figure.select("g.edge")) == sum(len(t) for t in expected.values())
    assert expected["mentor"] and "mentor" in expected["teacher"], "the data lost its hand-overs"
    words = page.select_one(f"#{figure['aria-describedby']} a")
    site.check_link(path, words["href"])


def test_charts_carry_no_colours_ids_or_titles_of_their_own(site, protocol):
    for lang in LANGS:
        pages = [site_path(lang, r.page) for r in protocol.roles.values()] + [site_path(lang, "protocol.md")]
        for path in pages:
            svg = site.soup(path).select_one("figure.flowchart svg")
            assert "width" not in svg.attrs and "height" not in svg.attrs, path
            assert svg.find("title") is None, path
            for element in svg.find_all(True):
                assert "id" not in element.attrs, (path, element.name)
                for attr in ("fill", "stroke"):
                    assert element.get(attr, "none") in ("none", "currentColor"), (path, element.name, attr)
                assert "font-family" not in element.attrs


def test_the_dutch_legend_says_u_on_the_parents_page_and_je_on_every_other(site, protocol):
    formal, informal = re.compile(r"\b(u|uw)\b", re.IGNORECASE), re.compile(r"\b(je|jij|jouw)\b", re.IGNORECASE)
    for role in protocol.roles.values():
        _, figure = chart(site, "nl", role)
        legend = figure.select_one(".flowchart__legend")
        assert legend is not None, f"no legend with the chart of {role.id}"
        words = f"{legend['aria-label']} {legend.get_text(' ', strip=True)}"
        wrong, right = (informal, formal) if role.id == "parent" else (formal, informal)
        assert not wrong.search(words), f"{role.id}'s chart legend says {wrong.search(words).group(0)!r}: {words}"
        assert right.search(words), f"{role.id}'s chart legend: {words}"
