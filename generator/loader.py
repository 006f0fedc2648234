"""Load the protocol from protocol/, validate it, and build the model.

read_protocol() either returns a complete, consistent Protocol or raises DataError listing every
problem, one line each, naming the file, the key path, what was found and what was expected. It is
one part of the data's one front door, generator.handbook.load_handbook, which also reads the
forms and passes their ids in (a step may only name a form that has a definition file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import languages as site_languages
from generator import schema, school
from generator.adopted import traced
from generator.errors import DataError, Problem
from generator.filler import PLACEHOLDERS, fill, placeholder_problem
from generator.model import Advisor, Branch, Node, Part, Phase, Protocol, Reach, Role, Settings, Text, Trace, Track
from generator.pages.text import md_text
from generator.schemacheck import schema_problems
from generator.textchecks import CHECKS_BEFORE_FILLING, is_body, text_problems
from generator.validate import cross_reference_problems
from generator.yamlio import display_path, read_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


def load_protocol(root: Path = REPO_ROOT) -> Protocol:
    """The protocol of the handbook at root, checked with everything else (forms included)."""
    from generator.handbook import load_handbook

    return load_handbook(root).protocol


def read_protocol(root: Path, form_files: dict[str, str], languages: tuple | None = None) -> Protocol:
    """The protocol from protocol/; form_files: form id -> its definition file (for references).
    Its `forms` are left empty: the handbook fills them in from the checked definitions.
    languages: settings.yml's `languages:` (generator.languages), read first; every text has them."""
    root = Path(root)
    problems: list[Problem] = []
    languages = languages or site_languages.read(root)
    codes = site_languages.codes(languages)

    def load(path: Path, shape: dict) -> object:
        rel = display_path(path, root)
        if not path.is_file():
            problems.append(Problem(rel, "(file)", "no such file", f"a YAML file at {rel}"))
            return None
        try:
            data = read_yaml(path, root)
        except DataError as exc:
            problems.extend(exc.problems)
            return None
        found = schema_problems(data, shape, rel, codes)
        problems.extend(found)
        return None if found else data

    settings = load(root / "protocol" / "settings.yml", schema.SETTINGS)
    proto = load(root / "protocol" / "protocol.yml", schema.PROTOCOL)
    labels = load(root / "protocol" / "labels.yml", schema.LABELS)
    role_files = sorted((root / "protocol" / "roles").glob("*.yml"))
    roles = {p.stem: load(p, schema.ROLE) for p in role_files}
    if problems:
        raise DataError(problems)

    files = {
        "settings": "protocol/settings.yml",
        "protocol": "protocol/protocol.yml",
        "roles": {rid: f"protocol/roles/{rid}.yml" for rid in roles},
        "forms": dict(form_files),
    }
    problems.extend(cross_reference_problems(settings, proto, roles, dict.fromkeys(form_files), files))
    problems.extend(school.problems(settings, root))
    adopted = traced(root, roles, files, problems, codes)
    if problems:
        raise DataError(problems)

    values = {"school": settings["school_name"]}
    per_language = {"mentor_contact": Text(settings["mentor_contact"]), "system": Text(settings["student_system"])}
    filler = _Filler(values, per_language, problems)
    protocol = _build(settings, proto, roles, files, filler, labels, languages)
    protocol.labels.update({k: filler(v, "protocol/labels.yml", k, checks_as=f"labels.{k}") for k, v in labels.items()})
    protocol.adopted.update(adopted)
    if problems:
        raise DataError(problems)
    return protocol


