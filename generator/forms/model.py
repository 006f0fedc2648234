"""A form as typed, immutable data: sections of fields, each field with its label in every language."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Text

FIELD_TYPES = ("text", "textarea", "date", "time", "checkbox", "choices", "radio", "table")
COLUMN_TYPES = ("text", "textarea", "date", "checkbox")
STEP_ROWS = "protocol-steps"  # table rows: one per step of the protocol (the case overview)


@dataclass(frozen=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True)
class Column:
    id: str
    type: str  # one of COLUMN_TYPES
    label: Text
    width: int  # share of the table width, in percent
    lines: int = 2  # textarea: lines of handwriting (8 mm each) in each of its cells


@dataclass(frozen=True)
class Field:
    id: str
    type: str  # one of FIELD_TYPES
    label: Text
    help: Text | None = None
    options: tuple[Option, ...] = ()  # radio and choices
    lines: int = 1  # textarea: how many lines of handwriting or typing it holds
    width: str = "full"  # "full" | "two-thirds" | "half" | "third": how much of a line the field takes
    columns: tuple[Column, ...] = ()  # table
    rows: int | str = 0  # table: a number of blank rows, or STEP_ROWS
    row_label: Text | None = None  # table: "Person {n}"
    step_roles: tuple[str, ...] = ()  # table of protocol steps: only these roles' steps (all if empty)
    steps_not_logged: tuple[str, ...] = ()  # table of protocol steps: steps with nothing to log (no cells)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    fields: tuple[Field, ...]
    help: Text | None = None


@dataclass(frozen=True)
class FormDefinition:
    id: str  # the file's stem
    file: str  # path of the definition, for error messages
    title: Text
    intro: Text  # who fills it in, when, and what for
    purpose: Text  # for the privacy note: "to record …"
    sections: tuple[Section, ...]
    # What it is about: "student" (one), "group" (several students), "class" (the class, no case).
    # The notes of a case go in the file of both students (the protocol), unless the school has
    # decided to split them per student (settings.yml notes_per_student); a class's are neither.
    record: str = "student"

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)


@dataclass(frozen=True)
class Widget:
    """One PDF form field as it will appear in the file: what the generator and the tests check."""

    name: str  # the PDF field name (/T)
    kind: str  # "text" | "multiline" | "checkbox" | "radio"
    label: str  # the accessible name (/TU), equal to the visible label
    states: tuple[str, ...] = ()  # radio: the on-state of each button, in page order
    state_labels: tuple[str, ...] = ()  # radio: each button's accessible name ("Place: canteen")
    digits: bool = False  # a date or a time: drawn in the one-byte font qpdf can write (forms/bytefont.py)
