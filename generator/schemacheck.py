"""Turning JSON Schema errors into one-line problems: file, key path, found, expected."""

from __future__ import annotations

from collections.abc import Iterable

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from generator.errors import Problem, show

_TYPE_NAMES = {
    "string": "a text",
    "object": "a mapping of keys to values",
    "array": "a list",
    "integer": "a whole number",
    "boolean": "true or false",
}


def key_path(parts: Iterable[object], data: object = None) -> str:
    """steps[3].title.en, or steps[m-talk-victim].title.en where the list item has an id."""
    out, node = "", data
    for part in parts:
        item = node[part] if isinstance(node, (list, dict)) and _has(node, part) else None
        if isinstance(part, int):
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[{ident}]" if isinstance(ident, str) else f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
        node = item
    return out or "(top level)"


def _has(node: object, part: object) -> bool:
    if isinstance(node, list):
        return isinstance(part, int) and 0 <= part < len(node)
    return part in node


def schema_problems(data: object, schema: dict, file: str) -> list[Problem]:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [_problem(e, file, data) for e in errors]


def _problem(error: ValidationError, file: str, data: object) -> Problem:
    path = tuple(error.absolute_path)

    def where(*extra: object) -> str:
        return key_path((*path, *extra), data)

    kind, schema, instance = error.validator, error.schema, error.instance
    if kind == "required":
        missing = [p for p in error.validator_value if p not in instance]
        name = missing[0] if missing else "?"
        props = schema.get("properties", {})
        if set(props) == {"nl", "en"}:
            expected = "a text in every language (nl and en); add the missing translation"
        else:
            expected = f"a value for '{name}' (required keys: {', '.join(schema['required'])})"
        return Problem(file, where(name), "nothing", expected)
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        key = where(extra[0]) if extra else where()
        return Problem(file, key, "an unknown key", f"one of: {', '.join(allowed)}")
    if kind == "type":
        wanted = schema["type"]
        return Problem(file, where(), show(instance), _TYPE_NAMES.get(wanted, wanted))
    if kind == "pattern":
        if "@" in schema["pattern"]:
            return Problem(file, where(), show(instance), "an e-mail address")
        return Problem(file, where(), show(instance), "an id of lowercase letters, digits, '-' or '_'")
    if kind == "format":
        return Problem(file, where(), show(instance), "a date written as YYYY-MM-DD")
    if kind in ("minItems", "minLength"):
        return Problem(file, where(), show(instance), f"at least {error.validator_value} item(s)")
    if kind == "uniqueItems":
        return Problem(file, where(), show(instance), "each value only once")
    return Problem(file, where(), show(instance), error.message)
