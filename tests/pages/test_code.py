"""A marker quoted as code is documentation: shown as it is, not filled in, not checked."""

from __future__ import annotations

import pytest

from generator.errors import DataError
from generator.handbook import load_handbook
from generator.pages.context import PageContext
from generator.pages.markers import fill_markers
from generator.pages.pagecheck import Page, comments
from tests.conftest import ROOT

QUOTED = (
    "Write `<!-- protocol:setting name=school_name -->` where the name goes: "
    "<!-- protocol:setting name=school_name -->.\n\n"
    "```\n<!-- protocol:stpes role=mentor -->\n<!-- protocl:steps ->\n```\n\n"
    "`` a ` <!-- protocol:version --> ` b ``\n"
)


@pytest.fixture(scope="module")
def ctx() -> PageContext:
    handbook = load_handbook(ROOT)
    return PageContext(handbook.protocol, "en", "about.md", handbook=handbook)


def test_a_marker_quoted_as_code_stays_as_it_is_and_the_others_are_filled(ctx):
    out = fill_markers(QUOTED, ctx, "docs/en/about.md")
    school = ctx.protocol.settings.school_name
    assert out.startswith(f"Write `<!-- protocol:setting name=school_name -->` where the name goes: {school}.")
    assert "<!-- protocol:stpes role=mentor -->" in out and "<!-- protocol:version -->" in out


def test_a_marker_outside_code_is_still_checked(ctx):
    with pytest.raises(DataError, match="found an unknown marker"):
        fill_markers("`code` <!-- protocol:stpes role=mentor --> `more code`", ctx, "docs/en/about.md")


def test_a_misspelt_or_unclosed_marker_quoted_as_code_is_not_a_problem():
    page = Page("en/about.md", "docs/en/about.md", QUOTED)
    assert comments(ROOT / "docs", [page]) == []
    broken = Page("en/about.md", "docs/en/about.md", "`ok` <!-- protocl:steps -->")
    assert [p.found for p in comments(ROOT / "docs", [broken])] == ["the prefix 'protocl:'"]
