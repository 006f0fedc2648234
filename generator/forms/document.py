"""One finished form: the handbook's definition + protocol + language → PDF bytes (no files written)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.forms.model import Widget
from generator.forms.pdf import render_pdf, weasy_pdf
from generator.forms.render import render_form_html
from generator.forms.view import form_view, widgets
from generator.handbook import Handbook


@dataclass(frozen=True)
class Prepared:
    """Everything about one form in one language short of the PDF itself."""

    form_id: str
    lang: str
    view: dict
    html: str
    widgets: list[Widget]


def prepare(handbook: Handbook, form_id: str, lang: str) -> Prepared:
    view = form_view(handbook.forms[form_id], handbook.protocol, handbook.form_labels, lang)
    return Prepared(form_id, lang, view, render_form_html(view, handbook.root), widgets(view))


def form_pdf(handbook: Handbook, form_id: str, lang: str) -> bytes:
    """The finished, repaired PDF of one form."""
    prepared = prepare(handbook, form_id, lang)
    return render_pdf(prepared.html, prepared.widgets, lang, prepared.view["title"], handbook.forms_dir)


def bare_pdf(handbook: Handbook, form_id: str, lang: str) -> bytes:
    """WeasyPrint's PDF of the same HTML without any repair (for the benchmark)."""
    return weasy_pdf(prepare(handbook, form_id, lang).html, handbook.forms_dir)
