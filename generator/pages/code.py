"""Where a Markdown page quotes code: fenced blocks and `inline code`. A marker quoted there is
documentation (`<!-- protocol:steps role=mentor -->`), shown as it is, never filled in."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_TICKS = re.compile(r"`+")


def code_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of every fenced code block and code span, in order."""
    regions = [m.span() for m in _FENCE.finditer(text)]
    position = 0
    while match := _TICKS.search(text, position):
        start = match.start()
        if any(a <= start < b for a, b in regions):
            position = match.end()
            continue
        run = match.group()  # a span ends at the next run of exactly as many backticks
        closing = re.compile(rf"(?<!`){run}(?!`)").search(text, match.end())
        if closing is None:
            position = match.end()
            continue
        regions.append((start, closing.end()))
        position = closing.end()
    return sorted(regions)


def in_code(position: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in regions)
