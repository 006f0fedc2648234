"""An emoji in a text that reaches a PDF form is refused with the data file and key, not the PDF's name."""

from __future__ import annotations

import shutil

import pytest

from generator.errors import DataError
from generator.forms import build_forms
from generator.handbook import load_handbook
from tests.conftest import ROOT


def test_a_character_the_forms_cannot_draw_is_named_by_its_file_and_key(tmp_path):
    for name in ("protocol", "forms"):
        shutil.copytree(ROOT / name, tmp_path / name)
    mentor = tmp_path / "protocol/roles/mentor.yml"
    text = mentor.read_text(encoding="utf-8")
    text = text.replace("      nl: Melding ontvangen\n", "      nl: Melding ontvangen 🚨\n", 1)
    body = "      - nl: Een docent, een leerling of een ouder meldt"
    assert body in text
    text = text.replace(body, body.replace("Een", "🚨 Een"), 1)
    mentor.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_forms(load_handbook(tmp_path), tmp_path / "out", langs=("nl",), form_ids=["incident-report"], jobs=1)
    assert [str(p) for p in caught.value.problems] == [
        "protocol/roles/mentor.yml: steps[m-receive].title.nl: found the character '🚨' (U+1F6A8), which no font "
        "of the PDF forms can draw; expected letters, digits and punctuation (the web pages can show an emoji, "
        "the PDF forms cannot)"
    ]  # the body, which no form shows, is not named
    assert not (tmp_path / "out").exists()


def test_a_build_with_nothing_undrawable_reads_no_data_file_again(tmp_path, monkeypatch):
    from generator.forms import glyphs

    handbook = load_handbook(ROOT)
    monkeypatch.setattr(glyphs, "read_yaml", lambda *a: pytest.fail("the data was read again"))
    assert build_forms(handbook, tmp_path, langs=("en",), form_ids=["follow-up"], jobs=1)
