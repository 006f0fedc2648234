"""<!-- protocol:forms-list -->: every form in the order the steps use it, grouped by the role that
uses it first (so the incident report, which a teacher fills in first, comes first), each with a
download button that says the file's size and a link to its web page."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import FormRef, Protocol, Role
from generator.pages.context import PageContext
from generator.pages.templating import render
from generator.whatnow.tree import role_name


@dataclass(frozen=True)
class Group:
    role: Role
    forms: tuple[FormRef, ...]


def forms_in_order_of_use(protocol: Protocol) -> list[Group]:
    """Roles in protocol order; under each, the forms its steps use first, in step order.
    A form no step uses comes last, in a group of its own (role None is not possible here:
    the loader checks that every form belongs to a step)."""
    seen: set[str] = set()
    groups = []
    for role in protocol.roles.values():
        forms = []
        for node in role.nodes.values():
            for form_id in node.forms:
                if form_id not in seen:
                    seen.add(form_id)
                    forms.append(protocol.forms[form_id])
        if forms:
            groups.append(Group(role, tuple(forms)))
    return groups


def size_label(size: int | None) -> str:
    """38 400 bytes -> '38 KB' (at least 1 KB); unknown -> ''."""
    if size is None:
        return ""
    return f"{max(1, round(size / 1000))} KB"


def forms_list(ctx: PageContext) -> str:
    from generator.site.forms import SIZES  # filled when the site build renders the forms

    p = ctx.protocol
    return render(
        "forms_list.md.j2",
        groups=forms_in_order_of_use(p),
        steps_for=p.steps_for_form,
        role_name=lambda role_id: role_name(p.roles[role_id])[ctx.lang],  # 'Teacher: 3. …'
        lang=ctx.lang,
        ctx=ctx,
        t=ctx.t,
        size=lambda form_id: size_label(SIZES.get((ctx.lang, form_id))),
    )
