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
from tinycss2.color3 import parse_color

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


# ---------------------------------------------------------------- contrast (WCAG 2.x)

AA = 4.5  # normal text: the header's title and links are under 14 pt bold
_WHITE = (1.0, 1.0, 1.0)


AA_GRAPHICS = 3.0  # a focus outline, a chart's decision box, the step line's marks (WCAG 1.4.11)


@cache
def colour_variables(kind: str) -> dict[str, dict[str, str]]:
    """Each primary (or accent) colour's own variables in the light scheme ({'teal':
    {'--md-primary-fg-color': '#009485', …}}), from the rules `[data-md-color-<kind>=<name>]` of
    Material's stylesheet."""
    found: dict[str, dict[str, str]] = {}
    pattern = re.compile(rf"\[data-md-color-{kind}=([a-z-]+)\]")

    def walk(rules) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = tinycss2.serialize(rule.prelude).split(",")
                names = [m[1] for s in selectors if (m := pattern.fullmatch(s.strip()))]
                for name in names:
                    for decl in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True):
                        if decl.type == "declaration" and decl.name.startswith("--"):
                            found.setdefault(name, {})[decl.name] = tinycss2.serialize(decl.value).strip()
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(material_palette().read_text(encoding="utf-8"), skip_comments=True))
    return found


def _rgba(value: str) -> tuple[tuple[float, float, float], float] | None:
    """A CSS colour of Material's stylesheet ('#009485', '#000000de', 'hsl(38,100%,50%)') ->
    ((r, g, b), alpha), read by tinycss2; Material's `var(--md-hue)` (the hue of its greys) as
    225 degrees, the hue it sets. None for what is not a colour."""
    colour = parse_color(value.replace("var(--md-hue)", "225")) if value else None
    if colour is None or isinstance(colour, str):  # 'currentColor'
        return None
    return (colour.red, colour.green, colour.blue), colour.alpha


def _luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: tuple[tuple[float, float, float], float], ground: tuple[float, float, float]) -> float:
    """WCAG's contrast ratio of a text colour (with its alpha, laid over the ground) on a ground."""
    (rgb, alpha) = text
    shown = tuple(alpha * t + (1 - alpha) * g for t, g in zip(rgb, ground, strict=True))
    light, dark = sorted((_luminance(shown), _luminance(ground)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def primary_contrasts(name: str) -> dict[str, float] | None:
    """The two contrasts a primary colour sets on every page of the light scheme: the header's
    text on the colour, and the colour as text (links, the helper's buttons) on white. None when
    Material gives no such colour."""
    variables = colour_variables("primary").get(name, {})
    ground = _rgba(variables.get("--md-primary-fg-color", ""))
    text = _rgba(variables.get("--md-primary-bg-color", ""))
    link = _rgba(variables.get("--md-typeset-a-color", variables.get("--md-primary-fg-color", "")))
    if not (ground and text and link):
        return None
    return {"header": contrast(text, ground[0]), "links": contrast(link, _WHITE)}


def accent_contrast(name: str) -> float | None:
    """The accent as a focus outline and a chart's decision box on white (None: no such colour)."""
    accent = _rgba(colour_variables("accent").get(name, {}).get("--md-accent-fg-color", ""))
    return contrast(accent, _WHITE) if accent else None


def readable(kind: str) -> list[str]:
    """Material's primary colours whose header text and links reach WCAG AA (4.5:1), or its accent
    colours that stand out from white as a focus outline must (3:1)."""
    if kind == "primary":
        ok = [n for n in material_colours()[kind] if (c := primary_contrasts(n)) and min(c.values()) >= AA]
    else:
        ok = [n for n in material_colours()[kind] if (c := accent_contrast(n)) and c >= AA_GRAPHICS]
    return sorted(ok)
