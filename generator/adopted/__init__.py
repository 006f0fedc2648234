"""The adopted protocol text (protocol/adopted.yml) and the trace from every step back to it."""

from pathlib import Path

from generator.adopted.data import Block, load_adopted
from generator.adopted.trace import trace_problems
from generator.errors import DataError, Problem

__all__ = ["Block", "load_adopted", "trace_problems", "traced"]


def traced(
    root: Path, roles: dict[str, dict], files: dict, problems: list[Problem], languages: tuple[str, ...]
) -> dict[str, Block]:
    """The adopted text's blocks by id; adds to `problems` what is wrong with the text or with a
    step's trace to it (the loader's one call into this package)."""
    try:
        blocks = load_adopted(root, languages)
    except DataError as exc:
        problems.extend(exc.problems)
        return {}
    problems.extend(trace_problems(roles, {b.id for b in blocks.values() if not b.is_heading}, files))
    return blocks
