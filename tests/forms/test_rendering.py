"""Filled forms as people see and print them: ticks, names with ğ and ł, curly quotes and long answers
show in poppler and PDFium, whether the filler drew the fields or left it to the viewer."""

from __future__ import annotations

import subprocess

import pikepdf
import pytest

from .rendering import (
    LAST_LINE,
    NAME,
    answers,
    boxes,
    chosen,
    fill_values_only,
    fill_with_pypdf,
    fill_with_pypdf_default,
    ink,
    pdfium_field_text,
    pdfium_pages,
    poppler_pages,
)

FORMS = [
    "case-overview",
    "class-agreements",
    "class-discussion",
    "conversation-bully",
    "conversation-victim",
    "coordinator-bully",
    "coordinator-feedback",
    "coordinator-victim",
    "escalation",
    "follow-up",
    "incident-report",
    "management-notice",
    "parent-contact",
    "parents-repeated",
]
FILLERS = {
    "pypdf draws the fields": fill_with_pypdf,
    "pypdf's default: pypdf draws them and asks the viewer to draw them again": fill_with_pypdf_default,
    "the viewer draws them (NeedAppearances)": fill_values_only,
}
IDS = ["pypdf", "pypdf-default", "need-appearances"]


def test_every_form_is_checked_here(all_pdfs):
    assert sorted({form_id for _, form_id, _ in all_pdfs}) == FORMS


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize("filler", FILLERS, ids=IDS)
def test_every_tick_and_typed_answer_shows_in_poppler_and_pdfium(built, tmp_path, form_id, filler):
    path = built / "nl" / f"{form_id}.pdf"
    values = answers(path)
    data = FILLERS[filler](path, values)
    with pikepdf.open(path) as pdf:
        heights = [float(p.mediabox[3]) for p in pdf.pages]
    renders = {
        "poppler": (poppler_pages(path.read_bytes(), tmp_path, "blank"), poppler_pages(data, tmp_path, "filled")),
        "pdfium": (pdfium_pages(path.read_bytes()), pdfium_pages(data)),
    }
    missing, stray = [], []
    for engine, (blank, filled) in renders.items():
        for box in boxes(path):
            gained = ink(filled[box.page], box, heights[box.page]) - ink(blank[box.page], box, heights[box.page])
            wanted = box.kind in ("text", "multiline") or chosen(values, box)
            if wanted and gained < 2:
                missing.append(f"{engine}: {box.field} {box.state}".strip())
            if not wanted and gained > 1:
                stray.append(f"{engine}: {box.field} {box.state}")
    assert missing == [], f"nothing drawn in these boxes ({filler})"
    assert stray == [], f"an unchosen radio button shows ink ({filler})"


@pytest.mark.parametrize("filler", FILLERS, ids=IDS)
def test_chrome_and_edge_draw_turkish_and_polish_letters_and_curly_quotes_as_typed(built, filler):
    path = built / "en" / "conversation-victim.pdf"
    values = answers(path)
    data = FILLERS[filler](path, values)
    name = next(b for b in boxes(path) if b.field == "conversation-victim-student")
    answer = next(b for b in boxes(path) if b.field == "conversation-victim-account")
    assert pdfium_field_text(data, name).strip() == NAME
    drawn = pdfium_field_text(data, answer)
    assert "Łukasz zei: “laat me met rust” en ‘stop’." in drawn


@pytest.mark.parametrize("filler", FILLERS, ids=IDS)
@pytest.mark.parametrize("field", ["incident-report-account", "incident-report-first-action"])
def test_a_twelve_line_answer_fits_its_box_on_paper(built, filler, field):
    """The largest box holds twelve typed lines; a smaller one shrinks the text (auto size) instead of cutting it."""
    path = built / "nl" / "incident-report.pdf"
    values = answers(path)
    box = next(b for b in boxes(path) if b.field == field)
    drawn = pdfium_field_text(FILLERS[filler](path, values), box)
    assert LAST_LINE in drawn.replace("\r", "").replace("\n", " ")


def test_ticks_still_show_after_qpdf_generates_the_appearances(built, tmp_path):
    """qpdf --generate-appearances keeps the buttons' drawn ticks. (It cannot encode typed text into the
    forms' Type0 font and draws none: see FIELD_FONT in generator/forms/appearance.py.)"""
    path = built / "nl" / "incident-report.pdf"
    values = answers(path)
    source, regenerated = tmp_path / "filled.pdf", tmp_path / "qpdf.pdf"
    source.write_bytes(fill_values_only(path, values))
    subprocess.run(["qpdf", "--generate-appearances", str(source), str(regenerated)], check=True)
    with pikepdf.open(path) as pdf:
        height = float(pdf.pages[0].mediabox[3])
    blank = poppler_pages(path.read_bytes(), tmp_path, "blank")
    filled = poppler_pages(regenerated.read_bytes(), tmp_path, "qpdf")
    ticks = [b for b in boxes(path) if b.kind in ("checkbox", "radio") and chosen(values, b)]
    assert ticks
    for box in ticks:
        assert ink(filled[box.page], box, height) - ink(blank[box.page], box, height) >= 2, box.field


def test_no_page_of_a_form_is_without_a_field(all_pdfs):
    for lang, form_id, path in all_pdfs:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
        assert {b.page for b in boxes(path)} == set(range(pages)), (lang, form_id)


def test_the_text_of_the_english_forms_has_whole_words_not_lost_ligatures(all_pdfs):
    for lang, form_id, path in all_pdfs:
        if lang != "en":
            continue
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert " rst " not in text and " le;" not in text and "\ufb01" not in text, form_id
    incident = subprocess.run(
        ["pdftotext", str(next(p for lang, f, p in all_pdfs if (lang, f) == ("en", "incident-report"))), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "first time" in incident and "file" in incident
