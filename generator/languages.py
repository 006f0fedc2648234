"""The site's languages, from protocol/settings.yml `languages:` (the one list): in order, the first
is the default, at the site's root (/), each other one at /<code>/. Every text of the data is a
mapping with exactly these codes (generator.schema.per_language, checked by generator.schemacheck).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import DataError, Problem
from generator.yamlio import read_yaml

FILE = "protocol/settings.yml"

SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "properties": {
            "code": {
                "type": "string",
                "pattern": "^[a-z]{2}$",
                "x-expected": "a two-letter ISO 639-1 code such as nl, en or tr",
            },
            "name": {"type": "string", "pattern": r"\S", "maxLength": 40, "x-expected": "the language's own name"},
        },
        "required": ["code", "name"],
        "additionalProperties": False,
    },
}


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: its pages are docs/<code>/, its texts `<code>:` in the data
    name: str  # its own name in the language switcher ("Nederlands")


def problems(data: object) -> list[Problem]:
    """What is wrong with settings.yml's `languages:` (the rest of the file is checked after it)."""
    from generator.schemacheck import schema_problems

    if not isinstance(data, dict) or "languages" not in data:
        expected = "a list of the site's languages, each '- code: nl' with its 'name: Nederlands' (see README)"
        return [Problem(FILE, "languages", "nothing", expected)]
    found = schema_problems({"languages": data["languages"]}, {"properties": {"languages": SCHEMA}}, FILE)
    if not found:
        seen: set[str] = set()
        for i, item in enumerate(data["languages"]):
            if item["code"] in seen:
                found.append(Problem(FILE, f"languages[{i}].code", repr(item["code"]), "each language once"))
            seen.add(item["code"])
    return found


def from_settings(data: dict) -> tuple[Language, ...]:
    return tuple(Language(item["code"], item["name"]) for item in data["languages"])


def read(root: Path) -> tuple[Language, ...]:
    """The languages of the handbook at root; DataError (one line) when the list is broken."""
    root = Path(root)
    path = root / FILE
    if not path.is_file():
        raise DataError([Problem(FILE, "(file)", "no such file", f"a YAML file at {FILE}")])
    data = read_yaml(path, root)
    found = problems(data)
    if found:
        raise DataError(found)
    return from_settings(data)


def codes(languages) -> tuple[str, ...]:
    """('nl', 'en') from Language items or codes."""
    return tuple(lang if isinstance(lang, str) else lang.code for lang in languages)
