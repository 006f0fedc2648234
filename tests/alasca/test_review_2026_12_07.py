"""ALASCA's handbook says what its adopted protocol says: one test per finding of the content review
of 2026-12-07 (../shared/reviews/content-2026-12-07.md, F1-F15 and its §2 list of 17 statements),
on the pages as the build fills them (both languages) and on the PDF forms' text.

Each test names the finding it guards; the §2 items are named where they are checked. Every test
here failed on the text the review read (commit 958b4d9).
"""

from __future__ import annotations

import re

import pytest

from generator import publish
from tests.alasca.conftest import words

LANGS = ("nl", "en")


def label(pages, key: str, lang: str) -> str:
    return pages.protocol.labels[key][lang]


def step_links(block) -> list[str]:
    """Where a step's 'Next' line leads: the hrefs of its .sbs-then links."""
    then = block.select_one(".sbs-then")
    return [a["href"] for a in then.select("a")] if then else []


def text_paragraphs(block) -> list:
    """A step's own text: its paragraphs and lists, without the trace, form and next lines."""
    skip = {"trace", "sbs-form", "sbs-then"}
    return [el for el in block.find_all(["p", "ul", "ol"], recursive=False) if not skip & set(el.get("class", []))]


def advice_text(block) -> str:
    return " ".join(words(p) for p in block.select("p.advice"))


def own_text(block) -> str:
    """The step's text that is not labelled advice: what it presents as the protocol."""
    return " ".join(words(p) for p in text_paragraphs(block) if "advice" not in p.get("class", []))


# ---------------------------------------------------------------- F1 (§2 item 1)


@pytest.mark.parametrize("lang", LANGS)
def test_f1_the_confidential_advisor_never_hands_a_student_back_to_the_mentor(pages, lang):
    steps = pages.soup(f"{lang}/roles/confidential-advisor.md").select(".sbs-step")
    student_steps = [s for s in steps if s.find(id="ca-listen") or s.find(id="ca-next")]
    assert len(student_steps) == 2
    for block in student_steps:
        assert not [href for href in step_links(block) if "mentor.md" in href], words(block)
    assert "Samen naar de mentor" not in pages.text(f"{lang}/roles/confidential-advisor.md")


@pytest.mark.parametrize("lang", LANGS)
def test_f1_what_the_advisor_does_next_is_shown_as_the_schools_open_decision(pages, lang):
    assert pages.protocol.settings.advisor_next_step is None
    block = pages.step(lang, "ca-next")
    [open_note] = block.select("p.school-decision.open")
    assert words(open_note) == label(pages, "undecided_advisor_next_step", lang)
    assert any(d.key == "advisor_next_step" for d in publish.REGISTRY)


@pytest.mark.parametrize("lang", LANGS)
def test_f1_the_overview_has_no_hand_over_from_the_advisor_to_the_mentor(pages, lang):
    advisor = pages.protocol.roles["confidential-advisor"].display_name(lang)
    hands_over = label(pages, "overview_hands_over", lang)
    lines = [words(li) for li in pages.soup(f"{lang}/protocol.md").select("li")]
    assert not [line for line in lines if line.startswith(f"{advisor} {hands_over}")]


@pytest.mark.parametrize("lang", LANGS)
def test_f1_the_students_page_does_not_say_the_advisor_helps_them_report(pages, lang):
    text = own_text(pages.step(lang, "st-advisor")).lower()
    assert ("melden" if lang == "nl" else "report") not in text


# ---------------------------------------------------------------- F2 (§2 item 2)

BOTH_FILES = {
    "nl": "in het dossier van zowel de leerling die pest als de leerling die gepest wordt",
    "en": "in the file of both the student who bullies and the student who is bullied",
}
ONE_FILE = {
    "nl": ("alleen wat over die leerling gaat", "in het dossier van de leerling."),
    "en": ("only what concerns that student", "in the student's file."),
}


@pytest.mark.parametrize("lang", LANGS)
def test_f2_every_case_forms_page_says_the_notes_go_in_the_file_of_both_students(pages, lang):
    for form_id, form in pages.checked.handbook.forms.items():
        note = words(pages.soup(f"{lang}/forms/{form_id}.md").select_one(".form-privacy"))
        for wrong in ONE_FILE[lang]:
            assert wrong not in note, (form_id, note)
        if form.record != "class":
            assert BOTH_FILES[lang] in note, (form_id, note)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form_id", ["conversation-victim", "incident-report"])
