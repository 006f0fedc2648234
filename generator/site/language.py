"""Which language a docs file belongs to (docs/<lang>/...), and where a language lives in the site."""

from __future__ import annotations

from generator import DEFAULT_LANGUAGE, LANGUAGES


def split_src(src_uri: str) -> tuple[str, str]:
    """'en/roles/mentor.md' -> ('en', 'roles/mentor.md'); also for site locations ('en/' -> ('en', '')).
    Paths outside a language folder are Dutch."""
    head, sep, rest = src_uri.partition("/")
    if head in LANGUAGES and sep:
        return head, rest
    return DEFAULT_LANGUAGE, src_uri


def site_prefix(lang: str) -> str:
    """Where a language's pages live in the built site: '' for Dutch (the site's root), 'en/' for
    English. The inverse of split_src: split_src(site_prefix(lang) + path) == (lang, path)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def current_build_language(config) -> str:
    """The language mkdocs-static-i18n is building now (it builds one language after another)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE
