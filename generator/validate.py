"""Cross-reference checks over schema-valid protocol data, as named checks: ids exist, nothing is
unreachable, no route goes round in circles, decisions are whole, every form belongs to a step.
Pure functions over plain data.

Each check takes the Data and yields Problems. REFERENCE_CHECKS run first; GRAPH_CHECKS only when
every reference is sound (reachability means little while an id is wrong). To add a rule, write
a function and append it to the list it belongs to.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from generator.errors import Problem, show


@dataclass
class Data:
    settings: dict
    proto: dict
    roles: dict  # role id -> the role file's data
    forms: dict  # form id -> the form file's data
    files: dict  # where each came from: "settings", "protocol", "roles": {id: path}, "forms": {id: path}
    where: dict[str, tuple[str, str]] = field(default_factory=dict)  # node id -> (file, key), filled by unique_ids

    def steps(self) -> Iterator[tuple[str, str, dict]]:
        """(file, role id, step) for every step and decision."""
        for rid, data in self.roles.items():
            for step in data["steps"]:
                yield self.files["roles"][rid], rid, step

    def role_ids(self) -> str:
        return ", ".join(self.roles)


Check = Callable[[Data], Iterator[Problem]]
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def role_files(d: Data) -> Iterator[Problem]:
    """The list in protocol.yml and the files in protocol/roles/ match."""
    pfile, listed = d.files["protocol"], d.proto["roles"]
    for i, rid in enumerate(listed):
        if rid not in d.roles:
            yield Problem(pfile, f"roles[{i}]", repr(rid), f"a role with a file protocol/roles/{rid}.yml")
    for rid, data in d.roles.items():
        file = d.files["roles"][rid]
        if rid not in listed:
            yield Problem(file, "(file)", f"a role file not listed in {pfile}", f"'{rid}' in {pfile} roles")
        if data["id"] != rid:
            yield Problem(file, "id", repr(data["id"]), f"'{rid}', the file's name")


def unique_ids(d: Data) -> Iterator[Problem]:
    """Node ids are unique across all roles (and d.where learns where each one is)."""
    for rid, data in d.roles.items():
        file = d.files["roles"][rid]
        for i, step in enumerate(data["steps"]):
            nid = step["id"]
            if nid in d.where:
                other_file, other_key = d.where[nid]
                found = f"the id {nid!r}, already used at {other_file} {other_key}"
                yield Problem(file, f"steps[{i}].id", found, "an id used once")
            else:
                d.where[nid] = (file, f"steps[{nid}].id")


def references(d: Data) -> Iterator[Problem]:
    """start, next, branches and forms name things that exist."""
    anywhere = "the id of a step or decision in protocol/roles/"
    for rid, data in d.roles.items():
        file = d.files["roles"][rid]
        own = {s["id"] for s in data["steps"]}
        for i, sid in enumerate(data["start"]):
            if sid not in own:
                yield Problem(file, f"start[{i}]", repr(sid), f"a step of this role ({', '.join(sorted(own))})")
    for file, _, step in d.steps():
        key = f"steps[{step['id']}]"
        for j, target in enumerate(step.get("next", ())):
            if target not in d.where:
                yield Problem(file, f"{key}.next[{j}]", repr(target), anywhere)
            elif target == step["id"]:
                yield Problem(file, f"{key}.next[{j}]", "the step itself", "another step")
        for j, fid in enumerate(step.get("forms", ())):
            if fid not in d.forms:
                yield Problem(file, f"{key}.forms[{j}]", repr(fid), f"a form id ({', '.join(sorted(d.forms))})")
        for j, branch in enumerate(step.get("branches", ())):
            if branch["next"] not in d.where:
                yield Problem(file, f"{key}.branches[{j}].next", repr(branch["next"]), anywhere)


def branch_labels(d: Data) -> Iterator[Problem]:
    """The answers of one decision differ from each other."""
    for file, _, step in d.steps():
        seen: dict[str, set[str]] = {}
        for j, branch in enumerate(step.get("branches", ())):
            for lang, label in branch["label"].items():
                if label in seen.setdefault(lang, set()):
                    key = f"steps[{step['id']}].branches[{j}].label.{lang}"
                    yield Problem(file, key, repr(label), "a label different from the other branches")
                seen[lang].add(label)


def settings_references(d: Data) -> Iterator[Problem]:
    """The settings name roles that exist, say how to reach each, and review after adoption."""
    sfile, s = d.files["settings"], d.settings
    for i, rid in enumerate(s["contact_ladder"]):
        if rid not in d.roles:
            yield Problem(sfile, f"contact_ladder[{i}]", repr(rid), f"a role id ({d.role_ids()})")
    alternative = s.get("contact_alternative")  # optional: a protocol may name no other way in
    if alternative is not None and alternative not in d.roles:
        yield Problem(sfile, "contact_alternative", repr(alternative), f"a role id ({d.role_ids()})")
    for rid in s["contacts"]:
        if rid not in d.roles:
            yield Problem(sfile, f"contacts.{rid}", "an unknown role", f"a role id ({d.role_ids()})")
    for rid in [*s["contact_ladder"], *([alternative] if alternative else [])]:
        if rid in d.roles and rid not in s["contacts"]:
            yield Problem(sfile, f"contacts.{rid}", "nothing", "how to reach this role, in every language")
    for key, value in [
        ("school_name", s["school_name"]),
        *((f"student_system.{lang}", text) for lang, text in s["student_system"].items()),
        *((f"mentor_contact.{lang}", text) for lang, text in s["mentor_contact"].items()),
    ]:
        placeholder = _PLACEHOLDER.search(value)
        if placeholder:  # these are what {school}, {system} and {mentor_contact} stand for
            yield Problem(
                sfile,
                key,
                f"the placeholder {placeholder[0]}",
                "the words themselves: placeholders are filled in from this setting, not into it",
            )
    if s.get("adopted_on") and s.get("next_review") and s["next_review"] <= s["adopted_on"]:  # open until decided
        yield Problem(sfile, "next_review", show(s["next_review"]), f"a date after adopted_on ({s['adopted_on']})")


def phases_and_numbers(d: Data) -> Iterator[Problem]:
    """Phase ids are unique, a step's `phase:` names one of them, and a role's own step numbers
    are each used once."""
    pfile, phases = d.files["protocol"], [p["id"] for p in d.proto.get("phases", ())]
    for i, pid in enumerate(phases):
        if pid in phases[:i]:
            yield Problem(pfile, f"phases[{i}].id", repr(pid), "an id used once")
    if phases:
        expected = f"a phase id of {pfile} phases ({', '.join(phases)})"
    else:
        expected = f"no phase: {pfile} has no phases (add a 'phases:' list there first)"
    for rid, data in d.roles.items():
        file, numbers = d.files["roles"][rid], {}
        for step in data["steps"]:
            key = f"steps[{step['id']}]"
            if "phase" in step and step["phase"] not in phases:
                yield Problem(file, f"{key}.phase", repr(step["phase"]), expected)
            if "number" in step:
                number = str(step["number"])
                if number in numbers:
                    yield Problem(
                        file,
                        f"{key}.number",
                        f"{number}, already the number of {numbers[number]!r}",
                        "a number used once in this role",
                    )
                numbers.setdefault(number, step["id"])


def unreachable(d: Data) -> Iterator[Problem]:
    """Every step and decision can be reached from some role's start."""
    seen = _reachable(_graph(d), [sid for data in d.roles.values() for sid in data["start"]])
    for file, _, step in d.steps():
        if step["id"] not in seen:
            found = f"{step['id']!r}, which no start or 'next' leads to"
            yield Problem(file, f"steps[{step['id']}].id", found, "a step reachable from a start")


