"""Each page loads only the stylesheets and scripts its content uses (generator/site/assets.py,
overrides/main.html), and Material's search dialog has a name in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.site.assets import ASSETS, Asset, every_path, needed
from tests.conftest import ROOT

CHART_CSS = "assets/stylesheets/flowchart.css"
CHART_JS = "assets/javascripts/flowchart.js"
HELPER_JS = "assets/javascripts/what-now.js"
FORM_CSS = "assets/stylesheets/form-fill.css"
FORM_JS = "assets/javascripts/form-fill.js"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def loaded(page: BeautifulSoup) -> set[str]:
    """The site's own stylesheets and scripts a page loads, as paths under the site root."""
    refs = [link["href"] for link in page.select("link[rel=stylesheet]")] + [
        s["src"] for s in page.select("script[src]")
    ]
    return {ref[ref.index("assets/") :] for ref in refs if "assets/" in ref}


def test_every_asset_a_page_can_ask_for_exists():
    assert every_path() and all((ROOT / "docs" / path).is_file() for path in every_path())


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_helpers_script_loads_on_the_home_page_only(built_site, prefix):
    assert HELPER_JS in loaded(soup(built_site, prefix))
    for path in ("roles/mentor", "about", "forms/incident-report", "protocol"):
        assert HELPER_JS not in loaded(soup(built_site, prefix + path)), path


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_chart_styles_and_script_load_only_where_a_chart_is_shown(built_site, prefix):
    mentor = soup(built_site, prefix + "roles/mentor")
    assert mentor.select("figure.flowchart") and {CHART_CSS, CHART_JS} <= loaded(mentor)
    for path in ("about", "records", "forms/incident-report"):
        page = soup(built_site, prefix + path)
        assert not page.select("figure.flowchart, .wn-question, .flowchart-words"), path
        assert not {CHART_CSS, CHART_JS} & loaded(page), path


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_fill_in_style_and_script_load_on_form_pages_only_and_once(built_site, prefix):
    form = soup(built_site, prefix + "forms/incident-report")
    assert form.select("div.form-fill") and {FORM_CSS, FORM_JS} <= loaded(form)
    refs = [tag.get("href") or tag.get("src") for tag in form.select("link[rel=stylesheet], script[src]")]
    assert sum("form-fill." in ref for ref in refs) == 2  # in the head and after the bundle, not in the article
    assert not form.select("article link, article script[src]")
    for path in ("", "roles/mentor", "about", "forms"):
        assert not {FORM_CSS, FORM_JS} & loaded(soup(built_site, prefix + path)), path


def test_an_asset_is_chosen_once_even_when_several_elements_need_it():
    assets = (Asset("<b", "a.css"), Asset("<i", "a.css"), Asset("<i", "b.js"), Asset("<u", "c.js"))
    chosen = needed("<p><b>x</b> <i>y</i></p>", assets)
    assert chosen.stylesheets == ["a.css"] and chosen.scripts == ["b.js"]


def test_every_asset_row_names_an_opening_tag():
    assert all(asset.needs.startswith("<") for asset in ASSETS)


@pytest.mark.parametrize(("prefix", "name"), [("", "Zoeken"), ("en/", "Search")])
def test_the_search_dialog_is_named_in_the_pages_language(built_site, prefix, name):
    for path in ("", "roles/mentor"):
        dialog = soup(built_site, prefix + path).select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label") == name, (prefix + path, dialog)
