"""Text from the data stays text: the escaping and the body subset, one function at a time."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.pages.text import body_problems, md_body, md_text, safe_href

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "def_list", "tables", "toc"]  # as mkdocs.yml


def page_html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('A1')</script>",
        "<img src=x onerror=alert(1)>",
        "[het formulier](javascript:alert(3))",
        "*Nadruk*{: onmouseover=\"alert('A7')\" }",
        '" onmouseover="alert(\'A6\')" x="',
        "<https://example.org>",
        "![x](http://127.0.0.1:8765/x.png)",
        "R&D | __bold__ `code` # not a heading \\ +plus",
    ],
)
def test_a_plain_text_shows_exactly_as_typed_and_makes_no_element(text):
    soup = page_html(f"### 1. {md_text(text)} {{#step-id .step}}")
    heading = soup.find("h3")
    assert heading.get_text() == f"1. {text}"
    assert heading.find(True) is None  # no element inside the heading: no link, no image, no script
    assert dict(heading.attrs) == {"id": "step-id", "class": ["step"]}


def test_a_text_that_starts_a_paragraph_cannot_begin_a_list_or_a_heading():
    for text in ("1. not a list", "- not a list", "# not a heading", "> not a quote"):
        soup = page_html(md_text(text, block=True))
        assert [t.name for t in soup.find_all(True)] == ["p"], text
        assert soup.p.get_text() == text


def test_a_body_keeps_its_markdown_subset_and_no_attribute():
    body = 'Lees **eerst** de *regels*:\n\n- een\n- [twee](https://example.org/x)\n\n*x*{: onmouseover="a()" }'
    soup = page_html(md_body(body))
    assert soup.find("strong").get_text() == "eerst"
    assert soup.find("a")["href"] == "https://example.org/x"
    assert all(set(tag.attrs) <= {"href"} for tag in soup.find_all(True))


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("https://example.org", True),
        ("mailto:a@b.nl", True),
        ("tel:+31201234567", True),
        ("../forms/incident-report.md", True),
        ("#m-receive", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/hostname", False),
        ("//evil.example/x", False),
        ("vbscript:x", False),
    ],
)
def test_only_web_mail_phone_and_relative_links_are_safe(href, safe):
    assert safe_href(href) is safe


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<b>vet</b>", "the HTML '<b>'"),
        ("Zie <https://example.org>", "the HTML '<https://example.org>'"),
        ("[x](javascript:alert(3))", "the link 'javascript:alert(3)'"),
        ("[x][r]\n\n[r]: javascript:alert(1)", "the link 'javascript:alert(1)'"),
        ("[x](file:///etc/hostname)", "the link 'file:///etc/hostname'"),
        ("![foto](https://example.org/x.png)", "an image"),
        ("# Kop", "a heading"),
    ],
)
def test_a_body_beyond_the_subset_is_named(body, found):
    assert [f for f, _ in body_problems(body)] == [found]


def test_a_body_within_the_subset_has_no_problem():
    assert body_problems("Lees **dit** en *dat*.\n\n1. een\n2. [twee](mailto:a@b.nl)") == []


def test_school_in_a_form_label_is_filled_in_from_the_settings(tmp_path):
    import shutil

    from generator.forms import load_definitions
    from tests.conftest import ROOT

    for name in ("protocol", "forms/definitions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    form = tmp_path / "forms/definitions/incident-report.yml"
    text = form.read_text(encoding="utf-8")
    assert "label: {nl: Tijd, en: Time}" in text
    form.write_text(text.replace("label: {nl: Tijd, en: Time}", "label: {nl: Tijd, en: 'Time at {school}'}"), "utf-8")
    labels = [f.label["en"] for s in load_definitions(tmp_path)["incident-report"].sections for f in s.fields]
    assert "Time at ALASCA" in labels
