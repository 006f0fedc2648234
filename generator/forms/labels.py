"""Shared words of the forms (forms/labels.yml), and filling in their {placeholders}."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import LANGUAGES
from generator.errors import DataError, Problem, show
from generator.model import Text
from generator.yamlio import SafeLoader

LIST_KEYS: tuple[str, ...] = ()


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


def describe_error(error: Exception) -> str:
    """One line for a YAML or file error: where, and what."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return f"{where}{problem}"


def labels_file(root: Path) -> Path:
    return root / "forms" / "labels.yml"


def load_labels(root: Path) -> Labels:
    path = labels_file(root)
    file = str(path.relative_to(root))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise DataError([Problem(file, "(file)", describe_error(error), "a readable YAML file")]) from None
    return parse_labels(file, data)


def parse_labels(file: str, data: object) -> Labels:
    if not isinstance(data, dict):
        raise DataError([Problem(file, "(top level)", show(data), "a mapping of label keys")])
    problems: list[Problem] = []
    texts: dict[str, Text] = {}
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
