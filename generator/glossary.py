"""protocol/glossary.yml: one term per concept per language, explained where a page asks for it."""

from __future__ import annotations

from pathlib import Path

from generator.errors import DataError
from generator.filler import fill_file
from generator.pages.text import md_text
from generator.schema import TEXT, per_language
from generator.schemacheck import schema_problems
from generator.yamlio import read_yaml

FILE = "protocol/glossary.yml"
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA = {
    "type": "object",
    "properties": {
        "terms": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "term": TEXT,
                    "explain": TEXT,
                    "avoid": per_language(_WORDS),
                },
                "required": ["term", "explain", "avoid"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["terms"],
    "additionalProperties": False,
}


def load_glossary(
    root: Path | str, values: dict[str, object] | None = None, languages: tuple[str, ...] = ()
) -> dict[str, dict]:
    """The terms of root's glossary, checked, with {system} (and the other placeholders) filled in
    from values (generator.handbook passes the settings; None leaves them as they are)."""
    root = Path(root)
    if not languages:
        from generator.languages import codes, read

        languages = codes(read(root))
    data = read_yaml(root / FILE, root)
    problems = schema_problems(data, SCHEMA, FILE, languages)
    if problems:
        raise DataError(problems)
    return fill_file(data, FILE, values, languages=languages)["terms"]


def glossary(ctx, terms: str) -> str:
    """Marker <!-- protocol:glossary terms=coordinator,system -->: a definition list of those terms."""
    entries = ctx.handbook.glossary  # read with the rest of the data (generator.handbook), filled in
    # A closed box (pymdownx.details), so the page still starts with what the reader came for.
    heading = str(md_text(ctx.t("glossary_heading"))).replace('"', "&#34;")  # words from the data are text
    lines = [f'??? info "{heading}"', ""]
    for key in terms.split(","):
        entry = entries[key]  # a term of the glossary: generator.pages.markers checked it
        term, explain = entry["term"][ctx.lang], entry["explain"][ctx.lang]
        lines += [f"    {md_text(term[:1].upper() + term[1:])}", f"    :   {md_text(explain)}", ""]
    return "\n".join(lines) + "\n"
