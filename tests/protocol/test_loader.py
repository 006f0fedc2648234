"""The protocol data: valid data loads; every kind of broken data gets its own one-line message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.errors import DataError
from generator.loader import load_protocol
from tests.conftest import ROOT
from tests.helpers import LANGUAGES


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_protocol(root)
    return str(caught.value).splitlines()


def step(data: dict, step_id: str) -> dict:
    return next(s for s in data["steps"] if s["id"] == step_id)


def test_the_school_data_loads_with_every_role_of_the_protocol():
    protocol = load_protocol(ROOT)
    assert list(protocol.roles) == [
        "student",
        "parent",
        "teacher",
        "mentor",
        "coordinator",
        "confidential-advisor",
        "management",
    ]
    assert len(protocol.tracks) == 5 and len(protocol.principles) == 5


def test_every_user_facing_text_exists_in_every_language():
    protocol = load_protocol(ROOT)
    texts = [protocol.intro, protocol.principles_intro, *protocol.principles, *protocol.labels.values()]
    for track in protocol.tracks:
        texts += [track.title, *track.points]
    for role in protocol.roles.values():
        texts += [role.name, role.title, role.summary, *role.duties]
        for node in role.nodes.values():
            texts += [node.title] + ([node.body] if node.body else []) + [b.label for b in node.branches]
    for text in texts:
        assert set(text) == set(LANGUAGES) and all(text[lang].strip() for lang in LANGUAGES), text


def test_placeholders_are_filled_from_the_school_settings():
    protocol = load_protocol(ROOT)
    record = protocol.node("m-record")
    assert protocol.settings.student_system["nl"] in record.title["nl"]
    assert "{" not in record.body["en"]


def test_a_yaml_syntax_error_names_the_file_and_the_line(data_copy):
    path = data_copy / "protocol/roles/mentor.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("next: [m-talk-bully]", "next: [m-talk-bully"), encoding="utf-8"
    )
    (line,) = problems_of(data_copy)
    assert line.startswith("protocol/roles/mentor.yml: line ")
    assert "YAML syntax error" in line and "expected valid YAML" in line


def test_a_missing_translation_names_the_step_and_the_language(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-talk-victim")["title"].pop("en"))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-talk-victim].title.en: found nothing; "
        "expected a text in every language of protocol/settings.yml (nl, en); add the missing translation"
    ]


def test_an_unknown_next_step_is_refused(data_copy):
    edit_yaml(data_copy / "protocol/roles/teacher.yml", lambda d: step(d, "t-notice").update(next=["t-nowhere"]))
    lines = problems_of(data_copy)
    assert lines[0] == (
        "protocol/roles/teacher.yml: steps[t-notice].next[0]: found 't-nowhere'; "
        "expected the id of a step or decision in protocol/roles/"
    )


def test_an_unknown_form_id_is_refused_and_the_valid_ids_are_shown(data_copy):
    edit_yaml(data_copy / "protocol/roles/teacher.yml", lambda d: step(d, "t-report").update(forms=["incident"]))
    lines = problems_of(data_copy)
    assert any(
        line.startswith("protocol/roles/teacher.yml: steps[t-report].forms[0]: found 'incident'; expected a form id (")
        and "incident-report" in line
        for line in lines
    ), lines


def test_an_unknown_branch_target_is_refused(data_copy):
    def change(d):
        step(d, "m-within-class")["branches"][1]["next"] = "m-missing"

    edit_yaml(data_copy / "protocol/roles/mentor.yml", change)
    assert (
        "protocol/roles/mentor.yml: steps[m-within-class].branches[1].next: found 'm-missing'"
        in problems_of(data_copy)[0]
    )


def test_a_decision_with_one_branch_is_refused(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-class-talk")["branches"].pop())
    lines = problems_of(data_copy)
    assert lines[0].startswith("protocol/roles/mentor.yml: steps[m-class-talk].branches: found ")
    assert lines[0].endswith("expected at least 2 item(s)")


def test_a_step_nothing_leads_to_is_reported_as_unreachable(data_copy):
    edit_yaml(data_copy / "protocol/roles/teacher.yml", lambda d: step(d, "t-notice").update(next=["t-report"]))
    assert problems_of(data_copy) == [
        "protocol/roles/teacher.yml: steps[t-respond].id: found 't-respond', which no start or 'next' leads to; "
        "expected a step reachable from a start"
    ]


def test_the_same_step_id_in_two_roles_is_refused(data_copy):
    edit_yaml(data_copy / "protocol/roles/teacher.yml", lambda d: d["steps"][0].update(id="m-receive"))
    lines = problems_of(data_copy)
    assert any("the id 'm-receive', already used at protocol/roles/mentor.yml" in line for line in lines), lines


def test_an_unknown_key_lists_the_keys_that_are_allowed(data_copy):
    edit_yaml(
        data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-record").update(titel={"nl": "x", "en": "x"})
    )
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].titel: found an unknown key; "
        "expected one of: body, forms, id, next, number, phase, title"
    ]


def test_a_badly_written_date_is_refused(data_copy):
    path = data_copy / "protocol/settings.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("next_review: ~", "next_review: 1-9-2027"), encoding="utf-8"
    )
    assert problems_of(data_copy) == [
        "protocol/settings.yml: next_review: found '1-9-2027'; "
        "expected a real date written as YYYY-MM-DD, e.g. 2026-09-01"
    ]


def test_an_unknown_placeholder_in_a_text_is_refused(data_copy):
    edit_yaml(
        data_copy / "protocol/roles/mentor.yml",
        lambda d: step(d, "m-record")["body"][0].update(en="Note it in {sytem}."),
    )
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].body[0].en: found the placeholder {sytem}; "
        "expected one of {school}, {system}, {mentor_contact}"
    ]


def test_a_role_file_that_is_not_listed_is_refused(data_copy):
    (data_copy / "protocol/roles/janitor.yml").write_text(
        (data_copy / "protocol/roles/teacher.yml")
        .read_text(encoding="utf-8")
        .replace("id: teacher", "id: janitor")
        .replace("id: t-", "id: j-"),
        encoding="utf-8",
    )
    lines = problems_of(data_copy)
    assert "protocol/roles/janitor.yml: (file): found a role file not listed in protocol/protocol.yml" in lines[0]


def test_a_form_that_no_step_uses_is_reported(data_copy):
    definitions = data_copy / "forms/definitions"
    (definitions / "unused.yml").write_bytes((definitions / "follow-up.yml").read_bytes())
    assert problems_of(data_copy) == [
        "forms/definitions/unused.yml: (file): found a form no step uses; "
        "expected the form's id in some step's 'forms' list"
    ]


def test_the_contact_ladder_must_name_roles(data_copy):
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(contact_ladder=["mentor", "director"]))
    assert problems_of(data_copy)[0].startswith(
        "protocol/settings.yml: contact_ladder[1]: found 'director'; expected a role id"
    )


def test_every_problem_is_reported_at_once(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-talk-victim")["title"].pop("en"))
    edit_yaml(data_copy / "protocol/roles/teacher.yml", lambda d: step(d, "t-respond")["body"][0].pop("nl"))
    lines = problems_of(data_copy)
    assert [line.split(":")[0] for line in lines] == ["protocol/roles/mentor.yml", "protocol/roles/teacher.yml"]


def test_adding_a_form_is_one_definition_file_and_a_steps_forms_list(data_copy):
    """No page to write, no nav to edit: the form's page exists in every language, titled from its data."""
    from generator.check import check_handbook

    definitions = data_copy / "forms/definitions"
    (definitions / "new-form.yml").write_bytes((definitions / "follow-up.yml").read_bytes())
    edit_yaml(definitions / "new-form.yml", lambda d: d.update(title={"nl": "Nieuw", "en": "New"}))
    edit_yaml(
        data_copy / "protocol/roles/mentor.yml", lambda d: d["steps"][0].setdefault("forms", []).append("new-form")
    )
    filled = check_handbook(data_copy).filled
    assert filled["nl/forms/new-form.md"][1].startswith("# Nieuw\n")
    assert filled["en/forms/new-form.md"][1].startswith("# New\n")


def test_a_table_of_steps_naming_a_role_the_protocol_lacks_is_refused_at_load(data_copy):
    path = data_copy / "forms/definitions/case-overview.yml"
    text = path.read_text(encoding="utf-8")
    assert "step_roles:" in text
    path.write_text(text.replace("step_roles: [", "step_roles: [janitor, ", 1), encoding="utf-8")
    lines = problems_of(data_copy)
    assert len(lines) == 1 and lines[0].startswith("forms/definitions/case-overview.yml: sections["), lines
    assert ".step_roles: found 'janitor'; expected role ids of the protocol (student, parent," in lines[0]


def test_the_glossary_is_read_from_the_project_being_checked_with_its_placeholders_filled(data_copy):
    from generator.check import check_handbook

    path = data_copy / "protocol/glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("{system} is the school's student information system.", "{system}, at {school}.", 1), "utf-8"
    )
    filled = check_handbook(data_copy).filled
    pages = [text for _, text in filled.values() if ":   " in text and "Magister, at ALASCA." in text]
    assert pages, "the glossary of the copy, filled in, is on the pages that ask for it"
