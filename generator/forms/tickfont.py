"""The font a checkbox or radio button names in its /DA, embedded: two drawn glyphs, a tick and a dot.

A button's appearance is drawn by the form itself (appearance._tick, _dot: paths, no font). But a
viewer that draws the buttons again (/NeedAppearances, which pypdf's default fill sets) writes the
caption of /MK /CA ("4" for a check box, "l" for a radio button: ZapfDingbats' codes for ✓ and ●)
in the font the /DA names; poppler drew no tick at all while that font was missing from /DR. The
forms used to name ZapfDingbats there without embedding it, which PDF/UA-1 (7.21.4.1) does not
allow. This font takes its place under the same resource name (/ZaDb): a symbolic TrueType font
made here with fontTools, whose codes 0x34 and 0x6C are a tick and a dot drawn like the forms' own,
embedded (about 1 KB), with the (3,0) cmap and widths PDF/UA asks of a symbolic TrueType font.
"""

from __future__ import annotations

import io
from functools import lru_cache
from math import cos, pi, sin

import pikepdf
from pikepdf import Array, Dictionary, Name

from generator.forms.bytefont import to_unicode_cmap

UNITS = 1000
TICK, DOT = 0x34, 0x6C  # "4" and "l": ZapfDingbats' check mark and black circle
ADVANCE = 800
POSTSCRIPT = "FormTicks"


def _tick(pen) -> None:
    """A check mark as a filled outline: the forms' tick (appearance._tick) with a stroke of 110 units."""
    points = [(90, 420), (190, 520), (320, 330), (640, 760), (740, 660), (320, 110)]
    pen.moveTo(points[0])
    for point in points[1:]:
        pen.lineTo(point)
    pen.closePath()


def _dot(pen) -> None:
    """A filled circle of radius 230 round the middle of the em square's box (32 straight sides)."""
    cx, cy, r, n = 400, 350, 230, 32
    pen.moveTo((round(cx + r), cy))
    for k in range(n - 1, 0, -1):  # clockwise, as TrueType outlines go
        pen.lineTo((round(cx + r * cos(2 * pi * k / n)), round(cy + r * sin(2 * pi * k / n))))
    pen.closePath()


@lru_cache(maxsize=1)
def _program() -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

    glyphs = {}
    for name, draw in ((".notdef", None), ("check", _tick), ("dot", _dot)):
        pen = TTGlyphPen(None)
        if draw:
            draw(pen)
        glyphs[name] = pen.glyph()
    builder = FontBuilder(UNITS, isTTF=True)
    builder.setupGlyphOrder(list(glyphs))
    builder.setupCharacterMap({0x2713: "check", 0x25CF: "dot"})
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (ADVANCE if name != ".notdef" else 500, 0) for name in glyphs})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Form Ticks", "styleName": "Regular", "psName": POSTSCRIPT})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    font = builder.font
    # The codes as a symbolic font is read in a PDF: (3,0) at 0xF000 + code, and (1,0) at the code.
    for platform, encoding, base in ((3, 0, 0xF000), (1, 0, 0)):
        table = cmap_format_4(4)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = {base + TICK: "check", base + DOT: "dot"}
        font["cmap"].tables.append(table)
    font["head"].created = font["head"].modified = 0  # the same bytes on every run
    font.recalcTimestamp = False
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def add_tick_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """The tick font's dictionary (indirect), embedded in pdf."""
    data = _program()
    program = pikepdf.Stream(pdf, data)
    program.Length1 = len(data)
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + POSTSCRIPT),
        Flags=4,  # Symbolic: codes are looked up in the font's own cmap
        FontBBox=Array([0, -200, ADVANCE, 800]),
        ItalicAngle=0,
        Ascent=800,
        Descent=-200,
        CapHeight=700,
        StemV=80,
        FontFile2=pdf.make_indirect(program),
    )
    to_unicode = to_unicode_cmap({TICK: 0x2713, DOT: 0x25CF})  # ✓ and ●
    widths = [ADVANCE if code in (TICK, DOT) else 0 for code in range(TICK, DOT + 1)]
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.TrueType,
        BaseFont=Name("/" + POSTSCRIPT),
        FirstChar=TICK,
        LastChar=DOT,
        Widths=Array(widths),
        FontDescriptor=pdf.make_indirect(descriptor),
        ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, to_unicode)),
    )
    return pdf.make_indirect(font)
