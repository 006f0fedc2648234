"""JSON Schemas for the protocol's YAML files. Structure only; cross-references are checked in
generator.validate."""

from __future__ import annotations

from generator.decisions import SHOWN

ID = {"type": "string", "pattern": "^[a-z][a-z0-9_-]*$"}


def per_language(value: dict) -> dict:
    """An object with one `value` per language, and nothing else. The languages are data
    (protocol/settings.yml `languages:`): generator.schemacheck puts them in when it checks a file
    (`x-per-language`: the shape of each language's value; `x-required-languages`: all required)."""
    return {
        "type": "object",
        "x-per-language": value,
        "x-required-languages": True,
        "properties": {},
        "additionalProperties": False,
    }


TEXT = per_language({"type": "string", "minLength": 1})

DATE = {"type": "string", "format": "date"}

LINE = {"type": "string", "pattern": r"\S", "maxLength": 200, "x-expected": "a short text with words in it"}

# An address a mailto: link can carry as it is: no quotes, no angle brackets, no spaces. An
# optional "mailto:" in front is allowed (and dropped by the loader).
EMAIL = {
    "type": "string",
    "pattern": r"^(mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
    "x-expected": "an e-mail address such as pestprotocol@school.nl",
}

# A phone number as people write it: digits, spaces, brackets, dashes, a leading +.
PHONE = {
    "type": "string",
    "pattern": r"^(\+?[0-9][0-9 ()-]{5,})?$",
    "x-expected": "a phone number such as 020 123 45 67 or +31 20 123 45 67 (digits, spaces, -, brackets, a leading +)",
}
# A person's address (an advisor's), or how a mentor's address is made ("initials.surname@school.nl").
ADDRESS = {
    "type": "string",
    "pattern": r"^([^@\s\"'<>]+@[^@\s\"'<>]+\.[a-z]{2,})?$",
    "x-expected": "an e-mail address such as a.devries@school.nl (no spaces, quotes or angle brackets)",
}

# Where a step, decision or duty comes from (checked in generator.adopted.trace): passage ids of
# protocol/adopted.yml, and/or a mark that it is the school's practical advice.
TRACE = {
    "source": {"type": "array", "items": ID, "minItems": 1, "uniqueItems": True},
    "advice": {"type": "boolean"},
}
DUTY = {**TEXT, "properties": {**TRACE}}

# A part of a step's text (generator.adopted.trace checks that each says where it comes from):
# nl + en with `source:` (the protocol's duty) or `advice: true` (the school's advice); or
# `school_decision: <setting>` alone, a decision the protocol leaves to the school (its text comes
# from protocol/settings.yml, or while it is open, from labels.yml undecided_<setting>).
PART = {
    "type": "object",
    "x-per-language": {"type": "string", "minLength": 1},
    "properties": {**TRACE, "school_decision": ID},
    "additionalProperties": False,
    "if": {"required": ["school_decision"]},
    "else": {"x-required-languages": True},
}


def _open(shape: dict) -> dict:
    """A school decision that may still be open: the value, or nothing (~) until the school decides."""
    return {**shape, "type": [shape["type"], "null"]}  # the other keywords apply to that type only


# School decisions written as text (generator.decisions: DECISIONS); listed by `python -m generator
# check --publish` while empty.
OPEN_TEXTS = SHOWN

SETTINGS = {
    "type": "object",
    "properties": {
        "school_name": LINE,
        # The school as the site shows it (generator.school): every page's header and title, the
        # meta description, the colours and the logo. mkdocs.yml keeps only the build's mechanics.
        "short_name": _open(LINE),
        "site_title": TEXT,
        "site_description": TEXT,
        "logo": _open(LINE),
        "colours": {
            "type": "object",
            "properties": {"primary": LINE, "accent": LINE},
            "required": ["primary", "accent"],
            "additionalProperties": False,
        },
        "languages": {"type": "array"},  # checked first, on its own (generator.languages)
        "student_system": per_language(LINE),
        "editor_email": _open(EMAIL),
        "mentor_contact": TEXT,
        "contacts": {"type": "object", "additionalProperties": TEXT, "propertyNames": ID},
        "contact_ladder": {"type": "array", "items": ID, "minItems": 1, "uniqueItems": True},
        "contact_alternative": ID,
        **{key: _open(TEXT) for key in OPEN_TEXTS},
        "version": _open(LINE),
        "adopted_by": _open(TEXT),
        "adopted_on": _open(DATE),
        "next_review": _open(DATE),
        "notes_per_student": {"type": ["boolean", "null"]},
        "reach": {
            "type": "object",
            "properties": {
                "office_phone": _open(PHONE),
                "mentor_email_pattern": {
                    **_open(ADDRESS),
                    "x-expected": "how a mentor's address is made, such as initials.surname@school.nl",
                },
                "confidential_advisors": {
                    "type": ["array", "null"],
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string", "minLength": 1},
                            "email": ADDRESS,
                            "phone": PHONE,
                        },
                        "required": ["name"],
                        "additionalProperties": False,
                    },
                },
                "parents_may_write_english": {"type": ["boolean", "null"]},
            },
            "additionalProperties": False,
        },
    },
    "required": [
        "languages",
        "school_name",
        "site_title",
        "site_description",
        "colours",
        "student_system",
        "editor_email",
        "mentor_contact",
        "contacts",
        "contact_ladder",
        "retention",
        "version",
        "adopted_by",
        "adopted_on",
        "next_review",
    ],
    "additionalProperties": False,
}

