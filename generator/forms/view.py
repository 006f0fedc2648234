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

LINE_PT = 22.68  # one line of handwriting in a multi-line field: 8 mm
RECORD_FIELDS = ("recorded-on", "recorded-by")


def form_view(form: FormDefinition, protocol: Protocol, labels: Labels, lang: str) -> dict:
    """Everything a template needs, as plain strings, lists and dicts."""
    settings = protocol.settings

    def text(value: str) -> str:  # protocol texts may say {system} or {school}
        return fill(value, system=settings.student_system[lang], school=settings.school_name)

    def label(key: str, **values: object) -> str:
        return labels.get(key, lang, system=settings.student_system[lang], **values)

    sections = [
        {
            "id": section.id,
            "title": section.title[lang],
            "help": section.help[lang] if section.help else None,
            "fields": [_field_view(form.id, field, protocol, label, lang) for field in section.fields],
        }
        for section in form.sections
    ]
    sections[-1]["fields"][-1]["last"] = True  # kept on a page with the field before it (print.css)
    record = [
        _simple(f"{form.id}-recorded-on", "date", label("recorded_on"), None, "half", label("date_hint")),
        _simple(f"{form.id}-recorded-by", "text", label("recorded_by"), None, "half", None),
    ]
    view = {
        "id": form.id,
        "lang": lang,
        "html_lang": lang,  # the language's code, as the site's pages have it
        "school": settings.school_name,
        "system": settings.student_system[lang],
        "title": form.title[lang],
        "version_label": label("version_label"),
        "version": settings.version or protocol.labels["open_short"][lang],
        "belongs_to": label("belongs_to"),
        "steps": _steps(form, protocol, label, lang),
        "intro": text(form.intro[lang]),
        "note": label("facts_note"),
        "sections": sections,
        "record_heading": label("record_heading"),
        "record": record,
        "privacy_heading": label("privacy_heading"),
        "privacy": _privacy(form, protocol, labels, label, text, lang),
        "page_counter_css": _counter_css(label("page_of")),
        "running_title": f"{settings.short} · {form.title[lang]}",
        "confidential": label("confidential"),
        "later_pages": label("later_pages"),
    }
    _check_unique(form, view)
    return view


def widgets(view: dict) -> list[Widget]:
    """The PDF fields of a rendered form, in page order, with their accessible names.

    A date or time field's name includes its format, as its visible label does: "Datum (dd-mm-jjjj)".
    """
    found: list[Widget] = []
    fields = [f for s in view["sections"] for f in s["fields"]] + view["record"]
    for field in fields:
        kind = field["type"]
        if kind in ("text", "date", "time"):
            name = f"{field['label']} ({field['hint']})" if field["hint"] else field["label"]
            found.append(Widget(field["name"], "text", name, digits=kind != "text"))
        elif kind == "textarea":
            found.append(Widget(field["name"], "multiline", field["label"]))
            found.append(Widget(field["continued"]["name"], "checkbox", field["continued"]["accessible"]))
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
                    cell_kind = {"checkbox": "checkbox", "textarea": "multiline"}.get(cell["type"], "text")
                    found.append(Widget(cell["name"], cell_kind, cell["title"], digits=cell["type"] == "date"))
    return found


def _field_view(form_id: str, field: Field, protocol: Protocol, label, lang: str) -> dict:
    """One field's words and PDF names. Names start with the form's id, so that two forms merged
    into one PDF keep their fields apart (pdf.js links fields that share a name)."""
    hint = _hint(field.type, label)
    help_ = field.help[lang] if field.help else None
    view = _simple(f"{form_id}-{field.id}", field.type, field.label[lang], help_, field.width, hint)
    if field.type == "textarea":
        view["lines"] = field.lines
        view["height"] = round(field.lines * LINE_PT, 2)
        view["continued"] = {
            "name": f"{form_id}-{field.id}-continued",
            "html_id": f"f-{form_id}-{field.id}-continued",
            "label": label("continued"),
            "accessible": label("option_name", question=field.label[lang], option=label("continued")),
        }
    if field.type in ("choices", "radio"):
        view["options"] = [
            {
                "name": f"{form_id}-{field.id}-{o.id}" if field.type == "choices" else f"{form_id}-{field.id}",
                "value": o.id,
                "html_id": f"f-{form_id}-{field.id}-{o.id}",
                "label": o.label[lang],
                "accessible": label("option_name", question=field.label[lang], option=o.label[lang]),
            }
            for o in field.options
        ]
    if field.type == "table":
        view["columns"] = [
            {"id": c.id, "type": c.type, "label": c.label[lang], "width": c.width, "hint": _hint(c.type, label)}
            for c in field.columns
        ]
        # The first column's header names its rows ("Leerling" for "Leerling 1", …): no empty header cell.
        row_word = fill(field.row_label[lang], n="").strip() if field.row_label else ""
        view["row_header"] = label("step_column") if field.rows == STEP_ROWS else row_word
        view["rows"] = _rows(form_id, field, protocol, label, lang)
    return view