def test_f2_the_pdf_forms_say_the_notes_go_in_the_file_of_both_students(pdf_text, form_id, lang):
    text = pdf_text(form_id, lang)
    assert BOTH_FILES[lang] in text
    assert not [wrong for wrong in ONE_FILE[lang] if wrong in text]


# ---------------------------------------------------------------- F3 (§2 item 3)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form_id", ["incident-report", "management-notice"])
def test_f3_no_form_states_counting_incidents_as_a_purpose(pages, pdf_text, form_id, lang):
    counting = {"nl": "per jaar", "en": "each year"}[lang]
    assert counting not in pdf_text(form_id, lang)
    assert counting not in pages.text(f"{lang}/forms/{form_id}.md")


# ---------------------------------------------------------------- F4 (§2 item 4)


@pytest.mark.parametrize("lang", LANGS)
def test_f4_the_management_notice_names_no_one_who_informs_management(pages, pdf_text, lang):
    coordinator = pages.protocol.roles["coordinator"].name[lang]
    text = pdf_text("management-notice", lang)
    page = pages.soup(f"{lang}/forms/management-notice.md")
    for shown in (text, words(page)):
        assert f"brengt de {coordinator}" not in shown and f"the {coordinator} informs" not in shown
        assert f"Van ({coordinator})" not in shown and f"From ({coordinator})" not in shown
        assert f"De {coordinator} vraagt" not in shown and f"The {coordinator} asks" not in shown
    belongs = [n.id for n in pages.protocol.steps_for_form("management-notice")]
    assert belongs == ["sm-informed"]  # management's own step, not the coordinator's feedback


@pytest.mark.parametrize("lang", LANGS)
def test_f4_how_management_hears_of_every_incident_is_an_open_decision_said_once(pages, lang):
    block = pages.step(lang, "sm-informed")
    [open_note] = block.select("p.school-decision.open")
    assert words(open_note) == label(pages, "undecided_incident_notice", lang)
    assert pages.text(f"{lang}/roles/management.md").count(words(open_note)) == 1


# ---------------------------------------------------------------- F5


@pytest.mark.parametrize("lang", LANGS)
def test_f5_the_in_class_question_comes_before_the_mentors_two_talks(pages, lang):
    page = pages.soup(f"{lang}/roles/mentor.md")
    order = [h["id"] for h in page.select(".step-by-step h3")]
    assert order.index("m-within-class") < order.index("m-talk-victim") < order.index("m-talk-bully")
    links = page.select('.step-by-step li a[href="#m-talk-victim"], .step-by-step .sbs-then a[href="#m-talk-victim"]')
    leading_to_talk = [a.find_parent("div", class_="sbs-step").h3["id"] for a in links]
    assert leading_to_talk == ["m-within-class"]  # only its 'yes, within the class' answer
    yes = pages.step(lang, "m-within-class").select_one("li")
    assert "#m-talk-victim" in yes.a["href"] and ("klas" in words(yes) or "class" in words(yes))


@pytest.mark.parametrize("lang", LANGS)
def test_f5_beyond_the_class_the_coordinator_is_called_in_and_the_mentor_still_contacts_both_parents(pages, lang):
    """Mentor 2 (contact the parents of both) has no condition; only the talks are for in class."""
    branches = pages.step(lang, "m-within-class").select("li")
    assert branches[1].a["href"] == "#m-call-in"
    then = step_links(pages.step(lang, "m-call-in"))
    assert "#m-parents" in then and "coordinator.md#c-receive" in then
    assert "#m-talk-victim" not in then


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("src", ["roles/parent.md", "roles/student.md"])
def test_f5_the_public_pages_give_the_talks_their_in_class_condition(pages, src, lang):
    first = {"nl": "eerst", "en": "first"}[lang]
    cls = {"nl": "klas", "en": "class"}[lang]
    items = [words(li) for li in pages.soup(f"{lang}/{src}").select("li")]
    talks = [t for t in items if first in t and ("gepest" in t or "bullied" in t or "apart" in t or "separately" in t)]
    assert talks and all(cls in t for t in talks), talks


