"""Every step text, decision and duty says where it comes from: passages of the adopted text
(`source: [id, ...]`) or the school's advice (`advice: true`). A step's text is a list of parts,
each with its own origin, so advice is marked where it is, not per step; a part may instead be a
school decision (`school_decision: <setting>`). Pure: raw role data in, problems out."""

from __future__ import annotations

from generator.errors import Problem
from generator.schema import OPEN_TEXTS

EXPECTED = "source: [passage ids of protocol/adopted.yml] or advice: true"
ONE_OF = "source: [...] or advice: true, not both; split the text into a part with each"
DECISION_KEYS = "school_decision alone (its text comes from protocol/settings.yml or labels.yml)"


def trace_problems(roles: dict[str, dict], passages: set[str], files: dict) -> list[Problem]:
    """One problem per step text, decision or duty with neither a source nor an advice mark (or
    a part with both), and one per source id that names no passage of the adopted text."""
    problems: list[Problem] = []
    for rid, data in roles.items():
        file = files["roles"][rid]
        items = []
        for step in data["steps"]:
            key = f"steps[{step['id']}]"
            if "decision" in step:
                items.append((key, step))
                continue
            for j, part in enumerate(step.get("body", ())):
                if "school_decision" in part:
                    problems += _decision_problems(file, f"{key}.body[{j}]", part)
                else:
                    items.append((f"{key}.body[{j}]", part))
        items += [(f"duties[{i}]", d) for i, d in enumerate(data.get("duties", ()))]
        for key, item in items:
            source = item.get("source", ())
            if not source and not item.get("advice"):
                problems.append(Problem(file, f"{key}.source", "neither a source nor advice: true", EXPECTED))
            elif source and item.get("advice"):
                problems.append(Problem(file, f"{key}.advice", "both a source and advice: true", ONE_OF))
            for j, pid in enumerate(source):
                if pid not in passages:
                    problems.append(
                        Problem(file, f"{key}.source[{j}]", repr(pid), "the id of a passage in protocol/adopted.yml")
                    )
    return problems


def _decision_problems(file: str, key: str, part: dict) -> list[Problem]:
    found = []
    name = part["school_decision"]
    if name not in OPEN_TEXTS:
        expected = f"a school decision of protocol/settings.yml ({', '.join(OPEN_TEXTS)})"
        found.append(Problem(file, f"{key}.school_decision", repr(name), expected))
    for extra in sorted(set(part) - {"school_decision"}):
        found.append(Problem(file, f"{key}.{extra}", "a key beside school_decision", DECISION_KEYS))
    return found
