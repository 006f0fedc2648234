"""Form definitions: the real ones load; bad ones are refused with the file and the key named."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.forms.definitions import load_definition, load_definitions
from generator.forms.labels import load_labels
from tests.conftest import ROOT
from tests.helpers import LANGUAGES

PROTOCOL_FORMS = {
    "incident-report", "conversation-victim", "conversation-bully", "parent-contact", "class-discussion",
    "escalation", "coordinator-bully", "coordinator-victim", "coordinator-joint", "parents-repeated",
    "coordinator-feedback",
    "management-notice", "follow-up", "class-agreements", "case-overview",
}  # fmt: skip

GOOD = """
title: {nl: Notitie, en: Note}
intro: {nl: Inleiding., en: Introduction.}
purpose: {nl: iets vastleggen., en: to record something.}
sections:
  - id: main
    title: {nl: Hoofd, en: Main}
    fields:
      - id: place
        type: radio
        label: {nl: Plaats, en: Place}
        options:
          - {id: class, label: {nl: klas, en: class}}
          - {id: yard, label: {nl: plein, en: yard}}
      - {id: account, type: textarea, label: {nl: Verslag, en: Account}}
"""


def write(tmp_path: Path, body: str, name: str = "note.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_definition(path, languages=LANGUAGES)
    return str(caught.value)


def test_every_form_a_step_uses_has_a_definition_with_questions_and_no_definition_is_unused(protocol):
    forms = load_definitions(ROOT)
    used = {form_id for node in protocol.nodes.values() for form_id in node.forms}  # the role files' steps
    assert set(forms) == used == PROTOCOL_FORMS
    assert all(form.fields for form in forms.values())


def test_a_valid_definition_loads_with_its_fields_in_order(tmp_path):
    form = load_definition(write(tmp_path, GOOD), languages=LANGUAGES)
    assert form.id == "note"
    assert [f.id for f in form.fields] == ["place", "account"]
    assert [o.id for o in form.fields[0].options] == ["class", "yard"]


def test_an_unknown_field_type_is_refused_naming_file_and_key(tmp_path):
    message = refusal(write(tmp_path, GOOD.replace("type: textarea", "type: essay")))
    assert "note.yml" in message
    assert "sections[main].fields[account].type: found 'essay'; expected one of: text, textarea" in message


def test_a_duplicate_field_name_is_refused(tmp_path):
    message = refusal(write(tmp_path, GOOD.replace("id: account", "id: place")))
    assert "note.yml" in message and "field name place" in message


def test_a_missing_translation_is_refused_naming_the_language(tmp_path):
    message = refusal(write(tmp_path, GOOD.replace("{nl: Verslag, en: Account}", "{nl: Verslag}")))
    assert "sections[main].fields[account].label.en: found nothing; expected a text in every language" in message


def test_an_empty_translation_is_refused(tmp_path):
    message = refusal(write(tmp_path, GOOD.replace("en: Account", 'en: ""')))
    assert "sections[main].fields[account].label.en: found an empty text; expected a text with words in it" in message


def test_an_unknown_top_level_key_is_refused_with_the_allowed_keys(tmp_path):
    message = refusal(write(tmp_path, GOOD + "colour: blue\n"))
    assert "note.yml: colour: found an unknown key; expected one of: intro, purpose, record, sections, title" in message


def test_a_radio_without_options_is_refused(tmp_path):
    body = GOOD.replace(
        """        options:
          - {id: class, label: {nl: klas, en: class}}
          - {id: yard, label: {nl: plein, en: yard}}
""",
        "        options: []\n",
    )
    message = refusal(write(tmp_path, body))
    assert "sections[main].fields[place].options: found []; expected at least 2 item(s)" in message


def test_each_missing_key_is_named_once(tmp_path):
    """The forms' schema errors go through the protocol's translator: each missing key once, by name."""
    body = GOOD.replace("purpose: {nl: iets vastleggen., en: to record something.}\n", "")
    body = body[: body.index("sections:")]
    lines = refusal(write(tmp_path, body)).splitlines()
    missing = [line for line in lines if "found nothing" in line]
    assert [line.split(": ")[1] for line in missing] == ["purpose", "sections"], lines


def test_a_missing_translation_reads_the_same_in_a_form_and_in_a_role_file(tmp_path):
    from generator.schema import ROLE, TEXT
    from generator.schemacheck import schema_problems

    assert TEXT is ROLE["properties"]["name"]  # one TEXT; the languages are the data's
    form = refusal(write(tmp_path, GOOD.replace("{nl: Verslag, en: Account}", "{nl: Verslag}")))
    role = schema_problems({"nl": "mentor"}, TEXT, "protocol/roles/mentor.yml", LANGUAGES)
    assert role[0].expected in form


def test_a_yaml_syntax_error_is_refused_with_its_line(tmp_path):
    message = refusal(write(tmp_path, "title: {nl: a, en: b\n"))
    assert "note.yml" in message and "line 2" in message


def test_every_problem_is_reported_on_its_own_line(tmp_path):
    body = GOOD.replace("type: textarea", "type: essay") + "colour: blue\n"
    lines = refusal(write(tmp_path, body)).splitlines()
    assert len(lines) == 2 and all(line.startswith(str(tmp_path / "note.yml")) for line in lines)


def test_shared_labels_exist_in_every_language():
    labels = load_labels(ROOT)
    for key, value in labels.texts.items():
        assert value["nl"].strip() and value["en"].strip(), key


def test_a_label_without_english_is_refused(forms_root):
    path = forms_root / "forms" / "labels.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("en: Belongs to", "xx: y"), encoding="utf-8")
    with pytest.raises(DataError, match=r"forms/labels.yml: belongs_to.en: found nothing"):
        load_labels(forms_root)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("belongs_to: Hoort bij", "forms/labels.yml: belongs_to: found 'Hoort bij'; expected a text in every language"),
        ("belongs_to: {nl: Hoort bij, en: '   '}", "forms/labels.yml: belongs_to.en: found only spaces"),
        ("Belongs: {nl: a, en: b}", "forms/labels.yml: Belongs: found 'Belongs'; expected an id of lowercase letters"),
    ],
)
def test_the_forms_labels_are_checked_like_the_protocols_labels(forms_root, label, expected):
    path = forms_root / "forms" / "labels.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("belongs_to: {nl: Hoort bij, en: Belongs to}", label, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_labels(forms_root)
    assert expected in str(caught.value)
