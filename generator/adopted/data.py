"""protocol/adopted.yml: the adopted text, word for word, as blocks with stable ids. Pure data.

The one place where a text may lack a language: the school adopted the passage in fewer of the
site's languages. A block has its text under each language it was adopted in (`nl: …`, at least
one), and may say why one is missing (`missing: {en: "the school's note"}`). That language's page
shows the passage in the first listed language that has it, marked as such (generator.adopted.render).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    # its text in each language the school adopted it in (the site's languages: generator.schemacheck)
    "x-per-language": _STR,
    "properties": {
        "kind": {"enum": list(KINDS)},
        "id": _ID,
        "label": TEXT,
        # a language the passage was not adopted in -> the school's note on that language's page
        "missing": {"type": "object", "additionalProperties": _STR, "minProperties": 1},
        # The school's own number of a passage ("5" where its text numbers steps 1 to 12 across
        # its weeks): kept on the word-for-word page and in the steps' links; the passages after it
        # under the same heading count on from it. Without it, points count from 1 per heading.
        "number": {
            "type": ["integer", "string"],
            "pattern": r"^[0-9]{1,3}$",
            "minimum": 1,
            "maximum": 999,
            "x-expected": "a number such as 5",
        },
    },
    "required": ["kind", "id"],
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
    """A heading or a passage of the adopted text. `text[lang]` is None where the school did not
    adopt it in that language: `shown(lang)` gives the language it is shown in instead, and
    `missing[lang]` the school's note, if any."""

    id: str
    kind: str
    text: dict  # lang -> str | None
    section: dict  # lang -> the short name of the (sub)heading it sits under ("Mentor")
    point: str  # its number under that heading: "2", "3a"; "" for headings
    missing: dict = field(default_factory=dict)  # lang -> the school's note where text[lang] is None
    own_number: bool = False  # `number:` in adopted.yml: the school's own, shown on the page

    @property
    def is_heading(self) -> bool:
        return self.kind in ("heading", "subheading")

    def shown(self, lang: str) -> str:
        """The language this block is shown in on `lang`'s page: its own, or else the first of the
        site's languages the school adopted it in."""
        if self.text.get(lang) is not None:
            return lang
        return next(other for other, text in self.text.items() if text is not None)


def load_adopted(root: Path, languages: tuple[str, ...]) -> dict[str, Block]:
    """Block id -> Block, in the order of the text. Raises DataError on a broken file.
    languages: the site's language codes (protocol/settings.yml), in order."""
    data = read_yaml(Path(root) / FILE, Path(root))
    problems = schema_problems(data, SCHEMA, FILE, languages)
    if not problems:
        problems = _duplicates(data["blocks"]) + _languages(data["blocks"], languages)
    if problems:
        raise DataError(problems)
    return build_blocks(data["blocks"], languages)


def _languages(blocks: list[dict], languages: tuple[str, ...]) -> list[Problem]:
    """A block in at least one language; a note only for a language it lacks."""
    problems = []
    for block in blocks:
        if not any(lang in block for lang in languages):
            expected = f"its text in at least one of the languages of protocol/settings.yml ({', '.join(languages)})"
            problems.append(Problem(FILE, f"blocks[{block['id']}]", "no text", expected))
        for lang in block.get("missing", {}):
            if lang not in languages or lang in block:
                lacking = ", ".join(other for other in languages if other not in block) or "none"
                expected = f"a note only for a language of protocol/settings.yml the block has no text in ({lacking})"
                problems.append(Problem(FILE, f"blocks[{block['id']}].missing.{lang}", "a note", expected))
    return problems


def _duplicates(blocks: list[dict]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, block in enumerate(blocks):
        if block["id"] in seen:
            problems.append(Problem(FILE, f"blocks[{i}].id", repr(block["id"]), "an id used once"))
        seen.add(block["id"])
    return problems


def build_blocks(raw: list[dict], languages: tuple[str, ...]) -> dict[str, Block]:
    out: dict[str, Block] = {}
    section = dict.fromkeys(languages, "")
    # Paragraphs and points are counted apart, as a reader counts them: under "Principles" an
    # opening paragraph (paragraph 1) and then points 1 to 5, so principle-3 is "point 3".
    count, paragraphs, letter = 0, 0, 0
    for b in raw:
        kind = b["kind"]
        if kind in ("heading", "subheading"):
            text = {lang: b.get(lang) or next(b[o] for o in languages if o in b) for lang in languages}
            section = dict(b.get("label") or {lang: re.sub(r"^\d+\.\s*", "", text[lang]) for lang in languages})
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
        if "number" in b and kind != "sub":  # the school's own number; the next ones count on from it
            point = str(b["number"])
            if kind == "paragraph":
                paragraphs = int(point)
            else:
                count = int(point)
        out[b["id"]] = Block(
            id=b["id"],
            kind=kind,
            text={lang: b.get(lang) for lang in languages},
            section=section,
            point=point,
            missing=dict(b.get("missing", {})),
            own_number="number" in b and kind != "sub",
        )
    return out
