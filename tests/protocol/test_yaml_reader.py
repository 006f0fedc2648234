"""The one YAML reader (generator/yamlio.py) reads every data file the same way on every machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError
from generator.yamlio import read_yaml


def test_an_unquoted_question_mark_between_braces_is_refused_with_the_fix(tmp_path: Path):
    """libyaml accepted this and pure-Python YAML refused it (second-school review, finding 10):
    the build now reads as the standard does, and says what to do."""
    path = tmp_path / "role.yml"
    path.write_text("id: x\ntitle: {nl: Word je gepest?, en: Are you being bullied?}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(path, tmp_path)
    (line,) = str(caught.value).splitlines()
    assert line.startswith("role.yml: line 2"), line
    assert "put that text in quotes" in line


def test_the_same_text_quoted_is_read(tmp_path: Path):
    path = tmp_path / "role.yml"
    path.write_text('title: {nl: "Word je gepest?", en: "Are you being bullied?"}\n', encoding="utf-8")
    assert read_yaml(path, tmp_path) == {"title": {"nl": "Word je gepest?", "en": "Are you being bullied?"}}
