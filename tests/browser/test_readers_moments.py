"""Issue 19, readers (a real Chromium, both languages): what happens next right after the contact
block, typed work on a form page kept from a stray click, the copy button on a plain-HTTP intranet
address, headings named without "¶", a skip link to the chart, an English search on the Dutch site."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import pytest

from generator.loader import load_protocol
from tests import localsite
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import ROOT
from tests.helpers import site_path

LANGS = ("nl", "en")
EXPECT = {"nl": "Wat kunt u verwachten?", "en": "What can you expect?"}
COPY = {"nl": "Kopieer als notitie voor Magister", "en": "Copy as a note for Magister"}
COPIED = {"nl": "Gekopieerd", "en": "Copied"}
INTRANET = "intranet.school.test"


@cache
def protocol():
    return load_protocol(ROOT)


def top_of(page, selector: str) -> float:
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().top + window.scrollY")


def bottom_of(page, selector: str) -> float:
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().bottom + window.scrollY")


# ---------------------------------------------------------------- parents: what happens next


@pytest.mark.parametrize("lang", LANGS)
def test_a_parent_on_a_phone_sees_what_happens_next_within_one_and_a_half_screens_after_the_contact_block(phone, lang):
    page = phone.open(site_path(lang, "roles/parent.md"))
    heading = page.locator("article h2", has_text=EXPECT[lang])
    assert heading.count() == 1
    after_contact = heading.evaluate("h => h.getBoundingClientRect().top + window.scrollY") - bottom_of(
        page, ".contact-block"
    )
    assert 0 < after_contact < 1.5 * PHONE["height"], f"{after_contact:.0f}px after the contact block"


# ---------------------------------------------------------------- form pages keep what was typed


def type_into_form(page) -> None:
    """Typed as a person types (a click and keys: the page has had a user's gesture)."""
    page.click("#f-conversation-victim-account")
    page.keyboard.type("Ze zeggen elke pauze dat ik moet oprotten.")


@pytest.fixture
def form_page(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "link",
    [".md-header__lang-link", ".form-steps a", ".md-footer__link--next"],
    ids=["language switch", "the step it belongs to", "next page"],
)
def test_leaving_a_form_page_with_typed_text_asks_first(form_page, site_url, lang, link):
    page = form_page
    page.goto(site_url + site_path(lang, "forms/conversation-victim.md"), wait_until="load")
    type_into_form(page)
    asked: list[str] = []

    def stay(dialog):  # "Leave this page?" -> no (the click waits until the dialog is answered)
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.click(link, no_wait_after=True)
    assert asked == ["beforeunload"]
    assert page.input_value("#f-conversation-victim-account").startswith("Ze zeggen")
    assert urlsplit(page.url).path == site_path(lang, "forms/conversation-victim.md")


@pytest.mark.parametrize("lang", LANGS)
def test_leaving_a_form_page_with_nothing_typed_or_everything_copied_does_not_ask(browser, site_url, lang):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.type), d.accept()))
    form = site_url + site_path(lang, "forms/conversation-victim.md")
    page.goto(form, wait_until="load")
    page.click(".md-footer__link--next")
    page.wait_for_url(lambda url: url != form)
    page.goto(form, wait_until="load")
    type_into_form(page)
    page.get_by_role("button", name=COPY[lang]).click()
    page.get_by_role("status").filter(has_text=COPIED[lang]).wait_for()
    page.click(".md-footer__link--next")
    page.wait_for_url(lambda url: url != form)
    context.close()
    assert asked == []


@pytest.fixture(scope="module")
def intranet_browser(browser):
    """Chromium that finds intranet.school.test at 127.0.0.1: a plain-HTTP address that is not
    localhost, so the page is not a secure context and navigator.clipboard is not there."""
    other = browser.browser_type.launch(
        executable_path=localsite.CHROMIUM,
        args=[*localsite.CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INTRANET} 127.0.0.1"],
    )
    yield other
    other.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_copy_button_copies_the_note_on_a_plain_http_intranet_address(intranet_browser, site_url, lang):
    port = urlsplit(site_url).port
    context = intranet_browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"http://{INTRANET}:{port}" + site_path(lang, "forms/conversation-victim.md"), wait_until="load")
    assert page.evaluate("window.isSecureContext") is False, "the test needs a page without navigator.clipboard"
    type_into_form(page)
    page.get_by_role("button", name=COPY[lang]).click()
    status = page.get_by_role("status")
    status.filter(has_text=COPIED[lang]).wait_for()
    # Read the clipboard back where reading is allowed: a page of the same site on 127.0.0.1.
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    reader = context.new_page()
    reader.goto(site_url + site_path(lang, "index.md"), wait_until="load")
    note = reader.evaluate("navigator.clipboard.readText()")
    context.close()
    assert note.splitlines()[0] == protocol().forms["conversation-victim"].title[lang]
    assert any(line.endswith(" Ze zeggen elke pauze dat ik moet oprotten.") for line in note.splitlines())