PROTOCOL = {
    "type": "object",
    "properties": {
        "roles": {"type": "array", "items": ID, "minItems": 1, "uniqueItems": True},
        "intro": TEXT,
        "principles_intro": TEXT,
        "principles": {"type": "array", "items": TEXT, "minItems": 1},
        "tracks": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "title": TEXT,
                    "points": {"type": "array", "items": TEXT, "minItems": 1},
                },
                "required": ["title", "points"],
                "additionalProperties": False,
            },
        },
        # The protocol's own stages (weeks, stages), in order; optional. A step or decision names
        # its phase with `phase:`; role pages group their steps under each phase's title (and
        # `when`), charts draw each phase as a cluster.
        "phases": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {"id": ID, "title": TEXT, "when": TEXT},
                "required": ["id", "title"],
                "additionalProperties": False,
            },
        },
    },
    # principles and tracks are optional: a protocol that has none leaves them out, and so do its
    # pages (a marker for a section the data does not have is refused, naming the section).
    "required": ["roles", "intro"],
    "additionalProperties": False,
}

# The protocol's own number of a step or decision ("5", "5a"): shown before its title wherever the
# handbook names it. When a role has any, its other items carry no number (no 1..n counting).
OWN_NUMBER = {
    "type": ["integer", "string"],
    "pattern": r"^[0-9]{1,3}[a-z]?$",
    "minimum": 0,
    "maximum": 999,
    "x-expected": "a number such as 5, or a number and a letter such as 5a",
}
# The phase a step or decision belongs to: an id of protocol.yml `phases` (generator.validate).
OWN_STEP = {"number": OWN_NUMBER, "phase": ID}

STEP = {
    "type": "object",
    "properties": {
        "id": ID,
        "title": TEXT,
        # The step's text in parts, each with its own origin (PART): no `source` on the step itself.
        "body": {
            "type": "array",
            "items": PART,
            "minItems": 1,
            "x-expected-type": "a list of parts, each '- nl: …, en: …' with 'source: [passage ids]' or "
            "'advice: true' (see README, Editing the protocol)",
        },
        "forms": {"type": "array", "items": ID, "uniqueItems": True},
        "next": {"type": "array", "items": ID, "uniqueItems": True},
        **OWN_STEP,
    },
    "required": ["id", "title", "body"],
    "additionalProperties": False,
}

DECISION = {
    "type": "object",
    "properties": {
        "id": ID,
        "decision": TEXT,
        "branches": {
            "type": "array",
            "minItems": 2,
            "items": {
                "type": "object",
                "properties": {"label": TEXT, "next": ID},
                "required": ["label", "next"],
                "additionalProperties": False,
            },
        },
        **TRACE,
        **OWN_STEP,
    },
    "required": ["id", "decision", "branches"],
    "additionalProperties": False,
}

ROLE = {
    "type": "object",
    "properties": {
        "id": ID,
        "name": TEXT,
        "title": TEXT,
        "summary": TEXT,
        # What the role is, as data (never its id): a public reader (a parent, a student) is told
        # whom to go to and how to reach them, never sent into a staff procedure; `formal: true`
        # addresses the reader with "u" (the labels' `_formal` wording), otherwise "je".
        "audience": {"enum": ["public", "staff"], "x-expected": "public or staff"},
        "formal": {"type": "boolean"},
        # The word before the role's name in "de mentor helpt u verder" when it is not labels.yml's
        # role_article ("het ondersteuningsteam").
        "article": TEXT,
        # The question the "What do I do now?" helper asks this role before its first decision, when
        # that decision is about afterwards (parents: "have you talked to the mentor yet?"): a label key.
        "asks_first": {"type": "string", "pattern": "^[a-z0-9_]+$", "x-expected": "a key of protocol/labels.yml"},
        # Where a long word of the title may break on the home page's card: "vertrouwens|persoon".
        "card_breaks": {
            "type": "array",
            "items": {"type": "string", "pattern": r"^[^|\s]+\|[^|\s]+$", "x-expected": "a word with one |"},
            "uniqueItems": True,
        },
        "start": {"type": "array", "items": ID, "minItems": 1, "uniqueItems": True},
        "duties": {"type": "array", "items": DUTY},
        "steps": {
            "type": "array",
            "minItems": 1,
            # A step has a title, a decision has a question: the key tells which schema applies.
            "items": {"if": {"required": ["decision"]}, "then": DECISION, "else": STEP},
        },
    },
    "required": ["id", "name", "title", "summary", "start", "steps"],
    "additionalProperties": False,
}

LABELS = {"type": "object", "additionalProperties": TEXT, "propertyNames": ID, "minProperties": 1}
