"""One change in the data shows up everywhere it is used: the chart, the step list and the helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.flowchart.render import flowchart
from generator.loader import load_protocol
from generator.pages.context import PageContext
from generator.pages.render import steps
from generator.whatnow.render import what_now


def rewrite(root: Path, role: str, old: str, new: str) -> None:
    path = root / "protocol" / "roles" / f"{role}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rendered(root: Path, lang: str, role: str) -> dict[str, str]:
    protocol = load_protocol(root)
    page = PageContext(protocol, lang, protocol.roles[role].page)
    return {
        "chart": flowchart(page, role),
        "step list": steps(page, role),
        "helper": what_now(PageContext(protocol, lang, "index.md")),
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_changing_a_step_title_changes_chart_step_list_and_helper(data_copy, protocol, lang):
    node = protocol.node("m-talk-victim")
    old = node.title[lang]
    new = {
        "nl": "Eerst luisteren naar de leerling die gepest wordt",
        "en": "First listen to the student who is bullied",
    }[lang]

    # The chart and the step list number their steps; the helper lists what to do now as 1, 2, 3.
    def shown(title: str, where: str) -> str:
        return title if where == "helper" else f"{node.number}. {title}"

    before = rendered(data_copy, lang, "mentor")
    for where, html in before.items():
        assert shown(old, where) in _words(html), f"the {where} does not show the title to change"
    rewrite(data_copy, "mentor", f"{lang}: {old}", f"{lang}: {new}")
    after = rendered(data_copy, lang, "mentor")
    for where, html in after.items():
        assert shown(new, where) in _words(html), f"the {where} does not show the new title"
        assert old not in _words(html), f"the {where} still shows the old title"


def test_changing_a_branch_label_changes_the_chart_edge_and_the_helpers_answer(data_copy):
    rewrite(data_copy, "mentor", 'en: "No, there are no agreements yet"', 'en: "Yes, this is new"')
    out = rendered(data_copy, "en", "mentor")
    assert "Yes, this is new" in _words(out["chart"]) and "Yes, this is new" in out["helper"]
    old = "No, there are no agreements yet"
    assert old not in _words(out["chart"]) and old not in out["helper"]


def test_a_new_hand_over_in_the_data_becomes_a_node_of_the_chart(data_copy):
    rewrite(data_copy, "teacher", "next: [t-done]\n  - id: t-done", "next: [t-done, c-receive]\n  - id: t-done")
    protocol = load_protocol(data_copy)
    chart = flowchart(PageContext(protocol, "en", "roles/teacher.md"), "teacher")
    assert 'href="../coordinator/#c-receive"' in chart
    assert "Continues with SEN coordinator: 1. Support the mentor" in _words(chart)


def _words(html: str) -> str:
    """The text of rendered HTML/SVG with the chart's wrapped lines joined again."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for text in soup.find_all("text"):
        text.append(" ")
    return " ".join(soup.get_text(" ").split()).replace(" ,", ",")
