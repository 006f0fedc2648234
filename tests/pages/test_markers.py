"""Markers are strict and their errors true (generator/pages/markers.py): each marker takes only its
declared arguments and their allowed values, once each; a missing settings entry is named in the
settings file; and a bug in a renderer is a traceback for the maintainer, not a data error for the
editor."""

from __future__ import annotations

import pytest

from generator import decisions
from generator.errors import DataError, Problem
from generator.handbook import load_handbook
from generator.pages import markers
from generator.pages.context import PageContext
from generator.pages.markers import Marker, fill_markers
from tests.conftest import ROOT

PAGE = "docs/en/extra.md"


@pytest.fixture(scope="module")
def ctx() -> PageContext:
    handbook = load_handbook(ROOT)
    return PageContext(handbook.protocol, "en", "extra.md", handbook=handbook)


def refused(ctx: PageContext, markdown: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        fill_markers(markdown, ctx, PAGE)
    return caught.value.problems


@pytest.mark.parametrize("name", ["reach", "contact_ladder", "__class__", "school_name", "nonexistent"])
def test_the_decided_marker_takes_only_the_school_decisions_and_lists_them(ctx, name):
    [problem] = refused(ctx, f"# Extra\n\n<!-- protocol:decided name={name} -->\n")
    assert (problem.file, problem.key, problem.found) == (PAGE, "<!-- protocol:decided -->", f"name={name}")
    assert problem.expected == "a school decision: one of " + ", ".join(decisions.SHOWN)


def test_every_school_decision_the_decided_marker_takes_is_shown_as_words(ctx):
    for name in decisions.SHOWN:
        out = fill_markers(f"<!-- protocol:decided name={name} -->", ctx, PAGE)
        assert out.strip() and "None" not in out and "(" not in out.split()[0], (name, out)


@pytest.mark.parametrize(
    ("marker", "found"),
    [
        ("steps role=mentor role=teacher", "role given twice"),
        ("glossary terms=coordinator,coordinator", "terms=coordinator,coordinator, with 'coordinator' given twice"),
        ("steps", "no role="),
        ("steps role=mentor colour=red", "the unknown argument colour="),
        ("version role=mentor", "the unknown argument role="),
        ("steps role=../../etc/passwd", "role=../../etc/passwd"),
        ("glossary terms=coordinator,nonsense", "terms=nonsense"),
    ],
)
def test_a_repeated_missing_unknown_or_wrong_argument_is_refused_with_what_is_allowed(ctx, marker, found):
    problems = refused(ctx, f"<!-- protocol:{marker} -->")
    assert found in [p.found for p in problems], problems
    assert all(p.file == PAGE for p in problems)


def test_a_wrong_role_is_refused_with_the_list_of_roles(ctx):
    [problem] = refused(ctx, "<!-- protocol:steps role=teachers -->")
    assert problem.expected == "a role: one of " + ", ".join(ctx.protocol.roles)


def test_the_contact_block_takes_only_a_public_role_and_says_which(ctx):
    [problem] = refused(ctx, "<!-- protocol:contact-block role=mentor -->")
    public = sorted(role_id for role_id, role in ctx.protocol.roles.items() if role.public)
    assert public == ["parent", "student"]  # ALASCA's: audience: public in their role files
    assert problem.found == "role=mentor"
    assert problem.expected.startswith("a public role (audience: public): one of ")
    assert sorted(problem.expected.split("one of ", 1)[1].split(", ")) == public


def test_a_role_with_no_contact_is_named_as_a_missing_entry_of_the_settings_file(ctx):
    [problem] = refused(ctx, "<!-- protocol:contact role=teacher -->")
    assert (problem.file, problem.key) == ("protocol/settings.yml", "contacts")
    assert problem.found.startswith("no entry for 'teacher'")
    assert "unknown id" not in str(problem)


def test_the_setting_marker_takes_only_the_settings_that_stand_in_running_text(ctx):
    [problem] = refused(ctx, "<!-- protocol:setting name=contact_alternative -->")
    assert problem.expected == "a setting shown in running text: one of school_name, student_system, mentor_contact"


@pytest.mark.parametrize(
    ("bug", "error"),
    [
        (lambda ctx: {"a": 1}["typo"], KeyError),
        (lambda ctx: ctx.protocl, AttributeError),
        (lambda ctx: ctx.protocol.roles["teacher"].title["fr"], KeyError),
    ],
)
def test_a_bug_in_a_renderer_propagates_with_its_traceback_and_is_not_a_data_error(ctx, monkeypatch, bug, error):
    monkeypatch.setitem(markers.MARKERS, "tracks", Marker(bug))
    with pytest.raises(error) as caught:
        fill_markers("<!-- protocol:tracks -->", ctx, "docs/en/protocol.md")
    assert not isinstance(caught.value, DataError)
    assert caught.traceback[-1].name == "<lambda>"  # where the bug is
