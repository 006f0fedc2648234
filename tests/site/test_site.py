"""The built handbook: both languages complete, generated parts match the data, nothing external."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import pytest

from generator.loader import load_protocol
from generator.site.edition import edition_line
from tests.conftest import ROOT
from tests.helpers import CSS_URL, html_pages, ids, page, parsed, site_prefix

PROTOCOL = load_protocol(ROOT)


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
    prefix = site_prefix(lang)
    for role in PROTOCOL.roles.values():
        soup = page(built_site, f"{prefix}roles/{role.id}")
        headings = soup.select("h3.step")
        assert [h["id"] for h in headings] == list(role.nodes), role.id
        for heading, node in zip(headings, role.nodes.values(), strict=True):
            text = heading.get_text(" ", strip=True).removesuffix("¶").strip()
            assert text == node.label(lang)
        assert soup.find("h1").get_text(strip=True).removesuffix("¶") == role.title[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_link_from_a_step_to_another_step_points_at_an_existing_anchor(built_site, lang):
    prefix = site_prefix(lang)
    for role in PROTOCOL.roles.values():
        base = f"http://site/{prefix}roles/{role.id}/"
        for link in page(built_site, f"{prefix}roles/{role.id}").select("article a[href*='#']"):
            target = urlparse(urljoin(base, link["href"]))
            if target.netloc != "site" or not target.fragment or link.get("class") == ["headerlink"]:
                continue
            html = built_site / target.path.lstrip("/") / "index.html"
            assert html.is_file(), link["href"]
            assert target.fragment in ids(html), link["href"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_parents_page_gives_the_route_once_and_how_to_reach_each_role_in_its_order(built_site, lang):
    prefix = site_prefix(lang)
    soup = page(built_site, f"{prefix}roles/parent")
    s, labels = PROTOCOL.settings, PROTOCOL.labels
    block = soup.select_one("article .contact-block")
    terms = [dt.get_text(" ", strip=True) for dt in block.select("dt")]
    after_mentor = [PROTOCOL.roles[r].title[lang] for r in s.contact_ladder if r != "mentor"]
    assert terms[0] == labels["contact_mentor"][lang]
    assert [t for t in terms if t in after_mentor] == after_mentor  # in the ladder's order
    for role in after_mentor:
        dd = block.select("dd")[terms.index(role)]
        rid = next(r for r in s.contact_ladder if PROTOCOL.roles[r].title[lang] == role)
        assert dd.get_text(" ", strip=True) == s.contacts[rid][lang]
    alternative = block.select("dd")[terms.index(labels["contact_advisors"][lang])].get_text(" ", strip=True)
    assert alternative.startswith(labels["contact_alternative"][lang])
    # the route itself is said once: as the steps (no separate numbered contact list)
    assert not soup.select(".ladder-role")
    steps = soup.select_one("article .step-by-step")
    assert steps is not None and steps.find_previous("h2").get_text(strip=True) != labels["contact_title"][lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_track_point_and_principle_is_on_the_protocol_page(built_site, lang):
    prefix = site_prefix(lang)
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
        soup = parsed(path)
        if path.name == "404.html":
            continue
        link = soup.select_one(".report-problem a[href^='mailto:']")
        if email:
            assert link is not None and email in link["href"], path
        else:
            assert link is None and "mailto:None" not in str(soup), path


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["parent", "student"])
def test_parents_and_students_steps_name_who_helps_next_without_sending_them_into_staff_steps(built_site, role, lang):
    prefix = site_prefix(lang)
    steps = page(built_site, f"{prefix}roles/{role}").select_one("article .step-by-step")
    then = " ".join(p.get_text(" ", strip=True) for p in steps.select(".sbs-then"))
    handed = {n.role for s in PROTOCOL.roles[role].steps for t in s.next for n in [PROTOCOL.node(t)] if n.role != role}
    assert handed  # the route does continue with someone else
    for other in handed:
        assert f"{PROTOCOL.labels['role_article'][lang]} {PROTOCOL.roles[other].name[lang]}" in then
    links = [a["href"] for a in steps.select(".sbs-then a")]
    assert links and all(href.startswith("#") for href in links), links  # only this page's own steps


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_forms_pdf_link_carries_the_address_printed_after_it(built_site, site_url_of_config, lang):
    prefix = site_prefix(lang)
    soup = page(built_site, f"{prefix}roles/mentor")
    links = soup.select("article .sbs-form a[href$='.pdf']")
    assert links
    for a in links:
        assert a["data-print"] == prefix + "forms/" + a["href"].rsplit("/", 1)[-1]
        assert (built_site / a["data-print"]).is_file()
    style = soup.select_one("head style").get_text()
    assert f'--print-site: "{site_url_of_config}"' in style


NOT_FOUND = {"nl": ("404.html", "en", "/en/"), "en": ("en/404.html", "nl", "/")}


@pytest.mark.parametrize("lang", list(NOT_FOUND))
def test_each_language_has_a_404_page_in_its_own_chrome_that_speaks_both_languages(built_site, lang):
    path, other, other_home = NOT_FOUND[lang]
    soup = parsed(built_site / path)
    assert soup.html["lang"] == lang
    home = "/" + site_prefix(lang)
    # the header, search box and footer are those of this language's home page
    start = page(built_site, home.strip("/"))
    for chrome in (".md-header__topic", ".md-copyright"):
        assert soup.select_one(chrome).get_text(strip=True) == start.select_one(chrome).get_text(strip=True), chrome
    assert soup.select_one(".md-search__input")["placeholder"] == start.select_one(".md-search__input")["placeholder"]
    assert soup.select_one(".md-copyright").get_text(strip=True) == edition_line(PROTOCOL, lang)
    assert soup.select_one("h1").get_text(strip=True) == PROTOCOL.labels["not_found_title"][lang]
    # the menu leads to this language's pages
    menu = [a["href"] for a in soup.select(".md-nav--primary a.md-nav__link[href]")]
    assert menu and all(h.startswith(home) for h in menu), menu[:5]
    if lang == "nl":
        assert not any(h.startswith("/en/") for h in menu)
    # the switcher: a text link to the other language's home page, this language marked current
    link = soup.select_one(".md-header__lang-link")
    assert (link["hreflang"], link["href"]) == (other, other_home)
    current = soup.select_one(".md-select__link[aria-current]")
    assert (current["hreflang"], current["href"]) == (lang, home)
    # the body: this language first, then the other, each with a link to its home page
    parts = soup.select("article div[lang]")
    assert [d["lang"] for d in parts] == [lang, other]
    for div in parts:
        assert div.get_text(" ", strip=True).find(PROTOCOL.labels["not_found_text"][div["lang"]][:20]) >= 0
        assert div.select_one("a")["href"] == "/" + site_prefix(div["lang"])


EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_no_page_loads_anything_from_another_site(built_site):
    for path in html_pages(built_site):
        soup = parsed(path)
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
    prefix = site_prefix(lang)
    titles = {a["title"] for a in page(built_site, f"{prefix}roles/mentor").select("a.headerlink")}
    assert titles == {PROTOCOL.labels["permalink"][lang]}
