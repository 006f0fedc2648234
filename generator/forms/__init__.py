"""The fillable PDF forms: definitions as data → view → Jinja2 HTML → WeasyPrint → repaired PDF.

Public API:
    build_forms(protocol, out_dir, langs=("nl", "en"), form_ids=None, jobs=None, *, root=None, progress=None)
        -> list[Path]                      # PDFs written to <out_dir>/<lang>/<form_id>.pdf
    render_form_page(form_id, protocol, lang, *, pdf_href=None, forms=None, step_url=None) -> str
        # HTML fragment describing a form, for a handbook page
    load_definitions(root) -> dict[str, FormDefinition]
    cli.main(argv) -> int                  # python -m generator forms …
"""

from generator.forms.builder import FormBuildError, build_forms, output_path
from generator.forms.definitions import load_definitions
from generator.forms.render import render_form_page

__all__ = ["FormBuildError", "build_forms", "load_definitions", "output_path", "render_form_page"]
