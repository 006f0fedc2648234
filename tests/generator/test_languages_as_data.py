"""The site's languages are data (protocol/settings.yml `languages:`, issue 21 item 3): one, two or
three languages build from the data and docs/<code>/ alone, with no language named in code or in
mkdocs.yml; a text missing one of the listed languages is refused in one line; a passage the school
adopted in fewer languages is shown as adopted, marked with its language and a note, never "None".

Two real builds (one language, three languages), in one process, on scratch copies changed as an
editor would; the refusals are checked without a build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pymupdf
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import build_all, check_lines, edit

S = "protocol/settings.yml"
EN = "  - code: en\n    name: English\n"
THIRD = "de"
PASSAGE = "mentor-1"  # an adopted passage the three-language copy has in Dutch and German only
DATA = ["protocol/*.yml", "protocol/roles/*.yml", "forms/labels.yml", "forms/definitions/*.yml"]


def texts_of(root: Path, change) -> None:
    """Every text mapping of the data files ({nl: …, en: …}; adopted passages and word lists too) changed by
    `change(mapping)`; each file written back as YAML (the comments go: a scratch copy)."""

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("en"), (str, list)) or isinstance(node.get("nl"), (str, list)):
                change(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for pattern in DATA:
        for path in sorted(root.glob(pattern)):
            if path.name == "settings.yml":
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                languages = data.pop("languages")
                walk(data)
                data = {"languages": languages, **data}
            else:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                walk(data)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def dutch_only(root: Path) -> None:
    """ALASCA as a Dutch-only school: `en` out of the list, out of every text, docs/en/ deleted."""
    edit(root / S, EN, "")
    texts_of(root, lambda text: text.pop("en", None))
    adopted = root / "protocol" / "adopted.yml"  # no note for a language that is no longer listed
    data = yaml.safe_load(adopted.read_text(encoding="utf-8"))
    for block in data["blocks"]:
        block.pop("missing", None)
    adopted.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    shutil.rmtree(root / "docs" / "en")


def with_third_language(root: Path) -> None:
    """ALASCA plus German: the texts copied from English (a translator would write them), the
    pages copied from docs/en/; one adopted passage without English (the school adopted it in
    Dutch and German only)."""
    edit(root / S, EN, EN + f"  - code: {THIRD}\n    name: Deutsch\n")
    texts_of(root, lambda text: text.__setitem__(THIRD, text["en"]) if "en" in text else None)
    adopted = root / "protocol" / "adopted.yml"
    data = yaml.safe_load(adopted.read_text(encoding="utf-8"))
    next(block for block in data["blocks"] if block["id"] == PASSAGE).pop("en")
    adopted.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    shutil.copytree(root / "docs" / "en", root / "docs" / THIRD)


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site_builds) -> dict[str, Path]:
    """Two builds of scratch copies: 'one' (Dutch only) and 'three' (nl, en, de)."""
    from tests.conftest import make_site_copy

    one = make_site_copy(tmp_path_factory.mktemp("one-language"))
    dutch_only(one)
    three = make_site_copy(tmp_path_factory.mktemp("three-languages"))
    with_third_language(three)
    results = build_all([one, three])
    for root, result in results.items():
        assert result["error"] is None, f"{root}: {result['message']}\n{result['log'][-3000:]}"
    return {"one": one / "site", "three": three / "site"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_dutch_only_school_builds_one_language_at_the_root_with_no_english_site_and_no_switcher(sites):
    site = sites["one"]
    assert not (site / "en").exists()
    assert (site / "protocol.pdf").is_file() and (site / "search" / "search_index.json").is_file()
    home = soup(site / "index.html")
    assert home.html["lang"] == "nl"
    assert home.select(".md-header__languages, .md-select") == []  # no language to switch to
    assert [a["hreflang"] for a in home.select("link[rel=alternate][hreflang]")] in ([], ["nl"])
    toggles = [label["title"] for label in home.select("form[data-md-component=palette] label[title]")]
    assert toggles == ["Donkere modus", "Lichte modus"]  # from labels.yml, in the only language
    sections = [s.get_text(" ", strip=True) for s in home.select("nav.md-nav--primary > ul > li > label")]
    assert "Rollen" in " ".join(sections) and "nav_roles" not in " ".join(sections)


def test_a_third_language_gets_its_pages_search_booklet_forms_and_switcher_from_data_and_pages(sites):
    site = sites["three"]
    home = soup(site / THIRD / "index.html")
    assert home.html["lang"] == THIRD
    assert {a["hreflang"] for a in home.select(".md-select__link")} == {"nl", "en", THIRD}
    index = (site / THIRD / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f'"lang":["{THIRD}"]' in index and '"location":"roles/mentor/' in index
    booklet = pymupdf.open(site / THIRD / "protocol.pdf")
    assert booklet.page_count > 10
    assert (site / THIRD / "forms" / "incident-report.pdf").is_file()
    assert soup(site / THIRD / "forms" / "incident-report" / "index.html").html["lang"] == THIRD
    assert (site / THIRD / "404.html").is_file()
    toggles = [label["title"] for label in home.select("form[data-md-component=palette] label[title]")]
    assert toggles == ["Dark mode", "Light mode"]  # the German texts were copied from English


def test_a_passage_without_english_shows_its_dutch_text_marked_nl_with_a_note_and_never_none(sites):
    site = sites["three"]
    page = soup(site / "en" / "adopted" / "index.html")
    passage = page.find(id=PASSAGE)
    dutch = passage.find(attrs={"lang": "nl"})
    assert dutch is not None and dutch.get_text().startswith("Wanneer het pesten")
    assert "Not in the English text" in passage.get_text()
    german = soup(site / THIRD / "adopted" / "index.html").find(id=PASSAGE)
    assert german.find(attrs={"lang": True}) is None  # adopted in German: shown as it is
    for path in sorted(site.rglob("*.html")):
        assert ">None<" not in path.read_text(encoding="utf-8"), path
    text = "".join(page.get_text() for page in pymupdf.open(site / "en" / "protocol.pdf"))
    assert "Wanneer het pesten" in text and "\nNone\n" not in text


def test_a_label_missing_its_third_language_is_refused_in_one_line_naming_the_file_and_key(data_copy):
    edit(data_copy / S, EN, EN + "  - code: tr\n    name: Türkçe\n")
    code, lines = check_lines(data_copy)
    assert code != 0
    labels = [line for line in lines if line.startswith("protocol/labels.yml: home.tr:")]
    assert labels == [
        "protocol/labels.yml: home.tr: found nothing; expected a text in every language of "
        "protocol/settings.yml (nl, en, tr); add the missing translation"
    ]


def test_a_text_in_a_language_that_is_not_listed_is_refused_in_one_line(data_copy):
    edit(data_copy / "protocol" / "labels.yml", "home: {nl: ", "home: {de: Start, nl: ")
    code, lines = check_lines(data_copy)
    assert code != 0
    assert lines[0] == (
        "protocol/labels.yml: home: found a text in 'de'; expected a text in exactly the languages "
        "of protocol/settings.yml (nl, en)"
    )


def test_a_listed_language_without_its_pages_is_refused_in_one_line(data_copy):
    edit(data_copy / S, EN, EN + "  - code: tr\n    name: Türkçe\n")
    texts_of(data_copy, lambda text: text.__setitem__("tr", text["en"]) if "en" in text else None)
    code, lines = check_lines(data_copy)
    assert code != 0
    (line,) = [line for line in lines if "docs/tr" in line or "'tr'" in line]
    assert line.startswith("docs/tr/: (file): found no pages for the listed language 'tr'")
