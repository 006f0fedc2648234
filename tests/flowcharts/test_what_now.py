"""'What do I do now?': built from the data, every path ends at steps that exist, on the page too."""

from __future__ import annotations

import pytest

from generator.whatnow.render import PUBLIC_ROLES
from generator.whatnow.tree import Question, build, outcomes, role_name
from tests.flowcharts.conftest import LANGS
from tests.helpers import site_path


def questions(q: Question):
    yield q
    for answer in q.answers:
        if isinstance(answer.leads_to, Question):
            yield from questions(answer.leads_to)


def test_the_first_question_has_one_answer_per_role(protocol):
    tree = build(protocol)
    assert [a.label for a in tree.answers] == [role_name(r) for r in protocol.roles.values()]


def test_the_helper_asks_a_parent_first_whether_they_have_talked_to_the_mentor(protocol):
    """Issue 19: the parents' first decision is about after the mentor; asked first, it puzzled a
    parent who had talked to no one yet."""
    parent = next(a.leads_to for a in build(protocol).answers if a.label == role_name(protocol.roles["parent"]))
    assert parent.text == protocol.labels["whatnow_talked_to_mentor_formal"]
    (no, not_yet), (yes, then) = [(a.label, a.leads_to) for a in parent.answers]
    assert no == protocol.labels["whatnow_no_formal"] and yes == protocol.labels["whatnow_yes"]
    assert "p-mentor" in [n.id for n in not_yet.steps]
    assert [n.id for n in not_yet.later] == ["p-more"]
    assert then.node is protocol.node("p-more")
    assert all("p-mentor" not in [n.id for n in o.steps] for _, o in outcomes(then))


def test_every_decision_asked_is_answered_with_its_own_branch_labels(protocol):
    asked = [q for q in questions(build(protocol)) if q.node is not None]
    assert asked, "the helper asks none of the protocol's decisions"
    for q in asked:
        assert q.text == q.node.title
        assert [a.label for a in q.answers] == [b.label for b in q.node.branches]


def test_every_path_through_the_helper_ends_at_existing_steps(protocol):
    paths = outcomes(build(protocol))
    assert len(paths) >= len(protocol.roles)
    roles_reached = set()
    for path, outcome in paths:
        assert outcome.steps, f"the path {' > '.join(path)} ends without a step of its role"
        for node in (*outcome.items, *outcome.later):
            assert protocol.nodes[node.id] == node, path
        assert all(node.role == outcome.role for node in outcome.steps)
        roles_reached.add(outcome.role)
    assert roles_reached == set(protocol.roles)


def test_what_comes_later_follows_on_from_the_steps_to_take_now(protocol):
    """The steps to take now, not the whole protocol: a path stops where the next question is."""
    stopped = 0
    for path, outcome in outcomes(build(protocol)):
        successors = {t for node in outcome.steps for t in node.next}
        for later in outcome.later:
            assert later.role == outcome.role and later.id in successors, path
            stopped += later.is_decision
    assert stopped, "no path stops at a later decision: the helper walks through the whole protocol"


OUTCOME_LINKS = "a.wn-step__title, li.wn-handover > a, .wn-later a"  # the steps, not their forms


def linked_nodes(outcome) -> list:
    """What an outcome links to: its steps, the hand-overs (staff only: a parent or a student is
    never sent into a staff procedure), and what comes later."""
    shown = [n for n in outcome.items if n.role == outcome.role or outcome.role not in PUBLIC_ROLES]
    return [*shown, *outcome.later]


@pytest.mark.parametrize("lang", LANGS)
def test_the_helper_on_the_home_page_leads_to_existing_steps_in_both_languages(site, protocol, lang):
    path = site_path(lang, "index.md")
    helper = site.soup(path).select_one("[data-what-now]")
    assert helper is not None, f"no helper on {path}"
    paths = outcomes(build(protocol))
    html_outcomes = helper.select(".wn-outcome")
    assert len(html_outcomes) == len(paths)
    for element, (_, outcome) in zip(html_outcomes, paths, strict=True):
        links = element.select(OUTCOME_LINKS)
        for link, node in zip(links, linked_nodes(outcome), strict=True):
            assert site.resolve(path, link["href"])[1] == node.id
            site.check_link(path, link["href"])
            assert node.title[lang] in link.get_text()
    first = helper.select_one(".wn-question .wn-question__text")
    assert first.get_text(strip=True) == protocol.labels["whatnow_who"][lang]
    answers = helper.select_one(".wn-question").select(":scope > ul > li > details > summary")
    summaries = [s.get_text(strip=True) for s in answers]
    assert summaries == [role_name(r)[lang] for r in protocol.roles.values()]


@pytest.mark.parametrize("lang", LANGS)
def test_parents_and_students_are_never_sent_into_a_staff_procedure(site, protocol, lang):
    helper = site.soup(site_path(lang, "index.md")).select_one("[data-what-now]")
    staff_pages = {protocol.roles[r].page.removesuffix(".md") for r in protocol.roles if r not in PUBLIC_ROLES}
    checked = 0
    for element, (_, outcome) in zip(helper.select(".wn-outcome"), outcomes(build(protocol)), strict=True):
        if outcome.role not in PUBLIC_ROLES:
            continue
        checked += 1
        steps = [a["href"] for a in element.select("a.wn-step__title, li.wn-handover > a")]
        assert steps and not any(page in href for href in steps for page in staff_pages), steps
    assert checked, "no outcome for a parent or a student"


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_in_an_outcome_says_what_to_do_and_names_its_forms(site, protocol, lang):
    helper = site.soup(site_path(lang, "index.md")).select_one("[data-what-now]")
    with_forms = 0
    for element, (_, outcome) in zip(helper.select(".wn-outcome"), outcomes(build(protocol)), strict=True):
        items = element.select("li.wn-step")
        assert len(items) == len(outcome.steps)
        for item, node in zip(items, outcome.steps, strict=True):
            advice = f"{protocol.labels['advice'][lang]}: "  # advice is labelled where it stands (issue 19)
            said = " ".join((advice if part.is_advice else "") + part.text[lang] for part in node.parts)
            assert item.select_one(".wn-step__body").get_text(" ", strip=True) == said
            forms = [a.get_text() for a in item.select(".wn-step__form a")]
            assert forms == [protocol.forms[f].title[lang] for f in node.forms]
            with_forms += bool(forms)
    assert with_forms, "no step in the helper names a form"
