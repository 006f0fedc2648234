"""The fillable PDF forms: definitions as data → view → Jinja2 HTML → WeasyPrint → repaired PDF.

Public API:
    build_forms(handbook, out_dir, langs=None, form_ids=None, jobs=None, *, progress=None)
        -> list[Path]                      # PDFs written to <out_dir>/<lang>/<form_id>.pdf
    render_form_page(handbook, form_id, lang, *, pdf_href=None, step_url=None, assets=None) -> str
        # HTML fragment describing a form, for a handbook page
    load_definitions(root, values=None) -> dict[str, FormDefinition]
The handbook (generator.handbook.load_handbook) holds the definitions and labels, read once.
    cli.main(argv) -> int                  # python -m generator forms …
"""

from importlib import import_module

from generator.forms.output import FormBuildError, output_path

# Imported when first used: rendering needs WeasyPrint and pikepdf, and a rebuild with nothing
# to render should not pay for importing them (bench: no-change rebuild).
_LAZY = {
    "build_forms": "generator.forms.builder",
    "load_definitions": "generator.forms.definitions",
    "render_form_page": "generator.forms.render",
}

__all__ = ["FormBuildError", "build_forms", "load_definitions", "output_path", "render_form_page"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'generator.forms' has no attribute {name!r}")
