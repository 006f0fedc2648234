"""Issue 9, on a phone (390 × 844) in both languages: the next step within one screen, a real way
to reach someone, the other language in words, forms in the order of use, print a mentor can use."""

from __future__ import annotations

import subprocess
from functools import cache
from urllib.parse import quote

import pytest

from generator.loader import load_protocol
from generator.site.edition import edition_line
from tests.browser.conftest import PHONE
from tests.conftest import ROOT
from tests.helpers import ANSWERED, site_path, site_prefix, url_path

LANGS = ("nl", "en")


@cache
def protocol():
    return load_protocol(ROOT)


STAFF = [role for role in protocol().roles.values() if not role.public]


def top_of(page, selector: str) -> float:
    """Where an element starts, in px from the top of the page."""
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().top + window.scrollY")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", STAFF, ids=lambda r: r.id)
def test_step_one_of_every_staff_role_page_starts_within_one_and_a_half_screens(phone, role, lang):
    page = phone.open(site_path(lang, role.page))
    first = next(iter(role.nodes.values()))
    heading = page.locator(f"h3#{first.id}")
    assert heading.inner_text().startswith(f"{first.number}. {first.title[lang]}")
    assert top_of(page, f"h3#{first.id}") < 1.5 * PHONE["height"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", list(protocol().roles.values()), ids=lambda r: r.id)
def test_a_role_chart_on_a_phone_has_text_of_at_least_12px_and_opens_at_its_first_step(phone, role, lang):
    page = phone.open(site_path(lang, role.page))
    sizes = page.eval_on_selector(
        ".flowchart--role .flowchart__svg",
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map(t => parseFloat(t.getAttribute("font-size")) * scale);
        }""",
    )
    assert sizes and min(sizes) >= 12 - 0.05, f"smallest chart text {min(sizes):.1f}px"
    box = page.locator(".flowchart--role .flowchart__scroll")
    if box.evaluate("b => b.scrollWidth > b.clientWidth + 1"):  # it scrolls: it says so, at its start
        assert page.locator(".flowchart--role .flowchart__scroll-hint").is_visible()
        start = page.locator(".flowchart--role .fc-start").first.bounding_box()
        frame = box.bounding_box()
        assert frame["x"] <= start["x"] and start["x"] + start["width"] <= frame["x"] + frame["width"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_helpers_first_question_is_near_the_top_of_home_and_few_tabs_away(phone, lang):
    page = phone.open(site_path(lang, "index.md"))
    legend = ".what-now legend"
    assert page.locator(legend).inner_text() == protocol().labels["whatnow_who"][lang]
    assert top_of(page, legend) < 1.2 * PHONE["height"]
    presses = 0
    while not page.evaluate("() => !!document.activeElement.closest('.what-now')"):
        presses += 1
        assert presses <= 15, "the helper is not reached in 15 Tab presses"
        page.keyboard.press("Tab")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ["parent", "student"])
def test_parents_and_students_can_call_a_helpline_and_see_how_to_reach_the_mentor(phone, role, lang):
    page = phone.open(site_path(lang, protocol().roles[role].page))
    tel = page.locator("article .contact-block a[href^='tel:']")
    assert tel.count() >= 1 and tel.first.is_visible()
    assert tel.first.get_attribute("href") == "tel:08000432"
    block = page.locator("article .contact-block").inner_text()
    how = (
        protocol().labels["contact_mentor_how_student"] if role == "student" else protocol().settings.contacts["mentor"]
    )
    assert how[lang] in block
    assert top_of(page, ".contact-block") < 2 * PHONE["height"]


@pytest.mark.parametrize(("lang", "other", "word"), [("nl", "en", "English"), ("en", "nl", "Nederlands")])
def test_home_shows_the_other_language_in_words(phone, lang, other, word):
    page = phone.open(site_path(lang, "index.md"))
    link = page.locator(f".md-header a.md-header__lang-link[hreflang={other}]")
    assert link.is_visible()
    assert link.inner_text().strip() == word
    link.click()
    page.wait_for_load_state("networkidle")
    assert url_path(page.url) == site_path(other, "index.md")


def test_switching_language_keeps_the_readers_place(phone):
    page = phone.open("/roles/mentor/#m-talk-victim")
    page.click(".md-header a.md-header__lang-link[hreflang=en]")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/en/roles/mentor/#m-talk-victim")


@pytest.mark.parametrize("lang", LANGS)
def test_the_forms_page_lists_the_incident_report_first_with_a_download_button(phone, lang):
    page = phone.open(site_path(lang, "forms/index.md"))
    first = page.locator(".form-card").first
    assert first.locator(".form-card__title a").get_attribute("href").rstrip("/").endswith("incident-report")
    button = first.locator("a.md-button[download]")
    assert button.get_attribute("href").endswith("incident-report.pdf")
    assert button.inner_text().strip().endswith("KB)")


def pdf_pages_text(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_mentor_page_has_step_one_on_page_one(
    browser, site_url, site_url_of_config, tmp_path, lang, scheme
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + site_path(lang, "roles/mentor.md"), wait_until="networkidle")
        page.emulate_media(media="print")
        pages = pdf_pages_text(page.pdf(format="A4", print_background=True), tmp_path)
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    finally:
        context.close()
    first = next(iter(protocol().roles["mentor"].nodes.values()))
    assert f"{first.number}. {first.title[lang]}" in pages[0]
    assert edition_line(protocol(), lang) in " ".join(pages[0].split())  # which protocol this paper is
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")  # white paper, also in dark mode
    # a form's PDF prints with its address (the site's address in mkdocs.yml + the file's path)
    pdf = site_url_of_config + site_prefix(lang) + f"forms/{first.forms[0]}.pdf"
    assert pdf in "".join("".join(pages).split())


def test_the_printed_parents_page_keeps_its_last_step_with_the_others(browser, site_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + site_path("nl", "roles/parent.md"), wait_until="networkidle")
        page.emulate_media(media="print")
        pages = pdf_pages_text(page.pdf(format="A4", print_background=True), tmp_path)
    finally:
        context.close()
    steps = list(protocol().roles["parent"].nodes.values())
    lines = [{line.strip() for line in text.splitlines()} for text in pages]
    on = [next(i for i, page in enumerate(lines) if f"{s.number}. {s.title['nl']}" in page) for s in steps]  # headings
    assert on[-1] == on[-2], "the last step is printed apart from the one before it"


@pytest.mark.parametrize(("start", "words", "other"), [("/", "bullying", "/en/"), ("/en/", "pesten", "/")])
def test_a_search_without_results_offers_the_same_search_in_the_other_language(light, start, words, other):
    page = light.open(start)
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    # The offer is made again for each letter typed: wait for the one for the whole words.
    link = page.locator(f".md-search-result__other a[href$='?q={quote(words, safe='')}']")
    link.click()
    page.wait_for_function(ANSWERED, arg=words)
    assert url_path(page.url) == other
    assert page.locator(".md-search__input").input_value() == words


@pytest.mark.parametrize("lang", LANGS)
def test_the_desktop_menu_lists_the_forms_only_while_a_form_is_open(light, lang):
    form, other = list(protocol().forms)[:2]
    page = light.open(site_path(lang, "roles/mentor.md"))
    menu = page.locator(".md-sidebar--primary")
    assert menu.locator("a.md-nav__link[href$='forms/']").first.is_visible()  # the overview
    assert menu.locator(f"a.md-nav__link[href*='forms/{form}']").count() == 1
    assert not menu.locator(f"a.md-nav__link[href*='forms/{form}']").is_visible()
    page = light.open(site_path(lang, f"forms/{form}.md"))  # a form is open: the others are listed beside it
    assert page.locator(
        f".md-sidebar--primary a.md-nav__link[href*='forms/{other}'], "
        f".md-sidebar--primary a.md-nav__link[href*='../{other}']"
    ).first.is_visible()
