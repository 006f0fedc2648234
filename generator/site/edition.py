"""The line that says which protocol a page belongs to: the footer of every page and the top of
every printed page ('ALASCA · Pestprotocol, versie 1.0 · Vastgesteld door … op 1 september 2026')."""

from __future__ import annotations

from generator import LANGUAGES
from generator.model import Protocol
from generator.pages.render import format_date


def edition_line(protocol: Protocol, lang: str) -> str:
    s, t = protocol.settings, lambda key: protocol.labels[key][lang]
    adopted = f"{t('adopted')} {s.adopted_by[lang]} {t('adopted_on')} {format_date(s.adopted_on, lang)}"
    return f"{s.school_name} · {t('footer_version')} {s.version} · {adopted}"


def edition_lines(protocol: Protocol) -> dict[str, str]:
    return {lang: edition_line(protocol, lang) for lang in LANGUAGES}
