"""The second school in the repository, examples/wilgenhof/ (Wilgenhof College, made up; issue 21
item 4): a folder of school files only, built by the same generator with the product's theme,
assets, form templates and code (generator.PRODUCT beside the school's root).

What is true of any school's site (the check, the same pages in every language, no None, every
form's PDF, no broken link) is in test_any_school.py, which runs on this school too. Here: what
this school is shaped to show (twelve numbered steps over four weeks, three languages, no parents'
page, no confidential advisor), and the split itself (the school's mkdocs.yml may name the
product's overrides and hooks, nothing else outside its folder)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pymupdf
import pytest
import yaml

from generator import PRODUCT, booklet, symlinks
from generator.siteconfig import site_problems
from tests.helpers import ROOT, WILGENHOF, check_lines, html_pages, parsed

PRODUCT_FILES = ("overrides", "docs/assets", "forms/templates", "forms/print.css", "forms/fonts", "generator")


def load(path: str):
    return yaml.safe_load((WILGENHOF / path).read_text(encoding="utf-8"))


def languages() -> list[str]:
    return [lang["code"] for lang in load("protocol/settings.yml")["languages"]]


def prefix(lang: str) -> str:
    return "" if lang == languages()[0] else f"{lang}/"


def text_of(soup) -> str:
    return " ".join(s for s in soup.find_all(string=True) if s.parent.name not in ("script", "style"))


def pdf_texts(site: Path):
    for pdf in sorted(site.rglob("*.pdf")):
        with pymupdf.open(pdf) as doc:
            yield pdf, " ".join(page.get_text() for page in doc)


# ---------------------------------------------------------------- the folder and the split (no build)


def test_the_second_school_holds_only_school_files():
    for path in PRODUCT_FILES:
        assert not (WILGENHOF / path).exists(), f"examples/wilgenhof/{path}: a product file in the school"
    assert sorted(p.name for p in (WILGENHOF / "forms").iterdir()) == ["definitions", "labels.yml"]
    built = ("site", ".cache", ".site.new-")  # what a build writes beside the school's files
    tracked = [
        p
        for p in WILGENHOF.rglob("*")
        if p.is_file() and not any(part.startswith(built) for part in p.relative_to(WILGENHOF).parts)
    ]
    text = "\n".join(p.read_text(encoding="utf-8") for p in tracked)
    assert not re.search("alasca", text, re.I)


def school_config(folder: Path, custom_dir: Path, hooks: Path) -> Path:
    """A school outside the repository whose mkdocs.yml inherits the product's, as the example's does."""
    for lang in ("nl", "en"):
        (folder / "docs" / lang).mkdir(parents=True)
        (folder / "docs" / lang / "index.md").write_text("# Start\n", encoding="utf-8")
    config = (
        f"INHERIT: {os.path.relpath(ROOT / 'mkdocs.yml', folder)}\n"
        f"theme:\n  custom_dir: {os.path.relpath(custom_dir, folder)}\n"
        f"hooks:\n  - {os.path.relpath(hooks, folder)}\n"
        "nav:\n  - index.md\n"
    )
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def split_problems(folder: Path) -> list[str]:
    """mkdocs.yml's problems about what the school takes from outside its folder."""
    problems = site_problems(folder, folder / "docs", ["nl/index.md", "en/index.md"], ("nl", "en"))
    return [str(p) for p in problems if p.key.startswith(("theme.custom_dir", "hooks", "extra_css", "docs_dir"))]


def test_a_school_outside_the_repository_may_use_the_products_overrides_hooks_and_assets(tmp_path):
    school = school_config(tmp_path, ROOT / "overrides", ROOT / "generator/site/hooks.py")
    assert split_problems(school) == []
    assert symlinks.outside_links(school, [ROOT / "overrides", ROOT / "docs/assets"]) == []


def test_a_school_may_not_take_any_other_folder_from_outside_as_its_theme(tmp_path):
    school = school_config(tmp_path, ROOT / "docs", ROOT / "generator/site/hooks.py")
    assert [line.split(": found")[0] for line in split_problems(school)] == ["mkdocs.yml: theme.custom_dir"]
    found = symlinks.outside_links(school, [ROOT / "generator"])
    assert [p.key for p in found] == ["(folder)"]


