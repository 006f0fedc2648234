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
        step(d, "m-talk-victim").pop("source")

    edit_yaml(data_copy / "protocol/roles/mentor.yml", untrace)
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-talk-victim].source: found neither a source nor advice: true; "
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
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-record")["source"].append("mentor-99"))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].source[2]: found 'mentor-99'; "
        "expected the id of a passage in protocol/adopted.yml"
    ]


def test_a_heading_is_not_a_passage_a_step_can_carry_out(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-record").update(source=["mentor"]))
    assert problems_of(data_copy) == [
        "protocol/roles/mentor.yml: steps[m-record].source[0]: found 'mentor'; "
        "expected the id of a passage in protocol/adopted.yml"
    ]


def test_an_advice_mark_alone_is_enough(data_copy):
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-follow-up").pop("source"))
    edit_yaml(data_copy / "protocol/roles/mentor.yml", lambda d: step(d, "m-follow-up").update(advice=True))
    assert load_protocol(data_copy).node("m-follow-up").trace.advice
