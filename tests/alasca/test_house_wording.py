"""ALASCA's house wording: person-first words for the student who bullies on the pages for students
and parents. A house rule of this school's, not of the generator (another school's adopted text may
say "pester": its own group of content tests decides)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.helpers import data_texts


@pytest.mark.parametrize(("lang", "label"), [("nl", r"\b(de |een )?pesters?\b"), ("en", r"\b(a|the) bull(y|ies)\b")])
def test_student_and_parent_pages_speak_of_the_student_who_bullies(lang, label):
    """Person-first on the pages for students and parents (the role lists of the class talk excepted)."""
    for path in ("roles/student.md", "roles/parent.md"):
        text = (ROOT / "docs" / lang / path).read_text(encoding="utf-8")
        assert not re.search(label, text), path
    for role in ("student", "parent"):
        data = data_texts(ROOT / "protocol" / "roles" / f"{role}.yml", lang)
        assert not re.search(label, data), role