def test_a_school_may_not_name_other_build_steps_than_the_products(tmp_path):
    (tmp_path / "steps.py").write_text("", encoding="utf-8")
    school = school_config(tmp_path / "school", ROOT / "overrides", tmp_path / "steps.py")
    assert [line.split(": found")[0] for line in split_problems(school)] == ["mkdocs.yml: hooks"]


def test_the_printed_booklet_keeps_a_passages_own_number(tmp_path):
    """The page's <li value="9"> (adopted.yml `number:`) is printed as 9, not as the list's 1."""
    html = '<h2>Week 3</h2><ol class="adopted"><li value="9">Bel de ouders.</li><li>Praat met de klas.</li></ol>'
    chapter = booklet.Chapter("adopted.md", "Tekst", html)
    pdf = tmp_path / "booklet.pdf"
    pdf.write_bytes(booklet._render([chapter], "nl", "Titel", "Ondertitel", "Versie", PRODUCT / "docs/assets"))
    assert list_markers(pdf) == ["9.", "10."]


def list_markers(pdf: Path) -> list[str]:
    """The numbers of a PDF's ordered lists, in order (a tagged PDF gives each marker its own line)."""
    with pymupdf.open(pdf) as doc:
        lines = [line.strip() for page in doc for line in page.get_text().splitlines()]
    return [line for line in lines if re.fullmatch(r"\d+\.", line)]


def without_languages(target: Path, dropped: set[str]) -> Path:
    """A copy of the example with languages taken out the README's way: from `languages`, their
    texts from every data file, their docs/<code>/ (the product's paths made absolute)."""
    shutil.copytree(WILGENHOF, target, ignore=shutil.ignore_patterns("site", ".cache", ".site*"))

    def drop(node):
        if isinstance(node, dict):
            for code in dropped & node.keys() if "nl" in node else ():
                del node[code]
            for value in node.values():
                drop(value)
        elif isinstance(node, list):
            for value in node:
                drop(value)

    for path in target.rglob("*.yml"):
        if path.name != "mkdocs.yml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            drop(data)
            if path.name == "settings.yml":
                data["languages"] = [lang for lang in data["languages"] if lang["code"] not in dropped]
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for code in dropped:
        shutil.rmtree(target / "docs" / code)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../", f"{ROOT}/"), encoding="utf-8")
    return target


@pytest.mark.parametrize("dropped", [{"tr"}, {"en", "tr"}], ids=["nl-en", "nl"])
def test_the_second_school_passes_the_check_with_fewer_languages(tmp_path, dropped):
    code, lines = check_lines(without_languages(tmp_path / "school", dropped))
    assert (code, lines) == (0, [])


