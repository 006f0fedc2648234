"""Every step is linked to its form and every form to its steps, in both languages."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.loader import load_protocol
from tests.conftest import ROOT
from tests.helpers import LANGUAGES, site_prefix

PROTOCOL = load_protocol(ROOT)
LANGS = {lang: site_prefix(lang) for lang in LANGUAGES}


def soup_at(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def section_links(soup: BeautifulSoup, step_id: str) -> list[str]:
    """The links in a step's section: from its heading up to the next heading."""
    links = []
    for element in soup.find(id=step_id).find_next_siblings():
        if element.name in ("h2", "h3"):
            break
        links += [a["href"] for a in element.find_all("a", href=True)]
    return links


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_that_needs_a_form_links_to_its_pdf_which_exists(built_site, lang):
    prefix = LANGS[lang]
    for role in PROTOCOL.roles.values():
        page = f"{prefix}roles/{role.id}/"
        soup = soup_at(built_site, page)
        for step in role.steps:
            targets = {urlparse(urljoin("http://site/" + page, href)).path for href in section_links(soup, step.id)}
            for form_id in step.forms:
                pdf = f"/{prefix}forms/{form_id}.pdf"
                assert pdf in targets, (step.id, form_id)
                assert f"/{prefix}forms/{form_id}/" in targets, (step.id, form_id)
                assert (built_site / pdf.lstrip("/")).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_every_form_page_offers_its_pdf_and_links_back_to_each_of_its_steps(built_site, lang):
    prefix = LANGS[lang]
    for form_id in PROTOCOL.forms:
        page = f"{prefix}forms/{form_id}/"
        soup = soup_at(built_site, page)
        hrefs = [urljoin("http://site/" + page, a["href"]) for a in soup.select("article a[href]")]
        paths = {urlparse(h).path + ("#" + urlparse(h).fragment if urlparse(h).fragment else "") for h in hrefs}
        assert f"/{prefix}forms/{form_id}.pdf" in paths
        for step in PROTOCOL.steps_for_form(form_id):
            assert f"/{prefix}roles/{step.role}/#{step.id}" in paths, (form_id, step.id)
        assert soup.find("h1").get_text(strip=True).removesuffix("¶") == PROTOCOL.forms[form_id].title[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_served_for_a_language_is_in_that_language(built_site, lang):
    reader = PdfReader(built_site / LANGS[lang] / "forms" / "incident-report.pdf")
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang)
    assert reader.get_fields(), "the form has fields"


@pytest.mark.parametrize("lang", LANGS)
def test_the_forms_page_lists_every_form_with_its_pdf(built_site, lang):
    prefix = LANGS[lang]
    soup = soup_at(built_site, f"{prefix}forms/")
    hrefs = {urlparse(urljoin(f"http://site/{prefix}forms/", a["href"])).path for a in soup.select("article a")}
    for form_id in PROTOCOL.forms:
        assert f"/{prefix}forms/{form_id}.pdf" in hrefs and f"/{prefix}forms/{form_id}/" in hrefs


def test_form_pages_are_made_from_the_definitions_not_written_by_hand():
    assert not [p for p in (ROOT / "docs").glob("*/forms/*.md") if p.name != "index.md"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_form_page_is_found_by_search_the_sitemap_and_the_language_switcher(built_site, lang):
    import json

    prefix, other = LANGS[lang], next(o for o in LANGS if o != lang)
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"] for doc in index["docs"]}
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for form_id in PROTOCOL.forms:
        page = f"{prefix}forms/{form_id}/"
        soup = soup_at(built_site, page)
        assert f"forms/{form_id}/" in found, form_id
        assert f"/{page}</loc>" in sitemap, form_id
        switch = soup.select_one(f"a.md-header__lang-link[hreflang='{other}']")["href"]
        assert urlparse(urljoin("http://site/" + page, switch)).path == f"/{LANGS[other]}forms/{form_id}/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_forms_menu_is_made_from_the_definitions_in_the_overviews_order(built_site, lang):
    """No form is listed in mkdocs.yml: the menu's forms section holds the overview, then each
    form in the order the overview lists them; each form page is marked in it and has a previous
    and a next page."""
    prefix = LANGS[lang]

    def path(page: str, href: str) -> str:
        return urlparse(urljoin("http://site/" + page, href)).path

    overview = f"{prefix}forms/"
    soup = soup_at(built_site, overview)
    listed = list(dict.fromkeys(path(overview, a["href"]) for a in soup.select("article a[href$='/']")))
    in_order = [p for p in listed if p.startswith(f"/{overview}") and p != f"/{overview}"]
    section = next(
        li for li in soup.select(".md-nav--primary li.md-nav__item--section") if li.select_one("a[href='./']")
    )
    menu = [path(overview, a["href"]) for a in section.select(":scope > nav > ul > li > a.md-nav__link")]
    assert menu == in_order and len(menu) == len(PROTOCOL.forms)
    for before, here, after in zip([f"/{overview}", *menu[:-1]], menu, [*menu[1:], None], strict=True):
        page = here.lstrip("/")
        form = soup_at(built_site, page)
        assert [path(page, a["href"]) for a in form.select(".md-nav--primary a.md-nav__link--active")] == [here]
        assert path(page, form.select_one("a.md-footer__link--prev")["href"]) == before
        if after:
            assert path(page, form.select_one("a.md-footer__link--next")["href"]) == after
