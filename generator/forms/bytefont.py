"""A one-byte (simple TrueType, WinAnsi) cut of the form font, for the fields that hold a date or a time.

Why a second field font: `qpdf --generate-appearances` (what print and archive pipelines run on a
filled form) writes a field's value as one-byte text, and only into a simple font whose /Encoding
is the name /WinAnsiEncoding or /MacRomanEncoding (libqpdf/QPDFFormFieldObjectHelper.cc,
generateTextAppearance); anything else, a /Differences encoding included, gets plain ASCII with "?"
for every other letter. Into the forms' two-byte (Type0) font qpdf writes nothing legible.
The names and answers keep the Type0 font: a one-byte font holds 256 characters at most, and one
named /WinAnsiEncoding holds no ğ, ł, ș or Vietnamese letter, so Chrome and Edge (PDFium) would draw
"Zoë Aaolu" again (measured; see appearance.FIELD_FONT). A date or a time is digits, "-" and ":",
so its fields use this font and survive qpdf; Basic Latin is enough and keeps it small (about 5 KB).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

FIRST, LAST = 0x20, 0x7E  # Basic Latin: the same codes in WinAnsi and Unicode
POSTSCRIPT = "FSDGTS+Form-Sans-Digits"  # a subset's name carries a six-letter tag


@lru_cache(maxsize=2)
def _program(source: Path) -> tuple[bytes, tuple[int, ...], dict]:
    """The subset TrueType program, the widths of codes FIRST..LAST (1/1000 em) and its metrics."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    # The copyright and the names; the licence text (2/3 of the bytes) travels in the same PDF
    # with the whole form font, which every form also embeds.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH"]
    font = TTFont(source, recalcTimestamp=False)  # keeps the source's 'modified', not the time of this build
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(FIRST, LAST + 1))
    subsetter.subset(font)
    out = io.BytesIO()
    font.recalcTimestamp = False  # head.modified stays the source's: the same bytes on every run
    font.save(out)
    scale = 1000 / font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    widths = tuple(round(hmtx[cmap[code]][0] * scale) if code in cmap else 0 for code in range(FIRST, LAST + 1))
    head, hhea = font["head"], font["hhea"]
    metrics = {
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ascent": round(hhea.ascent * scale),
        "descent": round(hhea.descent * scale),
        "cap": round(font["glyf"]["H"].yMax * scale) if "H" in font["glyf"] else 729,
    }
    return out.getvalue(), widths, metrics


def add_byte_font(pdf: pikepdf.Pdf, source: Path) -> pikepdf.Object:
    """The font dictionary (indirect) of the one-byte cut of source, made in pdf."""
    data, widths, metrics = _program(source)
    program = pikepdf.Stream(pdf, data)
    program.Length1 = len(data)
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + POSTSCRIPT),
        Flags=32,  # Nonsymbolic: codes are looked up through the named encoding
        FontBBox=Array(metrics["bbox"]),
        ItalicAngle=0,
        Ascent=metrics["ascent"],
        Descent=metrics["descent"],
        CapHeight=metrics["cap"],
        StemV=80,
        FontFile2=pdf.make_indirect(program),
    )
    # A /ToUnicode as well: PDFium finds a character's code by reading this map backwards.
    to_unicode = to_unicode_cmap({code: code for code in range(FIRST, LAST + 1)})
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.TrueType,
        BaseFont=Name("/" + POSTSCRIPT),
        FirstChar=FIRST,
        LastChar=LAST,
        Widths=Array(list(widths)),
        Encoding=Name.WinAnsiEncoding,
        FontDescriptor=pdf.make_indirect(descriptor),
        ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, to_unicode)),
    )
    return pdf.make_indirect(font)


def to_unicode_cmap(chars: dict[int, int]) -> bytes:
    """A one-byte font's /ToUnicode CMap: each code (0-255) -> the Unicode character it draws
    (also used by generator.forms.tickfont)."""
    pairs = "\n".join(f"<{code:02X}> <{char:04X}>" for code, char in chars.items())
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()
