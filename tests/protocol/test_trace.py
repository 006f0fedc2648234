"""Every step, decision and duty says where it comes from; the loader refuses one that does not."""

from __future__ import annotations

from generator.loader import load_protocol
from tests.conftest import ROOT
from tests.protocol.test_loader import edit_yaml, problems_of, step


def test_every_step_decision_and_duty_of_the_school_data_is_traced():
    protocol = load_protocol(ROOT)
    for role in protocol.roles.values():
        for node in role.nodes.values():
            assert node.trace.source or node.trace.advice, node.id
            assert all(pid in protocol.adopted for pid in node.trace.source), node.id
        assert len(role.duty_traces) == len(role.duties)
        assert all(t.source or t.advice for t in role.duty_traces), role.id


def test_a_step_with_neither_a_source_nor_an_advice_mark_is_refused(data_copy):
    def untrace(d):
        step(d, "m-talk-victim")["body"][0].pop("source")

    edit_yaml(data_copy / "protocol/roles/mentor.yml", untrace)
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-talk-victim].body[0].source: found neither a source nor advice: true; "
        "expected source: [passage ids of protocol/adopted.yml] or advice: true"
    ]


def test_a_decision_and_a_duty_without_a_trace_are_refused_too(data_copy):
    def untrace(d):
        step(d, "c-how").pop("source")
        d["duties"][0].pop("source")

    edit_yaml(data_copy / "protocol/roles/coordinator.yml", untrace)
    assert problems_of(data_copy) == [
        "protocol/roles/coordinator.yml: steps[c-how].source: found neither a source nor advice: true; "
        "expected source: [passage ids of protocol/adopted.yml] or advice: true",
        "protocol/roles/coordinator.yml: duties[0].source: found neither a source nor advice: true; "
        "expected source: [passage ids of protocol/adopted.yml] or advice: true",
    ]


def test_a_reference_to_a_passage_that_does_not_exist_is_refused(data_copy):
    first_part = lambda d: step(d, "m-record")["body"][0]  # noqa: E731
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: first_part(d)["source"].append("mentor-99"))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].body[0].source[2]: found 'mentor-99'; "
        "expected the id of a passage in protocol/adopted.yml"
    ]


def test_a_heading_is_not_a_passage_a_step_can_carry_out(data_copy):
    first_part = lambda d: step(d, "m-record")["body"][0]  # noqa: E731
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: first_part(d).update(source=["mentor"]))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].body[0].source[0]: found 'mentor'; "
        "expected the id of a passage in protocol/adopted.yml"
    ]


def test_an_advice_mark_alone_is_enough(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-follow-up")["body"][0].pop("source"))
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-follow-up")["body"][0].update(advice=True))
    assert load_protocol(data_copy).node("m-follow-up").parts[0].is_advice


def test_a_step_text_in_the_old_shape_is_refused_with_what_it_is_now(data_copy):
    """A body written as one text for the whole step (issue 19: advice per sentence, not per step)."""

    def old_shape(d):
        part = step(d, "m-record")["body"][0]
        step(d, "m-record")["body"] = {"nl": part["nl"], "en": part["en"]}

    edit_yaml(data_copy / "protocol/roles/mentor.yml", old_shape)
    [line] = problems_of(data_copy)
    assert line.startswith("protocol/roles/mentor.yml: steps[m-record].body: found ")
    assert "expected a list of parts" in line and "advice: true" in line


def test_a_part_that_is_both_traced_and_advice_is_refused(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-record")["body"][0].update(advice=True))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].body[0].advice: found both a source and advice: true; "
        "expected source: [...] or advice: true, not both; split the text into a part with each"
    ]


def test_a_school_decision_part_must_name_an_open_decision_of_the_settings(data_copy):
    edit_yaml(
        data_copy / "protocol/roles/management.yml",
        lambda d: step(d, "sm-informed")["body"][1].update(school_decision="lunch_menu"),
    )
    [line] = problems_of(data_copy)
    assert line.startswith(
        "protocol/roles/management.yml: steps[sm-informed].body[1].school_decision: found 'lunch_menu'; "
        "expected a school decision of protocol/settings.yml ("
    )


def test_a_school_decision_shows_the_schools_text_once_it_is_filled_in(data_copy):
    edit_yaml(
        data_copy / "protocol/settings.yml",
        lambda d: d.update(incident_notice={"nl": "De mentor mailt de teamleider.", "en": "The mentor emails."}),
    )
    part = load_protocol(data_copy).node("sm-informed").parts[1]
    assert (part.decision, part.open, part.text["nl"]) == ("incident_notice", False, "De mentor mailt de teamleider.")
