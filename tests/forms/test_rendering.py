"""Filled forms as people see and print them: ticks, names with ğ and ł, curly quotes and long answers
show in poppler, PDFium and MuPDF, whether the filler drew the fields or left it to the viewer."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest

from . import full
from .rendering import (
    DATE,
    NAME,
    TIME,
    answers,
    boxes,
    chosen,
    fill_values_only,
    fill_with_mupdf,
    fill_with_pypdf,
    fill_with_pypdf_default,
    ink,
    mupdf_pages,
    pdfium_field_text,
    pdfium_pages,
    poppler_pages,
    stored_field_text,
)

FORMS = [
    "case-overview",
    "class-agreements",
    "class-discussion",
    "conversation-bully",
    "conversation-victim",
    "coordinator-bully",
    "coordinator-feedback",
    "coordinator-joint",
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
    "MuPDF fills it as its viewers do": fill_with_mupdf,
}
IDS = ["pypdf", "pypdf-default", "need-appearances", "mupdf"]

pytestmark = pytest.mark.usefixtures("viewers")


def test_every_form_is_checked_here(all_pdfs):
    assert sorted({form_id for _, form_id, _ in all_pdfs}) == FORMS


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize("filler", FILLERS, ids=IDS)
def test_every_tick_and_typed_answer_shows_in_poppler_pdfium_and_mupdf(built, tmp_path, form_id, filler):
    path = built / "nl" / f"{form_id}.pdf"
    values = answers(path)
    data = FILLERS[filler](path, values)
    with pikepdf.open(path) as pdf:
        heights = [float(p.mediabox[3]) for p in pdf.pages]
    renders = {
        "poppler": (poppler_pages(path.read_bytes(), tmp_path, "blank"), poppler_pages(data, tmp_path, "filled")),
        "pdfium": (pdfium_pages(path.read_bytes()), pdfium_pages(data)),
        "mupdf": (mupdf_pages(path.read_bytes()), mupdf_pages(data)),
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


WRAPPING = {k: v for k, v in FILLERS.items() if v is not fill_with_pypdf}


@pytest.mark.parametrize("filler", WRAPPING, ids=IDS[1:])
@pytest.mark.parametrize("field", ["incident-report-account", "incident-report-first-action"])
def test_an_answer_as_long_as_its_box_allows_is_printed_whole_at_10_pt(built, filler, field):
    """Text is drawn at 10 pt, never shrunk; the box's /MaxLen stops the typing where it is full, and
    everything up to there is on paper (PDFium's print flattening, read back). pypdf alone, with
    /NeedAppearances off, writes a multi-line value as one line per typed line, without wrapping: it
    runs off the box (README, "The forms"); pypdf's default leaves the drawing to the viewer."""
    path = built / "nl" / "incident-report.pdf"
    values = full.full_values(path, "nl")
    box = next(b for b in boxes(path) if b.field == field)
    drawn = pdfium_field_text(FILLERS[filler](path, {field: values[field]}), box)
    words = values[field].split()
    assert " ".join(drawn.split()) == " ".join(words)
    with pikepdf.open(path) as pdf:
        da = next(str(f.DA) for f in pdf.Root.AcroForm.Fields if str(f.T) == field)
    assert da.split()[1] == "10"


def test_mupdf_ticks_with_the_forms_own_drawn_tick_not_a_zapfdingbats_3(built, tmp_path):
    """A click in MuPDF switches the box's state and keeps the form's drawn tick, so poppler, which
    prints MuPDF's own ZapfDingbats tick as the digit "3" where no Dingbats font is installed, shows a tick."""
    path = built / "nl" / "incident-report.pdf"
    values = answers(path)
    filled = fill_with_mupdf(path, values)
    with pikepdf.open(path) as blank_pdf, pikepdf.open(io.BytesIO(filled)) as pdf:
        drawn = {str(f.T): _on_streams(f) for f in blank_pdf.Root.AcroForm.Fields if f.FT == "/Btn"}
        after = {str(f.T): _on_streams(f) for f in pdf.Root.AcroForm.Fields if f.FT == "/Btn"}
        ticked = {str(f.T) for f in pdf.Root.AcroForm.Fields if f.FT == "/Btn" and f.get("/V") not in (None, "/Off")}
    assert ticked == {b.field for b in boxes(path) if b.kind in ("checkbox", "radio") and chosen(values, b)}
    assert after == drawn
    assert all(b"Tj" not in stream for streams in after.values() for stream in streams)


def _on_streams(field) -> list[bytes]:
    return [
        widget.AP.N[state].read_bytes()
        for widget in field.get("/Kids", [field])
        for state in widget.AP.N.keys()
        if state != "/Off"
    ]


@pytest.mark.parametrize("form_id", ["incident-report", "case-overview"])
def test_ticks_dates_and_times_still_show_after_qpdf_generates_the_appearances(built, tmp_path, form_id):
    """qpdf --generate-appearances keeps the buttons' drawn ticks, and writes dates and times into their
    one-byte font (generator/forms/bytefont.py). Names and answers it cannot write into the forms'
    Type0 font: that gap is measured and explained at FIELD_FONT in generator/forms/appearance.py."""
    path = built / "nl" / f"{form_id}.pdf"
    values = answers(path)
    source, regenerated = tmp_path / "filled.pdf", tmp_path / "qpdf.pdf"
    source.write_bytes(fill_values_only(path, values))
    subprocess.run(["qpdf", "--generate-appearances", str(source), str(regenerated)], check=True)
    data = regenerated.read_bytes()
    with pikepdf.open(path) as pdf:
        heights = [float(p.mediabox[3]) for p in pdf.pages]
    blank = poppler_pages(path.read_bytes(), tmp_path, "blank")
    filled = poppler_pages(data, tmp_path, "qpdf")
    ticks = [b for b in boxes(path) if b.kind in ("checkbox", "radio") and chosen(values, b)]
    assert ticks
    for box in ticks:
        height = heights[box.page]
        assert ink(filled[box.page], box, height) - ink(blank[box.page], box, height) >= 2, box.field
    times = [b for b in boxes(path) if values.get(b.field) in (DATE, TIME)]
    assert times
    # The last word read in the box: qpdf writes a multi-line neighbour (the incident report's "who" cell
    # beside a date) as one unwrapped line whose letters the text reader also finds in the date's box.
    drawn = {b.field: stored_field_text(data, b).split()[-1:] for b in times}
    assert drawn == {b.field: [values[b.field]] for b in times}


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
