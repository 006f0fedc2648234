"""Every text field filled to the most it claims to take (its /MaxLen) with ordinary text, and what the
rendered pages show of it: is the value cut at the box's edge, how tall are its letters, does a writing
line run through it. Measured on page images (any engine's), never on the drawing code.

Images are grey, DPI dots per inch; a box is a rendering.Box (points, from the bottom left).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops

from .rendering import Box, boxes

DPI = 100
# Ordinary running text with the names the school's families write: what MaxLen is counted for.
PROSE = {
    "nl": (
        "Nguyễn Thị Hồng-Ağaoğlu van der Berg zei tegen Łukasz Wiśniewski: “laat me met rust”. Daarna "
        "liepen Zoë en Siobhán O'Brien samen naar de kluisjes bij de gymzaal, waar Jürgen Groß en Mehmet "
        "Şahin al stonden te wachten. Afspraak: elke vrijdag een kort gesprek met de mentor over hoe het "
        "gaat in de klas en op het plein, en de ouders worden na twee weken weer gebeld. "
    ),
    "en": (
        "Nguyễn Thị Hồng-Ağaoğlu van der Berg said to Łukasz Wiśniewski: “leave me alone”. Then Zoë "
        "and Siobhán O'Brien walked to the lockers by the gym, where Jürgen Groß and Mehmet Şahin were "
        "already waiting. Agreement: every Friday a short talk with the mentor about how things go in "
        "class and in the playground, and the parents are called again after two weeks. "
    ),
}
LINE_PT = 22.68  # 8 mm, one line of handwriting
DATE, TIME = "14-11-2026", "11:41"  # a 1 in each: its stem is what the letter height measures
DARK = 128  # a pixel of a typed glyph (text is near black; rules and fills are light)
RULED = 232  # a pixel of a writing line (#b8bec6, anti-aliased on the box's light fill)


def max_lengths(path: Path) -> dict[str, int]:
    with pikepdf.open(path) as pdf:
        return {str(f.T): int(f.MaxLen) for f in pdf.Root.AcroForm.Fields if f.get("/FT") == "/Tx" and "/MaxLen" in f}


def full_values(path: Path, lang: str) -> dict[str, str]:
    """Every text field at its /MaxLen (dates and times as written); no button is touched."""
    with pikepdf.open(path) as pdf:
        labels = {str(f.T): str(f.get("/TU", "")) for f in pdf.Root.AcroForm.Fields}
    limits = max_lengths(path)
    values = {}
    for box in boxes(path):
        if box.kind not in ("text", "multiline"):
            continue
        label = labels[box.field]
        if "(dd-" in label:
            values[box.field] = DATE
        elif ":mm)" in label:
            values[box.field] = TIME
        else:
            text = PROSE[lang] * (1 + limits[box.field] // len(PROSE[lang]))
            values[box.field] = text[: limits[box.field]].rstrip()
    return values


def _crop(image: Image.Image, rect: tuple[float, float, float, float], page_height: float) -> Image.Image:
    s = DPI / 72
    x1, y1, x2, y2 = rect
    return image.crop((round(x1 * s), round((page_height - y2) * s), round(x2 * s), round((page_height - y1) * s)))


def _inner(box: Box, inset: float = 1.5) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = box.rect
    return (x1 + inset, y1 + inset, x2 - inset, y2 - inset)


def cut_at_edge(filled: Image.Image, blank: Image.Image, box: Box, page_height: float) -> bool:
    """Typed ink in the outermost 1.5 pt of the box's end (its right edge, or its bottom for a
    multi-line box), where the viewer clips what does not fit: the value runs on past the box."""
    x1, y1, x2, y2 = box.rect
    edge = (x2 - 1.5, y1 + 1, x2, y2 - 1) if box.kind == "text" else (x1 + 1, y1, x2 - 1, y1 + 1.5)
    now, before = _crop(filled, edge, page_height), _crop(blank, edge, page_height)
    return any(a < DARK <= b for a, b in zip(now.get_flattened_data(), before.get_flattened_data(), strict=True))


def has_letters_as_tall_as(image: Image.Image, box: Box, page_height: float, points: float) -> bool:
    """Whether typed ink in the box has an unbroken vertical run of at least `points`: the stem of an
    'l', a 'd' or a capital, about 0.73-0.76 of the text size. (PIL only: the image is made black and
    white, then each pixel kept only where the pixels under it, down to `points`, are ink too.)"""
    ink = _crop(image, _inner(box), page_height).point(lambda v: 255 if v < DARK else 0)
    run = max(1, round(points * DPI / 72))
    width, height = ink.size
    if height < run:
        return False
    kept = ink.crop((0, 0, width, height - run + 1))
    for shift in range(1, run):
        kept = ImageChops.darker(kept, ink.crop((0, shift, width, height - run + 1 + shift)))
    return kept.getbbox() is not None


def ruled_rows(image: Image.Image, box: Box, page_height: float) -> list[int]:
    """Rows inside the box that a writing line crosses from side to side (light grey nearly all along)."""
    crop = _crop(image, _inner(box, 3), page_height)
    width, height = crop.size
    rows = []
    for y in range(height):
        row = crop.crop((0, y, width, y + 1)).get_flattened_data()
        if sum(1 for v in row if v < RULED) >= 0.85 * width:
            rows.append(y)
    return rows


def page_heights(path: Path) -> list[float]:
    with pikepdf.open(path) as pdf:
        return [float(p.mediabox[3]) for p in pdf.pages]


def text_boxes(path: Path) -> Iterable[Box]:
    return [b for b in boxes(path) if b.kind in ("text", "multiline")]