# ---------------------------------------------------------------- F6 (§2 items 9, 10)


@pytest.mark.parametrize("lang", LANGS)
def test_f6_the_coordinators_talk_with_the_bullied_student_says_what_was_adopted(pages, lang):
    block = pages.step(lang, "c-talk-victim")
    duty = own_text(block)
    for word in {"nl": ("sociaal gedrag", "gemakkelijk doelwit"), "en": ("social behaviour", "easy target")}[lang]:
        assert word in duty
    assert "#coordinator-4" in " ".join(a["href"] for a in block.select(".trace a"))
    never = {"nl": "nooit de schuld", "en": "never the student's fault"}[lang]
    assert never not in duty and never in advice_text(block)  # item 10: labelled where it stands


@pytest.mark.parametrize("lang", LANGS)
def test_f6_no_rule_keeps_the_victims_behaviour_out_of_a_meeting_unlabelled(pages, pdf_text, lang):
    joint = own_text(pages.step(lang, "c-joint"))
    assert not re.search(r"bespreek je (niet|nooit)|do not discuss|never discuss", joint)
    form = pdf_text("coordinator-victim", lang)
    assert not re.search(r"nooit waar de leerling die pest|never discuss this with the student", form)


# ---------------------------------------------------------------- F7


@pytest.mark.parametrize("lang", LANGS)
def test_f7_no_page_prints_an_icon_shortcode(pages, lang):
    for src in pages.checked.filled:
        if src.startswith(f"{lang}/"):
            assert ":material-" not in pages.text(src), src


# ---------------------------------------------------------------- F8 (§2 items 5, 6)


@pytest.mark.parametrize("lang", LANGS)
def test_f8_students_are_promised_a_talk_before_their_parents_hear_only_when_it_goes_on(pages, lang):
    parents = {"nl": "ouders", "en": "parents"}[lang]
    first = {"nl": "eerst", "en": "first"}[lang]
    goes_on = {"nl": ("door", "erger"), "en": ("go on", "worse")}[lang]
    items = [words(li) for li in pages.soup(f"{lang}/roles/student.md").select("li")]
    promised = [t for t in items if parents in t and first in t]
    assert promised and all(any(g in t for g in goes_on) for t in promised), promised


@pytest.mark.parametrize("lang", LANGS)
def test_f8_consultation_is_not_permission_only_as_labelled_advice(pages, lang):
    block = pages.step(lang, "m-inform-parents")
    gloss = {"nl": "niet hetzelfde als toestemming", "en": "not the same as asking for permission"}[lang]
    assert gloss not in own_text(block) and gloss in advice_text(block)


# ---------------------------------------------------------------- F9 (§2 items 7, 8)


@pytest.mark.parametrize("lang", LANGS)
def test_f9_parents_are_told_their_child_may_go_to_an_advisor_with_no_promise(pages, lang):
    block = pages.soup(f"{lang}/roles/parent.md").select_one(".contact-block")
    terms = [words(dt) for dt in block.select("dt")]
    advisor = words(block.select("dd")[terms.index(label(pages, "contact_advisors", lang))])
    assert {"nl": "uw kind", "en": "your child"}[lang] in advisor
    assert pages.protocol.settings.contacts["confidential-advisor"][lang] not in advisor  # the students' way in
    for src in ("roles/parent.md", "roles/student.md"):
        text = pages.text(f"{lang}/{src}")
        assert not re.search(r"hoeft niet te zeggen waarom|do not have to say why", text), src


# ---------------------------------------------------------------- F10


@pytest.mark.parametrize("lang", LANGS)
def test_f10_parents_who_ask_for_the_coordinator_have_a_step_on_the_coordinators_page(pages, lang):
    page = pages.soup(f"{lang}/roles/coordinator.md")
    traced = [a.find_parent("div", class_="sbs-step").h3["id"] for a in page.select('.trace a[href$="#parents-2"]')]
    assert traced == ["c-parents"]
    parent_step = pages.step(lang, "p-coordinator")
    coordinator = pages.protocol.roles["coordinator"].name[lang]
    assert coordinator in words(parent_step.select_one(".sbs-then"))  # who helps the parent next


