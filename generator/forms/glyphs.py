"""A character no font can draw on a form (an emoji in a step title), named where it is in the data.

WeasyPrint only says which form failed and which character it could not draw; the editor needs
the file and the key to change. The web pages can show such a character, the PDFs cannot, so it
is found when the forms are rendered: each text of the data files that holds the character and
ends up on the failing form is reported, one line each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from generator.errors import Problem
from generator.forms.view import form_view
from generator.schemacheck import key_path
from generator.yamlio import read_yaml

_CODE = re.compile(r"\(U\+([0-9A-Fa-f]{4,6})\)")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
DATA = ("protocol/*.yml", "protocol/roles/*.yml", "forms/labels.yml", "forms/definitions/*.yml")


def undrawable(message: str) -> list[str]:
    """The characters of a '.notdef glyph … (U+1F6A8)' render warning."""
    return [chr(int(code, 16)) for code in _CODE.findall(message)] if ".notdef" in message else []


def glyph_problems(handbook, failures: list[tuple[str, str, str]]) -> list[Problem]:
    """failures: (form id, language, WeasyPrint's message). Every text of the data that puts an
    undrawable character on one of those forms; empty when none is found in the data."""
    shown: set[str] = set()
    wanted: set[str] = set()
    for form_id, lang, message in failures:
        chars = undrawable(message)
        if chars:
            wanted.update(chars)
            view = form_view(handbook.forms[form_id], handbook.protocol, handbook.form_labels, lang)
            shown.update(_strings(view))
    if not wanted:
        return []  # no form failed for a character (the usual case): the data is not read again
    problems = []
    for file, key, text in _texts(handbook.root):
        for char in sorted({c for c in text if c in wanted}):
            parts = [p for p in _PLACEHOLDER.split(text) if char in p]
            if any(part in seen for part in parts for seen in shown):
                problems.append(
                    Problem(
                        file,
                        key,
                        f"the character {char!r} (U+{ord(char):04X}), which no font of the PDF forms can draw",
                        "letters, digits and punctuation (the web pages can show an emoji, the PDF forms cannot)",
                    )
                )
    return list(dict.fromkeys(problems))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _texts(root: Path) -> Iterator[tuple[str, str, str]]:
    """(file, key, text) for every text of the data files (read again: this is the error path)."""
    for pattern in DATA:
        for path in sorted(root.glob(pattern)):
            data = read_yaml(path, root)
            yield from _walk(path.relative_to(root).as_posix(), data, data, ())


def _walk(file: str, data: object, value: object, path: tuple) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, str):
        yield file, key_path(path, data), value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(file, data, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(file, data, item, (*path, index))
