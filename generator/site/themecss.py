"""Material's main stylesheet without the rules for parts of the theme this site never shows.

Material ships one stylesheet (about 135 KB, 22 KB gzip) for every feature it has: code blocks,
tabs, annotations, tooltips, the blog, versions, banners … A page here uses a fraction. After a
build, the classes that can occur are collected: every `class` attribute in the built pages (both
languages, the 404 page too) and every word in the site's scripts (Material's bundle and search,
our own), since a script may add a class. A rule is left out only when one of the classes its
selector needs is in neither. Classes inside a functional pseudo-class (`:not(.x)`, `:is(.x, .y)`)
or an attribute selector do not count: `:not(.unused)` matches everything, so such a rule stays.
This is what PurgeCSS does; tinycss2 (WeasyPrint's CSS parser, already installed) parses it.

The result is written under its own name (Material's name plus a digest of the result), and every
page's link is changed to it, so a browser that cached one version is never served another under
the same name. The trimmed text is cached in .cache/themecss by the stylesheet and the class set
(and, as every cache, the code and packages: generator/fileio.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from generator.fileio import ContentCache, atomic_write, by_content

# No \b before "class": that made the scan of every page seven times slower. An attribute that
# merely ends in "class" (data-class="…") then counts too, which can only keep a rule, never drop one.
CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)')""")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", flags=re.S)
INSIDE = re.compile(r"\([^()]*\)|\[[^\]]*\]|\"[^\"]*\"|'[^']*'")  # arguments, attributes, strings


@by_content
def _words(script: bytes) -> frozenset[str]:
    return frozenset(WORD.findall(script.decode("utf-8", errors="replace")))


@by_content
def _page_classes(page: bytes) -> frozenset[str]:
    text = page.decode("utf-8")
    found: set[str] = set()
    for double, single in CLASS_ATTRIBUTE.findall(text):
        found.update((double or single).split())
    for script in INLINE_SCRIPT.findall(text):
        found.update(_words(script.encode("utf-8")))
    return frozenset(found)


def classes_in_site(site_dir: Path) -> frozenset[str]:
    """Every class a built page names, and every word of every script (which may add classes).
    Each page and script is read anew; what is found in it only when its bytes changed."""
    found: set[str] = set()
    for page in site_dir.rglob("*.html"):
        found.update(_page_classes(page.read_bytes()))
    for script in site_dir.rglob("*.js"):  # Material's bundle and search worker, our own scripts
        found.update(_words(script.read_bytes()))
    return frozenset(found)


def needed_classes(selector: str) -> set[str]:
    """The classes an element must have for the selector to match (outside :not(), [..], strings)."""
    previous = None
    while previous != selector:  # innermost parentheses first, so nested ones go too
        previous, selector = selector, INSIDE.sub("", selector)
    return set(SELECTOR_CLASS.findall(selector))


def trimmed(css: str, classes: frozenset[str]) -> str:
    import tinycss2

    def keep(rules) -> list[str]:
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
                selectors = [s for s in selectors if needed_classes(s) <= classes]
                if selectors:
                    kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
            elif rule.type == "at-rule" and rule.content is not None and rule.at_keyword in ("media", "supports"):
                inner = keep(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
            elif rule.type == "at-rule":
                kept.append(tinycss2.serialize([rule]))  # @font-face, @keyframes, @page …: as they are
        return kept

    return "".join(keep(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def trim_site(site_dir: Path, cache: ContentCache) -> tuple[int, int] | None:
    """Write the trimmed copy of Material's main stylesheet and link every page to it; returns the
    sizes (before, after) in bytes, or None when the site has no such stylesheet."""
    stylesheets = site_dir / "assets" / "stylesheets"
    found = sorted(stylesheets.glob("main.*.min.css"))
    originals = [p for p in found if p.name.count(".") == 3]  # main.<hash>.min.css, not our copies
    if len(originals) != 1:
        return None
    source = originals[0]
    css = source.read_text(encoding="utf-8")
    classes = classes_in_site(site_dir)
    data, _ = cache.get_or_make([css, " ".join(sorted(classes))], lambda: trimmed(css, classes).encode("utf-8"))
    digest = hashlib.sha256(data).hexdigest()[:8]
    name = source.name.replace(".min.css", f".{digest}.min.css")
    for old in found:
        if old != source:
            old.unlink()  # a copy from an earlier build (mkdocs build --dirty, serve)
    atomic_write(stylesheets / name, data)
    old_ref, new_ref = f"assets/stylesheets/{source.name}", f"assets/stylesheets/{name}"
    for page in site_dir.rglob("*.html"):
        page_text = page.read_text(encoding="utf-8")
        if old_ref in page_text:
            atomic_write(page, page_text.replace(old_ref, new_ref))
    source.unlink()  # nothing links it any more
    return len(css.encode()), len(data)
