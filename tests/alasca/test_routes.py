"""The role data as a graph: every way a case can run from the mentor's first step records in the
student system and involves the parents, as the adopted protocol asks (review A1-A3, C1)."""

from __future__ import annotations

from itertools import product

from generator.loader import load_protocol
from tests.conftest import ROOT

PROTOCOL = load_protocol(ROOT)
RECORD = "mentor-7"  # "De mentor noteert de gebeurtenissen en de gemaakte afspraken in Magister."
PARENTS = {"mentor-2", "mentor-5", "coordinator-6", "coordinator-7"}  # passages on contacting parents
CASE_ROLES = {"mentor", "coordinator", "management"}


def decisions() -> list:
    return [n for n in PROTOCOL.nodes.values() if n.is_decision and n.role in CASE_ROLES]


def runs():
    """Every combination of answers to the case roles' decisions, and the nodes a case then passes
    (a step leads to all its `next`, which happen side by side; a decision to its chosen branch)."""
    asked = decisions()
    for answers in product(*(range(len(d.branches)) for d in asked)):
        choice = {d.id: d.branches[i].next for d, i in zip(asked, answers, strict=True)}
        yield choice, reached("m-receive", choice)


def reached(start: str, choice: dict, without: str | None = None) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        nid = todo.pop()
        if nid in seen or nid == without:
            continue
        seen.add(nid)
        node = PROTOCOL.node(nid)
        if node.is_decision:
            todo.append(choice.get(nid, node.branches[0].next) if choice else node.branches[0].next)
            todo.extend(b.next for b in node.branches if not choice)
        else:
            todo.extend(node.next)
    return seen


def carries_out(nids: set[str], passages: set[str]) -> set[str]:
    return {n for n in nids if set(PROTOCOL.node(n).trace.source) & passages and not PROTOCOL.node(n).is_decision}


def test_every_way_a_case_can_run_records_in_the_student_system():
    count = 0
    for choice, nodes in runs():
        count += 1
        assert carries_out(nodes, {RECORD}), f"no record in the student system when answering {choice}"
    assert count >= 64  # the walk really tried every combination of answers


def test_every_way_a_case_can_run_involves_the_parents():
    for choice, nodes in runs():
        assert carries_out(nodes, PARENTS), f"the parents are never contacted when answering {choice}"


def test_after_the_coordinators_feedback_the_mentor_records_it():
    for choice, nodes in runs():
        if "c-feedback" in nodes:
            assert carries_out(reached("c-feedback", choice), {RECORD}), choice


def test_the_coordinator_always_discusses_help_with_the_parents():
    """C1: unconditional in the protocol, so every run through the coordinator reaches it."""
    for choice, nodes in runs():
        if "c-receive" in nodes:
            assert carries_out(nodes, {"coordinator-7"}), choice


def test_the_route_beyond_the_class_calls_in_the_coordinator_and_still_contacts_both_sets_of_parents():
    """A2 and review F5: beyond the class the coordinator is called in and the mentor contacts the
    parents of both (Mentor 2 has no condition); the mentor's two talks are for bullying in class."""
    beyond = next(
        b.next
        for b in PROTOCOL.node("m-within-class").branches
        if "klas" in b.label["nl"].lower() and b.label["nl"].startswith("Nee")
    )
    assert "c-receive" in PROTOCOL.node(beyond).successors
    assert "m-parents" in reached(beyond, {})
    assert not {"m-talk-victim", "m-talk-bully"} & reached(beyond, {"m-repeated": "m-within-class"})


def test_a_first_report_asks_whether_it_is_in_the_class_before_the_conversations():
    """A1 and F5: the first question is about agreements already made; 'no' leads to the protocol's
    condition on the mentor's talks ('in klassenverband'), and only 'yes, in class' to the talks."""
    first = PROTOCOL.node(PROTOCOL.node("m-receive").next[0])
    assert first.is_decision and "afspraken" in first.title["nl"] and "agreements" in first.title["en"]
    assert first.branches[0].next == "m-within-class"
    assert PROTOCOL.node("m-within-class").branches[0].next == "m-talk-victim"
