"""The protocol as typed, immutable data. Built by generator.loader; read by pages, charts, forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Text(dict):
    """A user-facing string in every language of the site: Text(nl=..., en=...); text["en"]."""

    def __getattr__(self, lang: str) -> str:
        try:
            return self[lang]
        except KeyError as exc:  # pragma: no cover - validated at load time
            raise AttributeError(lang) from exc


class MissingLabel(KeyError):
    """A label the handbook uses is not in protocol/labels.yml."""

    def __init__(self, key: str, file: str = "protocol/labels.yml"):
        super().__init__(key)
        self.key, self.file = key, file


class Labels(dict):
    """A labels file by key; a missing key raises MissingLabel, so that the message names the
    labels file and the key, not the page that happened to use it."""

    file = "protocol/labels.yml"

    def __missing__(self, key: str):
        raise MissingLabel(key, self.file)


@dataclass(frozen=True)
class Branch:
    label: Text
    next: str


@dataclass(frozen=True)
class Trace:
    """Where a step, decision or duty comes from: passages of the adopted text, or school advice."""

    source: tuple[str, ...] = ()  # passage ids of protocol/adopted.yml
    advice: bool = False  # the school's practical advice, not the protocol


@dataclass(frozen=True)
class Part:
    """One part of a step's text, with where it comes from: the protocol's duty (trace.source),
    the school's advice (trace.advice), or a school decision (`decision`: a setting's name) whose
    text is the school's decision, or while it is open (`open`), what the reader can do instead."""

    text: Text  # Markdown of the body subset; a decision's text is plain text
    trace: Trace = Trace()
    decision: str | None = None  # a setting of protocol/settings.yml
    open: bool = False  # the decision is still open: `text` says so

    @property
    def is_advice(self) -> bool:
        return self.trace.advice


@dataclass(frozen=True)
class Node:
    """A step (something someone does) or a decision (a question with branches) of one role."""

    id: str
    role: str
    kind: str  # "step" | "decision"
    title: Text  # the step's short title, or the decision's question
    body: Text | None = None  # Markdown: what to do, in plain words (the parts' texts, joined)
    parts: tuple[Part, ...] = ()  # steps only: the body, each part with its own origin
    forms: tuple[str, ...] = ()
    next: tuple[str, ...] = ()  # steps only: node ids that follow, possibly of another role
    branches: tuple[Branch, ...] = ()  # decisions only
    number: int = 0  # 1-based position in the role's step list
    trace: Trace = Trace()  # a decision's own; a step's: its parts' sources, and advice if a part is advice
    own_number: str | None = None  # the protocol's own number (`number:` in the role file): "5", "5a"
    counted: bool = True  # False where the role has own numbers: then only those are shown
    phase: str | None = None  # the phase it belongs to (`phase:`, or the item's before it in the file)

    @property
    def is_decision(self) -> bool:
        return self.kind == "decision"

    @property
    def successors(self) -> tuple[str, ...]:
        return tuple(b.next for b in self.branches) if self.is_decision else self.next

    def label(self, lang: str) -> str:
        """The step's name wherever the handbook names it (the step list's heading, the chart's box,
        the helper, the forms): '5. First talk with the bullied student'. The protocol's own number
        where it has one; with own numbers in the role, an item without one has no number."""
        if self.own_number is not None:
            return f"{self.own_number}. {self.title[lang]}"
        return f"{self.number}. {self.title[lang]}" if self.counted else self.title[lang]


@dataclass(frozen=True)
class Role:
    id: str
    name: Text  # short name used in charts and step lists ("mentor")
    title: Text  # page title ("Mentor", "Zorgcoördinator en anti-pestcoördinator")
    summary: Text  # one sentence: who this is and what they do
    start: tuple[str, ...]
    nodes: dict[str, Node]
    duties: tuple[Text, ...] = ()  # standing tasks outside the case flow
    duty_traces: tuple[Trace, ...] = ()  # where each duty comes from, in the same order
    audience: str = "staff"  # "public": a reader told whom to go to (parents, students), never a staff procedure
    formal: bool = False  # the reader is addressed with "u" (parents): the labels' `_formal` wording
    card_breaks: tuple[str, ...] = ()  # "vertrouwens|persoon": where the home page's card may break a word
    article: Text | None = None  # "het" where labels.yml's role_article ("de") does not fit the name
    asks_first: str = ""  # a label: the helper's question before the role's first decision (whatnow.tree)

    @property
    def public(self) -> bool:
        return self.audience == "public"

    @property
    def page(self) -> str:
        """The role's page, the same path in every language tree."""
        return f"roles/{self.id}.md"

    @property
    def steps(self) -> list[Node]:
        return [n for n in self.nodes.values() if not n.is_decision]

    def display_name(self, lang: str) -> str:
        """The short name standing on its own, with a capital: 'Mentor', 'SEN coordinator'
        (charts' role boxes, the helper's answers, a form's step lines). In running text the
        name stays as written in the data ('Continues with mentor: …')."""
        name = self.name[lang]
        return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Phase:
    """One of the protocol's own stages (protocol.yml `phases`): 'Week 2', 'if week 1 did not help'."""

    id: str
    title: Text
    when: Text | None = None


