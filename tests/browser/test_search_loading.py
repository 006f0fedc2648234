"""Search costs nothing until it is used: the search worker and the language's index are asked
for when the reader opens or focuses the search box, not when a page loads
(overrides/assets/javascripts/lazy-search.js), online and from a file share, in both languages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Tab
from tests.helpers import search_results


def search_requests(requests: list[str]) -> list[str]:
    """The requests that belong to search: its worker and an index (.json online, .js offline)."""
    return [r for r in requests if "/search/search_index." in r or "/workers/search." in r]


def open_and_settle(tab: Tab, path: str):
    page = tab.open(path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize(
    ("path", "index"), [("/roles/mentor/", "/search/search_index.json"), ("/en/", "/en/search/search_index.json")]
)
def test_a_page_asks_for_the_search_index_only_when_the_search_box_is_focused(light, path, index):
    page = open_and_settle(light, path)
    assert not search_requests(light.traffic.requests), light.traffic.requests
    page.focus(".md-search__input")
    page.wait_for_function("() => document.documentElement.dataset.searchLoaded !== undefined")
    page.wait_for_load_state("networkidle")
    asked = search_requests(light.traffic.requests)
    assert any(r.endswith(index) for r in asked), asked
    assert any("/workers/search." in r for r in asked), asked


def test_on_a_phone_the_index_comes_when_the_search_button_is_tapped(phone):
    page = open_and_settle(phone, "/en/roles/parent/")
    assert not search_requests(phone.traffic.requests), phone.traffic.requests
    page.tap("label.md-header__button[for=__search]")
    page.wait_for_load_state("networkidle")
    assert any(r.endswith("/en/search/search_index.json") for r in phone.traffic.requests), phone.traffic.requests
    assert not phone.traffic.problems(), phone.traffic.problems()


def test_search_still_finds_pages_after_loading_on_demand(light):
    page = open_and_settle(light, "/en/roles/mentor/")
    results = search_results(page, "bully")
    assert results and all("/en/" in r for r in results), results
    assert not light.traffic.problems(), light.traffic.problems()


@pytest.mark.parametrize(
    ("path", "index"),
    [("/roles/mentor.html", "/search/search_index.js"), ("/en/roles/mentor.html", "/en/search/search_index.js")],
)
def test_from_a_file_share_the_index_script_loads_when_search_is_focused(offline, path, index):
    page = open_and_settle(offline, path)
    assert not search_requests(offline.traffic.requests), offline.traffic.requests
    page.focus(".md-search__input")
    page.wait_for_function("() => typeof __index !== 'undefined'")
    asked = search_requests(offline.traffic.requests)
    assert any(r.endswith(index) for r in asked), asked
