"""Reading YAML files into plain data, with errors that name the file and the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.errors import DataError, Problem

# libyaml's parser when PyYAML was built with it: the same results, many times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, root: Path) -> object:
    """Parse one YAML file; dates become ISO strings so that schemas see one type."""
    rel = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(
            [Problem(rel, "(file)", f"an unreadable file ({exc.strerror})", "a readable UTF-8 YAML file")]
        ) from exc
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(rel, "(file)", f"bytes that are not UTF-8 at offset {exc.start}", "a UTF-8 text file")]
        ) from exc
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError([Problem(rel, where, f"a YAML syntax error ({what})", "valid YAML")]) from exc
    return _dates_to_text(data)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _dates_to_text(data: object) -> object:
    if isinstance(data, dict):
        return {k: _dates_to_text(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_dates_to_text(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data
