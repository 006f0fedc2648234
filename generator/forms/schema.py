"""The JSON schema of a form definition file. Its errors read like every other data file's
(generator.schemacheck); a text is the protocol's TEXT, one per language (generator.schema)."""

from __future__ import annotations

from generator.errors import Problem
from generator.forms.model import COLUMN_TYPES, FIELD_TYPES, STEP_ROWS
from generator.schema import TEXT
from generator.schemacheck import schema_problems

# Stricter than the protocol's ids: they make the PDF's field names ("incident-report-place").
ID = {
    "type": "string",
    "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    "x-expected": "an id of lower-case letters and digits, words joined by single hyphens",
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
        "lines": {"type": "integer", "minimum": 2, "maximum": 6},
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
        "width": {"enum": ["full", "two-thirds", "half", "third"]},
        "columns": {"type": "array", "minItems": 1, "items": COLUMN},
        "rows": {
            "oneOf": [{"type": "integer", "minimum": 1, "maximum": 60}, {"const": STEP_ROWS}],
            "x-expected": f"a number of rows from 1 to 60, or {STEP_ROWS}",
        },
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
        "record": {"enum": ["student", "group", "class"]},
        "sections": {"type": "array", "minItems": 1, "items": SECTION},
    },
}


def problems(file: str, data: object, languages: tuple[str, ...]) -> list[Problem]:
    """Every way in which data does not match the schema, as Problems naming file and key (the
    one translator, generator.schemacheck, as for every other data file)."""
    return schema_problems(data, FORM, file, languages)
