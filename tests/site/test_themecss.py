"""Material's main stylesheet without the rules for classes no page or script uses
(generator/site/themecss.py): every page links the trimmed copy, which keeps every rule a page can need."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.site import themecss
from generator.site.palette import MATERIAL_STYLESHEETS


def material_main() -> str:
    (found,) = MATERIAL_STYLESHEETS.glob("main.*.min.css")
    return found.read_text(encoding="utf-8")


def selectors(css: str) -> set[str]:
    import tinycss2

    found = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(s.strip() for s in tinycss2.serialize(rule.prelude).split(","))
            elif rule.type == "at-rule" and rule.content is not None and rule.at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def test_a_rule_goes_only_when_a_class_it_needs_is_used_nowhere():
    css = ".a .b{x:1}.a .zz{x:2}.zz,.b{x:3}@media screen{.zz{x:4}.a{x:5}}@font-face{font-family:f}"
    assert (
        themecss.trimmed(css, frozenset({"a", "b"}))
        == ".a .b{x:1}.b{x:3}@media screen{.a{x:5}}@font-face{font-family:f}"
    )


def test_classes_inside_not_is_and_attribute_selectors_do_not_count():
    assert themecss.needed_classes(".a:not(.zz) > .b") == {"a", "b"}
    assert themecss.needed_classes(':is(.x,.y) [href$=".pdf"]') == set()
    assert themecss.needed_classes(".a:not(:is(.zz, .yy))") == {"a"}
    css = '.a:not(.zz){x:1}[class*=".zz"]{x:2}'
    assert themecss.trimmed(css, frozenset({"a"})) == css


def test_a_class_that_only_a_script_adds_keeps_its_rules(tmp_path: Path):
    (tmp_path / "index.html").write_text('<p class="a">x</p><script>el.classList.add("b")</script>', encoding="utf-8")
    (tmp_path / "app.js").write_text('n.className="md-dialog--active"', encoding="utf-8")
    classes = themecss.classes_in_site(tmp_path)
    assert {"a", "b", "md-dialog--active"} <= classes and "zz" not in classes


def test_every_page_links_the_trimmed_stylesheet_and_it_exists(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    names = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = [link["href"] for link in soup.select("link[rel=stylesheet]") if "/main." in link["href"]]
        assert len(hrefs) == 1, (page, hrefs)
        names.add(hrefs[0].rsplit("/", 1)[-1])
    (name,) = names
    assert re.fullmatch(r"main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css", name)
    assert (built_site / "assets" / "stylesheets" / name).is_file()
    assert not [p.name for p in (built_site / "assets" / "stylesheets").glob("main.*.min.css") if p.name != name]


def test_the_trimmed_stylesheet_keeps_every_rule_a_pages_classes_need_and_drops_unused_features(built_site: Path):
    (trimmed_css,) = (built_site / "assets" / "stylesheets").glob("main.*.*.min.css")
    kept = selectors(trimmed_css.read_text(encoding="utf-8"))
    classes = themecss.classes_in_site(built_site)
    original = selectors(material_main())
    needed = {s for s in original if themecss.needed_classes(s) <= classes}
    assert needed <= kept  # nothing a page or script can use went missing
    tabs = ".md-typeset .tabbed-set"  # content tabs: Material has them, no page here uses them
    assert tabs in " ".join(original) and tabs not in " ".join(kept)
    assert len(kept) < len(original) * 0.8
