"""The site links Material's palette stylesheet cut to the site's own colours (generator/site/palette.py):
Material's light and dark (slate) rules stay as they are, other colours' rules are left out."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.site.palette import material_palette, trimmed, used_colours

INDIGO = {"primary": {"indigo"}, "accent": {"indigo"}}


def colours(css: str) -> set[str]:
    return set(re.findall(r"data-md-color-(?:primary|accent)=[a-z-]+", css))


def test_only_the_sites_colours_are_kept_and_both_schemes_stay():
    material = material_palette().read_text(encoding="utf-8")
    css = trimmed(material, INDIGO)
    assert colours(css) == {"data-md-color-primary=indigo", "data-md-color-accent=indigo"}
    assert "[data-md-color-scheme=slate]" in css and "color-scheme:dark" in css
    assert len(css) < len(material) / 2


def test_a_rule_is_kept_with_the_selectors_that_apply_and_rules_without_a_colour_stay():
    css = (
        "@media screen{[data-md-color-primary=red],[data-md-color-primary=indigo] a{color:red}"
        "[data-md-color-accent=teal]{color:teal}}:root{--x:1}"
    )
    assert trimmed(css, INDIGO) == "@media screen{[data-md-color-primary=indigo] a{color:red}}:root{--x:1}"


def test_the_colours_come_from_every_palette_entry_of_mkdocs_yml():
    palette = [{"scheme": "default", "primary": "indigo", "accent": "Deep Orange"}, {"scheme": "slate"}]
    assert used_colours(palette) == {"primary": {"indigo"}, "accent": {"deep-orange", "indigo"}}


def test_every_page_links_the_sites_palette_and_it_exists(built_site: Path):
    for page in ("index.html", "en/roles/mentor/index.html", "404.html", "en/404.html"):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        hrefs = [link["href"] for link in soup.select("link[rel=stylesheet]") if "palette." in link["href"]]
        assert len(hrefs) == 1 and material_palette().name not in hrefs[0], (page, hrefs)
        name = hrefs[0].rsplit("/", 1)[-1]
        assert colours((built_site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")) == colours(
            trimmed(material_palette().read_text(encoding="utf-8"), INDIGO)
        )
