"""The one placeholder filler: {school}, {system} and {mentor_contact} in any text of the data.

Strict everywhere (protocol, roles, labels, form definitions, form labels): a placeholder that is
not one of the known names, a lone brace, or a placeholder with a format (`{system:>9}`) or a
conversion (`{system!r}`) is a problem naming the file and the key, with the list of valid ones.
Template syntax (`{{ … }}`, `{% … %}`) is refused too: no reader should ever meet it (the build's
last check, generator/site/prose.py, would refuse the page). Filling replaces each placeholder and
nothing else, so every other character, a doubled `}}` included, shows as typed.
Form labels have their own parameters too ({page}, {row} …), filled in when a form is drawn;
`fill()` leaves those alone when it is told they are allowed.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from generator.errors import DataError, Problem

PLACEHOLDERS = ("school", "system", "mentor_contact")
_TEMPLATE = re.compile(r"\{\{|\{%")


def placeholder_problem(value: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(found, expected) if `value` has a placeholder other than {name} for one of `names`."""
    expected = "one of " + ", ".join("{" + p + "}" for p in names)
    template = _TEMPLATE.search(value)
    if template:
        return (f"the template syntax {template[0]!r}", f"plain text; placeholders are written {{name}}, {expected}")
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(value) if f is not None]
    except ValueError:
        return ("a lone { or }", f"placeholders written as {{name}}, {expected}")
    for name, spec, conv in fields:
        if name not in names:
            return (f"the placeholder {{{name}}}", expected)
        if spec or conv:
            return (f"the placeholder {{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}", expected)
    return None


def fill(value: str, values: dict[str, str]) -> str:
    """Fill in the given names; any other {name} stays as it is (checked before)."""
    for name, text in values.items():
        value = value.replace("{" + name + "}", text)
    return value


def fill_tree(
    data: object,
    file: str,
    values: dict[str, object],
    problems: list[Problem],
    extra: tuple[str, ...] = (),
    key="",
    languages: tuple[str, ...] = (),
) -> object:
    """Every text in a structure read from YAML, filled; a {nl:, en:, …} mapping (the codes of
    `languages`) is filled per language (so {mentor_contact} gets that language's words); a key of
    it that is no listed language is left as it is, for the schema to name. `extra`: more allowed
    names, left in place for later."""
    if isinstance(data, dict):
        is_text = any(k in languages for k in data) and all(isinstance(v, str) for v in data.values())
        if is_text:
            return {
                k: fill_tree(v, file, _for_lang(values, k), problems, extra, _join(key, k)) if k in languages else v
                for k, v in data.items()
            }
        return {k: fill_tree(v, file, values, problems, extra, _join(key, k), languages) for k, v in data.items()}
    if isinstance(data, list):
        return [
            fill_tree(v, file, values, problems, extra, f"{key}[{_item(v, i)}]", languages) for i, v in enumerate(data)
        ]
    if not isinstance(data, str):
        return data
    names = tuple(n for n, v in values.items() if isinstance(v, str)) + extra
    problem = placeholder_problem(data, names)
    if problem:
        problems.append(Problem(file, key or "(top level)", *problem))
        return data
    return fill(data, {n: v for n, v in values.items() if isinstance(v, str)})


def _for_lang(values: dict[str, object], lang: str) -> dict[str, object]:
    return {n: (v[lang] if isinstance(v, dict) else v) for n, v in values.items()}


def _item(value: object, index: int) -> object:
    """A list item is named by its id where it has one, as in every other message."""
    ident = value.get("id") if isinstance(value, dict) else None
    return ident if isinstance(ident, str) else index


def _join(key: str, part: object) -> str:
    return f"{key}.{part}" if key else str(part)


def fill_file(
    data: object,
    file: str,
    values: dict[str, object] | None,
    extra: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
) -> object:
    """A whole file's data filled in; DataError naming every bad placeholder. languages: the
    site's language codes (a mapping of them is a text, filled per language)."""
    problems: list[Problem] = []
    filled = fill_tree(data, file, values or _themselves(), problems, extra, languages=languages)
    if problems:
        raise DataError(problems)
    return filled


def placeholder_values(root: Path) -> dict[str, object]:
    """{school}, {system} and {mentor_contact} from protocol/settings.yml, for the files read on
    their own (the forms). If the settings cannot be read (load_protocol says why), each name
    stands for itself, so no other file gets a misleading problem."""
    from generator.yamlio import read_yaml

    try:
        settings = read_yaml(Path(root) / "protocol" / "settings.yml", Path(root))
        values = {
            "school": settings["school_name"],
            "system": dict(settings["student_system"]),
            "mentor_contact": dict(settings["mentor_contact"]),
        }
    except (DataError, TypeError, KeyError, ValueError):
        return _themselves()
    texts = [values["school"], *values["system"].values(), *values["mentor_contact"].values()]
    return values if all(isinstance(t, str) for t in texts) else _themselves()


def _themselves() -> dict[str, object]:
    return {name: "{" + name + "}" for name in PLACEHOLDERS}