class _Filler:
    """The one placeholder filler: fills {school}, {system} and {mentor_contact} into texts at load
    time, strictly (an unknown, malformed or formatted placeholder is a problem), then runs the
    named text checks (generator.textchecks) on the result."""

    def __init__(self, values: dict[str, str], per_language: dict[str, Text], problems: list[Problem]):
        """values: the same in every language ({school}); per_language: one text per language
        ({mentor_contact}, {system})."""
        self.values, self.per_language, self.problems = values, per_language, problems

    def __call__(self, text: dict, file: str, key: str, checks_as: str | None = None) -> Text:
        """checks_as: the key the text checks see, when it is not `key` (labels are one-liners)."""
        out = {}
        for lang, value in text.items():
            found = text_problems(value, checks_as or key, CHECKS_BEFORE_FILLING)
            problem = placeholder_problem(value, PLACEHOLDERS)
            if problem:
                found.append(problem)
                out[lang] = value
            else:  # each placeholder replaced, every other character as typed (not str.format)
                values = dict(self.values, **{name: text[lang] for name, text in self.per_language.items()})
                found += text_problems(fill(value, values), checks_as or key)
                if is_body(key):  # a body is Markdown: the values go in as text (generator.pages.text)
                    values = {name: md_text(v) for name, v in values.items()}
                out[lang] = fill(value, values)
            self.problems.extend(Problem(file, f"{key}.{lang}", *problem) for problem in found)
        return Text(out)


def _build(settings, proto, roles, files, fill: _Filler, labels: dict, languages: tuple) -> Protocol:
    sfile, pfile = files["settings"], files["protocol"]
    built_settings = Settings(
        school_name=settings["school_name"],
        student_system=Text(settings["student_system"]),
        mentor_contact=Text(settings["mentor_contact"]),
        contacts={k: fill(v, sfile, f"contacts.{k}") for k, v in settings["contacts"].items()},
        contact_ladder=tuple(settings["contact_ladder"]),
        contact_alternative=settings.get("contact_alternative"),
        version=settings["version"],
        adopted_by=_maybe(Text, settings["adopted_by"]),
        adopted_on=_maybe(dt.date.fromisoformat, settings["adopted_on"]),
        next_review=_maybe(dt.date.fromisoformat, settings["next_review"]),
        editor_email=_maybe(lambda address: address.removeprefix("mailto:"), settings["editor_email"]),
        **{key: _maybe(Text, settings.get(key)) for key in schema.OPEN_TEXTS},
        reach=_reach(settings.get("reach") or {}),
        short_name=settings.get("short_name"),
        site_title=fill(settings["site_title"], sfile, "site_title"),
        site_description=fill(settings["site_description"], sfile, "site_description"),
        logo=settings.get("logo"),
        primary=settings["colours"]["primary"],
        accent=settings["colours"]["accent"],
    )
    tracks = tuple(
        Track(
            number=i + 1,
            title=fill(t["title"], pfile, f"tracks[{i}].title"),
            points=tuple(fill(p, pfile, f"tracks[{i}].points[{j}]") for j, p in enumerate(t["points"])),
        )
        for i, t in enumerate(proto.get("tracks", ()))
    )
    codes = site_languages.codes(languages)
    decision = _DecisionText(settings, labels, fill, codes)
    built_roles = {rid: _build_role(roles[rid], files["roles"][rid], fill, decision, codes) for rid in proto["roles"]}
    return Protocol(
        languages=tuple(languages),
        settings=built_settings,
        intro=fill(proto["intro"], pfile, "intro"),
        principles_intro=_maybe(lambda text: fill(text, pfile, "principles_intro"), proto.get("principles_intro")),
        principles=tuple(fill(p, pfile, f"principles[{i}]") for i, p in enumerate(proto.get("principles", ()))),
        tracks=tracks,
        roles=built_roles,
        phases=tuple(
            Phase(
                id=ph["id"],
                title=fill(ph["title"], pfile, f"phases[{ph['id']}].title"),
                when=_maybe(lambda text, ph=ph: fill(text, pfile, f"phases[{ph['id']}].when"), ph.get("when")),
            )
            for ph in proto.get("phases", ())
        ),
    )


def _maybe(make, value):
    """A school decision: built when filled in, None while it is open."""
    return None if value is None else make(value)


def _trace(raw: dict) -> Trace:
    return Trace(tuple(raw.get("source", ())), raw.get("advice", False))


