"""The PDFs really work: fields named and labelled, radio groups whole, fills that stay, small, stable."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pymupdf
import pytest
from pypdf import PdfReader, PdfWriter

from generator.forms import tickfont
from generator.forms.document import form_pdf
from generator.forms.pdf import RenderWarning, weasy_pdf
from generator.handbook import load_handbook
from tests.conftest import ROOT

from .conftest import fields_of

MAX_BYTES = 100 * 1024


def test_a_weasyprint_warning_fails_the_render():
    html = "<html lang='en'><body style='colour: red; font-size: banana'><form></form></body></html>"
    with pytest.raises(RenderWarning, match="font-size"):
        weasy_pdf(html, ROOT / "forms")


def test_field_names_are_unique_and_exactly_those_defined(all_pdfs, expected_widgets):
    for lang, form_id, path in all_pdfs:
        names = list(fields_of(path))
        assert len(names) == len(set(names)), form_id
        assert sorted(names) == sorted(w.name for w in expected_widgets(form_id, lang)), (lang, form_id)


def test_every_field_has_its_visible_label_as_accessible_name(all_pdfs, expected_widgets):
    for lang, form_id, path in all_pdfs:
        fields = fields_of(path)
        for widget in expected_widgets(form_id, lang):
            assert str(fields[widget.name].TU) == widget.label, (lang, form_id, widget.name)


def test_each_pdf_declares_its_language(all_pdfs):
    for lang, _, path in all_pdfs:
        assert str(pikepdf.open(path).Root.Lang) == lang  # the language's code (protocol/settings.yml)


def test_tab_order_follows_the_page_structure(all_pdfs):
    for _, _, path in all_pdfs:
        assert all(page.obj.Tabs == "/S" for page in pikepdf.open(path).pages)


def test_each_pdf_is_at_most_100_kb(all_pdfs):
    sizes = {f"{lang}/{form_id}": path.stat().st_size for lang, form_id, path in all_pdfs}
    assert max(sizes.values()) <= MAX_BYTES, sizes


def test_qpdf_finds_no_errors(all_pdfs):
    for _, _, path in all_pdfs:
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_bundled_subset_font_is_embedded_and_no_other(all_pdfs):
    for _, _, path in all_pdfs[:2]:
        pdf = pikepdf.open(path)
        names = {
            str(o.FontName)
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
        }
        # the bundled Form Sans (subsets) and the buttons' tick font made by generator/forms/tickfont.py
        assert names and all("+Form-Sans" in n or n == f"/{tickfont.POSTSCRIPT}" for n in names), names
        assert all(
            "/FontFile2" in o
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
        )


def test_every_field_has_an_appearance_stream_and_viewers_are_not_asked_to_make_them(all_pdfs):
    for _, form_id, path in all_pdfs:
        pdf = pikepdf.open(path)
        assert "/NeedAppearances" not in pdf.Root.AcroForm
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") == "/Widget":
                    assert "/AP" in annot and "/N" in annot.AP, form_id


def test_a_radio_group_is_one_field_whose_buttons_are_widgets_with_option_states(built, expected_widgets):
    fields = fields_of(built / "en" / "incident-report.pdf")
    place = fields["incident-report-frequency"]
    widget = next(w for w in expected_widgets("incident-report", "en") if w.name == "incident-report-frequency")
    assert place.Ff & (1 << 15)  # a radio group
    kids = list(place.Kids)
    assert len(kids) == len(widget.states) == 3
    assert widget.state_labels[2] == "First time or repeated?: I do not know"
    for kid, state, name in zip(kids, widget.states, widget.state_labels, strict=True):
        assert "/T" not in kid
        assert str(kid.TU) == name
        assert set(kid.AP.N.keys()) == {f"/{state}", "/Off"}
    assert not {k.objgen for k in kids} & {f.objgen for f in fields.values()}  # not fields of their own


def test_checkboxes_have_on_and_off_appearances(built):
    serious = fields_of(built / "nl" / "incident-report.pdf")["incident-report-kind-online"]
    assert set(serious.AP.N.keys()) == {"/Yes", "/Off"}
    assert serious.AS == "/Off"
    assert b" l S" in serious.AP.N.Yes.read_bytes()  # the tick is drawn


def test_text_fields_are_tall_enough_for_their_text(all_pdfs):
    for _, form_id, path in all_pdfs:
        for field in fields_of(path).values():
            if field.get("/FT") == "/Tx":
                x1, y1, x2, y2 = (float(v) for v in field.Rect)
                assert abs(y2 - y1) >= 12, (form_id, str(field.T), abs(y2 - y1))
                if field.get("/Ff", 0) & 4096:
                    assert abs(y2 - y1) >= 30, (form_id, str(field.T))


def fill(path, values: dict) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(path))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_fill_with_pypdf_persists_after_saving_and_reading_again(built, tmp_path):
    answers = {
        "reporter": "Zoë Łukasz-Dvořák",
        "account": 'Zoë zei: "laat me met rust".\nDaarna liep ze weg.',
        "involved-1-name": "Zoë",
        "place-canteen": "/Yes",
        "kind-online": "/Yes",
        "involved-1-bullied": "/Yes",
        "frequency": "/repeated",
    }
    values = {f"incident-report-{name}": value for name, value in answers.items()}
    saved = tmp_path / "filled.pdf"
    saved.write_bytes(fill(built / "nl" / "incident-report.pdf", values))
    fields = PdfReader(saved).get_fields()
    for name, value in values.items():
        assert fields[name].get("/V") == value, name
    pdf = pikepdf.open(saved)
    frequency = next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "incident-report-frequency")
    assert [str(k.AS) for k in frequency.Kids].count("/repeated") == 1
    assert all(str(k.AS) in ("/repeated", "/Off") for k in frequency.Kids)
    assert str(next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "incident-report-place-canteen").AS) == "/Yes"
    assert fields["incident-report-kind-physical"].get("/V") == "/Off"
    date = next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "incident-report-date")
    assert date.AP.N.read_bytes() == b"/Tx BMC EMC"  # the fill did not spill into another field


def test_no_two_text_fields_share_an_appearance_stream(all_pdfs):
    for _, form_id, path in all_pdfs:
        streams = [f.AP.N.objgen for f in fields_of(path).values() if f.get("/FT") == "/Tx"]
        assert len(streams) == len(set(streams)), form_id


def test_choosing_another_radio_option_replaces_the_first(built, tmp_path):
    first = tmp_path / "first.pdf"
    first.write_bytes(fill(built / "en" / "follow-up.pdf", {"follow-up-status": "/less"}))
    second = fill(first, {"follow-up-status": "/stopped"})
    pdf = pikepdf.open(io.BytesIO(second))
    status = next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "follow-up-status")
    assert str(status.V) == "/stopped"
    assert [str(k.AS) for k in status.Kids] == ["/stopped", "/Off", "/Off", "/Off"]


def test_the_same_input_gives_byte_identical_pdfs(built, protocol, handbook):
    once = form_pdf(handbook, "parent-contact", "en")
    again = form_pdf(handbook, "parent-contact", "en")
    assert once == again
    assert once == (built / "en" / "parent-contact.pdf").read_bytes()  # built in another process


def test_a_long_option_label_wraps_inside_the_page_margins(forms_root):
    """Editor review L01: a ~190-character option ran past the right edge of the page and was cut."""
    definition = forms_root / "forms" / "definitions" / "coordinator-feedback.yml"
    long_nl = (
        "gezamenlijk gesprek met de pester, de gepeste leerling, hun ouders, de mentor, de zorgcoördinator "
        "en de vertrouwenspersoon, waarin afspraken zijn gemaakt over wat iedereen de komende weken doet"
    )
    text = definition.read_text(encoding="utf-8")
    definition.write_text(text.replace('nl: "gezamenlijk gesprek"', f'nl: "{long_nl}"', 1), encoding="utf-8")
    data = form_pdf(load_handbook(forms_root), "coordinator-feedback", "nl")
    doc = pymupdf.open(stream=data, filetype="pdf")
    right = doc[0].rect.width - 16 * 72 / 25.4  # the page's right margin (print.css)
    words = [(w[4], w[2]) for page in doc for w in page.get_text("words")]
    assert "vertrouwenspersoon," in [w for w, _ in words]
    assert [w for w, x2 in words if x2 > right + 0.5] == []


def _last_page_fullness(path) -> float:
    """How far down the last page's text area its lowest mark reaches (0 empty, 1 full), on a 30-dpi
    picture (PDFium); the running header and footer lie in the margins and do not count."""
    import pypdfium2 as pdfium

    dpi, margin = 30, 18 * 72 / 25.4  # print.css: 18 mm top and bottom
    doc = pdfium.PdfDocument(str(path))
    page = doc[len(doc) - 1]
    height = page.get_size()[1]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    top, bottom = round(margin * dpi / 72), round((height - margin) * dpi / 72)
    marked = image.crop((0, top, image.width, bottom)).point(lambda v: 255 if v < 200 else 0).getbbox()
    return marked[3] / (bottom - top) if marked else 0.0


def test_no_form_ends_on_a_page_less_than_a_quarter_full(all_pdfs):
    sparse = {
        f"{lang}/{form_id}": round(f, 2) for lang, form_id, path in all_pdfs if (f := _last_page_fullness(path)) < 0.25
    }
    assert sparse == {}


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_every_font_a_field_names_is_embedded(all_pdfs):
    """PDF/UA-1 7.21.4.1: ZapfDingbats was named by every check box and radio button but not embedded."""
    for lang, form_id, path in all_pdfs:
        with pikepdf.open(path) as pdf:
            acroform = pdf.Root.AcroForm
            fonts = acroform.DR.Font
            named = {str(acroform.DA).split()[0]}
            for field in acroform.Fields:
                for item in [field, *field.get("/Kids", [])]:
                    if "/DA" in item:
                        named.add(str(item.DA).split()[0])
            assert "/ZaDb" in named, (lang, form_id)
            for name in named:
                assert name in fonts, (lang, form_id, name)
                assert _embedded(fonts[name]), (lang, form_id, name)


def test_a_form_rendered_a_day_later_in_a_fresh_process_is_byte_identical(handbook, monkeypatch):
    """Nothing in a PDF carries the time it was made: not WeasyPrint's dates, not a font's 'modified'."""
    import time

    from generator.forms import bytefont

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    bytefont._program.cache_clear()  # what a fresh process (a build's worker) starts with
    today = form_pdf(handbook, "parent-contact", "en")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 86_400)
    bytefont._program.cache_clear()
    assert form_pdf(handbook, "parent-contact", "en") == today
