"""The JSON schema of a form definition file, and its errors as one-line Problems."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from generator import LANGUAGES
from generator.errors import Problem, show
from generator.forms.model import COLUMN_TYPES, FIELD_TYPES, STEP_ROWS

ID = {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}
TEXT = {
    "type": "object",
    "required": list(LANGUAGES),
    "additionalProperties": False,
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
}
OPTION = {
    "type": "object",
    "required": ["id", "label"],
    "additionalProperties": False,
    "properties": {"id": ID, "label": TEXT},
}
COLUMN = {
    "type": "object",
    "required": ["id", "type", "label"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "type": {"enum": list(COLUMN_TYPES)},
        "label": TEXT,
        "width": {"type": "integer", "minimum": 5, "maximum": 100},
    },
}
FIELD = {
    "type": "object",
    "required": ["id", "type", "label"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "type": {"enum": list(FIELD_TYPES)},
        "label": TEXT,
        "help": TEXT,
        "options": {"type": "array", "items": OPTION},
        "lines": {"type": "integer", "minimum": 2, "maximum": 30},
        "width": {"enum": ["full", "half", "third"]},
        "columns": {"type": "array", "minItems": 1, "items": COLUMN},
        "rows": {"oneOf": [{"type": "integer", "minimum": 1, "maximum": 60}, {"const": STEP_ROWS}]},
        "row_label": TEXT,
        "step_roles": {"type": "array", "minItems": 1, "items": ID},
        "steps_not_logged": {"type": "array", "minItems": 1, "items": ID},
    },
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "radio"}}},
            "then": {"required": ["options"], "properties": {"options": {"minItems": 2}}},
        },
        {
            "if": {"properties": {"type": {"const": "choices"}}},
            "then": {"required": ["options"], "properties": {"options": {"minItems": 1}}},
        },
        {
            "if": {"properties": {"type": {"const": "table"}}},
            "then": {"required": ["columns", "rows"]},
        },
    ],
}
SECTION = {
    "type": "object",
    "required": ["id", "title", "fields"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "title": TEXT,
        "help": TEXT,
        "fields": {"type": "array", "minItems": 1, "items": FIELD},
    },
}
FORM = {
    "type": "object",
    "required": ["title", "intro", "purpose", "sections"],
    "additionalProperties": False,
    "properties": {
        "title": TEXT,
        "intro": TEXT,
        "purpose": TEXT,
        "record": {"enum": ["student", "group"]},
        "sections": {"type": "array", "minItems": 1, "items": SECTION},
    },
}

VALIDATOR = Draft202012Validator(FORM)


def key_path(data: object, path: list[object]) -> str:
    """sections.incident.fields.kind.options: list items are named by their id where they have one."""
    parts, node = [], data
    for step in path:
        node = node[step]  # type: ignore[index]
        if isinstance(step, int):
            parts.append(str(node["id"]) if isinstance(node, dict) and "id" in node else f"[{step}]")
        else:
            parts.append(str(step))
    return ".".join(parts) or "(top level)"


def problems(file: str, data: object) -> list[Problem]:
    """Every way in which data does not match the schema, as Problems naming file and key."""
    found: list[Problem] = []
    for error in sorted(VALIDATOR.iter_errors(data), key=lambda e: list(map(str, e.path))):
        found.extend(_explain(file, data, error))
    return found


def _explain(file: str, data: object, error) -> list[Problem]:
    key = key_path(data, list(error.absolute_path))
    kind, schema, value = error.validator, error.schema, error.instance
    if kind in ("oneOf", "anyOf", "allOf") and error.context:
        return _explain(file, data, min(error.context, key=lambda e: len(list(e.absolute_path))))
    if kind == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        return [
            Problem(file, _join(key, extra), f"unknown key {extra!r}", f"one of: {allowed}")
            for extra in value
            if extra not in schema.get("properties", {})
        ]
    if kind == "required":
        return [
            Problem(file, _join(key, name), "nothing", _expected_for(name))
            for name in error.validator_value
            if name not in value
        ]
    expected = {
        "enum": lambda: "one of: " + ", ".join(map(str, error.validator_value)),
        "type": lambda: f"a value of type {error.validator_value}",
        "minItems": lambda: f"at least {error.validator_value} item(s)",
        "minLength": lambda: "a non-empty text",
        "pattern": lambda: "an id of lower-case letters, digits and hyphens",
        "const": lambda: repr(error.validator_value),
        "minimum": lambda: f"at least {error.validator_value}",
        "maximum": lambda: f"at most {error.validator_value}",
    }.get(kind, lambda: error.message)()
    return [Problem(file, key, show(value), expected)]


def _join(key: str, name: str) -> str:
    return name if key == "(top level)" else f"{key}.{name}"


def _expected_for(name: str) -> str:
    if name in LANGUAGES:
        return f"a translation in {name!r}"
    return f"a value for {name!r}"