@pytest.fixture(scope="module")
def fewer_languages(tmp_path_factory, site_builds) -> dict[str, Path]:
    """The example built with Turkish taken out, and with English and Turkish taken out (data and
    pages alone, as the README says), in one process: languages -> the built site."""
    from tests.helpers import build_all

    base = tmp_path_factory.mktemp("fewer-languages")
    roots = {"nl-en": without_languages(base / "nl-en", {"tr"}), "nl": without_languages(base / "nl", {"en", "tr"})}
    # and one with a logo of its own: a docs/assets/ that holds only that
    roots["logo"] = logo = without_languages(base / "logo", set())
    (logo / "docs" / "assets").mkdir()
    (logo / "docs" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    settings = logo / "protocol" / "settings.yml"
    settings.write_text(re.sub(r"(?m)^logo: .*$", "logo: assets/logo.svg", settings.read_text("utf-8")), "utf-8")
    results = build_all(list(roots.values()))
    for name, root in roots.items():
        assert results[root]["error"] is None, f"{name}: {results[root]['message']}\n{results[root]['log'][-2000:]}"
    return {name: root / "site" for name, root in roots.items()}


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'


def test_a_school_with_only_its_logo_in_docs_assets_keeps_the_products_stylesheets_and_booklet(fewer_languages):
    """A school's docs/assets/ with its logo alone must not hide the product's stylesheets, fonts
    and scripts: from the pages (added file by file) nor from the booklet (its stylesheets)."""
    site = fewer_languages["logo"]
    assert (site / "assets" / "logo.svg").is_file()
    assert (site / "assets" / "stylesheets" / "handbook.css").is_file()
    assert parsed(site / "index.html").select_one(".md-logo img")["src"].endswith("assets/logo.svg")
    with pymupdf.open(site / "protocol.pdf") as doc:
        fonts = {font[3] for page in doc for font in page.get_fonts()}
    assert any("Atkinson" in font for font in fonts), fonts  # the booklet's own stylesheet was read


def test_the_second_school_builds_with_two_languages_after_one_is_taken_out(fewer_languages):
    site = fewer_languages["nl-en"]
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert not (site / "tr").exists()
    switcher = parsed(site / "roles" / "mentor" / "index.html").select(".md-select__list a[hreflang]")
    assert [a["hreflang"] for a in switcher] == ["nl", "en"]
    assert parsed(site / "en" / "roles" / "mentor" / "index.html").html["lang"] == "en"


def test_the_second_school_builds_in_dutch_alone_without_a_language_switcher(fewer_languages):
    site = fewer_languages["nl"]
    assert (site / "index.html").is_file()
    assert not (site / "en").exists() and not (site / "tr").exists()
    for html in html_pages(site):
        soup = parsed(html)
        assert soup.html["lang"] == "nl", html
        assert not soup.select(".md-header__languages, .md-select__list, link[rel=alternate][hreflang]"), (
            html.relative_to(site)
        )


# ---------------------------------------------------------------- the built site


def test_the_site_uses_the_products_stylesheets_from_the_repository(wilgenhof_site):
    for path in ("assets/stylesheets/handbook.css", "assets/stylesheets/fonts.css"):
        assert (wilgenhof_site / path).read_bytes() == (ROOT / "docs" / path).read_bytes(), path
    links = [link["href"] for link in parsed(wilgenhof_site / "index.html").select("link[rel=stylesheet]")]
    assert any(href.endswith("assets/stylesheets/handbook.css") for href in links), links


def test_no_page_and_no_pdf_says_alasca_or_none(wilgenhof_site):
    for html in html_pages(wilgenhof_site):
        text = text_of(parsed(html))
        assert not re.search(r"alasca|\bNone\b", text, re.I), html.relative_to(wilgenhof_site)
    pdfs = list(pdf_texts(wilgenhof_site))
    assert pdfs
    for pdf, text in pdfs:
        assert not re.search(r"alasca|\bNone\b", text, re.I), pdf.relative_to(wilgenhof_site)


def test_every_language_has_its_home_page_at_its_own_address(wilgenhof_site):
    assert languages() == ["nl", "en", "tr"]
    for lang in languages():
        home = parsed(wilgenhof_site / prefix(lang) / "index.html")
        assert home.html["lang"] == lang


def test_there_is_no_parents_page_and_no_confidential_advisor_in_any_language(wilgenhof_site):
    assert load("protocol/protocol.yml")["roles"] == ["student", "teacher", "mentor", "antipest", "director"]
    for lang in languages():
        roles = sorted(p.name for p in (wilgenhof_site / prefix(lang) / "roles").iterdir() if p.is_dir())
        assert roles == ["antipest", "director", "mentor", "student", "teacher"], lang
    for html in html_pages(wilgenhof_site):
        text = text_of(parsed(html))
        assert not re.search(r"vertrouwenspersoon|confidential advisor", text, re.I), html


def numbered_steps() -> dict[str, list[dict]]:
    """role id -> its steps that carry the school's own number."""
    return {
        role: [s for s in load(f"protocol/roles/{role}.yml")["steps"] if "number" in s]
        for role in load("protocol/protocol.yml")["roles"]
    }


def test_the_role_pages_show_the_schools_own_step_numbers_1_to_12(wilgenhof_site):
    seen = set()
    for lang in languages():
        for role, steps in numbered_steps().items():
            soup = parsed(wilgenhof_site / prefix(lang) / "roles" / role / "index.html")
            headings = [" ".join(h.get_text(" ").split()) for h in soup.select("article h2, article h3, article h4")]
            for step in steps:
                title = step["title"][lang]
                number = str(step["number"])
                shown = [h for h in headings if title in h]
                assert shown, f"{lang}/roles/{role}: no heading with {title!r}"
                assert re.match(rf"^\D*{number}\b", shown[0]), f"{lang}/roles/{role}: {shown[0]!r}, not {number}"
                seen.add(int(number))
    assert seen == set(range(1, 13))


def test_the_role_pages_group_their_steps_under_the_four_weeks(wilgenhof_site):
    phases = load("protocol/protocol.yml")["phases"]
    assert [p["id"] for p in phases] == ["week-1", "week-2", "week-3", "week-4"]
    for lang in languages():
        soup = parsed(wilgenhof_site / prefix(lang) / "roles" / "mentor" / "index.html")
        headings = [" ".join(h.get_text(" ").split()) for h in soup.select("article h2, article h3, article h4")]
        for phase in phases:
            assert any(phase["title"][lang] in h for h in headings), f"{lang}: no heading {phase['title'][lang]!r}"


def test_every_form_pdf_carries_the_schools_name(wilgenhof_site):
    name = load("protocol/settings.yml")["short_name"]
    forms = sorted(p.stem for p in (WILGENHOF / "forms/definitions").glob("*.yml"))
    assert len(forms) >= 3
    for lang in languages():
        for form in forms:
            with pymupdf.open(wilgenhof_site / prefix(lang) / "forms" / f"{form}.pdf") as doc:
                assert name in " ".join(page.get_text() for page in doc), f"{lang}: {form}"


def test_the_printed_booklet_shows_the_schools_numbers_1_to_12(wilgenhof_site):
    passages = [b for b in load("protocol/adopted.yml")["blocks"] if "number" in b]
    assert [int(b["number"]) for b in passages] == list(range(1, 13))
    assert list_markers(wilgenhof_site / "protocol.pdf") == [f"{n}." for n in range(1, 13)]


def test_a_text_adopted_in_dutch_only_is_said_once_on_the_other_languages_pages(wilgenhof_site):
    """Every passage is shown in Dutch, marked lang="nl", under one note above the text: not the
    same note after each of its 23 passages (which read as noise)."""
    for lang in ("en", "tr"):
        soup = parsed(wilgenhof_site / lang / "adopted" / "index.html")
        assert len(soup.select(".adopted-missing")) == 1, lang
        passages = soup.select(".passage")
        assert len(passages) >= 12
        for passage in passages:
            assert passage.find("span", attrs={"lang": "nl"}) is not None, passage.get("id")
        headings = soup.select("article h2[id], article h3[id]")
        assert headings and all(h.get("lang") == "nl" for h in headings), lang


@pytest.mark.parametrize(("width", "names_shown"), [(390, False), (1280, True)])
def test_with_three_languages_a_phone_offers_the_language_menu_instead_of_two_names(
    wilgenhof_site, browser, width, names_shown
):
    """On a phone the two other languages' names beside the menu squeezed the site's name to one
    word; the 文A menu lists every language. A wide screen shows the names as before."""
    from tests import localsite

    server, url = localsite.serve(wilgenhof_site)
    try:
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        page.goto(url + "/tr/roles/student/")
        links = page.locator(".md-header__lang-link")
        assert links.count() == 2
        assert all(links.nth(i).is_visible() == names_shown for i in range(2))
        assert page.locator(".md-header__languages .md-select button").is_visible()
        context.close()
    finally:
        localsite.stop(server)


def test_the_turkish_booklet_prints_each_letter_from_a_font_file_that_has_it(wilgenhof_site):
    """WeasyPrint wrote the site's two files of one family (Latin, Latin Extended) as one PDF font,
    so "başlar" printed as "ba{lar" (the text layer was right). A letter drawn in the Latin face
    must be one the Latin file has; ş and ğ come from the Extended face (its own family now)."""
    from fontTools.ttLib import TTFont

    latin = set(TTFont(ROOT / "docs/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2").getBestCmap())
    wrong, extended = [], 0
    with pymupdf.open(wilgenhof_site / "tr" / "protocol.pdf") as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", ()):
                    for span in line["spans"]:
                        font, text = span["font"], span["text"]
                        if not font.startswith("Atkinson-Hyperlegible"):
                            continue
                        if "-Ex" in font:  # pymupdf cuts the name: Atkinson-Hyperlegible-Ex(tended)
                            extended += len(text)
                        elif missing := [c for c in text if ord(c) not in latin]:
                            wrong.append(f"{missing} in {text!r} ({font})")
    assert extended > 20, extended  # ş and ğ are common in Turkish
    assert not wrong, wrong[:5]
