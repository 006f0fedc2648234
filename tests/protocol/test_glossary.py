"""One term per concept per language (protocol/glossary.yml), in the data and in the page sources;
person-first words for the student who bullies on the student and parent pages."""

from __future__ import annotations

import pytest

from generator.glossary import load_glossary
from tests.conftest import ROOT
from tests.helpers import data_texts

# The adopted text is verbatim and the glossary names what to avoid; form pages belong to the forms.
SOURCES = [
    p
    for p in [*sorted((ROOT / "protocol").rglob("*.yml")), *sorted((ROOT / "docs").rglob("*.md"))]
    if p.name not in ("adopted.yml", "glossary.yml") and "forms" not in p.parts
]


def texts(path, lang: str) -> str:
    """The text of one language in a data file (every value under an `nl`/`en` key), or a page."""
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8") if f"/{lang}/" in path.as_posix() else ""
    return data_texts(path, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_data_file_or_page_uses_a_word_the_glossary_avoids(lang):
    glossary = load_glossary(ROOT)
    for path in SOURCES:
        text = texts(path, lang).lower()
        for entry in glossary.values():
            for word in entry["avoid"][lang]:
                assert word.lower() not in text, f"{path.relative_to(ROOT)}: {word!r} (say {entry['term'][lang]!r})"


def test_every_term_is_explained_in_both_languages():
    for key, entry in load_glossary(ROOT).items():
        assert entry["explain"]["nl"] and entry["explain"]["en"], key


def test_the_check_command_refuses_a_broken_glossary(data_copy, capsys):
    from generator.__main__ import main

    path = data_copy / "protocol/glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    explain:\n", "    uitleg:\n", 1), encoding="utf-8")
    assert main(["check", "--root", str(data_copy)]) == 1
    assert "protocol/glossary.yml: terms.coordinator" in capsys.readouterr().err
