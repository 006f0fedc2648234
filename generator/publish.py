"""What the school must still decide or fill in before the handbook goes public.

A registry of settings, each a path into a file of the repository with a short reason. A setting
is open while it is missing or empty (`~`), or, for an address, while it points at this machine.
`python -m generator check --publish` (make publish-check) prints one line per open setting and
fails while any is open; `make build` does not look at it, so a preview always builds.
The school's decisions in protocol/settings.yml come from generator.decisions (DECISIONS);
another file's keys can be added with register(file, "key.sub", "reason").
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.decisions import DECISIONS


@dataclass(frozen=True)
class Decision:
    file: str  # relative to the repository root
    key: str  # dotted path inside the file: "site_url", "contacts.mentor"
    reason: str  # what the school decides, in a few words
    is_open: Callable[[object], bool] | None = None  # default: missing or empty
    applies: Callable[[Path], bool] | None = None  # default: always; else only for a protocol that needs it


def _used(name: str) -> Callable[[Path], bool]:
    """A decision only some protocols have (e.g. what a confidential advisor keeps to themselves):
    asked for only when a step (`school_decision: name`) or a page (`name=name` in a marker) uses it."""
    step = re.compile(rf"school_decision:\s*{re.escape(name)}\b")
    page = re.compile(rf"<!--\s*protocol:[a-z-]+\s[^>]*\bname={re.escape(name)}\b")

    def applies(root: Path) -> bool:
        roles = (root / "protocol" / "roles").glob("*.yml")
        pages = (root / "docs").rglob("*.md")
        return any(step.search(p.read_text(encoding="utf-8")) for p in roles) or any(
            page.search(p.read_text(encoding="utf-8")) for p in pages
        )

    return applies


def _has_alternative(root: Path) -> bool:
    """The contact block lists the alternative way in (its people) only when settings name one."""
    return bool(_lookup(_read(Path(root) / SETTINGS), "contact_alternative"))


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
# A decision asked for only while the protocol has what it is about (a confidential advisor's steps,
# the alternative way in); every other decision of DECISIONS always.
ONLY_WHEN: dict[str, Callable[[Path], bool]] = {
    "advisor_confidentiality": _used("advisor_confidentiality"),
    "advisor_next_step": _used("advisor_next_step"),
    "reach.confidential_advisors": _has_alternative,
}
REGISTRY: list[Decision] = [
    Decision("mkdocs.yml", "site_url", "the address where the handbook will be published", _local_address),
    # the school's decisions: one table (generator.decisions); some only for a protocol that needs them
    *(Decision(SETTINGS, d.key, d.reason, applies=ONLY_WHEN.get(d.key)) for d in DECISIONS),
]


def register(file: str, key: str, reason: str, is_open: Callable[[object], bool] | None = None) -> None:
    """Add a school decision to the publish check (once; a second registration is ignored)."""
    if not any(d.file == file and d.key == key for d in REGISTRY):
        REGISTRY.append(Decision(file, key, reason, is_open))


def open_decisions(root: Path, registry: list[Decision] | None = None) -> list[str]:
    """One line per open decision: 'file: key: reason; found …' in registry order."""
    lines, cache = [], {}
    for d in REGISTRY if registry is None else registry:
        if d.applies is not None and not d.applies(Path(root)):
            continue  # this protocol has no such decision to make
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
    if path.name == "mkdocs.yml":  # as MkDocs reads it: a school's INHERIT of the product's settings
        from generator.errors import DataError
        from generator.siteconfig import read_config

        try:
            return read_config(path.parent)
        except DataError:
            return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_AnyTagLoader) or {}  # noqa: S506 - a SafeLoader subclass
