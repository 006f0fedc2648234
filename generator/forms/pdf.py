"""HTML → PDF with WeasyPrint (fillable, tagged PDF/UA-1), then the repairs in appearance.py."""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

from generator.forms.appearance import repair  # noqa: E402
from generator.forms.model import Widget

# A fixed date for the PDF's metadata, so the same input gives the same bytes.
FIXED_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


class RenderWarning(RuntimeError):
    """WeasyPrint warned while rendering: something in the HTML or CSS was ignored."""


@contextmanager
def fixed_time():
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = old or FIXED_EPOCH
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def weasy_pdf(html: str, forms_dir: Path, strict: bool = True) -> bytes:
    """WeasyPrint's own PDF of the form, no repairs. strict: a WeasyPrint warning raises."""
    from weasyprint import CSS, HTML  # imported late: it is slow to import

    from generator import weasy

    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        with fixed_time(), weasy.fonts() as fonts:  # @font-face rules are ignored without fonts
            fetcher = weasy.project_fetcher(forms_dir)  # the form's own files only (generator.weasy)
            document = HTML(string=html, base_url=str(forms_dir) + "/", url_fetcher=fetcher)
            stylesheet = CSS(filename=str(forms_dir / "print.css"), font_config=fonts, url_fetcher=fetcher)
            data = document.write_pdf(
                stylesheets=[stylesheet],
                font_config=fonts,
                pdf_forms=True,
                pdf_variant="pdf/ua-1",
                uncompressed_pdf=False,
            )
    finally:
        logger.removeHandler(handler)
    if strict and handler.messages:
        raise RenderWarning("; ".join(handler.messages))
    return data


def render_pdf(html: str, widgets: list[Widget], lang: str, title: str, forms_dir: Path) -> bytes:
    """The finished PDF: WeasyPrint's output with working fields, appearances and metadata."""
    return repair(weasy_pdf(html, forms_dir), widgets, lang, title, forms_dir / "fonts" / "FormSans-Regular.ttf")
