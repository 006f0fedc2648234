"""Fill a form as real fillers do, and see it as poppler (Evince, print paths), PDFium (Chrome, Edge) and
MuPDF (SumatraPDF, mupdf) draw it.

Four fillers:
- `fill_with_pypdf`: pypdf writes each text field's appearance itself and leaves /NeedAppearances off;
- `fill_with_pypdf_default`: the same with pypdf's default, which also sets /NeedAppearances, so
  viewers draw the fields again (poppler drew no tick at all while /ZaDb was missing from /DR);
- `fill_values_only`: a fill script that sets only the values and /NeedAppearances, so the viewer
  must draw every field itself (what pypdf's default and many mail-merge scripts leave behind);
- `fill_with_mupdf`: MuPDF's own calls, as its viewers make them when a person types and clicks
  (text fields drawn again in MuPDF's font; a tick only switches the box's state).

Renders are small (50 dpi, grey): a test looks for ink inside a field's box, never at whole pictures.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pymupdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image
from pypdf import PdfReader, PdfWriter

DPI = 50
NAME = "Zoë Ağaoğlu"
LAST_LINE = "LAATSTE REGEL – ziet u deze regel op papier?"
TWELVE_LINES = "\n".join([f"{n}. Łukasz zei: “laat me met rust” en ‘stop’." for n in range(1, 12)] + [LAST_LINE])
DATE = "05-03-2026"
TIME = "10:30"


@dataclass(frozen=True)
class Box:
    """One widget on a page: its field, kind, the state it shows when on, and where it is (points)."""

    field: str
    kind: str  # "text" | "multiline" | "checkbox" | "radio"
    state: str  # a button's on-state ("Yes", or the radio option), "" for text
    page: int
    rect: tuple[float, float, float, float]  # x1, y1, x2, y2 from the bottom left


def boxes(path: Path) -> list[Box]:
    found: list[Box] = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Widget":
                    continue
                field = annot if "/T" in annot else annot.Parent
                flags = int(field.get("/Ff", 0))
                if field.get("/FT") == "/Tx":
                    kind, state = ("multiline" if flags & 4096 else "text"), ""
                else:
                    kind = "radio" if flags & (1 << 15) else "checkbox"
                    state = next(str(k)[1:] for k in annot.AP.N.keys() if k != "/Off")
                x1, y1, x2, y2 = (float(v) for v in annot.Rect)
                rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
                found.append(Box(str(field.T), kind, state, number, rect))
    return found


def answers(path: Path) -> dict[str, str]:
    """A value for every field: a name with ğ, twelve lines, every box ticked, each radio's second option."""
    values: dict[str, str] = {}
    with pikepdf.open(path) as pdf:
        labels = {str(f.T): str(f.get("/TU", "")) for f in pdf.Root.AcroForm.Fields}
    for box in boxes(path):
        if box.kind == "text":
            values[box.field] = DATE if "(dd-" in labels[box.field] else TIME if ":mm)" in labels[box.field] else NAME
        elif box.kind == "multiline":
            values[box.field] = TWELVE_LINES
        elif box.kind == "checkbox":
            values[box.field] = "/Yes"
    for field, states in _radio_states(path).items():
        values[field] = "/" + states[1]
    return values


def chosen(values: dict[str, str], box: Box) -> bool:
    """Whether a button box should show ink once filled with values."""
    return values.get(box.field) == "/" + box.state or (box.kind == "checkbox" and box.field in values)


def fill_with_pypdf(path: Path, values: dict[str, str], need_appearances: bool = False) -> bytes:
    """pypdf's fill; need_appearances=True is pypdf's default (auto_regenerate), which sets the flag.
    Radio values are then written as names: pypdf writes them as strings, a pypdf bug poppler reads as no choice."""
    writer = PdfWriter(clone_from=PdfReader(path))
    texts = {k: v for k, v in values.items() if not v.startswith("/")}
    ticks = {k: v for k, v in values.items() if v == "/Yes"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, {**texts, **ticks}, auto_regenerate=need_appearances)
    out = io.BytesIO()
    writer.write(out)
    radios = {k: v for k, v in values.items() if v.startswith("/") and v != "/Yes"}
    return _set_values(out.getvalue(), radios, need_appearances=need_appearances)


def fill_with_pypdf_default(path: Path, values: dict[str, str]) -> bytes:
    return fill_with_pypdf(path, values, need_appearances=True)