@pytest.mark.parametrize("lang", LANGS)
def test_f10_the_overview_shows_the_parent_coordinator_management_line(pages, lang):
    names = {r: pages.protocol.roles[r].display_name(lang) for r in ("parent", "coordinator", "management")}
    hands_over = label(pages, "overview_hands_over", lang)
    lines = {words(li).split(f" {hands_over}")[0]: words(li) for li in pages.soup(f"{lang}/protocol.md").select("li")}
    assert names["coordinator"] in lines[names["parent"]]
    assert names["management"] in lines[names["coordinator"]]


# ---------------------------------------------------------------- F11 (§2 items 12, 13)


@pytest.mark.parametrize("lang", LANGS)
def test_f11_the_group_discussion_gives_bullying_explicit_attention(pages, lang):
    explicit = {"nl": "expliciet", "en": "explicitly"}[lang]
    separate = {"nl": "apart aandacht", "en": "discussion of its own"}[lang]
    for src in ("protocol.md", "prevention.md"):
        assert explicit in pages.text(f"{lang}/{src}") and separate not in pages.text(f"{lang}/{src}"), src
    talk = words(pages.step(lang, "t-group-talk"))
    assert explicit in talk.lower()
    assert not re.search(r"eerst met de mentor|with the mentor first|apart groepsgesprek|separate group", talk)


# ---------------------------------------------------------------- F12 (§2 item 11), and the About page


@pytest.mark.parametrize("lang", LANGS)
def test_f12_no_step_says_it_also_contains_advice_without_saying_which_sentence(pages, lang):
    also = {"nl": "bevat ook praktisch advies", "en": "also holds practical advice"}[lang]
    for role in pages.protocol.roles:
        assert also not in pages.text(f"{lang}/roles/{role}.md"), role


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("node_id", "nl", "en"),
    [
        ("m-receive", "casusoverzicht", "case overview"),
        ("m-record", "Schrijf feiten", "Write down facts"),
        ("m-record", "zorgcoördinator heeft teruggekoppeld", "SEN coordinator has reported back"),  # §2 item 15
        ("m-follow-up", "Kijk of de afspraken werken", "Check whether the agreements work"),
        ("t-respond", "op te schrijven", "to write down"),
        ("st-notice", "nooit jouw schuld", "never your fault"),
    ],
)
def test_f12_the_reviewers_unlabelled_sentences_are_labelled_advice_where_they_stand(pages, node_id, nl, en, lang):
    block = pages.step(lang, node_id)
    sentence = {"nl": nl, "en": en}[lang]
    assert sentence in advice_text(block) and sentence not in own_text(block)
    for p in block.select("p.advice"):
        assert words(p).startswith(f"{label(pages, 'advice', lang)}:")


