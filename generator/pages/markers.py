"""Find marker comments such as <!-- protocol:steps role=mentor --> and replace them with
rendered Markdown. A marker quoted as code (`…` or a fenced block) is documentation: it stays as
it is.

Each marker declares its arguments and the values each may take (MARKERS): an unknown marker, a
missing, unknown or repeated argument, or a value that is not one of the allowed ones is a problem
naming the page and the marker, with the list of what is allowed. A renderer refuses what only it
can see (a role with no contact in settings.yml) by raising a DataError (MarkerError) naming the
data file at fault. Any other exception from a renderer is a bug in the generator, not a mistake
in the page: it propagates with its traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator import decisions, glossary
from generator.adopted.render import adopted
from generator.errors import DataError, Problem
from generator.flowchart.render import chart_link, flowchart, overview_chart
from generator.model import MissingLabel
from generator.pages import render
from generator.pages.code import code_regions, in_code
from generator.pages.contact import READERS, contact_block
from generator.pages.context import PageContext
from generator.pages.forms_overview import forms_list
from generator.whatnow.render import what_now

MARKER = re.compile(r"<!--\s*protocol:(?P<name>[a-z][a-z0-9_-]*)(?P<args>(?:\s+[a-z_]+=[^\s>]+)*)\s*-->")
LOOSE = re.compile(r"<!--\s*protocol:.*?-->", re.S)


@dataclass(frozen=True)
class Arg:
    """One argument of a marker: the values it may take on a page (from the page's data)."""

    what: str  # what the value names, for the message: "a role", "a school decision"
    values: Callable[[PageContext], Iterable[str]]
    many: bool = False  # a comma-separated list of such values, each once (glossary terms)


@dataclass(frozen=True)
class Marker:
    render: Callable[..., str]  # render(ctx, **arguments) -> Markdown
    args: dict[str, Arg] = field(default_factory=dict)


def _glossary(ctx: PageContext) -> Iterable[str]:
    return ctx.handbook.glossary if ctx.handbook else ()


ROLE = Arg("a role", lambda ctx: ctx.protocol.roles)
FORM = Arg("a form", lambda ctx: ctx.protocol.forms)
MARKERS: dict[str, Marker] = {
    "intro": Marker(render.intro),
    "principles": Marker(render.principles),
    "tracks": Marker(render.tracks),
    "steps": Marker(render.steps, {"role": ROLE}),
    "role-title": Marker(render.role_title, {"role": ROLE}),
    "role-summary": Marker(render.role_summary, {"role": ROLE}),
    "roles-menu": Marker(render.roles_menu),
    "contact-ladder": Marker(render.contact_ladder),
    "version": Marker(render.version),
    "setting": Marker(render.setting, {"name": Arg("a setting shown in running text", lambda _: render.IN_TEXT)}),
    "contact": Marker(render.contact, {"role": ROLE}),
    "contact-block": Marker(contact_block, {"role": Arg("a reader with a contact block", lambda _: READERS)}),
    "chart-link": Marker(chart_link, {"role": ROLE}),
    "form-title": Marker(render.form_title, {"form": FORM}),
    "form": Marker(render.form, {"form": FORM}),
    "forms-list": Marker(forms_list),
    "booklet-link": Marker(render.booklet_link),
    "flowchart": Marker(flowchart, {"role": ROLE}),
    "overview-chart": Marker(overview_chart),
    "what-now": Marker(what_now),
    "adopted": Marker(adopted),  # the adopted text, word for word (generator/adopted)
    # a school decision, or what to do while it is open (generator/decisions.py: DECISIONS)
    "decided": Marker(decisions.decided, {"name": Arg("a school decision", lambda _: decisions.SHOWN)}),
    # terms explained once (protocol/glossary.yml)
    "glossary": Marker(glossary.glossary, {"terms": Arg("a term of protocol/glossary.yml", _glossary, many=True)}),
}


def fill_markers(markdown: str, ctx: PageContext, file: str) -> str:
    """Replace every marker in the page; raise DataError naming the file and marker on any problem."""
    problems: list[Problem] = []
    code = code_regions(markdown)

    def replace(match: re.Match) -> str:
        if in_code(match.start(), code):
            return match[0]
        key = f"<!-- protocol:{match['name']} -->"
        marker = MARKERS.get(match["name"])
        if marker is None:
            problems.append(Problem(file, key, "an unknown marker", f"one of: {', '.join(sorted(MARKERS))}"))
            return ""
        pairs = [a.split("=", 1) for a in match["args"].split()]
        found = argument_problems(marker, pairs, ctx)
        if found:
            problems.extend(Problem(file, key, *problem) for problem in found)
            return ""
        try:
            return marker.render(ctx, **dict(pairs))
        except MissingLabel as exc:
            problems.append(Problem(exc.file, exc.key, "nothing", "a label the pages use, in nl and en"))
        except DataError as exc:  # MarkerError: a renderer names the data file at fault
            problems.extend(exc.problems)
        return ""

    out = MARKER.sub(replace, markdown)
    quoted = code_regions(out)
    for leftover in (m[0] for m in LOOSE.finditer(out) if not in_code(m.start(), quoted)):
        problems.append(
            Problem(file, leftover.strip(), "a marker that cannot be read", "<!-- protocol:NAME key=value -->")
        )
    if problems:
        raise DataError(list(dict.fromkeys(problems)))  # a missing label: one line, not one per marker
    return out


def argument_problems(marker: Marker, pairs: list[list[str]], ctx: PageContext) -> list[tuple[str, str]]:
    """(found, expected) for each argument that is missing, unknown, repeated or not allowed."""
    given = [name for name, _ in pairs]
    wanted = ", ".join(f"{name}=…" for name in marker.args) or "no arguments"
    found = [
        (f"{name} given twice", f"each argument once ({wanted})")
        for name in dict.fromkeys(given)
        if given.count(name) > 1
    ]
    found += [(f"the unknown argument {name}=", wanted) for name in dict.fromkeys(given) if name not in marker.args]
    found += [(f"no {name}=", wanted) for name in marker.args if name not in given]
    for name, value in dict(pairs).items():
        arg = marker.args.get(name)
        if arg is None:
            continue
        allowed = list(arg.values(ctx))
        items = value.split(",") if arg.many else [value]
        for item in dict.fromkeys(items):
            if items.count(item) > 1:
                found.append((f"{name}={value}, with {item!r} given twice", f"each {arg.what[2:]} once"))
            if item not in allowed:
                found.append((f"{name}={item}", f"{arg.what}: one of {', '.join(allowed)}"))
    return found
