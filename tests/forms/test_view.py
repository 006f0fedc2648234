"""The words and names a form shows come from the definition, the protocol and labels.yml."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from generator.forms.definitions import load_definition
from generator.forms.labels import load_labels
from generator.forms.render import render_form_html
from generator.forms.view import form_view, widgets
from generator.handbook import step_role_problems
from generator.model import Text
from tests.conftest import ROOT
from tests.helpers import LANGUAGES

NOTE = """
title: {nl: Notitie, en: Note}
intro: {nl: "Schrijf het op in {system}.", en: "Write it down in {system}."}
purpose: {nl: iets vastleggen., en: to record something.}
sections:
  - id: main
    title: {nl: Hoofd, en: Main}
    fields:
      - id: kind
        type: choices
        label: {nl: Soort, en: Kind}
        options:
          - {id: verbal, label: {nl: woorden, en: verbal}}
      - id: steps
        type: table
        label: {nl: Stappen, en: Steps}
        rows: protocol-steps
        columns:
          - {id: date, type: date, label: {nl: Datum, en: Date}}
          - {id: done, type: checkbox, label: {nl: Klaar, en: Done}}
"""


@pytest.fixture
def note(tmp_path):
    path = tmp_path / "note.yml"
    path.write_text(textwrap.dedent(NOTE), encoding="utf-8")
    return load_definition(path, languages=LANGUAGES)


@pytest.fixture
def labels():
    return load_labels(ROOT)


def test_a_form_names_every_step_that_uses_it_with_role_and_number(note, fake_protocol, labels):
    view = form_view(note, fake_protocol, labels, "en")
    assert [s["text"] for s in view["steps"]] == ["Mentor: 1. Listen", "SEN coordinator: 1. Take over"]
    dutch = form_view(note, fake_protocol, labels, "nl")
    assert dutch["steps"][1]["text"] == "Zorgcoördinator: 1. Overnemen"


def test_a_form_shows_school_version_and_student_system_from_the_settings(note, fake_protocol, labels):
    view = form_view(note, fake_protocol, labels, "en")
    assert view["school"] == "Testschool" and view["version"] == "9.9"
    assert view["intro"] == "Write it down in Somtoday."
    assert [f["label"] for f in view["record"]] == ["Recorded in Somtoday on", "Recorded by"]


def test_the_privacy_note_says_purpose_place_and_the_schools_term(note, fake_protocol, labels):
    privacy = form_view(note, fake_protocol, labels, "en")["privacy"]
    assert "to record something." in privacy
    assert "in Somtoday, in the file of both the student who bullies and the student who is bullied." in privacy
    assert "How long it is kept: three years." in privacy
    assert "aged 16" not in privacy  # access is the school's decision, not a rule made up here


def test_while_the_school_has_not_decided_the_note_says_so_in_the_handbooks_words(protocol, handbook):
    settings = protocol.settings
    assert settings.retention is None and settings.records_access is None and settings.form_copies is None
    privacy = form_view(handbook.forms["conversation-victim"], protocol, handbook.form_labels, "nl")["privacy"]
    assert protocol.labels["undecided_form_copies"]["nl"].replace("{system}", settings.student_system["nl"]) in privacy
    assert "jaar" not in privacy


@pytest.mark.parametrize(
    "key, handbooks_words",
    [
        ("undecided_records_access", {"nl": "Wilt u iets inzien?", "en": "Would you like to see something?"}),
        ("undecided_retention", {"nl": "Vraag het de mentor", "en": "Ask the mentor"}),
    ],
)
def test_while_access_or_retention_is_open_the_note_says_so_to_staff_in_the_forms_own_words(
    protocol, handbook, key, handbooks_words
):
    assert protocol.settings.records_access is None and protocol.settings.retention is None
    for lang, words in handbooks_words.items():
        privacy = form_view(handbook.forms["conversation-victim"], protocol, handbook.form_labels, lang)["privacy"]
        assert handbook.form_labels.get(key, lang) in privacy
        assert words in protocol.labels[key][lang]  # the handbook's: for parents, or sending to the mentor
        assert words not in privacy


def test_while_the_paper_rule_is_open_the_note_advises_shredding_once_the_note_is_in_the_system(protocol, handbook):
    assert protocol.settings.form_copies is None
    for lang, advice, shred in (("nl", "Advies (", "versnipper dan het papier"), ("en", "Advice (", "shred the paper")):
        privacy = form_view(handbook.forms["incident-report"], protocol, handbook.form_labels, lang)["privacy"]
        assert advice in privacy and shred in privacy, lang


def test_a_decided_retention_access_and_paper_rule_are_printed_as_the_school_wrote_them(note, fake_protocol, labels):
    decided = dataclasses.replace(
        fake_protocol.settings,
        records_access=Text(nl="Ouders vragen het de mentor.", en="Parents ask the mentor."),
        form_copies=Text(nl="Versnipper het papier.", en="Shred the paper."),
    )
    protocol = dataclasses.replace(fake_protocol, settings=decided)
    privacy = form_view(note, protocol, labels, "en")["privacy"]
    assert "Shred the paper." in privacy and "Parents ask the mentor." in privacy


@pytest.mark.parametrize("record", ["student", "group"])
def test_while_the_school_has_not_split_the_notes_every_case_form_says_both_students_files(
    note, fake_protocol, labels, record
):
    """Track 5, point 3: the notes go in the file of both students (review 2026-12-07, F2)."""
    assert fake_protocol.settings.notes_per_student is None
    privacy = form_view(dataclasses.replace(note, record=record), fake_protocol, labels, "en")["privacy"]
    assert "in the file of both the student who bullies and the student who is bullied." in privacy
    assert "only what concerns that student" not in privacy


def test_once_the_school_splits_the_notes_a_form_about_several_students_says_so(note, fake_protocol, labels):
    split = dataclasses.replace(fake_protocol.settings, notes_per_student=True)
    protocol = dataclasses.replace(fake_protocol, settings=split)
    privacy = form_view(dataclasses.replace(note, record="group"), protocol, labels, "en")["privacy"]
    assert "Put in each student's file only what concerns that student (the school's decision)." in privacy
    single = form_view(note, protocol, labels, "en")["privacy"]
    assert "in the student's file (the school's decision)." in single


def test_a_form_about_the_class_says_the_protocol_does_not_say_where_it_is_kept(note, fake_protocol, labels):
    privacy = form_view(dataclasses.replace(note, record="class"), fake_protocol, labels, "en")["privacy"]
    assert "the protocol does not say where the class's agreements are kept." in privacy
    assert "file" not in privacy.split("Where it goes:")[1].split(".")[0]


def test_a_table_of_protocol_steps_numbers_its_rows_as_the_step_list_with_decisions_as_rows_without_cells(
    note, fake_protocol, labels
):
    view = form_view(note, fake_protocol, labels, "en")
    table = view["sections"][0]["fields"][1]
    groups = [r["group"] for r in table["rows"] if r["group"]]
    rows = [(r["label"], len(r["cells"])) for r in table["rows"] if not r["group"]]
    assert groups == ["Mentor", "SEN coordinator"]  # management has no steps: no empty group
    assert rows == [("1. Listen", 2), ("2. Again?", 0), ("3. Record it in Magister", 2), ("1. Take over", 2)]


def test_a_step_not_logged_has_no_cells_and_is_left_out_after_the_last_logged_step(note, fake_protocol, labels):
    table = note.sections[0].fields[1]
    quiet = dataclasses.replace(table, steps_not_logged=("m-a", "m-b"))
    form = dataclasses.replace(note, sections=(dataclasses.replace(note.sections[0], fields=(note.fields[0], quiet)),))
    rows = form_view(form, fake_protocol, labels, "en")["sections"][0]["fields"][1]["rows"]
    assert [(r["group"] or r["label"], len(r["cells"])) for r in rows] == [("SEN coordinator", 0), ("1. Take over", 2)]


def test_an_unknown_step_not_logged_is_refused_with_the_file_and_key(note, fake_protocol):
    table = dataclasses.replace(note.sections[0].fields[1], steps_not_logged=("m-nope",))
    form = dataclasses.replace(note, sections=(dataclasses.replace(note.sections[0], fields=(note.fields[0], table)),))
    problems = step_role_problems(fake_protocol, {form.id: form})
    assert [(p.key, p.found) for p in problems] == [("sections[main].fields[steps].steps_not_logged", "'m-nope'")]


def test_the_case_overview_numbers_run_on_and_it_logs_only_the_staffs_case_steps(protocol, handbook):
    view = form_view(handbook.forms["case-overview"], protocol, handbook.form_labels, "en")
    names = {w.name for w in widgets(view)}
    table = next(f for s in view["sections"] for f in s["fields"] if f["type"] == "table")
    staff = ("teacher", "mentor", "coordinator", "management")
    not_logged = {"t-done", "m-close", "m-agreements", "m-advisor"}  # stay alert, prevention, confidential advisor
    for role in protocol.roles.values():
        for node in (n for n in role.nodes.values() if n.kind == "step"):
            row = {f"case-overview-step-{node.id}-{column}" for column in ("date", "who", "done")}
            if role.id in staff and node.id not in not_logged:
                assert row <= names, node.id
            else:  # the confidential advisor's contacts stay confidential; students and parents keep no case log
                assert not row & names, node.id
    numbers: dict[str, list[int]] = {}
    group = ""
    for row in table["rows"]:
        group = row["group"] or group
        if not row["group"]:
            numbers.setdefault(group, []).append(int(row["label"].split(".")[0]))
    assert numbers and all(found == list(range(1, len(found) + 1)) for found in numbers.values()), numbers
    shown = " ".join(r["label"] for r in table["rows"])
    assert "Class agreements at the start of the year" not in shown and "confidential advisor" not in shown


def test_widgets_name_each_option_and_cell_with_its_question(note, fake_protocol, labels):
    found = {w.name: w for w in widgets(form_view(note, fake_protocol, labels, "en"))}
    assert found["note-kind-verbal"].label == "Kind: verbal"
    assert found["note-steps-m-a-date"].label == "1. Listen: Date (dd-mm-yyyy)"
    assert found["note-steps-c-a-done"].kind == "checkbox"
    assert found["note-recorded-on"].label == "Recorded in Somtoday on (dd-mm-yyyy)"


def test_field_names_start_with_the_form_id_so_merged_forms_do_not_collide(protocol, handbook):
    seen: dict[str, str] = {}
    for form_id, form in handbook.forms.items():
        for widget in widgets(form_view(form, protocol, handbook.form_labels, "nl")):
            assert widget.name.startswith(f"{form_id}-"), widget.name
            assert widget.name not in seen, (widget.name, form_id, seen.get(widget.name))
            seen[widget.name] = form_id


def test_the_print_html_has_a_label_for_every_input_and_the_language_set(note, fake_protocol, labels):
    from html.parser import HTMLParser

    class Inputs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inputs, self.labels, self.lang = [], set(), None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "html":
                self.lang = attrs.get("lang")
            if tag in ("input", "textarea"):
                self.inputs.append(attrs)
            if tag == "label":
                self.labels.add(attrs.get("for"))

    parser = Inputs()
    parser.feed(render_form_html(form_view(note, fake_protocol, labels, "nl"), ROOT))
    assert parser.lang == "nl"  # the language's code, as in settings.yml and on the site's pages
    assert parser.inputs
    for attrs in parser.inputs:
        assert attrs["id"] in parser.labels or attrs.get("title"), attrs


def test_no_table_has_an_empty_header_cell(protocol, handbook):
    for form_id, form in handbook.forms.items():
        for lang in ("nl", "en"):
            view = form_view(form, protocol, handbook.form_labels, lang)
            for field in (f for s in view["sections"] for f in s["fields"] if f["type"] == "table"):
                headers = [field["row_header"]] + [c["label"] for c in field["columns"]]
                assert all(h.strip() for h in headers), (form_id, lang, field["name"], headers)
    incident = form_view(handbook.forms["incident-report"], protocol, handbook.form_labels, "en")
    assert next(f for s in incident["sections"] for f in s["fields"] if f["type"] == "table")["row_header"] == "Student"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_coordinators_meeting_between_both_students_has_its_own_form_on_its_step(handbook, lang):
    """Coordinator point 2 of the adopted text: 'organiseert direct een gesprek tussen beiden'."""
    steps = [(s.role, s.id) for s in handbook.protocol.steps_for_form("coordinator-joint")]
    assert steps == [("coordinator", "c-joint")]
    view = form_view(handbook.forms["coordinator-joint"], handbook.protocol, handbook.form_labels, lang)
    names = {w.name: w for w in widgets(view)}
    for field in ("bullied", "bullying", "bullied-words", "bullying-words", "agreements-1-what", "help-bullied"):
        assert f"coordinator-joint-{field}" in names, field
    assert names["coordinator-joint-bullied-words"].kind == "multiline"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_incident_report_asks_who_else_was_told_when_and_by_whom(handbook, lang):
    view = form_view(handbook.forms["incident-report"], handbook.protocol, handbook.form_labels, lang)
    told = next(f for s in view["sections"] for f in s["fields"] if f["name"] == "incident-report-told")
    assert told["label"] == {"nl": "Wie is nog meer ingelicht?", "en": "Who else was told?"}[lang]
    assert [c["id"] for c in told["columns"]] == ["who", "when", "by"]
    assert [c["type"] for c in told["columns"]] == ["textarea", "date", "textarea"]
    assert len([r for r in told["rows"] if r["cells"]]) == 3
