"""'What do I do now?': built from the data, every path ends at steps that exist, on the page too."""

from __future__ import annotations

import pytest

from generator.whatnow.tree import Outcome, Question, build, outcomes, role_name
from tests.flowcharts.conftest import LANGS, site_path


def questions(q: Question):
    yield q
    for answer in q.answers:
        if isinstance(answer.leads_to, Question):
            yield from questions(answer.leads_to)


def test_the_first_question_has_one_answer_per_role(protocol):
    tree = build(protocol)
    assert [a.label for a in tree.answers] == [role_name(r) for r in protocol.roles.values()]


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


@pytest.mark.parametrize("lang", LANGS)
def test_the_helper_on_the_home_page_leads_to_existing_steps_in_both_languages(site, protocol, lang):
    path = site_path(lang, "index.md")
    helper = site.soup(path).select_one("[data-what-now]")
    assert helper is not None, f"no helper on {path}"
    paths = outcomes(build(protocol))
    html_outcomes = helper.select(".wn-outcome")
    assert len(html_outcomes) == len(paths)
    for element, (_, outcome) in zip(html_outcomes, paths, strict=True):
        links = element.select("a[href]")
        assert len(links) == len(outcome.items) + len(outcome.later)
        for link, node in zip(links, (*outcome.items, *outcome.later), strict=True):
            assert site.resolve(path, link["href"])[1] == node.id
            site.check_link(path, link["href"])
            assert node.title[lang] in link.get_text()
    first = helper.select_one(".wn-question .wn-question__text")
    assert first.get_text(strip=True) == protocol.labels["whatnow_who"][lang]
    answers = helper.select_one(".wn-question").select(":scope > ul > li > details > summary")
    summaries = [s.get_text(strip=True) for s in answers]
    assert summaries == [role_name(r)[lang] for r in protocol.roles.values()]


def test_the_helpers_outcomes_are_the_only_leaves(protocol):
    def leaves(q: Question) -> int:
        return sum(1 if isinstance(a.leads_to, Outcome) else leaves(a.leads_to) for a in q.answers)

    tree = build(protocol)
    assert leaves(tree) == len(outcomes(tree))