def no_way_out(d: Data) -> Iterator[Problem]:
    """Every step leads, one way or another, to an end (a step with no 'next'): steps that only
    lead to each other would send the reader round in circles."""
    graph = _graph(d)
    reverse: dict[str, list[str]] = {sid: [] for sid in graph}
    for sid, targets in graph.items():
        for target in targets:
            reverse[target].append(sid)
    can_end = _reachable(reverse, [sid for sid, targets in graph.items() if not targets])
    for file, _, step in d.steps():
        if step["id"] not in can_end:
            found = f"{_successors(step)!r}, which only lead round in a circle"
            yield Problem(
                file,
                f"steps[{step['id']}].next",
                found,
                "a way on to a step that ends the route (a step with no 'next')",
            )


def unused_forms(d: Data) -> Iterator[Problem]:
    """Every form belongs to at least one step."""
    used = {fid for _, _, step in d.steps() for fid in step.get("forms", ())}
    for fid in d.forms:
        if fid not in used:
            yield Problem(
                d.files["forms"][fid], "(file)", "a form no step uses", "the form's id in some step's 'forms' list"
            )


REFERENCE_CHECKS: list[Check] = [role_files, unique_ids, references, branch_labels, settings_references]
REFERENCE_CHECKS.append(phases_and_numbers)
GRAPH_CHECKS: list[Check] = [unreachable, no_way_out, unused_forms]


def cross_reference_problems(settings: dict, proto: dict, roles: dict, forms: dict, files: dict) -> list[Problem]:
    d = Data(settings, proto, roles, forms, files)
    problems = [problem for check in REFERENCE_CHECKS for problem in check(d)]
    if problems:
        return problems  # reachability means little while references are broken
    return [problem for check in GRAPH_CHECKS for problem in check(d)]


def _graph(d: Data) -> dict[str, list[str]]:
    return {step["id"]: _successors(step) for _, _, step in d.steps()}


def _successors(step: dict) -> list[str]:
    return [b["next"] for b in step["branches"]] if "branches" in step else list(step.get("next", ()))


def _reachable(graph: dict[str, list[str]], starts: list[str]) -> set[str]:
    seen, queue = set(starts), deque(starts)
    while queue:
        for nxt in graph[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen
