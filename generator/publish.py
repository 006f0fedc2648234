"""What the school must still decide or fill in before the handbook goes public.

A registry of settings, each a path into a file of the repository with a short reason. A setting
is open while it is missing or empty (`~`), or, for an address, while it points at this machine.
`python -m generator check --publish` (make publish-check) prints one line per open setting and
fails while any is open; `make build` does not look at it, so a preview always builds.
Another module adds its own keys with register("protocol/settings.yml", "key.sub", "reason").
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml


@dataclass(frozen=True)
class Decision:
    file: str  # relative to the repository root
    key: str  # dotted path inside the file: "site_url", "contacts.mentor"
    reason: str  # what the school decides, in a few words
    is_open: Callable[[object], bool] | None = None  # default: missing or empty


def _local_address(value: object) -> bool:
    """True when a site address is empty or points at this machine (127.0.0.1, localhost, ::1)."""
    host = urlsplit(str(value or "")).hostname or ""
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


SETTINGS = "protocol/settings.yml"
REGISTRY: list[Decision] = [
    Decision("mkdocs.yml", "site_url", "the address where the handbook will be published", _local_address),
    Decision(SETTINGS, "editor_email", "the address that receives 'something is wrong on this page' (it must be read)"),
    Decision(SETTINGS, "complaints", "where parents and students go with a complaint (complaints route)"),
    Decision(SETTINGS, "retention", "how long the notes on bullying are kept (privacy regulation)"),
    Decision(SETTINGS, "records_access", "who may see what is recorded, and how to ask (privacy regulation)"),
    Decision(SETTINGS, "form_copies", "what happens to a filled-in form once it is in the student system"),
    Decision(SETTINGS, "advisor_confidentiality", "what a confidential advisor keeps to themselves, and its limits"),
    Decision(SETTINGS, "anonymous_reporting", "whether a student can report without giving their name"),
    Decision(SETTINGS, "serious_incidents", "who is told at once after a serious incident (violence, threats, …)"),
    # What the protocol leaves open (issue 19): each is said plainly on the pages while it is open.
    Decision(SETTINGS, "advisor_next_step", "what a confidential advisor does after a student has talked to them"),
    Decision(SETTINGS, "incident_notice", "how, and from whom, school management hears of every bullying incident"),
    Decision(SETTINGS, "prevailing_text", "which text applies where the Dutch and English versions differ"),
    Decision(
        SETTINGS,
        "notes_per_student",
        "true if each student's file gets only what concerns that student; false: the notes go in both files",
    ),
    Decision(SETTINGS, "version", "the version of the adopted protocol"),
    Decision(SETTINGS, "adopted_by", "who adopted the protocol (adoption data)"),
    Decision(SETTINGS, "adopted_on", "the date the protocol was adopted (adoption data)"),
    Decision(SETTINGS, "next_review", "the date of the next review (adoption data)"),
    # How parents and students reach the school (the contact block on their pages, issue 9).
    Decision(SETTINGS, "reach.office_phone", "the school office's phone number for parents"),
    Decision(SETTINGS, "reach.mentor_email_pattern", "how a mentor's e-mail address is made"),
    Decision(SETTINGS, "reach.confidential_advisors", "the confidential advisors' names and how to reach them"),
    Decision(SETTINGS, "reach.parents_may_write_english", "whether parents may write to the school in English"),
]


def register(file: str, key: str, reason: str, is_open: Callable[[object], bool] | None = None) -> None:
    """Add a school decision to the publish check (once; a second registration is ignored)."""
    if not any(d.file == file and d.key == key for d in REGISTRY):
        REGISTRY.append(Decision(file, key, reason, is_open))


def open_decisions(root: Path, registry: list[Decision] | None = None) -> list[str]:
    """One line per open decision: 'file: key: reason; found …' in registry order."""
    lines, cache = [], {}
    for d in REGISTRY if registry is None else registry:
        if d.file not in cache:
            cache[d.file] = _read(Path(root) / d.file)
        value = _lookup(cache[d.file], d.key)
        if (d.is_open or _empty)(value):
            found = "nothing" if _empty(value) else repr(value)
            lines.append(f"{d.file}: {d.key}: still open, found {found}; expected {d.reason}")
    return lines


def _empty(value: object) -> bool:
    if isinstance(value, dict):
        return not value or all(_empty(v) for v in value.values())
    return value is None or (isinstance(value, str | list) and not value)


def _lookup(data: object, dotted: str) -> object:
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python tags do not matter here."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read(path: Path) -> dict:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_AnyTagLoader) or {}  # noqa: S506 - a SafeLoader subclass
