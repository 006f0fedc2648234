"""How many typed characters a text field holds on paper at the forms' one text size, as /MaxLen.

Typed text is drawn at TEXT_SIZE in every field (no auto size: that shrank a long answer to 4 pt),
so a value that does not fit would be cut at the box's edge on paper while the viewer scrolls on
screen. /MaxLen stops the typing where the box is full: PDFium (Chrome, Edge), pdf.js (Firefox)
and Acrobat refuse the next character, so the person typing sees that the box is full and ticks
"continued on a separate sheet" (multi-line boxes) instead of losing the end of the answer.

The count is for ordinary text (names, Dutch and English sentences): EM_PER_CHAR is the mean
advance of Form Sans over such text (0.52-0.56 em measured on names and agreements) with room to
spare; a line of capitals only (about 0.75 em) can still run past a single-line box. A multi-line
box loses up to WRAP_SLACK characters at the end of each line to word wrapping, and a line takes
LINE_FACTOR times the text size in the most generous engine (pdf.js: 1.35; PDFium 1.16; poppler
and MuPDF measured in tests/forms/test_full_fields.py). Newlines typed by hand each waste the rest
of a line: the limit is for running text.
"""

from __future__ import annotations

from math import floor

TEXT_SIZE = 10  # pt, every text field (single-line and multi-line)
MIN_SIZE = 9  # pt: no typed text prints smaller (README, "The forms")
EM_PER_CHAR = 0.57  # mean advance of a character of ordinary text, in em (see above)
PADDING = 2  # pt inside the box on each side, as the viewers leave it
LINE_FACTOR = 1.35  # line pitch / text size, the largest of the four engines
WRAP_SLACK = 6  # characters lost at a line's end to word wrap, on average over many lines


def chars_per_line(width: float, size: float = TEXT_SIZE) -> int:
    return max(1, floor((width - 2 * PADDING) / (EM_PER_CHAR * size)))


def text_lines(height: float, size: float = TEXT_SIZE) -> int:
    return max(1, floor((height - 2 * PADDING) / (LINE_FACTOR * size)))


def max_length(width: float, height: float, multiline: bool) -> int:
    """The /MaxLen of a field whose box is width × height points."""
    per_line = chars_per_line(width)
    if not multiline:
        return per_line
    return text_lines(height) * max(1, per_line - WRAP_SLACK)
