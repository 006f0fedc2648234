"""Issue 19: a student who would rather not go to the mentor is told how to reach a confidential
advisor and where De Kindertelefoon is (as context, its address as text), by the helper's outcome
and by the students' page; a parent's outcome leads to what happens next. Rendered from the data
and read back as HTML, both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_protocol
from generator.pages.contact import HELPLINE, contact_block
from generator.pages.context import PageContext
from generator.whatnow.render import what_now
from tests.conftest import ROOT
from tests.helpers import page as built_page
from tests.protocol.test_loader import edit_yaml

LANGS = ("nl", "en")
HELPLINE_SITE = "kindertelefoon.nl"  # De Kindertelefoon's own address, shown as text


def helper(root, lang: str) -> BeautifulSoup:
    return BeautifulSoup(what_now(PageContext(load_protocol(root), lang, "index.md")), "html.parser")


def outcome_with(soup: BeautifulSoup, step_id: str):
    """The helper's outcome whose steps include this step (its title links to it)."""
    found = [o for o in soup.select(".wn-outcome") if o.select_one(f"a.wn-step__title[href$='#{step_id}']")]
    assert len(found) == 1, step_id
    return found[0]


def says_kindertelefoon_as_context(part, protocol, lang: str) -> None:
    text = part.get_text(" ", strip=True)
    assert HELPLINE in text and HELPLINE_SITE in text
    assert protocol.labels["helpline_text_student"][lang] in text
    assert not [a["href"] for a in part.select("a[href]") if HELPLINE_SITE in a["href"]], "a link that loads a site"


@pytest.mark.parametrize("lang", LANGS)
def test_the_helpers_outcome_for_a_student_who_avoids_the_mentor_says_how_to_reach_an_advisor(lang):
    protocol = load_protocol(ROOT)
    outcome = outcome_with(helper(ROOT, lang), "st-advisor")
    reach = outcome.select_one(".wn-reach")
    assert reach is not None
    assert not protocol.settings.reach.confidential_advisors, "the school named advisors: test the names instead"
    assert protocol.labels["contact_advisors_unknown_student"][lang] in reach.get_text(" ", strip=True)
    says_kindertelefoon_as_context(reach, protocol, lang)
    assert [a["href"] for a in reach.select("a[href]")][-1] == "roles/student/#contact-block-title"


@pytest.mark.parametrize("lang", LANGS)
def test_the_advisors_the_school_names_are_in_the_students_helper_outcome(data_copy, lang):
    advisors = [{"name": "A. de Vries", "email": "a.devries@alasca.nl", "phone": "06-12345678"}]
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d["reach"].update(confidential_advisors=advisors))
    reach = outcome_with(helper(data_copy, lang), "st-advisor").select_one(".wn-reach")
    assert "A. de Vries" in reach.get_text(" ", strip=True)
    assert {"mailto:a.devries@alasca.nl", "tel:0612345678"} <= {a["href"] for a in reach.select("a[href]")}


@pytest.mark.parametrize("lang", LANGS)
def test_the_students_page_says_where_de_kindertelefoon_is_as_context(lang):
    protocol = load_protocol(ROOT)
    html = contact_block(PageContext(protocol, lang, "roles/student.md"), "student")
    says_kindertelefoon_as_context(BeautifulSoup(html, "html.parser"), protocol, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_parent_who_has_not_talked_to_the_mentor_is_led_to_what_happens_next(built_site, lang):
    home = built_page(built_site, "" if lang == "nl" else "en/")
    outcome = outcome_with(home, "p-mentor")
    expect = [a["href"] for a in outcome.select(".wn-reach a[href]") if a["href"].endswith("#expect")]
    assert expect == ["roles/parent/#expect"]
    parent = built_page(built_site, "roles/parent/" if lang == "nl" else "en/roles/parent/")
    heading = parent.find(id="expect")
    assert heading is not None and heading.name == "h2"
    assert heading.find_previous(class_="contact-block") is not None
    assert heading.find_previous(class_="sbs-step") is None, "what happens next comes after the steps"
