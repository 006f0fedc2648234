"""The offline build (`make offline`) works opened from a file share: search in both languages,
the language switcher, and no request that leaves file://."""

from __future__ import annotations

import pytest

from tests.helpers import LANGUAGES, broken_references, search_results, site_prefix


def test_the_offline_build_has_a_search_index_script_per_language(offline_site):
    for lang in LANGUAGES:
        script = (offline_site / site_prefix(lang) / "search" / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = {")
        assert f'"lang":["{lang}"]' in script
    assert (offline_site / "roles" / "mentor.html").is_file()  # file:// has no index.html lookup


def test_every_link_of_the_offline_build_leads_to_a_file_and_anchor_that_exist(offline_site, site_url_of_config):
    broken = broken_references(offline_site, site_url_of_config)
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:40])


@pytest.mark.parametrize(
    ("start", "words", "in_english"),
    [("/en/roles/mentor.html", "bully", True), ("/roles/mentor.html", "mentor", False)],
)
def test_search_works_from_a_file_share_in_the_readers_language(offline, start, words, in_english):
    page = offline.open(start, wait_until="load")
    results = search_results(page, words)
    assert results and all(r.startswith("file://") for r in results)
    assert all(("/en/" in r) == in_english for r in results), results
    offline.traffic.clear()
    page.goto(results[0], wait_until="load")
    assert page.title()
    assert offline.traffic.requests and all(r.startswith("file://") for r in offline.traffic.requests)
    assert not offline.traffic.problems(), offline.traffic.problems()


def test_the_language_switcher_works_from_a_file_share(offline):
    page = offline.open("/roles/mentor.html", wait_until="load")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/roles/mentor.html")
    assert all(r.startswith(("file://", "data:")) for r in offline.traffic.requests), offline.traffic.requests
