"""Fixtures for the form tests: the real protocol, a small fake one, and every PDF built once."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pikepdf
import pytest

from generator.forms.builder import build_forms, output_path
from generator.forms.view import form_view, widgets
from generator.handbook import Handbook, load_handbook
from generator.languages import Language
from generator.model import Node, Protocol, Role, Settings, Text
from tests.conftest import ROOT
from tests.helpers import LANGUAGES


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    return load_handbook(ROOT)


@pytest.fixture(scope="session")
def protocol(handbook) -> Protocol:
    return handbook.protocol


@pytest.fixture(scope="session")
def built(handbook, tmp_path_factory) -> Path:
    """Every form in every language, built once per test session with two processes."""
    out = tmp_path_factory.mktemp("forms")
    build_forms(handbook, out, jobs=2)
    return out


@pytest.fixture(scope="session")
def viewers() -> None:
    """Asked for by the tests that fill forms and draw them as poppler, PDFium and MuPDF do
    (tests/forms/rendering.py, about half a second a case): it puts them in the slow tier (tests/tiers.py)."""


@pytest.fixture(scope="session")
def all_pdfs(built, handbook) -> list[tuple[str, str, Path]]:
    return [
        (lang, form_id, output_path(built, lang, form_id)) for lang in LANGUAGES for form_id in sorted(handbook.forms)
    ]


@pytest.fixture(scope="session")
def expected_widgets(protocol, handbook):
    def of(form_id: str, lang: str):
        return widgets(form_view(handbook.forms[form_id], protocol, handbook.form_labels, lang))

    return of


_KEEP_OPEN: list[pikepdf.Pdf] = []  # pikepdf objects die with their Pdf


def fields_of(path: Path) -> dict[str, pikepdf.Dictionary]:
    """Top-level AcroForm fields of a PDF by name (/T)."""
    pdf = pikepdf.open(path)
    _KEEP_OPEN.append(pdf)
    return {str(f.T): f for f in pdf.Root.AcroForm.Fields}


@pytest.fixture
def forms_root(tmp_path) -> Path:
    """A writable copy of the forms/ folder (and the protocol it belongs to), to change inputs in."""
    shutil.copytree(ROOT / "forms", tmp_path / "forms")
    shutil.copytree(ROOT / "protocol", tmp_path / "protocol")
    return tmp_path


def text(nl: str, en: str) -> Text:
    return Text(nl=nl, en=en)


@pytest.fixture
def fake_protocol() -> Protocol:
    """Two roles, a decision and three steps; one step uses the fake form 'note'."""
    mentor = Role(
        id="mentor",
        name=text("mentor", "mentor"),
        title=text("Mentor", "Mentor"),
        summary=text("s", "s"),
        start=("m-a",),
        nodes={
            "m-a": Node("m-a", "mentor", "step", text("Luisteren", "Listen"), forms=("note",), number=1),
            "m-q": Node("m-q", "mentor", "decision", text("Opnieuw?", "Again?"), number=2),
            "m-b": Node("m-b", "mentor", "step", text("Vastleggen in Magister", "Record it in Magister"), number=3),
        },
    )
    coordinator = Role(
        id="coordinator",
        name=text("zorgcoördinator", "SEN coordinator"),
        title=text("Zorgcoördinator", "SEN coordinator"),
        summary=text("s", "s"),
        start=("c-a",),
        nodes={"c-a": Node("c-a", "coordinator", "step", text("Overnemen", "Take over"), forms=("note",), number=1)},
    )
    management = Role(
        id="management",
        name=text("schoolleiding", "school management"),
        title=text("Schoolleiding", "School management"),
        summary=text("s", "s"),
        start=(),
        nodes={},
    )
    settings = Settings(
        school_name="Testschool",
        student_system=text("Somtoday", "Somtoday"),
        mentor_contact=text("mail", "mail"),
        contacts={},
        contact_ladder=("mentor",),
        contact_alternative="mentor",
        version="9.9",
        adopted_by=text("MR", "MR"),
        adopted_on=dt.date(2026, 1, 1),
        next_review=dt.date(2027, 1, 1),
        editor_email="x@example.org",
        retention=text("drie jaar", "three years"),
    )
    roles = {"mentor": mentor, "coordinator": coordinator, "management": management}
    return Protocol(
        settings=settings,
        languages=(Language("nl", "Nederlands"), Language("en", "English")),
        intro=text("i", "i"),
        principles_intro=text("p", "p"),
        principles=(),
        tracks=(),
        roles=roles,
        labels={
            "undecided_retention": text("Nog niet vastgelegd hoe lang.", "Not yet set down how long."),
            "undecided_records_access": text("Nog niet vastgelegd wie.", "Not yet set down who."),
            "undecided_form_copies": text("Nog niet vastgelegd wat met het papier.", "Not yet set down what."),
            "open_short": text("nog niet vastgesteld", "not decided yet"),
        },
    )
