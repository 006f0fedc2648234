"""A protocol's own step numbers and phases are kept (issue 21 item 2; the De Viaan review's findings
1 and 7): a step with `number:` is named by that number on its role's page, in every link to it, in
the charts and in the "what now" helper, and the role's other items (its decisions) are not counted
1..n; with `phases:` in protocol.yml, the role page groups its steps under each phase's heading (and
`when`), and its chart draws each phase as a titled cluster. On a scratch copy of the data whose
mentor gets the school's numbers 1 to 12 over two weeks; its pages (charts included) are filled
in-process, no MkDocs build."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.check import check_handbook
from tests.helpers import check_lines as check
from tests.helpers import edit

MENTOR = "protocol/roles/mentor.yml"
PHASES = """
phases:
  - id: week-1
    title: {nl: "Eerste week", en: "First week"}
    when: {nl: "Direct na de melding", en: "Straight after the report"}
  - id: week-2
    title: {nl: "Tweede week", en: "Second week"}
    when: {nl: "Als de eerste stappen niet helpen", en: "If the first steps do not help"}
"""
# The mentor's steps, as the school numbers them; its decisions keep no number.
NUMBERS = {
    "m-receive": 1,
    "m-talk-victim": 2,
    "m-talk-bully": 3,
    "m-call-in": 4,
    "m-parents": 5,
    "m-class-discussion": 6,
    "m-record": 7,
    "m-follow-up": "7a",
    "m-close": 8,
    "m-inform-parents": 9,
    "m-escalate": 10,
    "m-agreements": 11,
    "m-advisor": 12,
}
WEEK_2 = "m-parents"  # from this step on (in the file's order), the second week
DECISIONS = ("m-repeated", "m-within-class", "m-class-talk", "m-persists")


def number_the_mentor_in_two_weeks(root: Path) -> None:
    (root / "protocol/protocol.yml").write_text(
        (root / "protocol/protocol.yml").read_text(encoding="utf-8") + PHASES, encoding="utf-8"
    )
    for step, number in NUMBERS.items():
        number = f'"{number}"' if isinstance(number, str) else number
        phase = {"m-receive": "\n    phase: week-1", WEEK_2: "\n    phase: week-2"}.get(step, "")
        edit(root / MENTOR, f"  - id: {step}\n", f"  - id: {step}\n    number: {number}{phase}\n")


@pytest.fixture
def numbered(data_copy: Path) -> Path:
    number_the_mentor_in_two_weeks(data_copy)
    return data_copy


@pytest.fixture
def checked(numbered: Path):
    return check_handbook(numbered)


def soup(checked, src: str) -> BeautifulSoup:
    _, filled = checked.filled[src]
    return BeautifulSoup(markdown.markdown(filled, extensions=["attr_list", "md_in_html"]), "html.parser")


def heading(page: BeautifulSoup, node_id: str):
    found = page.find(id=node_id)
    assert found is not None and found.name in ("h3", "h4"), node_id
    return found


def title(checked, node_id: str, lang: str) -> str:
    return checked.protocol.node(node_id).title[lang]


def test_a_protocol_with_own_numbers_and_phases_checks_clean(numbered):
    assert check(numbered) == (0, [])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_step_s_own_number_stands_before_its_title_on_the_role_page(checked, lang):
    page = soup(checked, f"{lang}/roles/mentor.md")
    for step, number in NUMBERS.items():
        assert heading(page, step).get_text(strip=True) == f"{number}. {title(checked, step, lang)}"


def test_with_own_numbers_the_role_s_decisions_are_not_counted(checked):
    page = soup(checked, "nl/roles/mentor.md")
    for decision in DECISIONS:
        assert heading(page, decision).get_text(strip=True) == title(checked, decision, "nl")
    own = {f"{n}." for n in NUMBERS.values()}
    counted = [h.get_text() for h in page.select(".step") if h.get_text().split(" ")[0] not in own]
    assert all(not re.match(r"\d+[a-z]?\. ", text) for text in counted), counted


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_steps_stand_under_their_phase_s_heading_in_the_order_of_the_phases(checked, lang):
    page = soup(checked, f"{lang}/roles/mentor.md")
    phases = page.select("h3.phase")
    assert [h.get_text(strip=True) for h in phases] == [p.title[lang] for p in checked.protocol.phases]
    order = list(checked.protocol.roles["mentor"].nodes)
    week_1, week_2 = order[: order.index(WEEK_2)], order[order.index(WEEK_2) :]
    for phase, data, ids in zip(phases, checked.protocol.phases, (week_1, week_2), strict=True):
        when = phase.find_next_sibling()
        assert "phase-when" in when["class"] and when.get_text(strip=True) == data.when[lang]
        steps = when.find_next_sibling("div", class_="step-by-step")
        assert [h["id"] for h in steps.select(".step")] == ids  # decisions included, in the file's order
        assert all(h.name == "h4" for h in steps.select(".step"))  # one level below the phase


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_link_to_a_numbered_step_names_it_by_its_own_number(checked, lang):
    mentor = soup(checked, f"{lang}/roles/mentor.md")
    link = mentor.select_one('a[href="#m-talk-victim"]')  # a branch of "within the class?"
    assert link.get_text() == f"2. {title(checked, 'm-talk-victim', lang)}"
    teacher = soup(checked, f"{lang}/roles/teacher.md")
    handover = next(a for a in teacher.select("a[href]") if a["href"].endswith("mentor.md#m-receive"))
    assert handover.get_text().endswith(f": 1. {title(checked, 'm-receive', lang)}")
    helper = soup(checked, f"{lang}/index.md")
    names = {a.get_text() for a in helper.select(".what-now a[href]") if a["href"].endswith("mentor/#m-receive")}
    assert f"1. {title(checked, 'm-receive', lang)}" in names  # the mentor's own outcome
    assert all(name.endswith(f"1. {title(checked, 'm-receive', lang)}") for name in names), names  # hand-overs


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_chart_draws_each_phase_as_a_cluster_titled_in_the_page_s_language(checked, lang):
    chart = soup(checked, f"{lang}/roles/mentor.md").select_one("figure#chart-mentor svg")
    clusters = chart.select("g.cluster")
    assert [c.get_text(" ", strip=True) for c in clusters] == [p.title[lang] for p in checked.protocol.phases]
    boxes = {a["aria-label"] for a in chart.select("a[aria-label]")}
    assert f"2. {title(checked, 'm-talk-victim', lang)}" in boxes  # the box starts with the own number
    # Its words ("the same in words") begin at the step list's first phase.
    assert chart.find_parent("figure").select_one(".flowchart__text a")["href"] == "#mentor-week-1"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  - id: m-close\n",
            "  - id: m-close\n    phase: week-9\n",
            "steps[m-close].phase: found 'week-9'; "
            "expected a phase id of protocol/protocol.yml phases (week-1, week-2)",
        ),
        (
            "  - id: m-close\n    number: 8\n",
            "  - id: m-close\n    number: 7\n",
            "steps[m-close].number: found 7, already the number of 'm-record'; "
            "expected a number used once in this role",
        ),
        (
            "  - id: m-close\n    number: 8\n",
            "  - id: m-close\n    number: acht\n",
            "steps[m-close].number: found 'acht'; expected a number such as 5, or a number and a letter such as 5a",
        ),
    ],
    ids=["unknown-phase", "number-used-twice", "not-a-number"],
)
def test_a_wrong_phase_or_own_number_is_refused_in_one_line(numbered, old, new, expected):
    edit(numbered / MENTOR, old, new)
    code, lines = check(numbered)
    assert code == 1 and lines[-1] == "1 problem(s) found.", lines
    assert lines[0] == f"{MENTOR}: {expected}"


def test_a_decision_with_its_own_number_is_named_by_it_too(numbered):
    edit(numbered / MENTOR, "  - id: m-persists\n", '  - id: m-persists\n    number: "7b"\n')
    checked = check_handbook(numbered)
    page = soup(checked, "en/roles/mentor.md")
    assert heading(page, "m-persists").get_text(strip=True) == f"7b. {title(checked, 'm-persists', 'en')}"
    link = page.select_one('a[href="#m-persists"]')  # "Next:" of the step before it
    assert link.get_text() == f"7b. {title(checked, 'm-persists', 'en')}"


def test_a_phases_when_that_starts_with_a_number_stays_a_sentence(numbered):
    """Turkish puts the number first ("1. haftanın adımları işe yaramadıysa"): as Markdown that
    began a list, which showed "1." under every week (seen on Wilgenhof's Turkish pages)."""
    edit(numbered / "protocol/protocol.yml", '"If the first steps do not help"', '"1. week\'s steps did not help"')
    page = soup(check_handbook(numbered), "en/roles/mentor.md")
    when = page.find(id="mentor-week-2").find_next_sibling()
    assert when.name == "p" and "phase-when" in when.get("class", []), when
    assert when.get_text() == "1. week's steps did not help"


def test_a_phase_frame_is_unfilled_in_the_chart_itself_for_a_reader_without_the_sites_css(checked):
    """WeasyPrint (the printed booklet) reads only the SVG's own attributes: a frame left without
    `fill` was SVG's default black over the steps (seen in Wilgenhof's booklet)."""
    chart = soup(checked, "nl/roles/mentor.md").select_one("svg")
    frames = [shape for cluster in chart.select("g.cluster") for shape in cluster.select("path, polygon")]
    assert frames and all(shape.get("fill") == "none" for shape in frames)
