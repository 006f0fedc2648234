"""Shared words of the forms (forms/labels.yml), and filling in their {placeholders}."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import DataError, Problem
from generator.filler import fill_file
from generator.model import Labels as _ModelLabels
from generator.model import Text
from generator.schema import LABELS
from generator.schemacheck import schema_problems
from generator.textchecks import long_word, only_spaces, text_problems
from generator.yamlio import read_yaml

# Filled in when a form is drawn (Labels.get); any other {name} in forms/labels.yml is a mistake.
LABEL_PARAMETERS = ("column", "count", "n", "number", "option", "page", "pages", "paper", "purpose", "question")
LABEL_PARAMETERS += ("readers", "retention", "role", "row", "step", "terms", "title", "where")


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


def load_labels(root: Path, values: dict[str, object] | None = None, languages: tuple[str, ...] = ()) -> Labels:
    """forms/labels.yml, checked; {school}, {system} and {mentor_contact} filled in from values
    (generator.handbook passes the settings), the drawing parameters ({page}, {row} …) left for
    Labels.get."""
    path = labels_file(root)
    file = path.relative_to(root).as_posix()
    data = read_yaml(path, root)  # the one YAML reader (generator.yamlio), then the one filler
    if not languages:
        from generator.languages import codes, read

        languages = codes(read(root))
    return parse_labels(file, fill_file(data, file, values, extra=LABEL_PARAMETERS, languages=languages), languages)


def parse_labels(file: str, data: object, languages: tuple[str, ...]) -> Labels:
    """The labels, checked against the same schema and with the same messages as protocol/labels.yml."""
    found = schema_problems(data, LABELS, file, languages)
    if not found:  # a label of spaces only, or with a word no line can hold
        found = [
            Problem(file, f"{key}.{lang}", *problem)
            for key, text in data.items()
            for lang, value in text.items()
            for problem in text_problems(value, key, [only_spaces, long_word])
        ]
    if found:
        raise DataError(found)
    texts: dict[str, Text] = FormLabels()  # a missing key names forms/labels.yml (generator.model)
    texts.update((key, Text(value)) for key, value in data.items())
    return Labels(texts=texts)