@pytest.mark.parametrize("lang", LANGS)
def test_f12_no_duty_the_protocol_lacks_for_the_coordinator_or_management(pages, lang):
    duties = words(pages.soup(f"{lang}/roles/coordinator.md").find(id="coordinator-duties").find_next("ul"))
    assert not re.search(r"Coördineert|coordinates the school's approach", duties)  # §2 item 11
    suspension = {"nl": "schorsing", "en": "suspension"}[lang]
    assert suspension not in words(pages.step(lang, "sm-support"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_about_pages_promise_holds_every_step_text_is_traced_or_labelled(pages, lang):
    """'Every step links to the parts of the text it carries out; advice carries the label
    beside its sentence': each paragraph of a step is labelled advice or a school decision, or
    stands in a step whose trace line links to the adopted text."""
    about = pages.text(f"{lang}/about.md")
    assert label(pages, "advice", lang) in about
    checked = 0
    for role in pages.protocol.roles:
        for block in pages.soup(f"{lang}/roles/{role}.md").select(".sbs-step:not(.sbs-step--decision)"):
            links = [a["href"] for a in block.select("p.trace a")]
            assert all("adopted.md#" in href for href in links), block.h3["id"]
            for paragraph in text_paragraphs(block):
                classes = set(paragraph.get("class", []))
                if "advice" in classes:
                    assert words(paragraph).startswith(f"{label(pages, 'advice', lang)}:")
                elif "school-decision" not in classes:
                    assert links, (block.h3["id"], words(paragraph))
                checked += 1
    assert checked >= 60


# ---------------------------------------------------------------- F13


@pytest.mark.parametrize("lang", LANGS)
def test_f13_every_trace_link_names_the_point_it_links_to(pages, lang):
    number = re.compile(r"-(\d+)([a-z]?)$")
    seen = 0
    for role in pages.protocol.roles:
        for link in pages.soup(f"{lang}/roles/{role}.md").select("p.trace a"):
            target = link["href"].split("#")[1]
            block = pages.protocol.adopted[target]
            expected = number.search(target)
            if block.kind in ("item", "bullet") and expected:
                assert words(link).endswith(f" {expected[1]}{expected[2]}"), (target, words(link))
                seen += 1
    assert seen > 50
    teacher = pages.step(lang, "t-respond")
    principle = [words(a) for a in teacher.select(".trace a") if a["href"].endswith("#principle-3")]
    assert principle == [{"nl": "Uitgangspunten, punt 3", "en": "Principles, point 3"}[lang]]


# ---------------------------------------------------------------- F14 (§2 items 14-17)


@pytest.mark.parametrize("lang", LANGS)
def test_f14_the_five_tracks_are_not_said_to_run_at_the_same_time(pages, lang):
    assert not re.search(r"tegelijk|at the same time", pages.text(f"{lang}/protocol.md"))


@pytest.mark.parametrize("lang", LANGS)
def test_f14_the_records_page_states_no_inference_as_protocol(pages, lang):
    inference = r"zodat de mentor ook dat vastlegt|so that the mentor records that too"
    assert not re.search(inference, pages.text(f"{lang}/records.md"))


@pytest.mark.parametrize("lang", LANGS)
def test_f14_which_language_prevails_is_an_open_school_decision(pages, lang):
    text = pages.text(f"{lang}/adopted.md")
    assert "follows the Dutch text" not in text and "volgt de Nederlandse tekst" not in text
    assert label(pages, "undecided_prevailing_text", lang) in text
    assert any(d.key == "prevailing_text" for d in publish.REGISTRY)


@pytest.mark.parametrize("lang", LANGS)
def test_f14_no_form_offers_suspension_or_closing_a_case(pdf_text, lang):
    assert not re.search(r"schorsing|suspension", pdf_text("management-notice", lang))
    assert not re.search(r"zaak afsluiten|Zaak afgesloten|close the case|Case closed", pdf_text("follow-up", lang))
    assert not re.search(r"Zaak afgesloten|Case closed", pdf_text("case-overview", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_f14_the_one_to_one_form_is_not_linked_to_the_joint_meeting(pages, lang):
    form_links = [a["href"] for a in pages.step(lang, "c-joint").select(".sbs-form a")]
    assert not [href for href in form_links if "coordinator-victim" in href]


@pytest.mark.parametrize("lang", LANGS)
def test_f14_class_agreements_are_not_filed_in_every_students_file(pages, pdf_text, lang):
    each = {"nl": "dossier van elke leerling", "en": "each student's file"}[lang]
    assert each not in pdf_text("class-agreements", lang)
    assert each not in pages.text(f"{lang}/forms/class-agreements.md")


# ---------------------------------------------------------------- F15


@pytest.mark.parametrize("lang", LANGS)
def test_f15_the_laws_point_of_contact_is_told_apart_from_the_mentor(pages, lang):
    page = pages.soup(f"{lang}/records.md")
    law = next(h for h in page.find_all("h2") if re.search(r"wet\?|law say\?", h.get_text()))
    section = " ".join(words(p) for p in law.find_next_siblings("p"))
    assert {"nl": "zegt het protocol niet", "en": "the protocol does not say"}[lang] in section
    for sentence in re.split(r"(?<=[.;])\s", section):
        if "mentor" in sentence and re.search(r"aanspreekpunt|point of contact", sentence):
            assert re.search(r"melding|reported", sentence), sentence


# ---------------------------------------------------------------- the English principle 1 (§1 P1)


def test_the_english_first_principle_keeps_the_pedagogical_climate(pages):
    text = pages.text("en/protocol.md")
    assert "pedagogical climate" in text and "supportive school climate" not in text
