"""Find marker comments such as <!-- protocol:steps role=mentor --> and replace them with
rendered Markdown. An unknown marker, or a marker with wrong arguments, is an error. A marker
quoted as code (`…` or a fenced block) is documentation: it stays as it is."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

from generator import decisions, glossary
from generator.adopted.render import adopted
from generator.errors import DataError, Problem
from generator.flowchart.render import chart_link, flowchart, overview_chart
from generator.model import MissingLabel
from generator.pages import render
from generator.pages.code import code_regions, in_code
from generator.pages.contact import contact_block
from generator.pages.context import PageContext
from generator.pages.forms_overview import forms_list
from generator.whatnow.render import what_now

MARKER = re.compile(r"<!--\s*protocol:(?P<name>[a-z][a-z0-9_-]*)(?P<args>(?:\s+[a-z_]+=[^\s>]+)*)\s*-->")
LOOSE = re.compile(r"<!--\s*protocol:.*?-->", re.S)

RENDERERS: dict[str, Callable[..., str]] = {
    "intro": render.intro,
    "principles": render.principles,
    "tracks": render.tracks,
    "steps": render.steps,
    "role-title": render.role_title,
    "role-summary": render.role_summary,
    "roles-menu": render.roles_menu,
    "contact-ladder": render.contact_ladder,
    "version": render.version,
    "setting": render.setting,
    "contact": render.contact,
    "contact-block": contact_block,
    "chart-link": chart_link,
    "form-title": render.form_title,
    "form": render.form,
    "forms-list": forms_list,
    "booklet-link": render.booklet_link,
    "flowchart": flowchart,
    "overview-chart": overview_chart,
    "what-now": what_now,
    "adopted": adopted,  # the adopted text, word for word (generator/adopted)
    "decided": decisions.decided,  # a school decision, or what to do while it is open
    "glossary": glossary.glossary,  # terms explained once (protocol/glossary.yml)
}


def register(name: str, renderer: Callable[..., str]) -> None:
    RENDERERS[name] = renderer


def fill_markers(markdown: str, ctx: PageContext, file: str) -> str:
    """Replace every marker in the page; raise DataError naming the file and marker on any problem."""
    problems: list[Problem] = []
    code = code_regions(markdown)

    def replace(match: re.Match) -> str:
        if in_code(match.start(), code):
            return match[0]
        name = match["name"]
        args = dict(a.split("=", 1) for a in match["args"].split())
        key = f"<!-- protocol:{name} -->"
        renderer = RENDERERS.get(name)
        if renderer is None:
            problems.append(Problem(file, key, "an unknown marker", f"one of: {', '.join(sorted(RENDERERS))}"))
            return ""
        wanted = [p for p in inspect.signature(renderer).parameters if p != "ctx"]
        if sorted(args) != sorted(wanted):
            found = ", ".join(f"{k}={v}" for k, v in args.items()) or "no arguments"
            expected = ", ".join(f"{w}=…" for w in wanted) or "no arguments"
            problems.append(Problem(file, key, found, expected))
            return ""
        try:
            return renderer(ctx, **args)
        except render.AbsentSection as exc:
            found = f"a marker for {exc.section}, which {exc.file} does not have"
            expected = f"the marker (and its heading) taken out of the page, or {exc.section} in {exc.file}"
            problems.append(Problem(file, key, found, expected))
            return ""
        except MissingLabel as exc:
            problems.append(Problem(exc.file, exc.key, "nothing", "a label the pages use, in nl and en"))
            return ""
        except KeyError as exc:
            problems.append(
                Problem(file, key, f"the unknown id {exc.args[0]!r}", "an id that exists in the protocol data")
            )
            return ""
        except AttributeError as exc:
            names = ", ".join(render.settings_in_text(ctx.protocol.settings))
            problems.append(
                Problem(file, key, f"the unknown name {exc.name!r}", f"a setting of protocol/settings.yml ({names})")
            )
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
