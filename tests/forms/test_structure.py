"""The forms' tagged structure (PDF/UA): lists are L > LI > LBody, tables Table > TR > TH/TD, and every
header cell says what it heads (/Scope), so a screen reader reads them as lists and tables."""

from __future__ import annotations

import pikepdf
import pytest

from generator.forms.structure import add_header_scopes


def elements(path) -> list[tuple[str, pikepdf.Dictionary, list[str]]]:
    """(kind, element, kinds of its child elements) for every structure element of a PDF."""
    found = []
    with pikepdf.open(path) as pdf:

        def walk(element):
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            children = [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]
            found.append((str(element.get("/S", "")), _plain(element), [str(c.S) for c in children]))
            for child in children:
                walk(child)

        walk(pdf.Root.StructTreeRoot)
    return found


def _plain(element: pikepdf.Dictionary) -> dict:
    attributes = element.get("/A")
    return {"scope": str(attributes.get("/Scope", "")) if isinstance(attributes, pikepdf.Dictionary) else ""}


def test_every_list_holds_only_list_items_and_every_item_a_body(all_pdfs):
    for lang, form_id, path in all_pdfs:
        found = elements(path)
        lists = [children for kind, _, children in found if kind == "/L"]
        assert lists, (lang, form_id)  # the header's "for step" lines at least
        assert all(children and set(children) <= {"/LI"} for children in lists), (lang, form_id, lists)
        items = [children for kind, _, children in found if kind == "/LI"]
        assert all("/LBody" in children for children in items), (lang, form_id)


def test_each_question_with_options_is_a_list(all_pdfs, handbook):
    for lang, form_id, path in all_pdfs:
        questions = [f for f in handbook.forms[form_id].fields if f.type in ("choices", "radio")]
        lists = sum(kind == "/L" for kind, _, _ in elements(path))
        assert lists == 1 + len(questions), (lang, form_id)  # the header's list and one per question


@pytest.mark.parametrize(("form_id", "rows"), [("incident-report", 5), ("conversation-victim", 3)])
def test_a_table_is_tagged_with_rows_and_header_cells_that_say_what_they_head(built, form_id, rows):
    found = elements(built / "nl" / f"{form_id}.pdf")
    assert any(kind == "/Table" for kind, _, _ in found)
    assert sum(kind == "/TR" for kind, _, _ in found) >= rows + 1
    assert all(set(children) <= {"/TH", "/TD"} for kind, _, children in found if kind == "/TR")
    headers = [attributes["scope"] for kind, attributes, _ in found if kind == "/TH"]
    assert headers and set(headers) == {"/Column", "/Row"}


def test_header_scopes_follow_the_table_section(tmp_path):
    pdf = pikepdf.new()
    cell = {}
    for section in ("/THead", "/TBody"):
        cell[section] = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.TH))
    rows = [
        pikepdf.Dictionary(S=pikepdf.Name(section), K=pikepdf.Dictionary(S=pikepdf.Name.TR, K=cell[section]))
        for section in cell
    ]
    pdf.Root.StructTreeRoot = pikepdf.Dictionary(K=pikepdf.Dictionary(S=pikepdf.Name.Table, K=pikepdf.Array(rows)))
    assert add_header_scopes(pdf) == 2
    assert cell["/THead"].A.Scope == "/Column" and cell["/TBody"].A.Scope == "/Row"