@dataclass(frozen=True)
class Track:
    number: int
    title: Text
    points: tuple[Text, ...]


@dataclass(frozen=True)
class Advisor:
    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Reach:
    """How parents and students reach the school; empty until the school fills it in."""

    office_phone: str = ""
    mentor_email_pattern: str = ""
    confidential_advisors: tuple[Advisor, ...] = ()
    parents_may_write_english: bool | None = None


@dataclass(frozen=True)
class Settings:
    school_name: str
    student_system: Text  # per language: "Magister" / "het klassenboek", "the class logbook"
    mentor_contact: Text
    contacts: dict[str, Text]  # role id -> how to reach them (a channel, not a personal address)
    contact_ladder: tuple[str, ...]  # role ids, in order, for parents
    contact_alternative: str | None  # role id, the alternative way in; None: the protocol has none
    # School decisions: None until the school fills them in (python -m generator check --publish).
    version: str | None
    adopted_by: Text | None
    adopted_on: dt.date | None
    next_review: dt.date | None
    editor_email: str | None
    retention: Text | None
    records_access: Text | None = None
    form_copies: Text | None = None
    complaints: Text | None = None
    advisor_confidentiality: Text | None = None
    anonymous_reporting: Text | None = None
    serious_incidents: Text | None = None
    advisor_next_step: Text | None = None
    incident_notice: Text | None = None
    prevailing_text: Text | None = None
    notes_per_student: bool | None = None  # True: each file only what concerns that student
    reach: Reach = Reach()
    # The school as the site shows it (generator.school): settings.yml, never mkdocs.yml.
    short_name: str | None = None  # the PDFs' running headers and the footer; None: school_name
    site_title: Text | None = None  # every page's header, drawer and <title>, per language
    site_description: Text | None = None  # <meta name="description"> where a page has none of its own
    logo: str | None = None  # an image under docs/assets; None: the theme's icon (mkdocs.yml)
    primary: str = "indigo"  # Material's named colours
    accent: str = "indigo"

    @property
    def short(self) -> str:
        """The school's name where a line is short: the PDFs' running headers, the footer."""
        return self.short_name or self.school_name


@dataclass(frozen=True)
class FormRef:
    """What the protocol needs to know about a form: that it exists and what it is called."""

    id: str
    title: Text
    file: str


@dataclass(frozen=True)
class Protocol:
    settings: Settings
    intro: Text
    principles_intro: Text | None  # None with no principles: the protocol has none
    principles: tuple[Text, ...]
    tracks: tuple[Track, ...]  # () when the protocol has none
    roles: dict[str, Role]
    # The site's languages (protocol/settings.yml `languages:`), in order: the first is the
    # default, at /. Every Text has exactly these codes.
    languages: tuple = ()  # generator.languages.Language items
    forms: dict[str, FormRef] = field(default_factory=dict)
    labels: dict[str, Text] = field(default_factory=lambda: Labels())  # words around the data, from labels.yml
    adopted: dict = field(default_factory=dict)  # passage id -> generator.adopted.Passage
    phases: tuple[Phase, ...] = ()  # the protocol's own stages, in order; () when it has none

    @property
    def codes(self) -> tuple[str, ...]:
        """The language codes, in order: ('nl', 'en')."""
        return tuple(lang.code for lang in self.languages)

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def nodes(self) -> dict[str, Node]:
        return {nid: node for role in self.roles.values() for nid, node in role.nodes.items()}

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def phase_groups(self, role_id: str) -> list[tuple[Phase | None, list[Node]]]:
        """A role's steps and decisions under the phases, in the order of `phases` (each in the
        file's order); first those before any phase (None). One group (None, all) without phases."""
        nodes = list(self.roles[role_id].nodes.values())
        if not self.phases:
            return [(None, nodes)]
        groups = [(None, [n for n in nodes if n.phase is None])]
        groups += [(phase, [n for n in nodes if n.phase == phase.id]) for phase in self.phases]
        return [(phase, members) for phase, members in groups if members]

    def handover_label(self, node: Node, lang: str) -> str:
        """A step of another role, named as the step list links to it:
        'Continues with mentor: 1. Receive the report'."""
        return f"{self.labels['hands_over_to'][lang]} {self.roles[node.role].name[lang]}: {node.label(lang)}"

    def step_link_text(self, node: Node, lang: str, on_role: str) -> str:
        """How a link from a page (or chart) of role `on_role` names a step: its own steps by their
        label, another role's step as a hand-over."""
        return node.label(lang) if node.role == on_role else self.handover_label(node, lang)

    def steps_for_form(self, form_id: str) -> list[Node]:
        """Every step that uses this form, in role order then step order."""
        return [n for n in self.nodes.values() if form_id in n.forms]
