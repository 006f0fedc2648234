"""One finished form: definition + protocol + language → PDF bytes (no files written)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.forms.definitions import load_definitions
from generator.forms.labels import Labels, load_labels
from generator.forms.model import FormDefinition, Widget
from generator.forms.pdf import render_pdf, weasy_pdf
from generator.forms.render import ROOT, render_form_html
from generator.forms.view import form_view, widgets
from generator.model import Protocol


@dataclass(frozen=True)
class Sources:
    """The form data read from disk once: definitions and shared labels, and where they live."""

    root: Path
    forms: dict[str, FormDefinition]
    labels: Labels

    @classmethod
    def load(cls, root: Path = ROOT) -> Sources:
        return cls(root=root, forms=load_definitions(root), labels=load_labels(root))

    @property
    def forms_dir(self) -> Path:
        return self.root / "forms"


@dataclass(frozen=True)
class Prepared:
    """Everything about one form in one language short of the PDF itself."""

    form_id: str
    lang: str
    view: dict
    html: str
    widgets: list[Widget]


def prepare(sources: Sources, protocol: Protocol, form_id: str, lang: str) -> Prepared:
    view = form_view(sources.forms[form_id], protocol, sources.labels, lang)
    return Prepared(form_id, lang, view, render_form_html(view, sources.root), widgets(view))


def form_pdf(sources: Sources, protocol: Protocol, form_id: str, lang: str) -> bytes:
    """The finished, repaired PDF of one form."""
    prepared = prepare(sources, protocol, form_id, lang)
    return render_pdf(prepared.html, prepared.widgets, lang, prepared.view["title"], sources.forms_dir)


def bare_pdf(sources: Sources, protocol: Protocol, form_id: str, lang: str) -> bytes:
    """WeasyPrint's PDF of the same HTML without any repair (for the benchmark)."""
    return weasy_pdf(prepare(sources, protocol, form_id, lang).html, sources.forms_dir)
