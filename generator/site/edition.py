"""The line that says which protocol a page belongs to: the footer of every page and the top of
every printed page ('ALASCA · Pestprotocol · Versie 1.0 · Vastgesteld door … op 1 september 2026').
Adoption data the school has not filled in yet reads 'not decided yet', never a made-up value."""

from __future__ import annotations

from generator.model import Protocol
from generator.pages.render import format_date


def edition_line(protocol: Protocol, lang: str) -> str:
    s, t = protocol.settings, lambda key: protocol.labels[key][lang]
    parts = [s.short, t("booklet_title"), f"{t('version')} {s.version or t('open_short')}"]
    if s.adopted_by and s.adopted_on:
        parts.append(f"{t('adopted')} {s.adopted_by[lang]} {t('adopted_on')} {format_date(s.adopted_on, lang)}")
    return " · ".join(parts)


def edition_lines(protocol: Protocol) -> dict[str, str]:
    return {lang: edition_line(protocol, lang) for lang in protocol.codes}
