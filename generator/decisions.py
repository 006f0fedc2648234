"""School decisions in the pages: a setting of protocol/settings.yml when the school has filled it
in, and otherwise what the reader can do instead (labels.yml `undecided_<name>`). Never a default."""

from __future__ import annotations

from generator.model import Protocol, Settings
from generator.pages.text import md_text


def decided(ctx, name: str) -> str:
    """Marker <!-- protocol:decided name=retention -->: the school's decision, or what to do instead."""
    value = getattr(ctx.protocol.settings, name)
    if value:
        return md_text(value[ctx.lang] if isinstance(value, dict) else value)  # text, never Markdown
    return md_text(_fill(ctx.protocol, ctx.t(f"undecided_{name}")))


def adoption_line(protocol: Protocol, lang: str, format_date) -> str:
    """One line for the booklet's cover: version and adoption as far as known, else the open note."""
    s: Settings = protocol.settings
    t = {key: text[lang] for key, text in protocol.labels.items()}
    if not (s.version and s.adopted_by and s.adopted_on):
        return t["undecided_adoption"]
    return " ".join(
        (
            t["version"],
            s.version,
            "·",
            t["adopted"],
            s.adopted_by[lang],
            t["adopted_on"],
            format_date(s.adopted_on, lang),
        )
    )


def _fill(protocol: Protocol, text: str) -> str:
    return text.replace("{system}", protocol.settings.student_system).replace("{school}", protocol.settings.school_name)