def _hint(kind: str, label) -> str | None:
    """How a date or a time is written ("dd-mm-jjjj"), shown after its label or column header."""
    return {"date": label("date_hint"), "time": label("time_hint")}.get(kind)


def _simple(name: str, kind: str, text: str, help_: str | None, width: str, hint: str | None) -> dict:
    return {
        "name": name,
        "html_id": f"f-{name}",
        "type": kind,
        "label": text,
        "help": help_,
        "width": width,
        "hint": hint,
        "last": False,  # the form's last question (see form_view)
    }


def _rows(form_id: str, field: Field, protocol: Protocol, label, lang: str) -> list[dict]:
    def column(c) -> str:
        return f"{c.label[lang]} ({label('date_hint')})" if c.type == "date" else c.label[lang]

    def row(key: str, row_label: str) -> dict:
        cells = [
            {
                "name": f"{form_id}-{field.id}-{key}-{c.id}",
                "html_id": f"f-{form_id}-{field.id}-{key}-{c.id}",
                "type": c.type,
                "title": label("row_cell", row=row_label, column=column(c)),
                "height": round(c.lines * LINE_PT, 2),
            }
            for c in field.columns
        ]
        return {"group": None, "label": row_label, "cells": cells}

    if field.rows != STEP_ROWS:
        return [row(str(n), fill(field.row_label[lang], n=n)) for n in range(1, field.rows + 1)]
    rows: list[dict] = []  # step_roles and steps_not_logged are the protocol's (generator.handbook checks them)
    for role in protocol.roles.values():
        if field.step_roles and role.id not in field.step_roles:
            continue
        nodes = list(role.nodes.values())
        logged = [n for n in nodes if n.kind == "step" and n.id not in field.steps_not_logged]
        if not logged:
            continue
        rows.append({"group": role.display_name(lang), "label": "", "cells": []})
        # Numbered as the role's step list, so no number is missing: a decision, or a step with
        # nothing to log, is a row without cells; what comes after the last logged step is left out.
        for node in nodes[: nodes.index(logged[-1]) + 1]:
            title = node.label(lang)
            rows.append(row(node.id, title) if node in logged else {"group": None, "label": title, "cells": []})
    return rows


def _steps(form: FormDefinition, protocol: Protocol, label, lang: str) -> list[dict]:
    return [
        {
            "role": node.role,
            "id": node.id,
            "text": label("step_line", role=protocol.roles[node.role].display_name(lang), step=node.label(lang)),
        }
        for node in protocol.steps_for_form(form.id)
    ]


def _privacy(form: FormDefinition, protocol: Protocol, labels: Labels, label, text, lang: str) -> str:
    """The privacy note: purpose, where it goes (one student's file, or several), then what happens
    to the paper, how long it is kept and who may see it. Those three are the school's decisions
    (protocol/settings.yml: form_copies, retention, records_access); while one is empty, the note
    says so in the handbook's own words (protocol/labels.yml: undecided_…) and invents nothing;
    where those words speak to parents, forms/labels.yml has the forms' own (staff: "je")."""
    settings = protocol.settings

    def decided(key: str) -> str:
        value = getattr(settings, key, None)
        if value:
            return text(value[lang]).strip()
        own = f"undecided_{key}"
        return label(own) if own in labels.texts else text(protocol.labels[own][lang])

    retention = getattr(settings, "retention", None)
    term = label("privacy_term", retention=text(retention[lang])) if retention else decided("retention")
    return label(
        "privacy",
        purpose=text(form.purpose[lang]),
        where=label(_where(form, settings)),
        paper=decided("form_copies"),
        terms=f"{term} {decided('records_access')}",
    )


def _where(form: FormDefinition, settings) -> str:
    """Where the notes go: the protocol's rule (Track 5, point 3: in the file of both the student
    who bullies and the student who is bullied), or per student once the school has decided so."""
    if form.record == "class":
        return "privacy_where_class"
    if settings.notes_per_student:
        return f"privacy_where_{form.record}"
    return "privacy_where_both"


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


def _check_unique(form: FormDefinition, view: dict) -> None:
    seen: set[str] = set()
    for widget in widgets(view):
        if widget.name in seen:
            key = f"field name {widget.name}"
            raise DataError([Problem(form.file, key, "a second field with this name", "unique names")])
        seen.add(widget.name)
