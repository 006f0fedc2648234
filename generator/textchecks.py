"""Named checks on every text from the data, run by the loader's filler once placeholders are in.

Each check takes (text, key) and returns (found, expected) or None. To add a rule, write a
function and add it to CHECKS; the loader reports it as `file: key.lang: found …; expected …`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.pages.text import body_problems

SHORT_LIMIT = 200  # titles, names, decisions, answers, labels: one line in a list or a chart
LONG_LIMIT = 2000  # bodies, summaries, intros, points: a paragraph or two
LONGEST_WORD = 40  # a longer word does not fit on a phone's line, or in a chart's box
_SHORT_KEYS = re.compile(r"(^|\.)(title|name|decision|label)$")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+|mailto:\S+")


_BODY_KEY = re.compile(r"\.body(\[\d+\])?$")


def is_body(key: str) -> bool:
    """A step's text: `steps[x].body`, or one of its parts, `steps[x].body[2]`."""
    return bool(_BODY_KEY.search(key))


def only_spaces(text: str, key: str):
    if not text.strip():
        return ("only spaces" if text else "an empty text", "a text with words in it")
    return None


def is_short(key: str) -> bool:
    """Titles, names, decisions, answers and labels (keys under `labels.`) are one-liners."""
    return bool(_SHORT_KEYS.search(key)) or key.startswith("labels.")


def too_long(text: str, key: str):
    limit = SHORT_LIMIT if is_short(key) else LONG_LIMIT
    if len(text) > limit:
        return (f"a text of {len(text):,} characters", f"at most {limit:,} characters")
    return None


def long_word(text: str, key: str):
    words = _LINK_TARGET.sub(" ", text).split()
    longest = max(words, key=len, default="")
    if len(longest) > LONGEST_WORD:
        return (
            f"a word of {len(longest):,} characters ({longest[:20]!r}…)",
            f"words of at most {LONGEST_WORD} characters, so the text fits on a line",
        )
    return None


def body_subset(text: str, key: str):
    """A step body holds only the Markdown subset (generator.pages.text). Run on the editor's
    own text, before placeholders are filled: a setting's value is text, never Markdown."""
    if not is_body(key):
        return None
    found = body_problems(text)
    return found[0] if found else None


Check = Callable[[str, str], "tuple[str, str] | None"]
CHECKS: list[Check] = [only_spaces, too_long, long_word]  # on the text as published
CHECKS_BEFORE_FILLING: list[Check] = [body_subset]  # on the text as the editor wrote it


def text_problems(text: str, key: str, checks: list[Check] = CHECKS) -> list[tuple[str, str]]:
    """Every check's complaint about one text (key without the language, e.g. steps[m-x].title)."""
    return [found for check in checks if (found := check(text, key))]
