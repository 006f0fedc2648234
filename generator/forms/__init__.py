"""The fillable PDF forms: definitions as data → view → Jinja2 HTML → WeasyPrint → repaired PDF.

Public API:
    build_forms(handbook, out_dir, langs=("nl", "en"), form_ids=None, jobs=None, *, progress=None)
        -> list[Path]                      # PDFs written to <out_dir>/<lang>/<form_id>.pdf
    render_form_page(handbook, form_id, lang, *, pdf_href=None, step_url=None, assets=None) -> str
        # HTML fragment describing a form, for a handbook page
    load_definitions(root, values=None) -> dict[str, FormDefinition]
The handbook (generator.handbook.load_handbook) holds the definitions and labels, read once.
    cli.main(argv) -> int                  # python -m generator forms …
"""

from generator.forms.builder import FormBuildError, build_forms, output_path
from generator.forms.definitions import load_definitions
from generator.forms.render import render_form_page

__all__ = ["FormBuildError", "build_forms", "load_definitions", "output_path", "render_form_page"]
