"""The tagged structure of a form (PDF/UA): what WeasyPrint leaves out, added with pikepdf.

WeasyPrint tags tables (Table > THead/TBody > TR > TH/TD, each cell with its /Headers) and lists
(L > LI > LBody), but writes no /Scope on a header cell. PDF/UA wants one (ISO 14289-1, 7.5):
a header in the table head heads its column, one in the body heads its row.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name


def add_header_scopes(pdf: pikepdf.Pdf) -> int:
    """Give every TH its /Scope (Column in THead, Row elsewhere); return how many were set."""
    count = 0
    for element, section in _header_cells(pdf.Root.get("/StructTreeRoot")):
        scope = Name.Column if section == "/THead" else Name.Row
        attributes = element.get("/A")
        table = Dictionary(O=Name.Table, Scope=scope)
        if isinstance(attributes, Dictionary) and attributes.get("/O") == "/Table":
            attributes.Scope = scope
        elif isinstance(attributes, Array):
            found = [a for a in attributes if isinstance(a, Dictionary) and a.get("/O") == "/Table"]
            if found:
                found[0].Scope = scope
            else:
                attributes.append(table)
        elif attributes is None:
            element.A = table
        else:
            element.A = Array([attributes, table])
        count += 1
    return count


def _header_cells(root, section: str = ""):
    """(TH element, the table section it is in) for every header cell under root."""
    if not isinstance(root, Dictionary):
        return
    kind = str(root.get("/S", ""))
    if kind in ("/THead", "/TBody", "/TFoot"):
        section = kind
    if kind == "/TH":
        yield root, section
    kids = root.get("/K")
    for kid in kids if isinstance(kids, Array) else [kids]:
        if isinstance(kid, Dictionary) and "/MCID" not in kid and kid.get("/Type") != "/OBJR":
            yield from _header_cells(kid, section)
