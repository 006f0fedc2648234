"""protocol/adopted.yml: the adopted text, word for word, as blocks with stable ids. Pure data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import DataError, Problem
from generator.schema import TEXT
from generator.schemacheck import schema_problems
from generator.yamlio import read_yaml

FILE = "protocol/adopted.yml"
KINDS = ("heading", "subheading", "paragraph", "item", "bullet", "sub")
_ID = {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}
_STR = {"type": "string", "minLength": 1}
_BLOCK = {
    "type": "object",
    "properties": {
        "kind": {"enum": list(KINDS)},
        "id": _ID,
        "label": TEXT,
        "nl": _STR,
        "en": _STR,
        "en_missing": _STR,
    },
    "required": ["kind", "id", "nl"],
    "oneOf": [{"required": ["en"]}, {"required": ["en_missing"]}],
    "additionalProperties": False,
}
SCHEMA = {
    "type": "object",
    "properties": {"blocks": {"type": "array", "items": _BLOCK, "minItems": 1}},
    "required": ["blocks"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Block:
    """A heading or a passage of the adopted text. `text[lang]` is None where that language's
    source lacks it (then `missing` says so, in English)."""

    id: str
    kind: str
    text: dict  # lang -> str | None
    section: dict  # lang -> the short name of the (sub)heading it sits under ("Mentor")
    point: str  # its number under that heading: "2", "3a"; "" for headings
    missing: str | None = None

    @property
    def is_heading(self) -> bool:
        return self.kind in ("heading", "subheading")


def load_adopted(root: Path) -> dict[str, Block]:
    """Block id -> Block, in the order of the text. Raises DataError on a broken file."""
    data = read_yaml(Path(root) / FILE, Path(root))
    problems = schema_problems(data, SCHEMA, FILE)
    if not problems:
        problems = _duplicates(data["blocks"])
    if problems:
        raise DataError(problems)
    return build_blocks(data["blocks"])


def _duplicates(blocks: list[dict]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, block in enumerate(blocks):
        if block["id"] in seen:
            problems.append(Problem(FILE, f"blocks[{i}].id", repr(block["id"]), "an id used once"))
        seen.add(block["id"])
    return problems


def build_blocks(raw: list[dict]) -> dict[str, Block]:
    out: dict[str, Block] = {}
    section = {"nl": "", "en": ""}
    # Paragraphs and points are counted apart, as a reader counts them: under "Principles" an
    # opening paragraph (paragraph 1) and then points 1 to 5, so principle-3 is "point 3".
    count, paragraphs, letter = 0, 0, 0
    for b in raw:
        kind = b["kind"]
        if kind in ("heading", "subheading"):
            section = dict(b.get("label") or {lang: re.sub(r"^\d+\.\s*", "", b[lang]) for lang in ("nl", "en")})
            count, paragraphs, point = 0, 0, ""
        elif kind == "sub":
            letter += 1
            point = f"{count}{chr(ord('a') + letter - 1)}"
        elif kind == "paragraph":
            paragraphs, letter = paragraphs + 1, 0
            point = str(paragraphs)
        else:
            count, letter = count + 1, 0
            point = str(count)
        out[b["id"]] = Block(
            id=b["id"],
            kind=kind,
            text={"nl": b["nl"], "en": b.get("en")},
            section=section,
            point=point,
            missing=b.get("en_missing"),
        )
    return out
