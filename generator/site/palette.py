"""Material's palette stylesheet with only the colours this site uses.

Material ships one palette.css with the rules of every primary and accent colour (21 of each) for
both schemes; a page uses one primary and one accent (indigo, mkdocs.yml `theme.palette`). This
keeps Material's rules as they are and leaves out those that only apply to another colour: the
light and dark (slate) schemes stay Material's own, with nothing copied or written by hand.
The result is written under its own content-hashed name, and overrides/main.html links it instead
of Material's file (config.extra.palette_css), so a cached copy is never stale.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import tinycss2
from material import __file__ as _material_init

from generator.fileio import atomic_write

MATERIAL_STYLESHEETS = Path(_material_init).parent / "templates" / "assets" / "stylesheets"
COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([a-z-]+)\]")


def material_palette() -> Path:
    """Material's palette stylesheet (its name carries a hash that changes with Material)."""
    found = sorted(MATERIAL_STYLESHEETS.glob("palette.*.min.css"))
    if len(found) != 1:
        raise RuntimeError(f"{MATERIAL_STYLESHEETS}: found {len(found)} palette.*.min.css; expected one")
    return found[0]


@cache
def material_colours() -> dict[str, frozenset[str]]:
    """The named colours Material has rules for ({'primary': {'indigo', 'teal', …}, 'accent': …}),
    read from its own palette stylesheet: the list it accepts, never one copied by hand."""
    found: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for kind, colour in COLOUR.findall(material_palette().read_text(encoding="utf-8")):
        found[kind].add(colour)
    found["primary"].discard("custom")  # needs the site's own CSS variables
    found["accent"].discard("custom")
    return {kind: frozenset(names) for kind, names in found.items()}


def used_colours(palette) -> dict[str, set[str]]:
    """{'primary': {...}, 'accent': {...}} from mkdocs.yml's theme.palette (a mapping or a list)."""
    entries = palette if isinstance(palette, list) else [palette]
    used: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for entry in entries:
        for kind in used:
            used[kind].add(str(entry.get(kind) or "indigo").replace(" ", "-").lower())
    return used


def _keep_selector(selector: str, used: dict[str, set[str]]) -> bool:
    return all(colour in used[kind] for kind, colour in COLOUR.findall(selector))


def _trim(rules, used: dict[str, set[str]]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            selectors = [s for s in selectors if _keep_selector(s, used)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.content is not None:
            inner = _trim(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def trimmed(css: str, used: dict[str, set[str]]) -> str:
    """The stylesheet without the rules whose every selector names a colour not in `used`."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_trim(rules, used))


def site_palette(palette_config) -> tuple[str, str, str]:
    """(Material's path under the site, our trimmed stylesheet's path, its text)."""
    source = material_palette()
    text = trimmed(source.read_text(encoding="utf-8"), used_colours(palette_config))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"assets/stylesheets/{source.name}", f"assets/stylesheets/palette.{digest}.min.css", text


def write(site_dir: Path, path: str, text: str) -> None:
    atomic_write(site_dir / path, text)
