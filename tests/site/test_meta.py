"""What search engines and browsers read: a description per page, the sitemap with every page in
both languages (hreflang pairs and x-default), and robots.txt pointing at it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from generator.site import meta
from tests.helpers import html_pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _pages(site):
    return [p for p in html_pages(site) if p.name != "404.html"]


def test_every_page_has_its_own_description(built_site):
    descriptions = {}
    for path in _pages(built_site):
        tag = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("meta", attrs={"name": "description"})
        assert tag and len(tag["content"]) >= 20, path
        assert len(tag["content"]) <= meta.MAX_LENGTH, path
        descriptions[path.relative_to(built_site).as_posix()] = tag["content"]
    assert len(set(descriptions.values())) > len(descriptions) * 0.9, "most pages describe themselves"
    assert descriptions["index.html"] != descriptions["en/index.html"]


def test_a_description_comes_from_the_first_real_paragraph():
    html = (
        "<h1>T</h1><p>Short.</p><div class='admonition'><p>"
        + "x " * 40
        + "</p></div><p>The <a>mentor</a> is the first point of contact for bullying.</p>"
    )
    assert meta.first_paragraph(html) == "The mentor is the first point of contact for bullying."
    assert meta.shorten("word " * 60).endswith("…") and len(meta.shorten("word " * 60)) <= meta.MAX_LENGTH


def sitemap(site):
    return ET.parse(site / "sitemap.xml").getroot()


def test_the_sitemap_lists_every_page_of_both_languages_and_nothing_else(built_site, site_url_of_config):
    locs = [u.findtext("s:loc", namespaces=NS) for u in sitemap(built_site).findall("s:url", NS)]
    assert all(loc.startswith(site_url_of_config) for loc in locs)
    paths = sorted(loc.removeprefix(site_url_of_config) for loc in locs)
    expected = sorted(p.relative_to(built_site).as_posix().removesuffix("index.html") for p in _pages(built_site))
    assert paths == expected
    assert any(p.startswith("en/") for p in paths) and any(not p.startswith("en/") for p in paths)


def test_every_sitemap_entry_names_both_languages_and_a_dutch_default(built_site, site_url_of_config):
    for url in sitemap(built_site).findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        links = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", NS)}
        assert set(links) == {"nl", "en", "x-default"}, loc
        assert loc in (links["nl"], links["en"])
        assert links["x-default"] == links["nl"]
        assert links["en"].startswith(site_url_of_config + "en/")
        for href in links.values():
            target = built_site / href.removeprefix(site_url_of_config)
            assert (target / "index.html").is_file(), href


def test_robots_txt_names_the_sitemap(built_site, site_url_of_config):
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {site_url_of_config}sitemap.xml" in lines
    assert "User-agent: *" in lines and "Disallow: /" not in lines


@pytest.mark.parametrize("path", ["roles/mentor/index.html", "en/roles/mentor/index.html"])
def test_pages_name_their_canonical_address_and_no_hreflang_links_that_make_material_fetch(built_site, path):
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="canonical")["href"].endswith(path.removesuffix("index.html"))
    # Material fetches sitemap.xml beside every <link rel=alternate>: the pairs live in the sitemap.
    assert not soup.find_all("link", rel="alternate")