@pytest.mark.parametrize("lang", LANGS)
def test_when_copying_is_refused_the_page_says_so_and_shows_the_note_selected(form_page, site_url, lang):
    page = form_page
    page.goto(site_url + site_path(lang, "forms/conversation-victim.md"), wait_until="load")
    page.evaluate(
        """() => {
            Object.defineProperty(navigator, "clipboard", {value: undefined});
            document.execCommand = () => false;
        }"""
    )
    type_into_form(page)
    page.get_by_role("button", name=COPY[lang]).click()
    shown = page.locator(".form-copy-text")
    shown.wait_for()
    failed = page.eval_on_selector(".form-fill", "f => f.dataset.copyFailed")
    assert page.get_by_role("status").inner_text() == failed
    assert "Ze zeggen elke pauze dat ik moet oprotten." in shown.input_value()
    assert page.evaluate("document.activeElement.classList.contains('form-copy-text')")


# ---------------------------------------------------------------- screen readers


PAGES = ["roles/parent.md", "roles/student.md", "roles/mentor.md", "index.md"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("src", PAGES)
def test_no_heading_or_link_has_a_pilcrow_in_its_accessible_name(light, lang, src):
    page = light.open(site_path(lang, src))
    tree = page.locator("article").aria_snapshot()
    headings = [line for line in tree.splitlines() if line.strip().startswith("- heading ")]
    assert headings, "no headings found"
    assert [h for h in headings if "¶" in h] == []
    assert [line for line in tree.splitlines() if "link" in line and "¶" in line] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ["parent", "mentor"])
def test_the_second_tab_on_a_role_page_is_a_skip_link_to_the_chart(light, lang, role):
    page = light.open(site_path(lang, f"roles/{role}.md"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"#chart-{role}"
    # It shows when it has the focus (Material fades a skip link in): a condition, not a wait.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('figure.flowchart')"), "the next Tab is not in the chart"


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_has_no_loose_branch_words_and_a_decision_names_where_each_answer_leads(light, lang):
    page = light.open(site_path(lang, "roles/parent.md"))
    tree = page.locator("figure.flowchart--role svg").aria_snapshot()
    loose = [line for line in tree.splitlines() if line.startswith("  - text:")]  # in the chart, in no link
    assert loose == []
    decision = protocol().roles["parent"].nodes["p-more"]
    yes, no = decision.branches
    names = page.eval_on_selector_all("figure.flowchart--role svg a", "as => as.map(a => a.getAttribute('aria-label'))")
    name = next(n for n in names if n.startswith(decision.label(lang)))
    target = protocol().node(yes.next)
    assert f"{yes.label[lang]}: {target.label(lang)}" in name
    assert f"{no.label[lang]}: {protocol().node(no.next).label(lang)}" in name


# ---------------------------------------------------------------- public pages: where from, tap targets


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ["parent", "student"])
def test_where_a_step_comes_from_is_one_line_at_its_end_with_links_at_least_24px_high(phone, lang, role):
    page = phone.open(site_path(lang, f"roles/{role}.md"))
    steps = page.locator(".sbs-step")
    assert steps.count() == len(protocol().roles[role].nodes)
    for i in range(steps.count()):
        lines = steps.nth(i).locator(".trace")
        assert lines.count() == 1
        assert lines.evaluate("p => p.matches('.trace--public') && !p.nextElementSibling")
    heights = page.eval_on_selector_all(".trace--public a", "as => as.map(a => a.getBoundingClientRect().height)")
    assert heights and min(heights) >= 24


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ["parent", "student"])
def test_the_chart_jump_and_a_questions_answers_are_tap_targets_at_least_24px_high(phone, lang, role):
    page = phone.open(site_path(lang, f"roles/{role}.md"))
    heights = page.eval_on_selector_all(
        ".chart-jump a, .sbs-step--decision > ul > li > a", "as => as.map(a => a.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 24


# ---------------------------------------------------------------- search across languages


def search(page, words: str) -> None:
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(words, delay=20)


@pytest.mark.parametrize(
    "lang, query, other",
    [("nl", "my child is bullied", "en"), ("en", "mijn kind wordt gepest", "nl")],
)
def test_a_query_in_the_other_language_offers_that_site_even_when_it_finds_pages_here(light, lang, query, other):
    page = light.open(site_path(lang, "index.md"))
    search(page, query)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    offer = page.locator(".md-search-result__other a")
    offer.wait_for(timeout=10_000)
    href = urlsplit(offer.get_attribute("href"))
    assert href.path == site_path(other, "index.md")
    assert href.query == "q=" + query.replace(" ", "%20")


def test_a_dutch_query_on_the_dutch_site_with_results_offers_nothing(light):
    page = light.open(site_path("nl", "index.md"))
    search(page, "vertrouwenspersoon")
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    assert page.locator(".md-search-result__other").count() == 0
