"""Nothing but words reaches a reader (generator/site/prose.py): the check the build runs last over
every page and PDF refuses each kind of thing that is not prose, in the text and in the attributes
a reader meets, and leaves code and ordinary prose alone. Small HTML snippets and one small PDF;
the built site itself is checked in test_the_built_site_shows_readers_nothing_but_words."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.fileio import ContentCache
from generator.site import prose


def kinds(findings: list[list[str]]) -> set[str]:
    return {what for _, what, _, _ in findings}


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<p>:material-file-document-outline: <strong>Form:</strong> Incident report</p>", "a shortcode"),
        ("<p>Shown as typed: {{ config.site_dir }}</p>", "template syntax"),
        ("<p>{% include 'x' %}</p>", "template syntax"),
        ("<p>Before <!-- protocol:steps role=mentor --> after</p>", "a protocol marker that was not filled"),
        ("<p>&lt;!-- protocol:steps role=mentor --&gt;</p>", "a protocol marker"),
        ("<p>Welcome to {school} college</p>", "an unfilled placeholder"),
        ("<p>Do this **first** and then</p>", "Markdown that did not render"),
        ("<p>See [the form](../forms/x.md) below</p>", "Markdown that did not render"),
        ("<p>Form: Report</p><p>{: .sbs-form }</p>", "Markdown that did not render"),
        ("<p>Reach(office_phone='', mentor_email_pattern='')</p>", "a Python value"),
        ("<p>&lt;class 'generator.model.Settings'&gt;</p>", "a Python value"),
        ("<p>{'nl': 'Tekst', 'en': 'Text'}</p>", "a Python value"),
        ('<h2 id="plan">None<a class="headerlink" href="#plan">¶</a></h2>', "a program's empty value"),
        ("<li><a href='#x'>undefined</a></li>", "a program's empty value"),
        ("<p>null</p>", "a program's empty value"),
        ("<h3>3. First talk \u202etneduts\u200b</h3>", "an invisible control character"),
    ],
)
def test_each_kind_of_text_that_is_not_prose_is_found_in_a_page(html, kind):
    assert kind in kinds(prose.html_findings(f"<html><body><article>{html}</article></body></html>"))


@pytest.mark.parametrize("attribute", ["title", "aria-label", "alt"])
def test_what_a_reader_meets_in_title_aria_label_and_alt_is_checked_too(attribute):
    findings = prose.html_findings(f'<nav {attribute}="None"></nav><img {attribute}=":material-home:">')
    assert {(where, what) for where, what, _, _ in findings} == {
        (attribute, "a program's empty value"),
        (attribute, "a shortcode"),
    }


def test_code_scripts_and_ordinary_prose_are_not_refused():
    html = """<article>
      <p>Protocol: Mentor, punt 2 · Formulier: Melding van pesten · 10:30 · 3 * 4 = 12</p>
      <p>None of the students knew; the meeting was not undefined but open (see step 4).</p>
      <p>Write a marker as <code>&lt;!-- protocol:steps role=mentor --&gt;</code> or <code>{{ in code }}</code>:</p>
      <pre><code>{{ config.site_dir }} **bold** :material-x-y:</code></pre>
      <kbd>Ctrl</kbd> <script>var x = {"a": null};</script><style>a::before{content:"**"}</style>
      <span class="twemoji" aria-hidden="true"><svg viewBox="0 0 24 24"><path d="M6 2"/></svg></span>
    </article>"""
    assert prose.html_findings(html) == []


def test_a_pdf_whose_text_layer_shows_none_or_a_shortcode_is_found_by_page():
    from weasyprint import HTML

    pdf = HTML(
        string="<p>A heading</p><p>None</p><p style='break-before: page'>:material-file-document-outline: Form</p>"
    )
    findings = prose.pdf_findings(pdf.write_pdf())
    assert {(where, what) for where, what, _, _ in findings} == {
        ("page 1", "a program's empty value"),
        ("page 2", "a shortcode"),
    }


def test_every_finding_is_one_line_naming_the_file_where_and_what_with_a_count(tmp_path: Path):
    (tmp_path / "en" / "roles").mkdir(parents=True)
    page = "<p>:material-file-document-outline: Form</p>" * 3 + "<nav aria-label='None'></nav>"
    (tmp_path / "en" / "roles" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>Alles in orde.</p>", encoding="utf-8")
    problems = prose.site_problems(tmp_path, ContentCache(tmp_path / "cache", ".json"))
    assert [(p.file, p.key) for p in problems] == [
        ("en/roles/index.html", "text"),
        ("en/roles/index.html", "aria-label"),
    ]
    assert "':material-file-document-outline:'" in problems[0].found and "3 times" in problems[0].found
    assert all("\n" not in str(p) for p in problems)
    again = prose.site_problems(tmp_path, ContentCache(tmp_path / "cache", ".json"))  # from the cache
    assert again == problems


def test_the_built_site_shows_readers_nothing_but_words(built_site: Path):
    assert prose.site_problems(built_site) == []


def test_the_form_lines_start_with_the_word_form_instead_of_a_shortcode(built_site: Path):
    from tests.helpers import page

    for lang in ("", "en/"):
        lines = page(built_site, f"{lang}roles/mentor").select(".sbs-form")
        assert len(lines) == 11
        assert {line.get_text().split()[0] for line in lines} == {"Form:" if lang else "Formulier:"}


def test_a_page_whose_prose_would_show_a_shortcode_fails_the_build_with_one_line_naming_it(tmp_path: Path, site_builds):
    """An editor copies Material's icon syntax into a page, expecting an icon: the check of the
    pages lets it through (it is text), the build's last step does not."""
    from tests.helpers import build_all, project_copy

    root = project_copy(tmp_path)  # a whole build, up to its last step
    about = root / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n:material-email: Write to us.\n", encoding="utf-8")
    build = build_all([root])[root]
    assert build["error"] == "Abort", build  # MkDocs' own stop for a failed build: no crash
    lines = [line for line in build["log"].splitlines() if line.startswith("en/about/index.html: ")]
    assert lines == [
        "en/about/index.html: text: found a shortcode ':material-email:' in ':material-email: Write to us.'; expected "
        + prose.EXPECTED
    ], build["log"]


def test_a_heading_the_english_text_lacks_is_shown_in_dutch_marked_so_and_passes_the_prose_check(data_copy: Path):
    """The second school's finding 2: a Dutch-only heading rendered as '## None' on the English
    page, its table of contents and its landmarks. Now it is the Dutch heading, marked lang="nl",
    with the note under it, and the prose check, which still refuses "None", accepts the page."""
    import markdown
    from bs4 import BeautifulSoup

    from generator.check import check_handbook

    adopted = data_copy / "protocol" / "adopted.yml"
    text = adopted.read_text(encoding="utf-8")
    adopted.write_text(text.replace('    en: "Principles"\n', "", 1), encoding="utf-8")
    filled = check_handbook(data_copy).filled["en/adopted.md"][1]
    html = markdown.markdown(filled, extensions=["attr_list", "md_in_html", "toc"])
    heading = BeautifulSoup(html, "html.parser").find(id="principles")
    assert heading.get("lang") == "nl" and heading.get_text().strip() == "Uitgangspunten"
    note = heading.find_next_sibling("p")
    assert "Not in the English text" in note.get_text()
    assert prose.html_findings(html) == []
    assert [found for _, _, found, _ in prose.html_findings(html.replace("Uitgangspunten", "None"))] == ["None"]
