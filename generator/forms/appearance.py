"""Repair WeasyPrint's form fields with pikepdf, so the forms work in real viewers.

What WeasyPrint leaves wrong, and what is done here:
- a radio group's buttons are also listed as top-level fields, each with its own /T, so a fill
  does not take: the group becomes ONE field whose /Kids are widgets, with on-states named after
  the options;
- checkboxes have an "on" appearance only, and /NeedAppearances makes viewers redraw them from
  nothing: each gets /Yes and /Off appearances and a /MK caption;
- text fields have no appearance streams, and a /DA with an operator that does not belong there:
  every text field gets the one text size (capacity.TEXT_SIZE, never auto size, which shrank long
  answers to 4 pt) and a /MaxLen for what its box holds at that size (capacity.py); a multi-line
  field's blank appearance holds its writing lines, one per 8 mm, so they print on an empty box and
  go with it when a viewer draws the typed text (no line runs through a typed word);
- the buttons' /DA names /ZaDb, which is not in /AcroForm /DR: poppler then draws no tick or dot at
  all when a filler sets /NeedAppearances (pypdf's default). /ZaDb is added as an embedded font of a
  tick and a dot (tickfont.py), not the bare name ZapfDingbats, which PDF/UA-1 does not allow;
- the text fields' font is given a second name in /DR, FIELD_FONT (see there why), and date and
  time fields get a one-byte font of their own, DATE_FONT, so qpdf can draw them (bytefont.py);
- every /TU is set to the field's visible label; pages get /Tabs /S; /Lang is set; table header
  cells get the /Scope PDF/UA asks for (structure.py);
- the file is saved with a deterministic /ID, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from math import sqrt
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from generator.forms.bytefont import add_byte_font
from generator.forms.capacity import TEXT_SIZE, max_length
from generator.forms.model import Widget
from generator.forms.structure import add_header_scopes
from generator.forms.tickfont import add_tick_font

RADIO_FLAGS = (1 << 14) | (1 << 15)  # NoToggleToOff, Radio
KAPPA = 4 * (sqrt(2) - 1) / 3  # Bézier handle length for a quarter circle
INK = "0.1 0.1 0.1"
RULE = "0.722 0.745 0.776"  # the writing lines (#b8bec6), as light as the page's ruling was
RULE_WIDTH = 0.6
LINE_PT = 22.68  # one line of handwriting: 8 mm (view.LINE_PT)
# The name the text fields' font has in /DR and in every /DA. Chrome and Edge (PDFium) draw a typed
# character in the /DA font only if it belongs to that font's "charset"; an embedded font counts as
# Western (ANSI), so ğ, ş, ł … and curly quotes went to a substitute font that lacks them ("Zoë
# Aaolu"). PDFium tries the /DA font for every character when the font's resource name is one of
# the symbol fonts' names (CPDF_BAFontMap::Initialize), and the font has them all. The name is only
# a key: every other viewer looks the font up by it and uses the bundled Form Sans, as before.
# Why a CID (Type0) font at all: it is what WeasyPrint embeds, and it holds every letter of Latin
# Extended-A, -B and Additional; a simple (one-byte) font holds 256 characters at most. Its one
# cost: `qpdf --generate-appearances` writes one-byte text into it and draws nothing legible.
# qpdf encodes only into a simple font named /WinAnsiEncoding or /MacRomanEncoding, and ignores a
# /Differences encoding (ASCII and "?" then). Measured with a 251-letter simple font named
# Wingdings with /Differences: PDFium and pypdf draw "Zoë Ağaoğlu", qpdf "Zo? A?ao?lu", and
# Vietnamese (134 letters beyond ASCII) no longer fits; with /WinAnsiEncoding qpdf draws "Zoë
# A?ao?lu" and PDFium "Zoë Aaolu" again. No one font serves both, so the letters stay with the
# readers people use (Chrome, Edge, Evince, pdf.js), and only dates and times, which are digits,
# move to a one-byte font qpdf can write (DATE_FONT).
FIELD_FONT = "Wingdings"
DATE_FONT = "FormSansDigits"


class RepairError(RuntimeError):
    """The PDF's fields do not match the form's widgets (a WeasyPrint change, or a template bug)."""


def repair(data: bytes, widgets: list[Widget], lang: str, title: str, font_file: Path) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    spec = {w.name: w for w in widgets}
    acroform = pdf.Root.AcroForm
    acroform.DR.Font[f"/{FIELD_FONT}"] = acroform.DR.Font[f"/{_field_font(acroform)}"]
    acroform.DR.Font[f"/{DATE_FONT}"] = add_byte_font(pdf, font_file)
    acroform.DR.Font.ZaDb = add_tick_font(pdf)  # embedded: PDF/UA names no font it does not carry
    font = FIELD_FONT
    streams = _Streams(pdf)
    kids = {kid.objgen for field in acroform.Fields if "/Kids" in field for kid in field.Kids}
    fields = [f for f in acroform.Fields if f.objgen not in kids]
    names = [str(f.T) for f in fields]
    if sorted(names) != sorted(spec):
        missing, extra = set(spec) - set(names), set(names) - set(spec)
        raise RepairError(f"PDF fields differ from the form: missing {sorted(missing)}, unexpected {sorted(extra)}")
    for field in fields:
        widget = spec[str(field.T)]
        field.TU = String(widget.label)
        {"radio": _radio, "checkbox": _checkbox}.get(widget.kind, _text)(streams, field, widget, font)
    acroform.Fields = Array(fields)
    acroform.DA = String(f"/{font} {TEXT_SIZE} Tf 0 g")
    if "/NeedAppearances" in acroform:
        del acroform["/NeedAppearances"]
    for page in pdf.pages:
        page.obj.Tabs = Name.S
    add_header_scopes(pdf)
    pdf.Root.Lang = String(lang)
    pdf.docinfo.Title = String(title)
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
        recompress_flate=True,
    )
    return out.getvalue()


def _field_font(acroform: Dictionary) -> str:
    """The name of the (bundled) font in the form's resources that text fields use."""
    fonts = list(acroform.DR.Font.keys())
    for field in acroform.Fields:
        if "/DA" in field:
            for font in fonts:
                if font[1:] in str(field.DA):
                    return font[1:]
    return fonts[0][1:]


