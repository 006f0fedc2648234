"""The one YAML reader: every data file (protocol, roles, settings, labels, form definitions,
form labels) is read here, into plain data, with errors that name the file and the line.

What it refuses, each with one line:
- bytes that are not UTF-8; control characters (a Word soft line break, a BEL), typed or escaped;
- in a text, a character that changes how the text around it shows or hides in it (INVISIBLE:
  bidirectional controls such as U+202E, zero-width spaces and joiners, a byte order mark);
- YAML syntax errors, with a plain word for the usual causes (a tab or a no-break space in the
  indentation);
- a key given twice in one mapping (YAML would silently keep the last one);
- a file whose aliases (`*name`) expand to more than MAX_NODES values (an "alias bomb").

Dates are not converted: YAML would turn 2026-09-01 into a date and crash on 2026-13-01, so
dates stay text and the schemas check them (a real date, written YYYY-MM-DD).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from generator.errors import DataError, Problem

# PyYAML's own (pure Python) parser, on every machine: libyaml's (CSafeLoader) is ten times faster
# but accepts what the YAML standard and this parser refuse, such as `{nl: Word je gepest?, en: …}`
# (an unquoted "?" in a flow mapping), so a file could build here and fail in another tool. About
# 0.5 s for all the data, only when it changed (the build caches the loaded data).
_Base = yaml.SafeLoader
MAX_NODES = 100_000  # values in one file, aliases expanded; the largest file today has ~2,000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that change how the text around them is shown, or hide in it: the bidirectional
# controls (a right-to-left override shows 'talk' as 'klat') and the zero-width ones a word
# processor pastes. Refused in every text of the data (and in the pages: generator.pages.pagecheck).
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


class SafeLoader(_Base):
    """PyYAML's safe loader with no date conversion and no duplicate keys."""


SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int, first: int):
        self.key, self.line, self.first = key, line, first


def _mapping(loader: SafeLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise _DuplicateKey(key, key_node.start_mark.line + 1, seen[key])
        if isinstance(key, (str, int, float, bool)):
            seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=True)


SafeLoader.add_constructor("tag:yaml.org,2002:map", _mapping)


def read_yaml(path: Path, root: Path) -> object:
    """Parse one YAML file into plain data (dicts, lists, texts, numbers, booleans, None)."""
    rel = display_path(path, root)

    def fail(where: str, found: str, expected: str) -> DataError:
        return DataError([Problem(rel, where, found, expected)])

    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise fail("(file)", f"an unreadable file ({exc.strerror})", "a readable UTF-8 YAML file") from exc
    except UnicodeDecodeError as exc:
        raise fail("(file)", f"bytes that are not UTF-8 at offset {exc.start}", "a UTF-8 text file") from exc
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        raise fail(f"line {line}, column {column}", describe_char(control[0]), "plain text (retype that spot)")
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except _DuplicateKey as exc:
        raise fail(
            f"line {exc.line}", f"the key {exc.key!r} a second time (first at line {exc.first})", "each key once"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        what = _syntax_hint(text, mark) or getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise fail(where, f"a YAML syntax error ({what})", "valid YAML") from None
    _check_values(data, rel)
    return data


def _syntax_hint(text: str, mark) -> str | None:
    """A plain word for the usual cause of a syntax error, read from the lines around it."""
    if mark is None:
        return None
    lines = text.splitlines()
    for line in lines[max(0, mark.line - 2) : mark.line + 1]:
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            return "a tab in the indentation; indent with spaces"
        if "\u00a0" in line:
            return "a no-break space (often pasted from a word processor); retype it as a normal space"
    here = lines[mark.line] if mark.line < len(lines) else ""
    if "{" in here and re.search(r"[?:]", here[mark.column :]):
        return "a '?' or ':' in an unquoted text between { }: put that text in quotes"
    for number in range(min(mark.line, len(lines) - 1), -1, -1):  # the nearest line above with a lone "
        if lines[number].replace('\\"', "").count('"') % 2:
            return f'a " opened on line {number + 1} and never closed'
    return None


INVISIBLE_EXPECTED = "text that shows as typed (retype that spot; the character cannot be seen but changes the text)"
_CHAR_NAMES = {"\x0b": "vertical tab, a soft line break from a word processor", "\x0c": "form feed, a page break"}


def describe_char(char: str) -> str:
    name = _CHAR_NAMES.get(char) or unicodedata.name(char, "control character")
    return f"the invisible character U+{ord(char):04X} ({name.lower()})"


def _check_values(data: object, file: str) -> None:
    """Refuse alias bombs and escaped control characters, walking the data once."""
    from generator.schemacheck import key_path  # one key-path format for every message

    count = 0
    stack: list[tuple[object, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise DataError(
                [Problem(file, "(file)", f"more than {MAX_NODES:,} values (aliases expanded)", "a smaller file")]
            )
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
        elif isinstance(value, str) and _CONTROL.search(value):
            char = _CONTROL.search(value)[0]
            raise DataError([Problem(file, key_path(path, data), describe_char(char), "plain text")])
        elif isinstance(value, str) and INVISIBLE.search(value):
            char = INVISIBLE.search(value)[0]
            raise DataError([Problem(file, key_path(path, data), describe_char(char), INVISIBLE_EXPECTED)])


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
