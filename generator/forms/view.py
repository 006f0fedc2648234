"""Pure functions: a form definition + the protocol + a language → the words and names to render.

Both the PDF template and the handbook's form page render this view; the PDF post-processing and
the tests read the list of widgets derived from it, so names and labels agree everywhere.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.errors import DataError, Problem
from generator.forms.labels import Labels, fill
from generator.forms.model import STEP_ROWS, Field, FormDefinition, Widget
from generator.model import Protocol

HTML_LANG = {"nl": "nl-NL", "en": "en-GB"}
LINE_PT = 14  # one line of typing in a multi-line field (10 pt text)
RECORD_FIELDS = ("recorded-on", "recorded-by")


def form_view(form: FormDefinition, protocol: Protocol, labels: Labels, lang: str) -> dict:
    """Everything a template needs, as plain strings, lists and dicts."""
    settings = protocol.settings

    def text(value: str) -> str:  # protocol texts may say {system} or {school}
        return fill(value, system=settings.student_system, school=settings.school_name)

    def label(key: str, **values: object) -> str:
        return labels.get(key, lang, system=settings.student_system, **values)

    sections = [
        {
            "id": section.id,
            "title": section.title[lang],
            "help": section.help[lang] if section.help else None,
            "fields": [_field_view(field, protocol, label, text, lang) for field in section.fields],
        }
        for section in form.sections
    ]
    record = [
        _simple("recorded-on", "date", label("recorded_on"), None, "half", label("date_hint")),
        _simple("recorded-by", "text", label("recorded_by"), None, "half", None),
    ]
    view = {
        "id": form.id,
        "lang": lang,
        "html_lang": HTML_LANG[lang],
        "school": settings.school_name,
        "title": form.title[lang],
        "version_label": label("version_label"),
        "version": settings.version or protocol.labels["open_short"][lang],
        "belongs_to": label("belongs_to"),
        "steps": _steps(form, protocol, label, text, lang),
        "intro": text(form.intro[lang]),
        "note": label("facts_note"),
        "sections": sections,
        "record_heading": label("record_heading"),
        "record": record,
        "privacy_heading": label("privacy_heading"),
        "privacy": label(
            "privacy",
            purpose=text(form.purpose[lang]),
            readers=_readers(protocol, labels, lang),
            retention=settings.retention[lang] if settings.retention else protocol.labels["open_short"][lang],
        ),
        "page_counter_css": _counter_css(label("page_of")),
        "running_title": f"{settings.school_name} · {form.title[lang]}",
    }
    _check_unique(form, view)
    return view


def widgets(view: dict) -> list[Widget]:
    """The PDF fields of a rendered form, in page order, with their accessible names."""
    found: list[Widget] = []
    fields = [f for s in view["sections"] for f in s["fields"]] + view["record"]
    for field in fields:
        kind = field["type"]
        if kind in ("text", "date", "time"):
            found.append(Widget(field["name"], "text", field["label"]))
        elif kind == "textarea":
            found.append(Widget(field["name"], "multiline", field["label"]))
        elif kind == "checkbox":
            found.append(Widget(field["name"], "checkbox", field["label"]))
        elif kind == "choices":
            found.extend(Widget(o["name"], "checkbox", o["accessible"]) for o in field["options"])
        elif kind == "radio":
            states = tuple(o["value"] for o in field["options"])
            names = tuple(o["accessible"] for o in field["options"])
            found.append(Widget(field["name"], "radio", field["label"], states, names))
        elif kind == "table":
            for row in field["rows"]:
                for cell in row.get("cells", ()):
                    cell_kind = "checkbox" if cell["type"] == "checkbox" else "text"
                    found.append(Widget(cell["name"], cell_kind, cell["title"]))
    return found


def _field_view(field: Field, protocol: Protocol, label, text, lang: str) -> dict:
    hint = {"date": label("date_hint"), "time": label("time_hint")}.get(field.type)
    view = _simple(field.id, field.type, field.label[lang], field.help[lang] if field.help else None, field.width, hint)
    if field.type == "textarea":
        view["lines"] = field.lines
        view["height"] = field.lines * LINE_PT + 6
    if field.type in ("choices", "radio"):
        view["options"] = [
            {
                "name": f"{field.id}-{o.id}" if field.type == "choices" else field.id,
                "value": o.id,
                "html_id": f"f-{field.id}-{o.id}",
                "label": o.label[lang],
                "accessible": label("option_name", question=field.label[lang], option=o.label[lang]),
            }
            for o in field.options
        ]
    if field.type == "table":
        view["columns"] = [
            {"id": c.id, "type": c.type, "label": c.label[lang], "width": c.width} for c in field.columns
        ]
        view["row_header"] = label("step_column") if field.rows == STEP_ROWS else ""
        view["rows"] = _rows(field, protocol, label, text, lang)
        view["rows_description"] = (
            label("rows_steps") if field.rows == STEP_ROWS else label("rows_count", count=field.rows)
        )
    return view


def _simple(name: str, kind: str, text: str, help_: str | None, width: str, hint: str | None) -> dict:
    return {
        "name": name,
        "html_id": f"f-{name}",
        "type": kind,
        "label": text,
        "help": help_,
        "width": width,
        "hint": hint,
    }


def _rows(field: Field, protocol: Protocol, label, text, lang: str) -> list[dict]:
    def row(key: str, row_label: str) -> dict:
        cells = [
            {
                "name": f"{field.id}-{key}-{c.id}",
                "html_id": f"f-{field.id}-{key}-{c.id}",
                "type": c.type,
                "title": label("row_cell", row=row_label, column=c.label[lang]),
            }
            for c in field.columns
        ]
        return {"group": None, "label": row_label, "cells": cells}

    if field.rows != STEP_ROWS:
        return [row(str(n), fill(field.row_label[lang], n=n)) for n in range(1, field.rows + 1)]
    rows: list[dict] = []
    for role in protocol.roles.values():
        steps = [node for node in role.nodes.values() if node.kind == "step"]
        if steps:
            rows.append({"group": _capital(role.name[lang]), "label": "", "cells": []})
            rows.extend(row(node.id, f"{node.number}. {text(node.title[lang])}") for node in steps)
    return rows


def _steps(form: FormDefinition, protocol: Protocol, label, text, lang: str) -> list[dict]:
    return [
        {
            "role": node.role,
            "id": node.id,
            "text": label(
                "step_line",
                role=_capital(protocol.roles[node.role].name[lang]),
                number=node.number,
                title=text(node.title[lang]),
            ),
        }
        for node in protocol.steps_for_form(form.id)
    ]


def _readers(protocol: Protocol, labels: Labels, lang: str) -> str:
    missing = [r for r in labels.privacy_readers if r not in protocol.roles]
    if missing:
        raise DataError([Problem("forms/labels.yml", "privacy_readers", repr(missing), "role ids of the protocol")])
    names = [protocol.roles[r].name[lang] for r in labels.privacy_readers]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {labels.get('and', lang)} " + names[-1]


def _counter_css(template: str) -> str:
    """'Page {page} of {pages}' → a CSS content value with page counters."""
    parts: list[str] = []
    rest = template
    while rest:
        head, brace, tail = rest.partition("{")
        if head:
            parts.append(css_string(head))
        if not brace:
            break
        name, _, rest = tail.partition("}")
        parts.append(f"counter({name})" if name in ("page", "pages") else css_string("{" + name + "}"))
    return Markup(" ".join(parts))


def css_string(value: str) -> Markup:
    """A quoted CSS string, safe inside a <style> element (no quote, backslash or '<' left raw)."""
    escaped = value.replace("\\", "\\5C ").replace('"', "\\22 ").replace("<", "\\3C ").replace("\n", " ")
    return Markup(f'"{escaped}"')


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def _check_unique(form: FormDefinition, view: dict) -> None:
    seen: set[str] = set()
    for widget in widgets(view):
        if widget.name in seen:
            key = f"field name {widget.name}"
            raise DataError([Problem(form.file, key, "a second field with this name", "unique names")])
        seen.add(widget.name)