def _text(streams: _Streams, field: Dictionary, widget: Widget, font: str) -> None:
    multiline = widget.kind == "multiline"
    field.DA = String(f"/{DATE_FONT if widget.digits else font} {TEXT_SIZE} Tf 0 g")
    width, height = _size(field)
    field.MaxLen = max_length(width, height, multiline)
    lines = _writing_lines(width, height) if multiline else b""
    # Its own stream: a filler such as pypdf rewrites a text field's stream in place.
    field.AP = Dictionary(N=streams(width, height, lines + b"/Tx BMC EMC", shared=False))
    field.MK = Dictionary()


def _writing_lines(width: float, height: float) -> bytes:
    """The ruling of an empty multi-line box: a line under every 8 mm from the top, the box's own
    bottom border being the last. Part of the field's blank appearance, so a viewer that draws
    typed text replaces it, and the lines never cross the typed words."""
    count = round(height / LINE_PT)
    rows = [height - n * height / count for n in range(1, count)]
    if not rows:
        return b""
    bars = " ".join(f"0 {y - RULE_WIDTH / 2:.2f} {width:.2f} {RULE_WIDTH} re" for y in rows)
    return f"q {RULE} rg {bars} f Q ".encode()


def _checkbox(streams: _Streams, field: Dictionary, widget: Widget, font: str) -> None:
    width, height = _size(field)
    _button(streams, field, "Yes", _tick(width, height), width, height, caption="4")
    field.V = Name.Off


def _radio(streams: _Streams, field: Dictionary, widget: Widget, font: str) -> None:
    kids = list(field.Kids)
    if len(kids) != len(widget.states):
        raise RepairError(f"radio group {widget.name}: {len(kids)} buttons in the PDF, {len(widget.states)} options")
    for kid, state, name in zip(kids, widget.states, widget.state_labels, strict=True):
        for key in ("/T", "/V", "/FT"):
            if key in kid:
                del kid[key]
        kid.TU = String(name)  # read out for each button (pdf.js: alternativeText)
        width, height = _size(kid)
        _button(streams, kid, state, _dot(width, height), width, height, caption="l")
    field.FT = Name.Btn
    field.Ff = RADIO_FLAGS
    field.V = Name.Off
    if "/Opt" in field:
        del field["/Opt"]


def _button(
    streams: _Streams, widget: Dictionary, state: str, on: bytes, width: float, height: float, caption: str
) -> None:
    widget.AP = Dictionary(N=Dictionary({"/" + state: streams(width, height, on), "/Off": streams(width, height, b"")}))
    widget.AS = Name.Off
    widget.MK = Dictionary(CA=String(caption))
    widget.DA = String("/ZaDb 0 Tf 0 g")
    if "/Border" in widget:
        del widget["/Border"]


def _size(annotation: Dictionary) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(v) for v in annotation.Rect)
    return round(abs(x2 - x1), 3), round(abs(y2 - y1), 3)


class _Streams:
    """Appearance streams of one PDF. Buttons of the same size and look share one (small files);
    fillers switch a button's /AS but rewrite a text field's stream, so those are never shared."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.made: dict[tuple, pikepdf.Object] = {}

    def __call__(self, width: float, height: float, content: bytes, shared: bool = True) -> pikepdf.Object:
        key = (width, height, content) if shared else (len(self.made),)
        if key not in self.made:
            stream = pikepdf.Stream(
                self.pdf,
                content,
                Type=Name.XObject,
                Subtype=Name.Form,
                BBox=Array([0, 0, width, height]),
                Resources=Dictionary(),
            )
            self.made[key] = self.pdf.make_indirect(stream)
        return self.made[key]


def _tick(width: float, height: float) -> bytes:
    """A check mark drawn as a path (no font needed)."""
    line = max(min(width, height) * 0.14, 0.8)
    points = [(0.2, 0.52), (0.42, 0.26), (0.8, 0.8)]
    x0, y0 = points[0]
    path = f"{x0 * width:.2f} {y0 * height:.2f} m " + " ".join(
        f"{x * width:.2f} {y * height:.2f} l" for x, y in points[1:]
    )
    return f"q {INK} RG {line:.2f} w 1 J 1 j {path} S Q".encode()


def _dot(width: float, height: float) -> bytes:
    """A filled circle in the middle of the button."""
    cx, cy, r = width / 2, height / 2, min(width, height) * 0.28
    k = r * KAPPA
    ops = [
        f"{cx + r:.2f} {cy:.2f} m",
        f"{cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c",
        f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c",
        f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c",
        f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c",
    ]
    return f"q {INK} rg {' '.join(ops)} f Q".encode()
