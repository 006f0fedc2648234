"""The data's one front door: every data file of the handbook read, checked and cross-checked once.

load_handbook(root) reads protocol/ (settings, protocol, labels, roles, the adopted text, the
glossary) and forms/ (the definitions and the forms' labels), each file parsed once, through the
one YAML reader, the one schema-error translator and the one placeholder filler. It returns a
complete Handbook or raises DataError listing every problem, one line each. The build (on_config),
`python -m generator check` and `python -m generator forms` start here and pass the Handbook down:
nothing below reads a data file again, and everything reads the same project (root), never the
checkout the code happens to live in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator import product_path
from generator.errors import DataError, Problem
from generator.model import FormRef, Protocol

DEFINITIONS = "forms/definitions"


@dataclass(frozen=True)
class Handbook:
    root: Path  # the project: protocol/, forms/, docs/
    protocol: Protocol  # protocol.forms: each form's id, title and file, from its definition
    forms: dict  # form id -> generator.forms.model.FormDefinition
    form_labels: object  # generator.forms.labels.Labels: the words on every form
    glossary: dict  # term id -> {term, explain, avoid}, placeholders filled (generator.glossary)

    @property
    def forms_dir(self) -> Path:
        """forms/print.css and forms/fonts: the school's, or the product's (generator.product_path)."""
        return product_path(self.root, "forms/print.css").parent


def form_files(root: Path) -> dict[str, str]:
    """Form id -> its definition file (the file's stem is the id). A file whose name is not an id
    ('My Form.yml') is not a form: generator.forms.definitions names it as a problem."""
    from generator.forms.definitions import is_form_id

    files = sorted((Path(root) / DEFINITIONS).glob("*.yml"))
    return {p.stem: f"{DEFINITIONS}/{p.name}" for p in files if is_form_id(p.stem)}


def load_handbook(root: Path) -> Handbook:
    from generator.filler import PLACEHOLDERS
    from generator.forms.assets import asset_problems
    from generator.forms.definitions import load_definitions
    from generator.forms.labels import load_labels
    from generator.glossary import load_glossary
    from generator.languages import codes, read
    from generator.loader import read_protocol

    root = Path(root)
    problems: list[Problem] = []

    def attempt(load, *args):
        try:
            return load(*args)
        except DataError as exc:
            problems.extend(exc.problems)
            return None

    languages = read(root)  # settings.yml's `languages:` first: every text is checked against them
    langs = codes(languages)
    files = form_files(root)
    protocol = attempt(read_protocol, root, files, languages)
    # {school}, {system}, {mentor_contact} from the settings just read; while they are broken
    # (reported above) each name stands for itself, so no other file gets a misleading problem.
    values = placeholder_values(protocol) if protocol else {name: "{" + name + "}" for name in PLACEHOLDERS}
    forms = attempt(load_definitions, root, values, langs)
    labels = attempt(load_labels, root, values, langs)
    glossary = attempt(load_glossary, root, values, langs)
    problems.extend(asset_problems(root))  # forms/print.css and the fonts, named by their file
    if protocol and forms:
        problems.extend(step_role_problems(protocol, forms))
    if problems:
        raise DataError(problems)
    refs = {fid: FormRef(fid, form.title, files[fid]) for fid, form in forms.items()}
    return Handbook(root, dataclasses.replace(protocol, forms=refs), forms, labels, glossary)


def placeholder_values(protocol: Protocol) -> dict[str, object]:
    settings = protocol.settings
    return {
        "school": settings.school_name,
        "system": dict(settings.student_system),
        "mentor_contact": dict(settings.mentor_contact),
    }


def step_role_problems(protocol: Protocol, forms: dict) -> list[Problem]:
    """A table of protocol steps (the case overview) may name only roles and steps the protocol has."""
    found = []
    steps = {n.id for role in protocol.roles.values() for n in role.nodes.values() if n.kind == "step"}
    for form in forms.values():
        for section in form.sections:
            for field in section.fields:
                unknown = [r for r in field.step_roles if r not in protocol.roles]
                if unknown:
                    key = f"sections[{section.id}].fields[{field.id}].step_roles"
                    expected = "role ids of the protocol (" + ", ".join(protocol.roles) + ")"
                    found.append(Problem(form.file, key, ", ".join(map(repr, unknown)), expected))
                unknown = [s for s in field.steps_not_logged if s not in steps]
                if unknown:
                    key = f"sections[{section.id}].fields[{field.id}].steps_not_logged"
                    found.append(Problem(form.file, key, ", ".join(map(repr, unknown)), "step ids of the protocol"))
    return found
