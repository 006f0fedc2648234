"""ALASCA's own content tests (this folder): that its handbook says what ALASCA's adopted protocol says,
its routes, its source text and its house wording. They belong to this school, not to the generator:
another school replaces this folder with its own (the generator's own tests are in tests/generator/
and the other folders, and hold for any school).

Fixtures for these tests: this school's pages, filled from its data and rendered
in-process (no MkDocs build), and the text of its PDF forms.

`pages` renders every page's filled Markdown (generator.check.check_handbook: what the build
publishes) with the Markdown extensions of mkdocs.yml, and parses it; `pdf_text` renders one form
in one language (generator.forms.document.form_pdf) and reads its text with MuPDF, once each.
"""

from __future__ import annotations

from functools import cache

import markdown
import pymupdf
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from generator.check import check_handbook
from generator.forms.document import form_pdf
from tests.conftest import ROOT


def _extensions() -> tuple[list, dict]:
    """mkdocs.yml's markdown_extensions, as Python-Markdown takes them."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        options[name] = {k: v for k, v in (opts or {}).items() if k != "permalink_title"}
    return names, options


class Pages:
    """Every page of the handbook as the build fills it, rendered to HTML and parsed."""

    def __init__(self):
        self.checked = check_handbook(ROOT)
        self.protocol = self.checked.protocol
        self._names, self._options = _extensions()

    @cache  # noqa: B019 - one instance per test session
    def soup(self, src: str) -> BeautifulSoup:
        """'nl/roles/mentor.md' -> the page's HTML, parsed."""
        _, filled = self.checked.filled[src]
        html = markdown.markdown(filled, extensions=self._names, extension_configs=self._options)
        return BeautifulSoup(html, "html.parser")

    def text(self, src: str) -> str:
        return " ".join(self.soup(src).get_text(" ").split())

    def step(self, lang: str, node_id: str):
        """A step's block (its .sbs-step <div>) on its role's page."""
        node = self.protocol.node(node_id)
        heading = self.soup(f"{lang}/roles/{node.role}.md").find(id=node_id)
        assert heading is not None, node_id
        return heading.find_parent("div", class_="sbs-step")


@pytest.fixture(scope="session")
def pages() -> Pages:
    return Pages()


@pytest.fixture(scope="session")
def pdf_text(pages):
    @cache
    def read(form_id: str, lang: str) -> str:
        with pymupdf.open(stream=form_pdf(pages.checked.handbook, form_id, lang), filetype="pdf") as doc:
            return " ".join(" ".join(page.get_text() for page in doc).split())

    return read


def words(element) -> str:
    return " ".join(element.get_text(" ").split())
