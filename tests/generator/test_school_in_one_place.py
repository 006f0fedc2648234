"""The school's name, the site's title and description, its colours and its logo come from
protocol/settings.yml alone (generator.school): changed there, they change on every page (header,
drawer, <title>), in every PDF form's running header and in both booklets. One real build, in
process, on a scratch copy; the refusals are checked without a build."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from bs4 import BeautifulSoup

from tests.helpers import check_lines as check
from tests.helpers import edit

S = "protocol/settings.yml"
NAME = "Lyceum De Linde"
TITLES = {"nl": f"{NAME} Pestprotocol", "en": f"{NAME} Anti-bullying protocol"}
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>\n'


def rename_and_recolour(root: Path) -> None:
    settings = root / S
    edit(settings, "school_name: ALASCA\n", f"school_name: {NAME}\n")
    edit(settings, "  primary: indigo", "  primary: deep purple")
    edit(settings, "  accent: indigo", "  accent: light blue")
    edit(settings, "logo: ~", "logo: assets/linde.svg")
    (root / "docs" / "assets" / "linde.svg").write_text(LOGO, encoding="utf-8")


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory, site_builds) -> Path:
    """The handbook built (MkDocs, in-process, every language, PDFs and booklets) from a copy in
    which only protocol/settings.yml (and the logo's file) changed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import make_site_copy

    root = make_site_copy(tmp_path_factory.mktemp("renamed"))
    rename_and_recolour(root)
    site = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)))
    return site


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        lang = "en" if path.relative_to(site).parts[0] == "en" else "nl"
        yield path, lang, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_school_name_and_colours_in_settings_alone_change_every_page_header_drawer_and_title(renamed_site):
    seen = 0
    for path, lang, soup in pages(renamed_site):
        if soup.select_one(".md-header") is None:
            continue  # not a page of the theme (none today)
        title = TITLES[lang]
        assert soup.title.get_text().endswith(title), path
        assert soup.select_one(".md-header__topic").get_text(" ", strip=True) == title, path
        assert soup.select_one("label.md-nav__title").get_text(" ", strip=True) == title, path
        assert soup.select_one(".md-header a.md-logo")["aria-label"] == title, path
        assert soup.select_one(".md-header a.md-logo img")["src"].endswith("assets/linde.svg"), path
        assert soup.body["data-md-color-primary"] == "deep-purple" and soup.body["data-md-color-accent"] == "light-blue"
        chrome = " ".join(e.get_text() for e in soup.select("title, .md-header, .md-nav__title, .md-footer"))
        assert "ALASCA" not in chrome, path
        seen += 1
    assert seen > 40  # every page of both languages


def test_the_site_description_in_settings_is_the_description_of_a_page_without_its_own(renamed_site):
    soup = BeautifulSoup((renamed_site / "en" / "protocol" / "index.html").read_text("utf-8"), "html.parser")
    descriptions = [m["content"] for m in soup.select('meta[name="description"]')]
    assert len(descriptions) == 1 and "ALASCA" not in descriptions[0]


def test_the_school_name_in_settings_alone_changes_every_form_pdf_header_and_both_booklets(renamed_site):
    pdfs = sorted(renamed_site.rglob("*.pdf"))
    booklets = [p for p in pdfs if p.name == "protocol.pdf"]
    assert len(booklets) == 2 and len(pdfs) > 20
    for path in pdfs:
        with pymupdf.open(path) as doc:
            first = doc[0].get_text()
            later = doc[-1].get_text() if path in booklets else first
        assert f"{NAME} ·" in first + later, path  # the running header / the booklet's title
        if path not in booklets:
            assert "ALASCA" not in first, path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "school_name: ALASCA\n",
            "school_name: 'ALASCA <b>school</b>'\n",
            f"{S}: site_title.nl: found markup ('ALASCA <b>school</b> Pestprotocol'); expected plain text",
        ),
        (
            "  primary: indigo",
            "  primary: purpel",
            f"{S}: colours.primary: found 'purpel'; expected one of Material's primary colours: amber, black, blue,",
        ),
        (
            "  accent: indigo",
            "  accent: black",  # a primary colour only
            f"{S}: colours.accent: found 'black'; expected one of Material's accent colours: amber, blue,",
        ),
        (
            "  primary: indigo",
            "  primary: teal",  # white on teal: 3.8:1 (axe found it on the second school's header)
            f"{S}: colours.primary: found 'teal' (the header's text on it 3.8:1, as links on white 3.8:1); "
            "expected a primary colour whose text reads at WCAG AA, 4.5:1 (black, blue-grey, brown, deep-purple,",
        ),
        (
            "  accent: indigo",
            "  accent: deep orange",
            f"{S}: colours.accent: found 'deep orange' (as a focus outline on white 2.8:1); "
            "expected an accent that stands out from white at 3:1",
        ),
        (
            "logo: ~",
            "logo: ../../etc/passwd",
            f"{S}: logo: found '../../etc/passwd'; expected an image file under docs/assets/",
        ),
        (
            "logo: ~",
            "logo: assets/missing.png",
            f"{S}: logo: found 'assets/missing.png', which is not a file (docs/assets/missing.png: no such file)",
        ),
    ],
    ids=[
        "markup-in-the-name",
        "not-a-colour",
        "primary-only-colour",
        "primary-too-light",
        "accent-too-light",
        "logo-outside-assets",
        "logo-missing",
    ],
)
def test_a_wrong_school_setting_is_refused_in_one_line_naming_settings_and_the_key(data_copy, old, new, expected):
    edit(data_copy / S, old, new)
    code, lines = check(data_copy)
    assert code == 1 and lines[-1].endswith("problem(s) found."), lines
    assert lines[0].startswith(expected), lines
    assert all(line.startswith(f"{S}: ") for line in lines[:-1]), lines  # the name: in each text it is in
