"""A protocol's own numbering is kept: a passage of protocol/adopted.yml with `number:` shows that
number on the word-for-word page, the passages after it count on from it, and the steps' links name
it by that number; with the heading's label and the `trace_point` word as data, a link reads
"Week 2, stap 5" (the De Viaan review's finding 1). In-process, on a scratch copy: no build."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from generator.check import check_handbook
from tests.helpers import check_lines as check
from tests.helpers import edit

ADOPTED = "protocol/adopted.yml"


def soup(checked, src: str) -> BeautifulSoup:
    _, filled = checked.filled[src]
    return BeautifulSoup(markdown.markdown(filled, extensions=["attr_list", "md_in_html"]), "html.parser")


def number_the_mentor_section_as_week_two(root):
    """The mentor's passages become the school's steps 5, 6, …, as items of a numbered list."""
    path = root / ADOPTED
    text = path.read_text(encoding="utf-8")
    start = text.index("    id: mentor\n")
    end = text.index("  - kind: subheading", start)
    section = text[start:end].replace("  - kind: bullet\n", "  - kind: item\n")
    section = section.replace('label: {nl: "Mentor", en: "Mentor"}', 'label: {nl: "Week 2", en: "Week 2"}')
    section = section.replace("    id: mentor-1\n", "    id: mentor-1\n    number: 5\n")
    path.write_text(text[:start] + section + text[end:], encoding="utf-8")
    edit(root / "protocol/labels.yml", "trace_point: {nl: punt, en: point}", "trace_point: {nl: stap, en: step}")


def test_a_passage_s_own_number_is_kept_on_the_page_and_the_next_ones_count_on_from_it(data_copy):
    number_the_mentor_section_as_week_two(data_copy)
    assert check(data_copy) == (0, [])
    page = soup(check_handbook(data_copy), "nl/adopted.md")
    first, second = page.find(id="mentor-1"), page.find(id="mentor-2")
    assert first.name == "li" and first["value"] == "5" and first.parent.name == "ol"
    assert second.parent is first.parent and not second.has_attr("value")  # the list counts on: 6


def test_a_step_s_link_names_the_passage_by_the_school_s_own_number_and_section(data_copy):
    number_the_mentor_section_as_week_two(data_copy)
    page = soup(check_handbook(data_copy), "nl/roles/mentor.md")
    names = {a.get_text() for a in page.select('a[href$="adopted.md#mentor-1"], a[href$="adopted.md#mentor-2"]')}
    assert {"Week 2, stap 5", "Week 2, stap 6"} <= names, names


def test_an_own_number_that_is_not_a_number_is_refused_in_one_line(data_copy):
    edit(data_copy / ADOPTED, "    id: mentor-1\n", "    id: mentor-1\n    number: vijf\n")
    code, lines = check(data_copy)
    assert code == 1 and lines[-1] == "1 problem(s) found.", lines
    assert (
        lines[0].startswith(f"{ADOPTED}: blocks[") and "number: found 'vijf'; expected a number such as 5" in lines[0]
    )
