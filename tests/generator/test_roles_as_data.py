"""A role's behaviour comes from its file, never from its id, and the sections another school's text
may not have are optional. On a scratch protocol made from a copy of the data with data and page
edits alone (no Python): the confidential-advisor role is gone (with its pages, menu entry,
contact and every step leading to it), the parents' role is called `ouder`, and protocol.yml has
no principles and no tracks. It is checked, and its pages filled, in-process (no MkDocs build)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.check import check_handbook
from generator.publish import open_decisions
from tests.helpers import check_lines as check
from tests.helpers import edit

ADVISOR_LINE = re.compile(r"(?m)^- \*\*.*protocol:contact role=confidential-advisor.*\n")
SECTION = re.compile(r"(?ms)^## (Uitgangspunten|Principles|De vijfsporenaanpak|The five-track approach)\n.*?(?=^## )")


def drop_the_advisor(root: Path) -> None:
    (root / "protocol/roles/confidential-advisor.yml").unlink()
    for lang in ("nl", "en"):
        (root / f"docs/{lang}/roles/confidential-advisor.md").unlink()
        student = root / f"docs/{lang}/roles/student.md"
        text = student.read_text(encoding="utf-8")
        assert ADVISOR_LINE.search(text)
        student.write_text(ADVISOR_LINE.sub("", text), encoding="utf-8")
    edit(root / "protocol/protocol.yml", ", confidential-advisor, ", ", ")
    edit(root / "mkdocs.yml", "      - roles/confidential-advisor.md\n", "")
    settings = root / "protocol/settings.yml"
    text = settings.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  confidential-advisor:\n(    .*\n)+", "", text)
    settings.write_text(text.replace("contact_alternative: confidential-advisor\n", ""), encoding="utf-8")
    edit(root / "protocol/roles/student.yml", "    next: [ca-listen]\n", "")  # the step is now an end
    edit(root / "protocol/roles/mentor.yml", "    next: [ca-mentor]\n", "")


def rename_the_parents(root: Path) -> None:
    """`parent` becomes `ouder`: the role is public and formal by its file, not by its id."""
    roles = root / "protocol/roles"
    text = (roles / "parent.yml").read_text(encoding="utf-8").replace("id: parent\n", "id: ouder\n")
    (roles / "ouder.yml").write_text(text, encoding="utf-8")
    (roles / "parent.yml").unlink()
    edit(root / "protocol/protocol.yml", "student, parent,", "student, ouder,")
    edit(root / "mkdocs.yml", "roles/parent.md", "roles/ouder.md")
    for lang in ("nl", "en"):
        page = root / f"docs/{lang}/roles/parent.md"
        page.with_name("ouder.md").write_text(
            page.read_text(encoding="utf-8").replace("role=parent ", "role=ouder "), encoding="utf-8"
        )
        page.unlink()


def drop_principles_and_tracks(root: Path) -> None:
    path = root / "protocol/protocol.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^(principles_intro|principles|tracks):.*?(?=^\S|\Z)", "", text)
    path.write_text(text, encoding="utf-8")
    for lang in ("nl", "en"):
        page = root / f"docs/{lang}/protocol.md"
        text = page.read_text(encoding="utf-8")
        assert len(SECTION.findall(text)) == 2
        page.write_text(SECTION.sub("", text), encoding="utf-8")


@pytest.fixture
def other_school(data_copy: Path) -> Path:
    drop_the_advisor(data_copy)
    rename_the_parents(data_copy)
    drop_principles_and_tracks(data_copy)
    return data_copy


def soup(checked, src: str) -> BeautifulSoup:
    _, filled = checked.filled[src]
    html = markdown.markdown(filled, extensions=["attr_list", "md_in_html", "admonition", "def_list", "tables"])
    return BeautifulSoup(html, "html.parser")


def test_a_protocol_without_a_confidential_advisor_with_renamed_parents_and_no_tracks_checks_clean(other_school):
    assert check(other_school) == (0, [])


def test_a_renamed_public_role_keeps_its_contact_block_and_its_hand_overs_lead_to_it(other_school):
    checked = check_handbook(other_school)
    for lang in ("nl", "en"):
        page = soup(checked, f"{lang}/roles/ouder.md")
        block = page.select_one("aside.contact-block")
        assert block is not None and block.find(id="contact-block-title").name == "h2"  # the parents' block
        rows = [dt.get_text(strip=True) for dt in block.select("dt")]
        assert checked.protocol.labels["contact_advisors"][lang] not in rows  # no alternative way in
        assert [r.title[lang] for r in checked.protocol.roles.values() if r.id in ("coordinator", "management")] == [
            r for r in rows if r in {x.title[lang] for x in checked.protocol.roles.values()}
        ]  # the rest of the ladder, after the first contact
        handovers = [a for a in page.select("a[href]") if a["href"] == "#contact-block-title"]
        assert handovers, "a public role's hand-overs lead to how to reach someone"
        assert not page.select('a[href*="roles/mentor"]')  # never into a staff procedure


def test_a_formal_public_role_is_addressed_with_its_formal_words_whatever_its_id(other_school):
    checked = check_handbook(other_school)
    labels = checked.protocol.labels
    page = soup(checked, "nl/roles/ouder.md").get_text(" ")
    assert labels["helps_further"]["nl"] in page and labels["helps_further_student"]["nl"] not in page


def test_the_students_contact_block_has_no_advisor_row_when_the_protocol_names_no_alternative(other_school):
    checked = check_handbook(other_school)
    block = soup(checked, "nl/roles/student.md").select_one("aside.contact-block")
    rows = [dt.get_text(strip=True) for dt in block.select("dt")]
    assert rows and checked.protocol.labels["contact_advisors"]["nl"] not in rows


def test_the_publish_check_asks_no_advisor_decision_of_a_protocol_without_an_advisor(other_school):
    keys = {line.split(": ")[1] for line in open_decisions(other_school)}
    assert not keys & {"advisor_confidentiality", "advisor_next_step", "reach.confidential_advisors"}
    assert "complaints" in keys  # the others are still asked


def test_a_page_marker_for_a_section_the_protocol_does_not_have_is_refused_in_one_line(other_school):
    page = other_school / "docs/en/protocol.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Tracks\n\n<!-- protocol:tracks -->\n", encoding="utf-8")
    code, lines = check(other_school)
    assert code == 1 and lines[-1] == "1 problem(s) found.", lines
    assert lines[0] == (
        "docs/en/protocol.md: <!-- protocol:tracks -->: found a marker for tracks, which protocol/protocol.yml does "
        "not have; expected the marker (and its heading) taken out of the page, or tracks in protocol/protocol.yml"
    )


def test_a_long_word_of_a_card_breaks_where_its_role_file_says_whatever_the_role_is_called(other_school):
    roles = other_school / "protocol/roles"
    shutil.move(roles / "coordinator.yml", roles / "zorg.yml")
    edit(roles / "zorg.yml", "id: coordinator\n", "id: zorg\n")
    edit(roles / "zorg.yml", "card_breaks: [zorg|coördinator]", "card_breaks: [zorgcoör|dinator]")
    edit(other_school / "protocol/protocol.yml", " coordinator,", " zorg,")
    for old, new in (("\n  coordinator:\n", "\n  zorg:\n"), ("[mentor, coordinator,", "[mentor, zorg,")):
        edit(other_school / "protocol/settings.yml", old, new)
    for path in [*other_school.glob("docs/*/**/*.md"), other_school / "mkdocs.yml"]:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("role=coordinator ", "role=zorg ").replace("roles/coordinator.md", "roles/zorg.md")
        )
    for lang in ("nl", "en"):
        (other_school / f"docs/{lang}/roles/coordinator.md").rename(other_school / f"docs/{lang}/roles/zorg.md")
    for path in other_school.glob("forms/definitions/*.yml"):
        path.write_text(
            path.read_text(encoding="utf-8").replace("[teacher, mentor, coordinator,", "[teacher, mentor, zorg,")
        )
    checked = check_handbook(other_school)
    cards = [a.get_text() for a in soup(checked, "nl/index.md").select("nav.role-menu a")]
    assert any("Zorgcoör\u00addinator" in card for card in cards), cards
