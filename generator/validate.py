"""Cross-reference checks over schema-valid protocol data: ids exist, nothing is unreachable,
decisions are whole, every form belongs to a step. Pure functions over plain data."""

from __future__ import annotations

from collections import deque

from generator.errors import Problem, show


def cross_reference_problems(settings: dict, proto: dict, roles: dict, forms: dict, files: dict) -> list[Problem]:
    problems: list[Problem] = []
    pfile, sfile = files["protocol"], files["settings"]

    # Roles: the list in protocol.yml and the files in protocol/roles/ must match.
    listed = proto["roles"]
    for i, rid in enumerate(listed):
        if rid not in roles:
            problems.append(Problem(pfile, f"roles[{i}]", repr(rid), f"a role with a file protocol/roles/{rid}.yml"))
    for rid in roles:
        if rid not in listed:
            problems.append(
                Problem(
                    files["roles"][rid], "(file)", f"a role file not listed in {pfile}", f"'{rid}' in {pfile} roles"
                )
            )
    for rid, data in roles.items():
        if data["id"] != rid:
            problems.append(Problem(files["roles"][rid], "id", repr(data["id"]), f"'{rid}', the file's name"))

    # Node ids are unique across all roles.
    where: dict[str, tuple[str, str]] = {}
    for rid, data in roles.items():
        for i, step in enumerate(data["steps"]):
            nid, key = step["id"], f"steps[{step['id']}].id"
            if nid in where:
                other_file, other_key = where[nid]
                problems.append(
                    Problem(
                        files["roles"][rid],
                        f"steps[{i}].id",
                        f"the id {nid!r}, already used at {other_file} {other_key}",
                        "an id used once",
                    )
                )
            else:
                where[nid] = (files["roles"][rid], key)

    # References: start, next, branches, forms.
    for rid, data in roles.items():
        file = files["roles"][rid]
        own = {s["id"] for s in data["steps"]}
        for i, sid in enumerate(data["start"]):
            if sid not in own:
                problems.append(
                    Problem(file, f"start[{i}]", repr(sid), f"a step of this role ({', '.join(sorted(own))})")
                )
        for step in data["steps"]:
            for j, target in enumerate(step.get("next", ())):
                if target not in where:
                    problems.append(
                        Problem(
                            file,
                            f"steps[{step['id']}].next[{j}]",
                            repr(target),
                            "the id of a step or decision in protocol/roles/",
                        )
                    )
                elif target == step["id"]:
                    problems.append(Problem(file, f"steps[{step['id']}].next[{j}]", "the step itself", "another step"))
            for j, fid in enumerate(step.get("forms", ())):
                if fid not in forms:
                    problems.append(
                        Problem(
                            file,
                            f"steps[{step['id']}].forms[{j}]",
                            repr(fid),
                            f"a form id ({', '.join(sorted(forms))})",
                        )
                    )
            branches = step.get("branches", ())
            labels: dict[str, set[str]] = {"nl": set(), "en": set()}
            for j, branch in enumerate(branches):
                if branch["next"] not in where:
                    problems.append(
                        Problem(
                            file,
                            f"steps[{step['id']}].branches[{j}].next",
                            repr(branch["next"]),
                            "the id of a step or decision in protocol/roles/",
                        )
                    )
                for lang, label in branch["label"].items():
                    if label in labels[lang]:
                        problems.append(
                            Problem(
                                file,
                                f"steps[{step['id']}].branches[{j}].label.{lang}",
                                repr(label),
                                "a label different from the other branches",
                            )
                        )
                    labels[lang].add(label)

    # Settings refer to roles.
    for i, rid in enumerate(settings["contact_ladder"]):
        if rid not in roles:
            problems.append(Problem(sfile, f"contact_ladder[{i}]", repr(rid), f"a role id ({', '.join(listed)})"))
    if settings["contact_alternative"] not in roles:
        problems.append(
            Problem(
                sfile, "contact_alternative", repr(settings["contact_alternative"]), f"a role id ({', '.join(listed)})"
            )
        )
    for rid in settings["contacts"]:
        if rid not in roles:
            problems.append(Problem(sfile, f"contacts.{rid}", "an unknown role", f"a role id ({', '.join(listed)})"))
    for rid in [*settings["contact_ladder"], settings["contact_alternative"]]:
        if rid in roles and rid not in settings["contacts"]:
            problems.append(Problem(sfile, f"contacts.{rid}", "nothing", "how to reach this role, in nl and en"))
    if settings.get("adopted_on") and settings.get("next_review") and settings["next_review"] <= settings["adopted_on"]:
        problems.append(
            Problem(
                sfile,
                "next_review",
                show(settings["next_review"]),
                f"a date after adopted_on ({settings['adopted_on']})",
            )
        )

    if problems:
        return problems  # reachability means little while references are broken

    # Every step and decision can be reached from some role's start.
    graph = {s["id"]: _successors(s) for data in roles.values() for s in data["steps"]}
    seen = _reachable(graph, [sid for data in roles.values() for sid in data["start"]])
    for rid, data in roles.items():
        for step in data["steps"]:
            if step["id"] not in seen:
                problems.append(
                    Problem(
                        files["roles"][rid],
                        f"steps[{step['id']}].id",
                        f"{step['id']!r}, which no start or 'next' leads to",
                        "a step reachable from a start",
                    )
                )

    # Every form belongs to at least one step.
    used = {fid for data in roles.values() for s in data["steps"] for fid in s.get("forms", ())}
    for fid in forms:
        if fid not in used:
            problems.append(
                Problem(
                    files["forms"][fid], "(file)", "a form no step uses", "the form's id in some step's 'forms' list"
                )
            )
    return problems


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
