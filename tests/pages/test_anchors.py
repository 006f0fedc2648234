"""The sections a link may point at are read from the filled Markdown as Python-Markdown makes them."""

from __future__ import annotations

import re

import markdown

from generator.pages.anchors import anchor_problems, sections

PAGE = """# Über uns

## Who to talk to {#talk}

### 3. Listen first { .step #m-listen }

<h3 id="raw">Raw</h3>

## Who to talk to
"""


def test_the_sections_are_those_python_markdown_gives_the_page():
    made = markdown.markdown(PAGE, extensions=["attr_list", "md_in_html", "toc"])
    ids = set(re.findall(r'id="([^"]+)"', made))
    assert ids <= sections(PAGE)
    assert {"uber-uns", "talk", "m-listen", "raw", "who-to-talk-to"} <= sections(PAGE)


def test_a_link_to_a_missing_section_names_the_page_and_the_section():
    pages = {
        "en/a.md": ("docs/en/a.md", "[b](b.md#talk) [b](b.md#nope) [here](#uber-uns) [pdf](x.pdf#page=2)"),
        "en/b.md": ("docs/en/b.md", PAGE),
    }
    pages["en/a.md"] = (pages["en/a.md"][0], "# Über uns\n\n" + pages["en/a.md"][1])
    assert [str(p) for p in anchor_problems(pages)] == [
        "docs/en/a.md: link (b.md#nope): found no section 'nope' on docs/en/b.md; "
        "expected the id of a heading or a step on that page"
    ]
