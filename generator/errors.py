"""Problems found in input data, reported one line each: file, key path, found, expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    key: str
    found: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: found {self.found}; expected {self.expected}"


class DataError(Exception):
    """One or more problems in the protocol or form data. str() gives one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class MarkerError(DataError):
    """A marker's renderer refuses what only it can see (a role with no contact in settings.yml):
    one problem, naming the data file at fault. The only exception a renderer raises on purpose."""

    def __init__(self, file: str, key: str, found: str, expected: str):
        super().__init__([Problem(file, key, found, expected)])


def show(value: object, limit: int = 60) -> str:
    """A short, quoted rendering of a found value for an error message."""
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
