"""Pages made from the data, not written by hand: one page per form, in every language.

A form's page has no prose of its own: its title, the steps it belongs to and its questions all
come from forms/definitions/<id>.yml. So the page is generated (the build adds it to MkDocs'
files, generator.site.forms; the checks read it like any other page, generator.check), and adding
a form is one YAML file plus the step that names it in its `forms:` list.
"""

from __future__ import annotations


def form_page_src(lang: str, form_id: str) -> str:
    """Where the page pretends to live under docs/: 'en/forms/incident-report.md'."""
    return f"{lang}/forms/{form_id}.md"


def form_page_markdown(form_id: str) -> str:
    return f"<!-- protocol:form-title form={form_id} -->\n\n<!-- protocol:form form={form_id} -->\n"


def form_pages(form_files: dict[str, str], languages: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Every form's page in every language: docs src -> (the file it is made from, its Markdown)."""
    return {
        form_page_src(lang, form_id): (file, form_page_markdown(form_id))
        for lang in languages
        for form_id, file in form_files.items()
    }
