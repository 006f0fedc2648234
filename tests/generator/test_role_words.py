"""Words that depend on a role come from its file, never from its id: the article before its name
("het ondersteuningsteam") and the question the "What do I do now?" helper asks it first."""

from __future__ import annotations

from pathlib import Path

from generator.flowchart.dot import public_handover_label
from generator.loader import load_protocol
from generator.whatnow.tree import Question, build
from tests.helpers import edit


def question_keys(node) -> set[str]:
    if not isinstance(node, Question):
        return set()
    return {node.key}.union(*(question_keys(answer.leads_to) for answer in node.answers))


def test_the_helper_asks_a_role_first_what_its_file_says_and_nothing_without_it(data_copy: Path):
    asked = question_keys(build(load_protocol(data_copy)))
    assert "first:parent" in asked  # parent.yml: asks_first
    edit(data_copy / "protocol/roles/parent.yml", "asks_first: whatnow_talked_to_mentor_formal\n", "")
    assert "first:parent" not in question_keys(build(load_protocol(data_copy)))


def test_a_roles_own_article_replaces_the_shared_one_in_who_helps_next(data_copy: Path):
    protocol = load_protocol(data_copy)
    node = protocol.roles["mentor"].nodes[protocol.roles["mentor"].start[0]]
    assert public_handover_label(protocol, "parent", node, "nl").startswith("de mentor ")
    edit(data_copy / "protocol/roles/mentor.yml", "id: mentor\n", "id: mentor\narticle: {nl: het, en: the}\n")
    protocol = load_protocol(data_copy)
    assert public_handover_label(protocol, "parent", node, "nl").startswith("het mentor ")
