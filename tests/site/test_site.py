"""The built handbook: both languages complete, generated parts match the data, nothing external."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_protocol
from tests.conftest import ROOT

PROTOCOL = load_protocol(ROOT)


def page(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_dutch_and_english_have_the_same_pages():
    nl = sorted(p.relative_to(ROOT / "docs/nl").as_posix() for p in (ROOT / "docs/nl").rglob("*.md"))
    en = sorted(p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md"))
    assert nl == en
    assert "index.md" in nl and len(nl) > 10


def test_every_role_has_a_hand_written_page_in_both_languages():
    for lang in ("nl", "en"):
        for role in PROTOCOL.roles.values():
            assert (ROOT / "docs" / lang / role.page).is_file(), (lang, role.page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_role_page_lists_the_roles_steps_in_order_with_their_titles(built_site, lang):
    prefix = "" if lang == "nl" else "en/"
    for role in PROTOCOL.roles.values():
        soup = page(built_site, f"{prefix}roles/{role.id}")
        headings = soup.select("h3.step")
        assert [h["id"] for h in headings] == list(role.nodes), role.id
        for heading, node in zip(headings, role.nodes.values(), strict=True):
            text = heading.get_text(" ", strip=True).removesuffix("¶").strip()
            assert text == f"{node.number}. {node.title[lang]}"
        assert soup.find("h1").get_text(strip=True).removesuffix("¶") == role.title[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_link_from_a_step_to_another_step_points_at_an_existing_anchor(built_site, lang):
    prefix = "" if lang == "nl" else "en/"
    for role in PROTOCOL.roles.values():
        base = f"http://site/{prefix}roles/{role.id}/"
        for link in page(built_site, f"{prefix}roles/{role.id}").select("article a[href*='#']"):
            target = urlparse(urljoin(base, link["href"]))
            if target.netloc != "site" or not target.fragment or link.get("class") == ["headerlink"]:
                continue
            html = built_site / target.path.lstrip("/") / "index.html"
            assert html.is_file(), link["href"]
            assert BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(id=target.fragment), link["href"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_parents_page_shows_the_contact_ladder_in_order(built_site, lang):
    prefix = "" if lang == "nl" else "en/"
    soup = page(built_site, f"{prefix}roles/parent")
    first_list = soup.select_one("article ol")
    names = [li.select_one(".ladder-role").get_text(strip=True) for li in first_list.find_all("li", recursive=False)]
    assert names == [PROTOCOL.roles[r].name[lang] for r in PROTOCOL.settings.contact_ladder]
    assert PROTOCOL.roles[PROTOCOL.settings.contact_alternative].name[lang] in soup.get_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_track_point_and_principle_is_on_the_protocol_page(built_site, lang):
    prefix = "" if lang == "nl" else "en/"
    text = " ".join(page(built_site, f"{prefix}protocol").get_text(" ").split())
    for principle in PROTOCOL.principles:
        assert principle[lang] in text
    for track in PROTOCOL.tracks:
        assert track.title[lang] in text
        for point in track.points:
            assert point[lang] in text


def test_the_about_page_says_what_to_do_while_the_adoption_data_is_open(built_site):
    s = PROTOCOL.settings
    assert s.version is None and s.adopted_on is None, "the school has not adopted this text on a known date yet"
    for prefix, lang in (("", "nl"), ("en/", "en")):
        about = page(built_site, f"{prefix}about")
        assert PROTOCOL.labels["undecided_adoption"][lang] in about.get_text(" ")
        assert about.select("article table") == [], "no version table without adoption data"


def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(built_site):
    nl = page(built_site, "roles/mentor")
    to_en = nl.select_one("a.md-select__link[hreflang=en]")["href"]
    assert urlparse(urljoin("http://site/roles/mentor/", to_en)).path == "/en/roles/mentor/"
    en = page(built_site, "en/roles/mentor")
    to_nl = en.select_one("a.md-select__link[hreflang=nl]")["href"]
    assert urlparse(urljoin("http://site/en/roles/mentor/", to_nl)).path == "/roles/mentor/"


def test_pages_declare_their_own_language(built_site):
    assert page(built_site, "roles/mentor").html["lang"] == "nl"
    assert page(built_site, "en/roles/mentor").html["lang"] == "en"


def test_the_report_a_problem_link_appears_only_when_the_school_has_named_an_address(built_site):
    email = PROTOCOL.settings.editor_email
    for path in html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if path.name == "404.html":
            continue
        link = soup.select_one(".report-problem a[href^='mailto:']")
        if email:
            assert link is not None and email in link["href"], path
        else:
            assert link is None and "mailto:None" not in str(soup), path


def test_the_404_page_speaks_both_languages(built_site):
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    parts = {div["lang"]: div.get_text(" ", strip=True) for div in soup.select("article div[lang]")}
    assert parts["nl"].startswith(PROTOCOL.labels["not_found_text"]["nl"][:20])
    assert parts["en"].startswith(PROTOCOL.labels["not_found_text"]["en"][:20])


EXTERNAL = re.compile(r"^(https?:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")


def test_no_page_loads_anything_from_another_site(built_site):
    for path in html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
            ("embed", "src"),
            ("object", "data"),
        ):
            for element in soup.find_all(tag):
                value = element.get(attr)
                if value is None or (
                    tag == "link" and "alternate" in element.get("rel", []) and not EXTERNAL.match(value)
                ):
                    continue
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # not fetched by the browser
                assert not EXTERNAL.match(value), f"{path.relative_to(built_site)}: <{tag} {attr}={value}>"
        for style in soup.find_all(style=True):
            assert not any(EXTERNAL.match(u) for u in CSS_URL.findall(style["style"])), path


def test_no_stylesheet_loads_anything_from_another_site(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import url(http" not in text
        external = [u for u in CSS_URL.findall(text) if EXTERNAL.match(u.strip())]
        assert not external, f"{css.relative_to(built_site)}: {external[:3]}"
    assert not list(built_site.rglob("*.css")) or "fonts.googleapis" not in "".join(
        p.read_text(encoding="utf-8") for p in html_pages(built_site)
    )


def test_each_search_index_holds_only_its_own_language(built_site):
    nl = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert nl["config"]["lang"] == ["nl"] and en["config"]["lang"] == ["en"]
    nl_titles = {d["title"] for d in nl["docs"]}
    en_titles = {d["title"] for d in en["docs"]}
    for role in PROTOCOL.roles.values():
        assert role.title["nl"] in nl_titles and role.title["en"] in en_titles
        if role.title["nl"] != role.title["en"]:
            assert role.title["en"] not in nl_titles and role.title["nl"] not in en_titles
    assert not any(d["location"].startswith("en/") for d in nl["docs"] + en["docs"])
    for doc in en["docs"]:
        path = doc["location"].split("#")[0]
        assert (built_site / "en" / path / "index.html").is_file() or (built_site / "en" / path).is_file(), doc[
            "location"
        ]


def test_english_pages_point_search_at_the_english_index(built_site):
    soup = page(built_site, "en/roles/mentor")
    config = json.loads(soup.find("script", id="__config").string)
    # As the browser does (new URL(base, location)): the base must itself end in "/".
    assert urljoin("http://site/en/roles/mentor/", config["base"]) == "http://site/en/"
    nl_config = json.loads(page(built_site, "roles/mentor").find("script", id="__config").string)
    assert urljoin("http://site/roles/mentor/", nl_config["base"] + "/") == "http://site/"


def test_search_indexes_the_step_list_but_not_the_chart_that_repeats_it(built_site):
    for lang, index_path in (("nl", "search/search_index.json"), ("en", "en/search/search_index.json")):
        docs = json.loads((built_site / index_path).read_text(encoding="utf-8"))["docs"]
        node = PROTOCOL.node("m-talk-victim")
        title = node.title[lang]
        mentor = [d for d in docs if d["location"].startswith("roles/mentor/")]
        holding = [d["location"] for d in mentor if title in d["text"] or title in d["title"]]
        assert f"roles/mentor/#{node.id}" in holding
        chart_sections = [d for d in mentor if d["location"].endswith(("#chart", "#schema"))]
        assert chart_sections, "the chart's section is in the index"
        assert not [d["location"] for d in chart_sections if title in d["text"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_heading_permalinks_are_titled_in_the_pages_language(built_site, lang):
    prefix = "" if lang == "nl" else "en/"
    titles = {a["title"] for a in page(built_site, f"{prefix}roles/mentor").select("a.headerlink")}
    assert titles == {PROTOCOL.labels["permalink"][lang]}