class _DecisionText:
    """A step's `school_decision: <setting>` part: the school's decision from settings.yml, or
    while it is `~`, labels.yml undecided_<setting> (what the protocol leaves open, said plainly)."""

    def __init__(self, settings: dict, labels: dict, fill: _Filler, codes: tuple[str, ...]):
        self.settings, self.labels, self.fill, self.codes = settings, labels, fill, codes

    def __call__(self, name: str, file: str, key: str) -> tuple[Text, bool]:
        value = self.settings.get(name)
        if value:
            return self.fill(value, "protocol/settings.yml", name), False
        label = f"undecided_{name}"
        if label not in self.labels:
            self.fill.problems.append(Problem(file, key, repr(name), f"a label '{label}' in protocol/labels.yml"))
            return Text(dict.fromkeys(self.codes, name)), True
        return self.fill(self.labels[label], "protocol/labels.yml", label, checks_as=f"labels.{label}"), True


def _part(raw: dict, file: str, key: str, fill: _Filler, decision: _DecisionText) -> Part:
    name = raw.get("school_decision")
    if name:
        text, is_open = decision(name, file, f"{key}.school_decision")
        return Part(text=text, decision=name, open=is_open)
    return Part(text=fill({lang: raw[lang] for lang in decision.codes}, file, key), trace=_trace(raw))


def _step_trace(parts: tuple[Part, ...]) -> Trace:
    """A step's origin: every passage its parts carry out, and whether a part is advice."""
    sources = dict.fromkeys(pid for part in parts for pid in part.trace.source)
    return Trace(tuple(sources), any(part.is_advice for part in parts))


def _build_role(data: dict, file: str, fill: _Filler, decision: _DecisionText, codes: tuple[str, ...]) -> Role:
    nodes = {}
    # With the protocol's own numbers in a role, those are its only numbers (no 1..n counting); an
    # item without `phase:` stays in the phase of the item before it in the file.
    counted = not any("number" in raw for raw in data["steps"])
    phase = None
    for i, raw in enumerate(data["steps"]):
        key = f"steps[{raw['id']}]"
        phase = raw.get("phase", phase)
        own = {"own_number": _maybe(str, raw.get("number")), "counted": counted, "phase": phase}
        if "decision" in raw:
            node = Node(
                id=raw["id"],
                role=data["id"],
                kind="decision",
                number=i + 1,
                **own,
                trace=_trace(raw),
                title=fill(raw["decision"], file, f"{key}.decision"),
                branches=tuple(
                    Branch(fill(b["label"], file, f"{key}.branches[{j}].label"), b["next"])
                    for j, b in enumerate(raw["branches"])
                ),
            )
        else:
            parts = tuple(_part(p, file, f"{key}.body[{j}]", fill, decision) for j, p in enumerate(raw["body"]))
            node = Node(
                id=raw["id"],
                role=data["id"],
                kind="step",
                number=i + 1,
                **own,
                trace=_step_trace(parts),
                title=fill(raw["title"], file, f"{key}.title"),
                body=Text({lang: " ".join(part.text[lang] for part in parts) for lang in codes}),
                parts=parts,
                forms=tuple(raw.get("forms", ())),
                next=tuple(raw.get("next", ())),
            )
        nodes[node.id] = node
    return Role(
        id=data["id"],
        name=fill(data["name"], file, "name"),
        title=fill(data["title"], file, "title"),
        summary=fill(data["summary"], file, "summary"),
        start=tuple(data["start"]),
        nodes=nodes,
        duties=tuple(
            fill({lang: d[lang] for lang in codes}, file, f"duties[{i}]") for i, d in enumerate(data.get("duties", ()))
        ),
        duty_traces=tuple(_trace(d) for d in data.get("duties", ())),
        audience=data.get("audience", "staff"),
        formal=data.get("formal", False),
        card_breaks=tuple(data.get("card_breaks", ())),
        article=fill(data["article"], file, "article") if "article" in data else None,
        asks_first=data.get("asks_first", ""),
    )


def _reach(data: dict) -> Reach:
    return Reach(
        office_phone=data.get("office_phone") or "",
        mentor_email_pattern=data.get("mentor_email_pattern") or "",
        confidential_advisors=tuple(Advisor(**a) for a in data.get("confidential_advisors") or ()),
        parents_may_write_english=data.get("parents_may_write_english"),
    )
