"""Shared words of the forms (forms/labels.yml), and filling in their {placeholders}."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import LANGUAGES
from generator.errors import DataError, Problem, show
from generator.filler import fill_file
from generator.model import Labels as _ModelLabels
from generator.model import Text
from generator.yamlio import read_yaml

LIST_KEYS: tuple[str, ...] = ()
# Filled in when a form is drawn (Labels.get); any other {name} in forms/labels.yml is a mistake.
LABEL_PARAMETERS = ("column", "count", "n", "number", "option", "page", "pages", "paper", "purpose", "question")
LABEL_PARAMETERS += ("readers", "retention", "role", "row", "terms", "title", "where")


class FormLabels(_ModelLabels):
    file = "forms/labels.yml"


@dataclass(frozen=True)
class Labels:
    texts: dict[str, Text]

    def get(self, key: str, lang: str, **values: object) -> str:
        """The label in lang, with {placeholders} filled in from values."""
        return fill(self.texts[key][lang], **values)


def fill(text: str, **values: object) -> str:
    """Replace {name} for each given name; leave other braces alone (they may be literal)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def labels_file(root: Path) -> Path:
    return root / "forms" / "labels.yml"


def load_labels(root: Path, values: dict[str, object] | None = None) -> Labels:
    """forms/labels.yml, checked; {school}, {system} and {mentor_contact} filled in from values
    (generator.handbook passes the settings), the drawing parameters ({page}, {row} …) left for
    Labels.get."""
    path = labels_file(root)
    file = path.relative_to(root).as_posix()
    data = read_yaml(path, root)  # the one YAML reader (generator.yamlio), then the one filler
    return parse_labels(file, fill_file(data, file, values, extra=LABEL_PARAMETERS))


def parse_labels(file: str, data: object) -> Labels:
    if not isinstance(data, dict):
        raise DataError([Problem(file, "(top level)", show(data), "a mapping of label keys")])
    problems: list[Problem] = []
    texts: dict[str, Text] = FormLabels()  # a missing key names forms/labels.yml (generator.model)
    for key, value in data.items():
        if key in LIST_KEYS:
            if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
                problems.append(Problem(file, key, show(value), "a list of role ids"))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(file, key, show(value), "a text in " + " and ".join(LANGUAGES)))
            continue
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                problems.append(Problem(file, f"{key}.{lang}", show(value.get(lang)), f"a translation in {lang!r}"))
        texts[key] = Text(value)
    for key in LIST_KEYS:
        if key not in data:
            problems.append(Problem(file, key, "nothing", "a list of role ids"))
    if problems:
        raise DataError(problems)
    return Labels(texts=texts)
