"""ALASCA's house wording: person-first words for the student who bullies on the pages for students
and parents. A house rule of this school's, not of the generator (another school's adopted text may
say "pester": its own group of content tests decides)."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT


def texts(path, lang: str) -> str:
    """The text of one language in a data file: every value under a `lang` key."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(found)


@pytest.mark.parametrize(("lang", "label"), [("nl", r"\b(de |een )?pesters?\b"), ("en", r"\b(a|the) bull(y|ies)\b")])
def test_student_and_parent_pages_speak_of_the_student_who_bullies(lang, label):
    """Person-first on the pages for students and parents (the role lists of the class talk excepted)."""
    for path in ("roles/student.md", "roles/parent.md"):
        text = (ROOT / "docs" / lang / path).read_text(encoding="utf-8")
        assert not re.search(label, text), path
    for role in ("student", "parent"):
        data = texts(ROOT / "protocol" / "roles" / f"{role}.yml", lang)
        assert not re.search(label, data), role
