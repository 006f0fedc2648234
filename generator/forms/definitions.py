"""Load and check the form definitions in forms/definitions/*.yml (the file stem is the form id)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from generator.errors import DataError, Problem, show
from generator.filler import fill_file, placeholder_values
from generator.forms import schema
from generator.forms.model import (
    STEP_ROWS,
    Column,
    Field,
    FormDefinition,
    Option,
    Section,
)
from generator.handbook import DEFINITIONS
from generator.model import Text
from generator.schema import ID
from generator.yamlio import read_yaml

DEFAULT_WIDTH = {"date": "third", "time": "third"}


def is_form_id(name: str) -> bool:
    return re.fullmatch(ID["pattern"], name) is not None


def definitions_dir(root: Path) -> Path:
    return root / "forms" / "definitions"


def load_definitions(
    root: Path, values: dict[str, object] | None = None, languages: tuple[str, ...] | None = None
) -> dict[str, FormDefinition]:
    """Every form definition under root, by id. Raises DataError listing every problem found.

    values: what {school}, {system} and {mentor_contact} stand for (generator.handbook passes the
    settings it has read); None reads them from protocol/settings.yml once.
    """
    forms: dict[str, FormDefinition] = {}
    problems: list[Problem] = []
    values = values if values is not None else placeholder_values(root)
    languages = languages or _languages(root)
    for path in sorted(definitions_dir(root).glob("*.yml")):
        if not is_form_id(path.stem):  # the file's name is the form's id: in URLs, PDF names, steps
            file = f"{DEFINITIONS}/{path.name}"
            expected = "a file named by the form's id: lowercase letters, digits, '-' or '_', e.g. incident-report.yml"
            problems.append(Problem(file, "(file)", f"the file name {path.name!r}", expected))
            continue
        try:
            forms[path.stem] = load_definition(path, root, values, languages)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return forms


def _languages(root: Path) -> tuple[str, ...]:
    from generator.languages import codes, read

    return codes(read(root))


def load_definition(
    path: Path,
    root: Path | None = None,
    values: dict[str, object] | None = None,
    languages: tuple[str, ...] | None = None,
) -> FormDefinition:
    """One form definition from its YAML file; raises DataError naming the file and the key.
    languages: the site's language codes (protocol/settings.yml), read from root when not given."""
    file = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)
    data = read_yaml(path, root or path.parent)  # the one YAML reader (generator.yamlio)
    if values is None and root:
        values = placeholder_values(root)
    languages = languages or _languages(root or path.parent.parent.parent)
    data = fill_file(data, file, values, extra=("n",), languages=languages)  # {n}: a table's row number
    return parse_definition(path.stem, file, data, languages)


def parse_definition(form_id: str, file: str, data: object, languages: tuple[str, ...]) -> FormDefinition:
    """A FormDefinition from already-parsed data: schema first, then the checks a schema cannot do."""
    if not isinstance(data, dict):
        raise DataError([Problem(file, "(top level)", show(data), "a mapping with title, intro, …")])
    found = schema.problems(file, data, languages)
    if found:
        raise DataError(found)
    form = FormDefinition(
        id=form_id,
        file=file,
        title=Text(data["title"]),
        intro=Text(data["intro"]),
        purpose=Text(data["purpose"]),
        sections=tuple(_section(s) for s in data["sections"]),
        record=data.get("record", "student"),
    )
    found = _duplicates(form)
    if found:
        raise DataError(found)
    return form


def _section(data: dict) -> Section:
    return Section(
        id=data["id"],
        title=Text(data["title"]),
        help=Text(data["help"]) if "help" in data else None,
        fields=tuple(_field(f) for f in data["fields"]),
    )


def _field(data: dict) -> Field:
    columns = tuple(
        Column(c["id"], c["type"], Text(c["label"]), c.get("width", 0), c.get("lines", 2))
        for c in data.get("columns", ())
    )
    return Field(
        id=data["id"],
        type=data["type"],
        label=Text(data["label"]),
        help=Text(data["help"]) if "help" in data else None,
        options=tuple(Option(o["id"], Text(o["label"])) for o in data.get("options", ())),
        lines=data.get("lines", 4 if data["type"] == "textarea" else 1),
        width=data.get("width", DEFAULT_WIDTH.get(data["type"], "full")),
        columns=_share_widths(columns),
        rows=data.get("rows", 0),
        row_label=Text(data["row_label"]) if "row_label" in data else None,
        step_roles=tuple(data.get("step_roles", ())),
        steps_not_logged=tuple(data.get("steps_not_logged", ())),
    )


def _share_widths(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """Columns without a width share what the others leave of 100 %."""
    left = 100 - sum(c.width for c in columns)
    open_ = [c for c in columns if not c.width]
    share = max(left // len(open_), 5) if open_ else 0
    return tuple(c if c.width else Column(c.id, c.type, c.label, share, c.lines) for c in columns)


def _duplicates(form: FormDefinition) -> list[Problem]:
    """Field names must be unique in the PDF; option and column ids unique within their field."""
    found: list[Problem] = []
    names = Counter(static_names(form))
    for name, count in names.items():
        if count > 1:
            found.append(Problem(form.file, f"field name {name}", f"{count} fields with this name", "unique names"))
    for section in form.sections:
        for field in section.fields:
            for what, ids in (("options", [o.id for o in field.options]), ("columns", [c.id for c in field.columns])):
                for item, count in Counter(ids).items():
                    if count > 1:
                        key = f"sections[{section.id}].fields[{field.id}].{what}[{item}]"
                        found.append(Problem(form.file, key, f"{count} times", "a unique id"))
            if field.type == "table" and field.rows != STEP_ROWS and field.row_label is None:
                key = f"sections[{section.id}].fields[{field.id}].row_label"
                found.append(Problem(form.file, key, "nothing", 'a row label such as "Person {n}"'))
    return found


def static_names(form: FormDefinition) -> list[str]:
    """The PDF field names a form has whatever the protocol says (tables of steps excluded)."""
    names: list[str] = []
    for field in form.fields:
        if field.type == "choices":
            names.extend(f"{field.id}-{o.id}" for o in field.options)
        elif field.type == "table":
            if field.rows != STEP_ROWS:
                names.extend(f"{field.id}-{r}-{c.id}" for r in range(1, field.rows + 1) for c in field.columns)
        else:
            names.append(field.id)
    return names
