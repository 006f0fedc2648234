"""The site's languages (protocol/settings.yml `languages:`) given to the plugins that need them,
through their public configuration: mkdocs.yml names no language.

- mkdocs-static-i18n: its `languages` (the first the default, at /), each with its name for the
  switcher, its nav section names (mkdocs.yml's nav names each section by a label key, translated
  per language from protocol/labels.yml) and its palette toggle names (labels palette_to_dark,
  palette_to_light). Loaded with BasePlugin.load_config from our on_config, which runs before the
  plugin's own (priority -100); mkdocs.yml keeps a placeholder for MkDocs to validate
  (generator.siteconfig accepts exactly that one).
- Material: the theme language (mkdocs-static-i18n sets it per language after this).
- search: the stemming languages (lunr) of the site's languages that lunr has.
"""

from __future__ import annotations

import copy

# The i18n block's languages in mkdocs.yml: a placeholder MkDocs can validate, replaced here.
PLACEHOLDER = [{"locale": "xx", "name": "from protocol/settings.yml", "default": True}]
# Words mkdocs.yml's theme had per language: the palette toggle of each scheme, from labels.yml.
TOGGLE_LABELS = {"default": "palette_to_dark", "slate": "palette_to_light"}
_KEPT = ("docs_structure", "fallback_to_default", "reconfigure_material", "reconfigure_search")


def nav_sections(nav: list) -> list[str]:
    """The section names of mkdocs.yml's nav (label keys), nested ones too."""
    out = []
    for item in nav or ():
        if isinstance(item, dict):
            for title, children in item.items():
                if isinstance(children, list):
                    out += [title, *nav_sections(children)]
    return out


def i18n_languages(protocol, nav: list, palette) -> list[dict]:
    """mkdocs-static-i18n's `languages`, from the data."""
    labels, sections = protocol.labels, nav_sections(nav)
    out = []
    for i, lang in enumerate(protocol.languages):
        entry = {"locale": lang.code, "name": lang.name, "default": i == 0, "build": True}
        entry["nav_translations"] = {key: labels[key][lang.code] for key in sections if key in labels}
        if palette:
            entry["theme"] = {"palette": _palette(palette, labels, lang.code)}
        out.append(entry)
    return out


def _palette(palette, labels, code: str):
    entries = copy.deepcopy(palette if isinstance(palette, list) else [palette])
    for entry in entries:
        key = TOGGLE_LABELS.get(entry.get("scheme", "default"))
        if key and isinstance(entry.get("toggle"), dict):
            entry["toggle"]["name"] = labels[key][code]
    return entries


def configure_languages(config, protocol) -> None:
    """Once per build, before mkdocs-static-i18n's on_config: the data's languages into it, into
    Material's theme language and into the search plugin."""
    codes = protocol.codes
    config.theme["language"] = codes[0]
    palette = config.theme.get("palette")
    if isinstance(palette, list):  # the default language's toggle names (a one-language site has no overrides)
        for entry, named in zip(palette, _palette(palette, protocol.labels, codes[0]), strict=True):
            entry["toggle"] = named.get("toggle", entry.get("toggle"))
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        options = {key: i18n.config[key] for key in _KEPT}
        options["languages"] = i18n_languages(protocol, config.nav, palette)
        errors, _ = i18n.load_config(options, config.config_file_path)
        if errors:  # pragma: no cover - the data's languages are checked when loaded
            raise ValueError(f"mkdocs-static-i18n refused the languages of protocol/settings.yml: {errors}")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        from mkdocs.contrib.search import LangOption

        search.config.lang = LangOption().run_validation(list(codes))  # those lunr has, else English
