"""Every step, decision and duty says where it comes from: passages of the adopted text
(`source: [id, ...]`) or the school's advice (`advice: true`). Pure: raw role data in, problems out."""

from __future__ import annotations

from generator.errors import Problem

EXPECTED = "source: [passage ids of protocol/adopted.yml] or advice: true"


def trace_problems(roles: dict[str, dict], passages: set[str], files: dict) -> list[Problem]:
    """One problem per step, decision or duty with neither a source nor an advice mark, and one
    per source id that names no passage of the adopted text."""
    problems: list[Problem] = []
    for rid, data in roles.items():
        file = files["roles"][rid]
        items = [(f"steps[{s['id']}]", s) for s in data["steps"]]
        items += [(f"duties[{i}]", d) for i, d in enumerate(data.get("duties", ()))]
        for key, item in items:
            source = item.get("source", ())
            if not source and not item.get("advice"):
                problems.append(Problem(file, f"{key}.source", "neither a source nor advice: true", EXPECTED))
            for j, pid in enumerate(source):
                if pid not in passages:
                    problems.append(
                        Problem(file, f"{key}.source[{j}]", repr(pid), "the id of a passage in protocol/adopted.yml")
                    )
    return problems
