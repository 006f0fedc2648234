"""School decisions: the one table of what the school decides (DECISIONS), and how the pages show
a decision: the setting of protocol/settings.yml when the school has filled it in, and otherwise
what the reader can do instead (labels.yml `undecided_<key>`). Never a default.

From the table come the settings schema's open texts (generator.schema.OPEN_TEXTS), the publish
check's list (generator.publish.REGISTRY) and the names the `decided` marker takes (SHOWN). A new
decision is one row here, a key in settings.yml and, for a text, its `undecided_<key>` label.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Protocol, Settings
from generator.pages.text import md_text


@dataclass(frozen=True)
class SchoolDecision:
    key: str  # in protocol/settings.yml; "reach.office_phone" inside `reach`
    reason: str  # what the school decides, in a few words (make publish-check)
    text: bool = False  # a sentence in nl and en, shown by <!-- protocol:decided name=key -->


DECISIONS: tuple[SchoolDecision, ...] = (
    SchoolDecision("editor_email", "the address that receives 'something is wrong on this page' (it must be read)"),
    SchoolDecision("complaints", "where parents and students go with a complaint (complaints route)", text=True),
    SchoolDecision("retention", "how long the notes on bullying are kept (privacy regulation)", text=True),
    SchoolDecision("records_access", "who may see what is recorded, and how to ask (privacy regulation)", text=True),
    SchoolDecision("form_copies", "what happens to a filled-in form once it is in the student system", text=True),
    SchoolDecision(
        "advisor_confidentiality", "what a confidential advisor keeps to themselves, and its limits", text=True
    ),
    SchoolDecision("anonymous_reporting", "whether a student can report without giving their name", text=True),
    SchoolDecision(
        "serious_incidents", "who is told at once after a serious incident (violence, threats, …)", text=True
    ),
    # What the protocol leaves open (issue 19): each is said plainly on the pages while it is open.
    SchoolDecision(
        "advisor_next_step", "what a confidential advisor does after a student has talked to them", text=True
    ),
    SchoolDecision(
        "incident_notice", "how, and from whom, school management hears of every bullying incident", text=True
    ),
    SchoolDecision("prevailing_text", "which text applies where the Dutch and English versions differ", text=True),
    SchoolDecision(
        "notes_per_student",
        "true if each student's file gets only what concerns that student; false: the notes go in both files",
    ),
    SchoolDecision("version", "the version of the adopted protocol"),
    SchoolDecision("adopted_by", "who adopted the protocol (adoption data)"),
    SchoolDecision("adopted_on", "the date the protocol was adopted (adoption data)"),
    SchoolDecision("next_review", "the date of the next review (adoption data)"),
    # How parents and students reach the school (the contact block on their pages, issue 9).
    SchoolDecision("reach.office_phone", "the school office's phone number for parents"),
    SchoolDecision("reach.mentor_email_pattern", "how a mentor's e-mail address is made"),
    SchoolDecision("reach.confidential_advisors", "the confidential advisors' names and how to reach them"),
    SchoolDecision("reach.parents_may_write_english", "whether parents may write to the school in English"),
)
SHOWN = tuple(d.key for d in DECISIONS if d.text)  # what <!-- protocol:decided name=… --> takes


def decided(ctx, name: str) -> str:
    """Marker <!-- protocol:decided name=retention -->: the school's decision, or what to do instead.
    `name` is one of SHOWN (generator.pages.markers checks it before)."""
    value = getattr(ctx.protocol.settings, name)
    if value:
        return md_text(value[ctx.lang])  # text, never Markdown
    return md_text(_fill(ctx.protocol, ctx.t(f"undecided_{name}"), ctx.lang))


def adoption_line(protocol: Protocol, lang: str, format_date) -> str:
    """One line for the booklet's cover: version and adoption as far as known, else the open note."""
    s: Settings = protocol.settings
    t = {key: text[lang] for key, text in protocol.labels.items()}
    if not (s.version and s.adopted_by and s.adopted_on):
        return t["undecided_adoption"]
    return " ".join(
        (
            t["version"],
            s.version,
            "·",
            t["adopted"],
            s.adopted_by[lang],
            t["adopted_on"],
            format_date(s.adopted_on, lang),
        )
    )


def _fill(protocol: Protocol, text: str, lang: str) -> str:
    settings = protocol.settings
    return text.replace("{system}", settings.student_system[lang]).replace("{school}", settings.school_name)
