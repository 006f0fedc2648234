"""In Chromium: chart nodes are links the mouse and the keyboard can follow, and the helper asks
its questions one at a time and ends at a step that exists."""

from __future__ import annotations

import pytest

from generator.whatnow.tree import Outcome, Question, build, outcomes, role_name
from tests.flowcharts.test_what_now import OUTCOME_LINKS, linked_nodes
from tests.helpers import site_path

IN_VIEW = """(selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const r = element.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
}"""


def in_view(page, selector: str) -> bool:
    return page.evaluate(IN_VIEW, selector)


def comes_into_view(page, selector: str) -> bool:
    """Whether the element is scrolled into view (a new page scrolls after load): waits for it as long
    as Playwright waits for anything, so a slow machine does not turn into a failure."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(IN_VIEW, arg=selector)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_clicking_a_chart_node_on_the_mentor_page_lands_on_its_step(in_browser, site_url, protocol, lang):
    mentor = protocol.roles["mentor"]
    step = [n for n in mentor.nodes.values() if not n.is_decision][-1]  # far down the page

    def check(tab):
        tab.goto(site_url + site_path(lang, mentor.page))
        assert not in_view(tab, f"[id='{step.id}']"), "the step is in view before the click: nothing to prove"
        tab.locator(f"figure.flowchart svg a[href='#{step.id}']").click()
        tab.wait_for_function(f"() => location.hash === '#{step.id}'")
        assert comes_into_view(tab, f"[id='{step.id}']")
        assert f"{step.number}. {step.title[lang]}" in tab.locator(f"[id='{step.id}']").inner_text()

    in_browser(check)


def test_chart_nodes_take_keyboard_focus_in_step_order_and_show_it(in_browser, site_url, protocol):
    teacher = protocol.roles["teacher"]

    def check(tab):
        tab.goto(site_url + site_path("en", teacher.page))
        tab.locator("figure.flowchart svg a").first.focus()
        tab.keyboard.press("Tab")  # :focus-visible needs a keyboard
        tab.keyboard.press("Shift+Tab")
        seen = []
        for _ in range(tab.locator("figure.flowchart svg a").count()):
            seen.append(tab.evaluate("document.activeElement.getAttribute('aria-label')"))
            outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {seen[-1]!r}"
            tab.keyboard.press("Tab")
        return seen

    seen = in_browser(check)
    steps = [f"{n.number}. {n.title['en']}" for n in teacher.nodes.values()]
    # a decision's name goes on with its branches ("4. …? Yes: 5. …; No: …"): the node's words begin it
    assert [next(s for s in steps if name.startswith(s)) for name in seen if name.startswith(tuple(steps))] == steps


def choose_path(protocol) -> tuple[list[tuple[str, str]], Outcome]:
    """The first path through the helper with two questions or more after the role's:
    its (question, answer) pairs in English, and where it ends."""
    tree = build(protocol)
    for keys, outcome in outcomes(tree):
        if len(keys) >= 3:
            pairs, q = [], tree
            for key in keys:
                answer = q.answers[int(key.rsplit("#", 1)[1])]
                pairs.append((q.text["en"], answer.label["en"]))
                q = answer.leads_to
            return pairs, outcome
    raise AssertionError("no path through the helper asks more than two questions")


def test_the_helper_asks_one_question_at_a_time_and_ends_at_an_existing_step(in_browser, site_url, protocol):
    pairs, outcome = choose_path(protocol)
    target = outcome.steps[-1]

    def check(tab):
        tab.goto(site_url + "/en/")
        helper = tab.locator("[data-what-now]")
        assert helper.locator(".what-now__tree").is_hidden()
        for question, answer in pairs:
            assert helper.locator("fieldset").count() == 1
            assert helper.locator("fieldset legend").inner_text() == question
            helper.get_by_role("button", name=answer, exact=True).click()
        live = helper.locator("[aria-live]")
        assert helper.locator("fieldset").count() == 0
        assert live.locator(OUTCOME_LINKS).count() == len(linked_nodes(outcome, protocol))

        helper.get_by_role("button", name=protocol.labels["whatnow_back"]["en"]).click()
        assert helper.locator("fieldset legend").inner_text() == pairs[-1][0]
        assert live.locator(OUTCOME_LINKS).count() == 0
        helper.get_by_role("button", name=pairs[-1][1], exact=True).click()

        live.locator(f"a[href$='#{target.id}']").click()
        tab.wait_for_url(f"**{site_path('en', protocol.roles[target.role].page)}#{target.id}")
        assert comes_into_view(tab, f"[id='{target.id}']")

    in_browser(check)


def test_without_javascript_the_helper_is_a_tree_of_answers_that_open(in_browser, site_url, protocol):
    mentor = next(a for a in build(protocol).answers if a.label == role_name(protocol.roles["mentor"]))

    def check(page):
        page.goto(site_url + "/en/")
        page.locator(".what-now summary", has_text=mentor.label["en"]).first.click()
        q = mentor.leads_to
        while isinstance(q, Question):
            answer = q.answers[0]
            page.locator(".what-now summary:visible", has_text=answer.label["en"]).first.click()
            q = answer.leads_to
        first = q.items[0]
        assert page.locator(".wn-outcome:visible a").first.inner_text() == first.title["en"]

    in_browser(check, java_script_enabled=False)
