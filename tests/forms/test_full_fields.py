"""Every text field of every form, both languages, filled to the most it takes (its /MaxLen, in ordinary
text with the school's names) and drawn by the four engines people print with: pdf.js (Firefox),
PDFium (Chrome, Edge), poppler (Evince, print paths) and MuPDF. On the page images: no value is cut at
its box, no typed letter is smaller than 9 pt, and no writing line runs through typed text.

The fill sets the values only, with /NeedAppearances, so that each engine draws every field itself.
All forms are filled and rendered once per test session (the `full` fixture), at full.DPI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from generator.forms.capacity import MIN_SIZE

from . import full, rendering
from .pdfjs import PdfJs

ENGINES = ("pdf.js", "PDFium", "poppler", "MuPDF")
STEM = 0.7  # an 'l' or a capital's stem is 0.73-0.76 of the text size; 0.7 leaves room for anti-aliasing


@dataclass
class Rendered:
    lang: str
    form_id: str
    path: Path
    heights: list[float]
    blank: dict[str, list[Image.Image]] = field(default_factory=dict)
    filled: dict[str, list[Image.Image]] = field(default_factory=dict)


@pytest.fixture(scope="session")
def full_renders(all_pdfs, browser, tmp_path_factory) -> list[Rendered]:
    tmp = tmp_path_factory.mktemp("full")
    pdfjs = PdfJs(browser)
    dpi, rendering.DPI = rendering.DPI, full.DPI
    try:
        out = []
        for lang, form_id, path in all_pdfs:
            item = Rendered(lang, form_id, path, full.page_heights(path))
            data = rendering.fill_values_only(path, full.full_values(path, lang))
            for state, pdf in (("blank", path.read_bytes()), ("filled", data)):
                getattr(item, state).update(
                    {
                        "pdf.js": pdfjs.render(pdf, full.DPI),
                        "PDFium": rendering.pdfium_pages(pdf),
                        "poppler": rendering.poppler_pages(pdf, tmp, f"{lang}-{form_id}-{state}"),
                        "MuPDF": rendering.mupdf_pages(pdf),
                    }
                )
            out.append(item)
        return out
    finally:
        rendering.DPI = dpi
        pdfjs.close()


def _each_text_box(renders: list[Rendered]):
    for item in renders:
        for box in full.text_boxes(item.path):
            for engine in ENGINES:
                yield item, box, engine


def test_every_text_field_has_a_character_limit_that_its_box_holds(all_pdfs):
    for lang, form_id, path in all_pdfs:
        limits = full.max_lengths(path)
        for box in full.text_boxes(path):
            assert limits.get(box.field, 0) >= 8, (lang, form_id, box.field)  # "2 vwo-b", "14-11-2026"


def test_no_value_at_its_limit_is_cut_at_the_edge_of_its_box_in_any_engine(full_renders):
    cut = [
        f"{item.lang}/{item.form_id} {box.field} ({engine})"
        for item, box, engine in _each_text_box(full_renders)
        if full.cut_at_edge(item.filled[engine][box.page], item.blank[engine][box.page], box, item.heights[box.page])
    ]
    assert cut == []


def test_no_typed_text_prints_smaller_than_9_pt_in_any_engine(full_renders):
    small = [
        f"{item.lang}/{item.form_id} {box.field} ({engine})"
        for item, box, engine in _each_text_box(full_renders)
        if not full.has_letters_as_tall_as(item.filled[engine][box.page], box, item.heights[box.page], STEM * MIN_SIZE)
    ]
    assert small == []


def test_no_writing_line_runs_through_typed_text_in_any_engine(full_renders):
    crossed = [
        f"{item.lang}/{item.form_id} {box.field} ({engine})"
        for item, box, engine in _each_text_box(full_renders)
        if box.kind == "multiline" and full.ruled_rows(item.filled[engine][box.page], box, item.heights[box.page])
    ]
    assert crossed == []


def test_an_empty_multi_line_box_prints_its_writing_lines_one_per_8_mm_in_every_engine(full_renders):
    """The lines the previous test looks for are there on paper while the box is empty (the check sees them)."""
    for item, box, engine in _each_text_box(full_renders):
        if box.kind != "multiline":
            continue
        rows = full.ruled_rows(item.blank[engine][box.page], box, item.heights[box.page])
        lines = round((box.rect[3] - box.rect[1]) / full.LINE_PT)
        groups = len([r for n, r in enumerate(rows) if n == 0 or r - rows[n - 1] > 1])
        assert groups == lines - 1, f"{item.lang}/{item.form_id} {box.field} ({engine})"


LONGEST_NAME = "Nguyễn Thị Hồng-Ağaoğlu van der Berg"
NAME_FIELDS = ("student", "name", "mentor", "coordinator", "held-by", "led-by", "contact-by", "informed-by")
NAME_FIELDS += ("noted-by", "parents", "who", "recorded-by", "reporter", "by", "bullied", "bullying")


def test_every_field_for_a_name_takes_the_longest_name_a_family_writes(all_pdfs):
    """The case overview's step rows are the exception: their "who" column (22 %) takes 17 characters,
    a member of staff or initials; two lines per step would make its 30 rows two pages longer."""
    for lang, form_id, path in all_pdfs:
        for name, limit in full.max_lengths(path).items():
            if name.startswith("case-overview-step-"):
                continue
            if name.rsplit("-", 1)[-1] in NAME_FIELDS or name.endswith("-recorded-by") or name.endswith("-held-by"):
                assert limit >= len(LONGEST_NAME), (lang, form_id, name, limit)


@pytest.mark.parametrize("field", ["conversation-bully-student", "conversation-bully-reaction"])
def test_typing_in_chrome_stops_where_the_box_is_full(built, field):
    """PDFium's form layer, typed into as a person types in Chrome or Edge: a click in the box, then one
    key at a time, 40 more characters than the box holds. It keeps exactly the /MaxLen first ones."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    path = built / "nl" / "conversation-bully.pdf"
    limit = full.max_lengths(path)[field]
    box = next(b for b in full.text_boxes(path) if b.field == field)
    doc = pdfium.PdfDocument(str(path))
    doc.init_forms()
    handle, page = doc.formenv.raw, doc[box.page]
    x, y = (box.rect[0] + box.rect[2]) / 2, (box.rect[1] + box.rect[3]) / 2
    raw.FORM_OnLButtonDown(handle, page.raw, 0, x, y)
    raw.FORM_OnLButtonUp(handle, page.raw, 0, x, y)
    typed = (full.PROSE["nl"] * 5)[: limit + 40]
    for char in typed:
        raw.FORM_OnChar(handle, page.raw, ord(char), 0)
    size = raw.FORM_GetFocusedText(handle, page.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FORM_GetFocusedText(handle, page.raw, buffer, size)
    kept = buffer.raw.decode("utf-16-le").rstrip("\x00")
    doc.close()
    assert kept == typed[:limit]
