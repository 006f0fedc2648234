"""The handbook's shared words and paths, each in one place: how a step and a role are named, and
where a language lives in the site."""

from __future__ import annotations

import pytest

from tests.helpers import LANGUAGES, site_prefix, split_src


def test_a_step_is_named_by_its_number_and_title(protocol):
    node = protocol.node("m-talk-victim")
    assert node.label("en") == f"{node.number}. {node.title['en']}"
    assert node.label("en").startswith(f"{node.number}. ") and node.number > 1


def test_a_role_standing_alone_gets_a_capital_and_keeps_the_rest_as_written(protocol):
    assert protocol.roles["mentor"].display_name("en") == "Mentor"
    assert protocol.roles["coordinator"].display_name("en") == "SEN coordinator"
    assert protocol.roles["coordinator"].display_name("nl") == "Zorgcoördinator"


def test_a_step_of_another_role_is_named_as_a_hand_over(protocol):
    node = protocol.node("m-receive")
    words = {"nl": "Gaat verder bij mentor", "en": "Continues with mentor"}
    for lang in LANGUAGES:
        assert protocol.handover_label(node, lang) == f"{words[lang]}: {node.label(lang)}"
        assert protocol.step_link_text(node, lang, on_role="teacher") == protocol.handover_label(node, lang)
        assert protocol.step_link_text(node, lang, on_role="mentor") == node.label(lang)


@pytest.mark.parametrize(("lang", "prefix"), [("nl", ""), ("en", "en/")])
def test_dutch_lives_at_the_sites_root_and_english_under_en(lang, prefix):
    assert site_prefix(lang) == prefix
    assert split_src(site_prefix(lang) + "roles/mentor.md") == (lang, "roles/mentor.md")
