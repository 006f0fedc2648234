"""Links to a page or file of the handbook, resolved on the filled pages as MkDocs resolves them
(generator.pages.links): small pages in-process, and one step body on a copy of the data."""

from __future__ import annotations

import re

from generator.check import check_handbook
from generator.pages.links import link_problems

KNOWN = {"en/index.md", "en/about.md", "en/roles/mentor.md", "en/forms/incident-report.pdf", "assets/logo.svg"}


def problems(markdown: str, src: str = "en/about.md") -> list[str]:
    return [str(p) for p in link_problems({src: (f"docs/{src}", markdown, markdown)}, KNOWN)]


def test_links_to_pages_and_files_of_the_site_pass():
    text = "[a](index.md) [b](roles/mentor.md#m-receive) [c](forms/incident-report.pdf) [d](../assets/logo.svg)"
    assert problems(text + " [e](#top) [f](https://example.org/x) [g](mailto:a@b.nl)") == []


def test_an_absolute_path_a_path_out_of_the_site_and_a_missing_page_are_refused_one_line_each():
    found = problems("[a](/etc/passwd) [b](../../../../etc/passwd) [c](../coordinator.md) [d](roles/mentor/)")
    assert [line.split("; expected")[0] for line in found] == [
        "docs/en/about.md: link (/etc/passwd): found an absolute path",
        "docs/en/about.md: link (../../../../etc/passwd): found a path out of the handbook's pages",
        "docs/en/about.md: link (../coordinator.md): found no such page (coordinator.md)",
        "docs/en/about.md: link (roles/mentor/): found no such file (en/roles/mentor)",
    ]


def test_a_reference_style_link_is_resolved_too():
    assert problems("[a][x]\n\n[x]: ../secret.txt\n")[0].startswith("docs/en/about.md: link (../secret.txt): found")


def test_a_link_quoted_as_code_or_inside_a_raw_html_block_is_not_a_link():
    text = (
        '`[a](/etc/passwd)`\n\n```\n[b](/etc/passwd)\n```\n\n<div class="x">\n<span>[c](/etc/passwd)</span>\n</div>\n'
    )
    assert problems(text) == []


def test_a_link_inside_a_markdown_div_is_a_link():
    assert problems("<div markdown>\n\n[c](/etc/passwd)\n\n</div>\n") != []


def test_a_step_body_link_that_works_on_the_role_page_passes_although_the_home_page_shows_the_body_too(data_copy):
    """The helper on the home page shows step bodies inside a raw HTML block, as text: MkDocs does
    not read links there, so a link written for the role page is not refused for the home page."""
    path = data_copy / "protocol/roles/mentor.yml"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(r"(?m)^( +en: A teacher, a student or a parent reports bullying.*)$")
    path.write_text(pattern.sub(lambda m: f"{m[1]} Ask [the coordinator](coordinator.md).", text, 1), "utf-8")
    filled = check_handbook(data_copy).filled
    assert "[the coordinator](coordinator.md)" in filled["en/roles/mentor.md"][1]
