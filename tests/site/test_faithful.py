"""The built pages say what the adopted protocol says: the text itself with an anchor per passage,
every step traced to it or labelled as advice, no invented facts, no contradictions, one term per
concept (review 2026-11-25). The form pages are left to tests/forms."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from generator.glossary import load_glossary
from generator.loader import load_protocol
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, site_prefix

PROTOCOL = load_protocol(ROOT)
LANGS = {lang: site_prefix(lang) for lang in LANGUAGES}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("article").get_text(" ").split())


def prose_pages(site: Path, lang: str) -> dict[str, BeautifulSoup]:
    """Every page of one language except the form pages and the adopted text (which is verbatim)."""
    root = site / LANGS[lang] if LANGS[lang] else site
    out = {}
    for path in sorted(root.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel
        inner = rel.removeprefix("en").strip("/") if lang == "en" else rel
        if lang == "nl" and rel.startswith("en"):
            continue
        if inner.startswith(("forms", "adopted", "search", "assets")):
            continue
        out[rel] = soup(site, rel) if rel else BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_adopted_text_page_has_an_anchor_for_every_passage(built_site, lang):
    page = soup(built_site, f"{LANGS[lang]}adopted")
    for block in PROTOCOL.adopted.values():
        element = page.find(id=block.id)
        assert element is not None, block.id
        if block.is_heading:
            continue
        shown = " ".join(element.get_text(" ").split())
        if block.text[lang] is None:  # adopted in another language only: shown so, with the note
            assert PROTOCOL.labels["not_in_this_language"][lang] in shown, block.id
            assert " ".join(block.text[block.shown(lang)].split()) in shown, block.id
            assert element.find(attrs={"lang": block.shown(lang)}) is not None, block.id
        else:
            assert " ".join(block.text[lang].split()) in shown, block.id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_step_links_to_its_passages_and_labels_its_advice_where_it_stands(built_site, lang):
    """A step's trace line links to every passage its text carries out; each part that is advice is
    a paragraph of its own that starts with the label (issue 19: advice per sentence)."""
    advice = PROTOCOL.labels["advice"][lang]
    for role in PROTOCOL.roles.values():
        base = f"http://site/{LANGS[lang]}roles/{role.id}/"
        page = soup(built_site, f"{LANGS[lang]}roles/{role.id}")
        for node in role.nodes.values():
            heading = page.find(id=node.id)
            block = heading.find_parent("div", class_="sbs-step")
            trace = block.find("p", class_="trace")
            if node.trace.source:
                links = [a["href"] for a in trace.find_all("a")]
                targets = [urlparse(urljoin(base, href)) for href in links]
                assert [t.fragment for t in targets] == list(node.trace.source), node.id
                assert all(t.path == f"/{LANGS[lang]}adopted/" for t in targets), node.id
            if node.is_decision:
                # staff pages "Advies: …", parents' and students' "… advies van de school" (issue 19)
                assert (advice.lower() in trace.get_text().lower()) is node.trace.advice, node.id
                continue
            labelled = [" ".join(p.get_text(" ").split()) for p in block.select("p.advice")]
            parts = [part for part in node.parts if part.is_advice]
            assert len(labelled) == len(parts), node.id
            for shown, part in zip(labelled, parts, strict=True):
                assert shown.startswith(f"{advice}:") and " ".join(part.text[lang].split()) in shown, node.id


INVENTED = {
    "nl": ["1 september 2026", "medezeggenschapsraad", "twee jaar", "16 jaar", "Ouders met gezag", "Nog niet"],
    "en": ["1 September 2026", "participation council", "two years", "aged 16", "Parents with custody", "Not yet"],
}
CONTRADICTIONS = {
    "nl": ["centrale aanspreekpunt voor pesten", "dezelfde doelen", "Is dit de eerste keer", "de eerste keer"],
    "en": ["central point of contact for bullying at school", "same aims", "Is this the first time", "first time"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_states_an_invented_fact_of_school_policy(built_site, lang):
    for path, page in prose_pages(built_site, lang).items():
        text = article_text(page)
        for phrase in INVENTED[lang]:
            assert phrase not in text, f"{path}: {phrase!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_contradicts_the_protocol_on_who_is_the_point_of_contact_or_the_routes(built_site, lang):
    for path, page in prose_pages(built_site, lang).items():
        text = article_text(page)
        for phrase in CONTRADICTIONS[lang]:
            assert phrase not in text, f"{path}: {phrase!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pages_say_what_to_do_while_a_school_decision_is_open(built_site, lang):
    records = article_text(soup(built_site, f"{LANGS[lang]}records"))
    for name in ("retention", "records_access", "form_copies"):
        assert getattr(PROTOCOL.settings, name) is None
        system = PROTOCOL.settings.student_system[lang]
        expected = PROTOCOL.labels[f"undecided_{name}"][lang].replace("{system}", system)
        assert expected in records, name
    parent = article_text(soup(built_site, f"{LANGS[lang]}roles/parent"))
    assert PROTOCOL.labels["undecided_complaints"][lang] in parent
    student = article_text(soup(built_site, f"{LANGS[lang]}roles/student"))
    assert PROTOCOL.labels["undecided_advisor_confidentiality"][lang] in student
    assert PROTOCOL.labels["undecided_anonymous_reporting"][lang] in student
    teacher = article_text(soup(built_site, f"{LANGS[lang]}roles/teacher"))
    assert PROTOCOL.labels["undecided_serious_incidents"][lang] in teacher


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_class_discussion_is_the_mentors_decision_on_every_page(built_site, lang):
    decides = {"nl": "besluit", "en": "decide"}[lang]
    for path in ("prevention", "roles/mentor", "protocol"):
        assert decides in article_text(soup(built_site, f"{LANGS[lang]}{path}")).lower(), path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_term_per_concept_no_page_uses_a_word_the_glossary_avoids(built_site, lang):
    for path, page in prose_pages(built_site, lang).items():
        text = article_text(page).lower()
        for entry in load_glossary(ROOT).values():
            for word in entry["avoid"][lang]:
                assert word.lower() not in text, f"{path}: {word!r} (say {entry['term'][lang]!r})"


@pytest.mark.parametrize("path", ["en/roles/parent", "en/roles/student"])
def test_the_english_parent_and_student_pages_explain_the_schools_words_once(built_site, path):
    page = soup(built_site, path)
    terms = [" ".join(dt.get_text(" ").split()) for dt in page.select("article dl dt")]
    for word in ("SEN coordinator", "Confidential advisor", PROTOCOL.settings.student_system["en"]):
        assert terms.count(word) == 1, (path, word, terms)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_overview_chart_shows_the_mentor_turning_to_the_confidential_advisors(built_site, lang):
    page = soup(built_site, f"{LANGS[lang]}protocol")
    mentor, advisor = PROTOCOL.roles["mentor"].name[lang], PROTOCOL.roles["confidential-advisor"].name[lang]
    words = article_text(page).lower()
    assert f"{mentor} {PROTOCOL.labels['overview_hands_over'][lang]}" in words
    line = next(li for li in page.select("article li") if li.get_text(" ").lower().startswith(mentor))
    assert advisor in line.get_text(" ").lower()
