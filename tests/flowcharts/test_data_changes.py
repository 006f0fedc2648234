"""One change in the data shows up everywhere it is used: the chart, the step list, the helper
and the forms; and all of them name a step alike (Node.label, Protocol.handover_label)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.flowchart.render import flowchart
from generator.forms.view import form_view
from generator.handbook import load_handbook
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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_renamed_step_is_named_alike_in_chart_step_list_helper_and_forms(data_copy, protocol, lang):
    node = protocol.node("m-receive")  # the teacher hands over to it; two forms belong to it
    new = {"nl": "Eerst luisteren", "en": "First listen"}[lang]
    rewrite(data_copy, "mentor", f"{lang}: {node.title[lang]}", f"{lang}: {new}")
    changed = load_protocol(data_copy)
    name = f"{node.number}. {new}"  # the one way the handbook names a step
    handover = f"{changed.labels['hands_over_to'][lang]} {changed.roles['mentor'].name[lang]}: {name}"
    out = rendered(data_copy, lang, "mentor")
    assert f"### {name} {{#{node.id}" in out["step list"]  # the step's heading
    assert name in [link["aria-label"] for link in _soup(out["chart"]).select("svg a")]
    teacher = PageContext(changed, lang, "roles/teacher.md")
    assert handover in [link["aria-label"] for link in _soup(flowchart(teacher, "teacher")).select("svg a")]
    assert f"[{handover}](mentor.md#{node.id})" in steps(teacher, "teacher")
    assert handover in [a.get_text(" ", strip=True) for a in _soup(out["helper"]).select(".wn-handover a")]
    handbook = load_handbook(data_copy)
    labels, definitions = handbook.form_labels, handbook.forms
    mentor = changed.roles["mentor"].display_name(lang)
    view = form_view(definitions["incident-report"], changed, labels, lang)  # "belongs to" line
    assert any(name in step["text"] and mentor in step["text"] for step in view["steps"])
    overview = form_view(definitions["case-overview"], changed, labels, lang)  # a row per step
    rows = [row for field in _fields(overview) for row in field.get("rows", [])]
    assert name in [row["label"] for row in rows] and mentor in [row["group"] for row in rows]


def _fields(view: dict) -> list[dict]:
    return [field for section in view["sections"] for field in section["fields"]]


def _soup(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def _words(html: str) -> str:
    """The text of rendered HTML/SVG with the chart's wrapped lines joined again."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for text in soup.find_all("text"):
        text.append(" ")
    return " ".join(soup.get_text(" ").split()).replace(" ,", ",")
