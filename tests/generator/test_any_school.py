"""What the generator promises for ANY school's handbook, checked on every school in this repository:
ALASCA (the repository's own protocol) and Wilgenhof College (a made-up school with twelve steps in
four weeks and three languages, examples/wilgenhof/). Another school runs the same checks on its own
folder: `pytest tests/generator/test_any_school.py --school path/to/school` (tests/generator/conftest.py).

Nothing here names a step, a role or a passage: only what every school's site must be."""

from __future__ import annotations

import re

import pymupdf

from tests.helpers import check_lines, html_pages, parsed

LEAKS = re.compile(r"\bNone\b|\{school\}|\{system\}|\{\{|\{%|Traceback|:material-[a-z-]+:")


def test_the_school_passes_the_check(school):
    code, lines = check_lines(school.root)
    assert code == 0, "\n".join(lines)


def test_every_language_has_the_same_pages(school_site, school):
    trees = {
        lang: {p.relative_to(school_site / school.prefix(lang)).as_posix() for p in school.pages(school_site, lang)}
        for lang in school.languages
    }
    first = trees[school.default]
    assert first, "no pages at all"
    for lang, tree in trees.items():
        assert tree == first, f"{lang}: {sorted(tree ^ first)[:10]}"


def test_every_page_declares_its_language_and_names_the_school(school_site, school):
    for lang in school.languages:
        for html in school.pages(school_site, lang):
            rel = html.relative_to(school_site).as_posix()
            soup = parsed(html)
            assert soup.html.get("lang") == lang, rel
            if rel.endswith("404.html"):
                continue
            assert school.name in soup.title.get_text(), f"{rel}: {soup.title.get_text()!r}"


def test_no_page_shows_a_python_value_a_placeholder_or_template_code(school_site):
    for html in html_pages(school_site):
        soup = parsed(html)
        text = " ".join(s for s in soup.find_all(string=True) if s.parent.name not in ("script", "style"))
        found = LEAKS.findall(text)
        found += [f"{tag.name}[{k}]" for tag in soup.find_all(True) for k, v in tag.attrs.items() if v == "None"]
        assert not found, f"{html.relative_to(school_site)}: {found[:5]}"


def test_no_page_names_another_school_of_this_repository(school_site, school, every_school):
    others = [s.name for s in every_school if s.name != school.name]
    for html in html_pages(school_site):
        text = html.read_text(encoding="utf-8")
        for other in others:
            assert other not in text, f"{html.relative_to(school_site)} names {other!r}"


def test_every_form_has_a_pdf_in_every_language_with_the_schools_name(school_site, school):
    for lang in school.languages:
        folder = school_site / school.prefix(lang) / "forms"
        for form in school.forms:
            pdf = folder / f"{form}.pdf"
            assert pdf.is_file(), pdf.relative_to(school_site)
            with pymupdf.open(pdf) as doc:
                text = " ".join(page.get_text() for page in doc)
            assert school.short_name in text, f"{pdf.relative_to(school_site)}: no {school.short_name!r}"
            assert not LEAKS.search(text), f"{pdf.relative_to(school_site)}: {LEAKS.findall(text)[:5]}"


def test_every_role_page_has_its_chart_in_every_language(school_site, school):
    for lang in school.languages:
        for role in school.roles:
            page = school_site / school.prefix(lang) / "roles" / role / "index.html"
            assert page.is_file(), page.relative_to(school_site)
            assert parsed(page).find("svg"), f"{page.relative_to(school_site)}: no chart"


def test_no_link_image_or_anchor_of_the_site_leads_nowhere(school_site, school):
    from tests.helpers import broken_references

    assert broken_references(school_site, school.site_url) == []
