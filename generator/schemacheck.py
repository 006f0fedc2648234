"""Turning JSON Schema errors into one-line problems: file, key path, found, expected."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.errors import Problem, show

if TYPE_CHECKING:  # jsonschema is imported when data is checked, not by every build that reuses a check
    from jsonschema.exceptions import ValidationError

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


def with_languages(schema: object, languages: tuple[str, ...]) -> object:
    """The schema with the site's languages put in (generator.schema.per_language): a text is a
    mapping with exactly these codes. The languages are data, so the schemas name none."""
    if isinstance(schema, list):
        return [with_languages(item, languages) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: with_languages(value, languages) for key, value in schema.items()}
    if "x-per-language" in out:
        out["properties"] = {**dict.fromkeys(languages, out["x-per-language"]), **out.get("properties", {})}
        out["x-languages"] = list(languages)
    if out.pop("x-required-languages", False):
        out["required"] = [*out.get("required", ()), *languages]
        out["x-languages"] = list(languages)
    return out


def schema_problems(data: object, schema: dict, file: str, languages: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem of data against schema, one line each. languages: the site's language codes
    (protocol/settings.yml), for a schema with texts in it."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = with_languages(schema, tuple(languages))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    problems: list[Problem] = []
    for error in errors:
        for problem in _problems(error, file, data):
            if problem not in problems:  # jsonschema reports a missing key once per 'required'
                problems.append(problem)
    return problems


def _problems(error: ValidationError, file: str, data: object) -> list[Problem]:
    if error.validator in ("oneOf", "anyOf") and "x-expected" in error.schema:
        where = key_path(error.absolute_path, data)
        return [Problem(file, where, show(error.instance), error.schema["x-expected"])]
    if error.validator in ("oneOf", "anyOf") and error.context:  # the alternative that came closest
        return _problems(max(error.context, key=lambda e: len(e.absolute_path)), file, data)
    if error.validator == "required":  # one problem per missing key, each named once
        missing = [p for p in error.validator_value if p not in error.instance]
        return [_missing(error, name, file, data) for name in missing]
    if error.validator == "additionalProperties" and "x-languages" in error.schema:  # a language not listed
        langs = error.schema["x-languages"]
        known = [k for k in error.schema.get("properties", {}) if k not in langs]
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        where = key_path(error.absolute_path, data)
        expected = f"a text in exactly the languages of protocol/settings.yml ({', '.join(langs)})"
        if known:
            expected += f" and the keys {', '.join(known)}"
        return [Problem(file, where, f"a text in {', '.join(map(repr, extra))}", expected)]
    if error.validator == "additionalProperties":  # every unknown key, not only the first
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        where = [key_path((*error.absolute_path, k), data) for k in extra]
        return [Problem(file, key, "an unknown key", f"one of: {', '.join(allowed)}") for key in where]
    return [_problem(error, file, data)]


def _missing(error: ValidationError, name: str, file: str, data: object) -> Problem:
    schema = error.schema
    if name in schema.get("x-languages", ()):
        langs = ", ".join(schema["x-languages"])
        expected = f"a text in every language of protocol/settings.yml ({langs}); add the missing translation"
    else:
        expected = f"a value for '{name}' (required keys: {', '.join(schema['required'])})"
    return Problem(file, key_path((*error.absolute_path, name), data), "nothing", expected)


def _quote_hint(instance: object) -> str:
    """YAML reads No, Yes, On, Off as true/false and 1.0 as a number: say how to keep the text."""
    if isinstance(instance, bool):
        return '; YAML reads Yes, No, On and Off as true or false: put the text in quotes, e.g. "No"'
    if isinstance(instance, (int, float)):
        return f'; YAML reads it as a number: put it in quotes, e.g. "{instance}"'
    return ""


def _problem(error: ValidationError, file: str, data: object) -> Problem:
    path = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:  # a bad key: named itself, not its mapping
        path = (*path, error.instance)

    def where(*extra: object) -> str:
        return key_path((*path, *extra), data)

    kind, schema, instance = error.validator, error.schema, error.instance
    if kind == "type" and "x-expected-type" in schema:  # a shape that changed: say what it is now
        return Problem(file, where(), show(instance), schema["x-expected-type"])
    if kind == "type":
        wanted = schema["type"]
        if isinstance(wanted, list):  # ["string", "null"]: a school decision that may be open
            wanted = next(t for t in wanted if t != "null")
        hint = _quote_hint(instance) if wanted == "string" else ""
        if "x-languages" in schema:
            written = ", ".join(f"{lang}: …" for lang in schema["x-languages"])
            return Problem(file, where(), show(instance), f"a text in every language, written {{{written}}}")
        return Problem(file, where(), show(instance), _TYPE_NAMES.get(wanted, wanted) + hint)
    if "x-expected" in schema and kind in ("pattern", "maxLength", "minLength", "not"):
        return Problem(file, where(), show(instance), schema["x-expected"])
    if kind == "pattern":
        return Problem(file, where(), show(instance), "an id of lowercase letters, digits, '-' or '_'")
    if kind == "format":
        return Problem(file, where(), show(instance), "a real date written as YYYY-MM-DD, e.g. 2026-09-01")
    if kind == "minLength":
        return Problem(file, where(), "an empty text", "a text with words in it")
    if kind == "minItems":
        return Problem(file, where(), show(instance), f"at least {error.validator_value} item(s)")
    if kind == "uniqueItems":
        return Problem(file, where(), show(instance), "each value only once")
    if kind == "enum":
        return Problem(file, where(), show(instance), "one of: " + ", ".join(map(str, error.validator_value)))
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return Problem(file, where(), show(instance), f"{word} {error.validator_value}")
    return Problem(file, where(), show(instance), error.message)
