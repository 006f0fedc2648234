"""Which language a docs file belongs to (docs/<lang>/...), and where a language lives in the site.
The languages are the data's (protocol/settings.yml `languages:`): `languages` is their codes in
order, the first the default, at the site's root."""

from __future__ import annotations


def split_src(src_uri: str, languages: tuple[str, ...]) -> tuple[str, str]:
    """'en/roles/mentor.md' -> ('en', 'roles/mentor.md'); also for site locations ('en/' -> ('en', '')).
    Paths outside a language folder belong to the default language (the first)."""
    head, sep, rest = src_uri.partition("/")
    if head in languages and sep:
        return head, rest
    return languages[0], src_uri


def site_prefix(lang: str, languages: tuple[str, ...]) -> str:
    """Where a language's pages live in the built site: '' for the default language (the site's
    root), 'en/' for English. The inverse of split_src: split_src(site_prefix(lang, languages) +
    path, languages) == (lang, path)."""
    return "" if lang == languages[0] else f"{lang}/"


def current_build_language(config) -> str:
    """The language mkdocs-static-i18n is building now (it builds one language after another; the
    hooks gave it the data's languages, the first the default)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or plugin.default_language
