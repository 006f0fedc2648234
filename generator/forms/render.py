"""Render a form's view to HTML: the print document for WeasyPrint, or a fragment for the handbook."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from generator import product_path
from generator.forms.labels import Labels
from generator.forms.view import css_string, form_view
from generator.handbook import Handbook


def templates_dir(root: Path) -> Path:
    """The form templates: the school's forms/templates, or the product's (generator.product_path)."""
    return product_path(root, "forms/templates")


@lru_cache(maxsize=4)
def environment(root: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir(root)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


def render_form_html(view: dict, root: Path) -> str:
    """The complete HTML document that WeasyPrint turns into the fillable PDF."""
    return environment(root).get_template("form.html").render(form=view)


def render_page_html(view: dict, labels: Labels, pdf_href: str | None, step_url, root: Path) -> str:
    lang = view["lang"]
    words = {key: labels.get(key, lang, system=view["system"]) for key in labels.texts}
    steps = [dict(step, href=step_url(step["role"], step["id"]) if step_url else None) for step in view["steps"]]
    page = environment(root).get_template("page.html")
    html = page.render(form=dict(view, steps=steps), words=words, pdf_href=pdf_href)
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def render_form_page(
    handbook: Handbook,
    form_id: str,
    lang: str,
    *,
    pdf_href: str | None = None,
    step_url=None,
) -> str:
    """A Markdown-safe HTML fragment describing one form (its steps, sections and questions).

    pdf_href: link to the PDF to offer as a download (none if not given).
    step_url: a function (role id, step id) -> URL; when given, each step the form belongs to
    links to its place in the handbook (the caller knows its URLs: the handbook is also built
    without directory URLs, for file shares).
    The page's stylesheet and script (docs/assets/…/form-fill.*) come from generator/site/assets.py.
    """
    labels = handbook.form_labels
    view = form_view(handbook.forms[form_id], handbook.protocol, labels, lang)
    return render_page_html(view, labels, pdf_href, step_url, handbook.root)