def fill_values_only(path: Path, values: dict[str, str]) -> bytes:
    return _set_values(path.read_bytes(), values, need_appearances=True)


def fill_with_mupdf(path: Path, values: dict[str, str]) -> bytes:
    """MuPDF fills the form as its viewers do: pdf_set_text_field_value for typed text, pdf_toggle_widget
    for a click on a box or a radio button, then pdf_update_annot (the appearances are drawn again)."""
    mupdf = pymupdf.mupdf
    doc = pymupdf.open(path)
    for page in doc:
        for widget in page.widgets():
            value = values.get(widget.field_name)
            if value is None:
                continue
            annot = widget._annot.this  # the MuPDF annotation behind PyMuPDF's widget
            if widget.field_type == pymupdf.PDF_WIDGET_TYPE_TEXT:
                mupdf.pdf_set_text_field_value(annot, value)
            elif value == "/" + widget.on_state():
                mupdf.pdf_toggle_widget(annot)
            mupdf.pdf_update_annot(annot)
    data = doc.tobytes()
    doc.close()
    return data


def _set_values(data: bytes, values: dict[str, str], need_appearances: bool) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            value = values.get(str(field.T))
            if value is None:
                continue
            if not value.startswith("/"):
                field.V = pikepdf.String(value)
                continue
            field.V = pikepdf.Name(value)  # a name, as the PDF spec and pdf.js write it
            for widget in field.get("/Kids", [field]):
                on = any(str(k) == value for k in widget.AP.N.keys())
                widget.AS = pikepdf.Name(value if on else "/Off")
        if need_appearances:
            pdf.Root.AcroForm.NeedAppearances = True
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def poppler_pages(data: bytes, tmp: Path, name: str) -> list[Image.Image]:
    source = tmp / f"{name}.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(source), str(tmp / name)], check=True, capture_output=True)
    return [Image.open(p).convert("L") for p in sorted(tmp.glob(f"{name}-*.pgm"))]


def pdfium_pages(data: bytes) -> list[Image.Image]:
    doc = pdfium.PdfDocument(data)
    doc.init_forms()  # draws the fields as Chrome does, and makes their appearances when asked to
    images = [page.render(scale=DPI / 72, may_draw_forms=True, grayscale=True).to_pil().convert("L") for page in doc]
    doc.close()
    return images


def mupdf_pages(data: bytes) -> list[Image.Image]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    images = [
        Image.frombytes("L", (pix.width, pix.height), pix.samples)
        for pix in (page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, annots=True) for page in doc)
    ]
    doc.close()
    return images


def stored_field_text(data: bytes, box: Box) -> str:
    """The text of a field's appearance as the file stores it (no viewer draws it again), read by PDFium."""
    doc = pdfium.PdfDocument(data)
    pdfium_raw.FPDFPage_Flatten(doc[box.page], pdfium_raw.FLAT_PRINT)
    return _text_in_box(doc, box)


def pdfium_field_text(data: bytes, box: Box) -> str:
    """The text PDFium draws inside a field's box, read back from its own appearance (print flattening)."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    pdfium_raw.FPDFPage_Flatten(doc[box.page], pdfium_raw.FLAT_PRINT)
    return _text_in_box(doc, box)


def _text_in_box(doc: pdfium.PdfDocument, box: Box) -> str:
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    flat = pdfium.PdfDocument(out.getvalue())
    x1, y1, x2, y2 = box.rect
    text = flat[box.page].get_textpage().get_text_bounded(left=x1, bottom=y1, right=x2, top=y2)
    flat.close()
    return text


def ink(image: Image.Image, box: Box, page_height: float) -> int:
    """Dark pixels inside a box, one pixel in from its edge (the border is printed on the page)."""
    scale = DPI / 72
    x1, y1, x2, y2 = box.rect
    left, right = int(x1 * scale) + 2, int(x2 * scale) - 1
    top, bottom = int((page_height - y2) * scale) + 2, int((page_height - y1) * scale) - 1
    if right <= left or bottom <= top:
        return 0
    return sum(image.crop((left, top, right, bottom)).histogram()[:160])


def _radio_states(path: Path) -> dict[str, list[str]]:
    states: dict[str, list[str]] = {}
    for box in boxes(path):
        if box.kind == "radio":
            states.setdefault(box.field, []).append(box.state)
    return states
