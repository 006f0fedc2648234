"""The school as the site shows it, from protocol/settings.yml alone: the title of every page (its
header, the drawer and the browser tab) and the meta description, per language; the colours; the
logo. mkdocs.yml keeps only the build's mechanics, and generator.siteconfig refuses these keys
there, so there is one place to change them.

`problems` checks what the schema cannot (a colour Material has, a logo file under docs/assets,
no markup); the loader runs it with the other checks. `apply` puts the values into MkDocs' config
for the language being built: the hooks call it from on_config, which mkdocs-static-i18n runs
again for each language on the same config object (its own per-language overrides run after ours,
and mkdocs.yml has none of these keys left for it to override).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from generator.errors import Problem
from generator.model import Settings

FILE = "protocol/settings.yml"
LOGO_FOLDER = "assets/"  # under docs/: the site's own files
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
_MARKUP = re.compile(r'[<>"]')  # Material writes site_name into attributes unescaped (aria-label="…")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def colour_name(value: str) -> str:
    """Material's spelling of a colour: 'Deep Purple' and 'deep purple' are 'deep-purple'."""
    return value.strip().lower().replace(" ", "-")


def markup(text: str) -> tuple[str, str] | None:
    """(found, expected) when a text the theme writes into every page as it is holds markup. Only
    the site's title and description need this (textchecks.site_markup; the name is in them): the
    name's other uses, and every other text, are escaped where they are written."""
    if _MARKUP.search(text):
        expected = 'plain text, no markup (<, > or "): the theme writes it into every page as it is'
        return (f"markup ({text!r})", expected)
    return None


def _unreadable(kind: str, name: str, value: str) -> str:
    """'teal' (white text on it 3.8:1, as links on white 3.8:1): what a reader would get."""
    from generator.site import palette

    if kind == "primary":
        found = palette.primary_contrasts(name) or {}
        what = (
            f"the header's text on it {found.get('header', 0):.1f}:1, as links on white {found.get('links', 0):.1f}:1"
        )
    else:
        what = f"as a focus outline on white {palette.accent_contrast(name) or 0:.1f}:1"
    return f"{value!r} ({what})"


def _readable(kind: str) -> str:
    from generator.site import palette

    names = ", ".join(palette.readable(kind))
    if kind == "primary":
        return f"a primary colour whose text reads at WCAG AA, 4.5:1 ({names})"
    return f"an accent that stands out from white at 3:1, as WCAG asks of a focus outline ({names})"


def problems(settings: dict, root: Path) -> list[Problem]:
    """The colours, the logo and the names in settings.yml (already of the schema's shape)."""
    from generator.site import palette  # Material's stylesheet, read once

    found = []
    accepted = palette.material_colours()
    for kind in ("primary", "accent"):
        value = settings["colours"][kind]
        name = colour_name(value)
        if name not in accepted[kind]:
            names = ", ".join(sorted(accepted[kind]))
            found.append(Problem(FILE, f"colours.{kind}", repr(value), f"one of Material's {kind} colours: {names}"))
        elif name not in palette.readable(kind):
            found.append(Problem(FILE, f"colours.{kind}", _unreadable(kind, name, value), _readable(kind)))
    logo = settings.get("logo")
    if logo is not None:
        expected = f"an image file under docs/{LOGO_FOLDER} ({', '.join(LOGO_TYPES)}), such as assets/logo.svg"
        path = posixpath.normpath(logo) if not (_SCHEME.match(logo) or "\\" in logo) else ""
        inside = path.startswith(LOGO_FOLDER) and not logo.startswith("/")
        if not inside or not path.lower().endswith(LOGO_TYPES):
            found.append(Problem(FILE, "logo", repr(logo), expected))
        elif not (root / "docs" / path).is_file():
            found.append(Problem(FILE, "logo", f"{logo!r}, which is not a file (docs/{path}: no such file)", expected))
    return found


def apply(config, settings: Settings, lang: str) -> None:
    """The school's title, description, colours and logo into MkDocs' config, for language `lang`."""
    config["site_name"] = settings.site_title[lang]
    config["site_description"] = settings.site_description[lang]
    palette = config.theme.get("palette") or {}
    for entry in palette if isinstance(palette, list) else [palette]:
        entry["primary"], entry["accent"] = colour_name(settings.primary), colour_name(settings.accent)
    if settings.logo:
        config.theme["logo"] = posixpath.normpath(settings.logo)
