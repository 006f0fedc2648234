"""Renderers for the markers: each takes a PageContext and the marker's arguments, returns Markdown."""

from __future__ import annotations

from generator import LANGUAGES
from generator.adopted.render import trace_line
from generator.pages.context import PageContext
from generator.pages.templating import render


def steps(ctx: PageContext, role: str) -> str:
    """A role's steps and decisions, numbered, each with its forms and where it leads."""
    protocol, lang = ctx.protocol, ctx.lang
    the_role = protocol.roles[role]

    def link(node_id: str) -> str:
        node = protocol.node(node_id)
        label = f"{node.number}. {node.title[lang]}"
        if node.role != role:
            label = f"{ctx.t('hands_over_to')} {protocol.roles[node.role].name[lang]}: {label}"
        return f"[{label}]({ctx.node_link(node)})"

    def form_line(form_id: str) -> str:
        title = protocol.forms[form_id].title[lang]
        line = f":material-file-document-outline: **{ctx.t('form')}:** [{title}]({ctx.rel(f'forms/{form_id}.md')})"
        if ctx.pdfs:
            line += f" · [{ctx.t('download_pdf')}]({ctx.rel(f'forms/{form_id}.pdf')})"
        return line

    return render(
        "steps.md.j2",
        role=the_role,
        protocol=protocol,
        lang=lang,
        t=ctx.t,
        link=link,
        form_line=form_line,
        trace=lambda trace: trace_line(ctx, trace),
        forms_note=fill_system(ctx, ctx.t("forms_are_aids")) if any(n.forms for n in the_role.steps) else "",
    )


def fill_system(ctx: PageContext, text: str) -> str:
    return text.replace("{system}", ctx.protocol.settings.student_system)


def role_title(ctx: PageContext, role: str) -> str:
    """The page's heading: the role's title from the data, so the nav and the page agree."""
    return f"# {ctx.protocol.roles[role].title[ctx.lang]}\n"


def role_summary(ctx: PageContext, role: str) -> str:
    return ctx.protocol.roles[role].summary[ctx.lang] + "\n"


def principles(ctx: PageContext) -> str:
    p, lang = ctx.protocol, ctx.lang
    lines = [p.principles_intro[lang], ""]
    lines += [f"{i}. {text[lang]}" for i, text in enumerate(p.principles, 1)]
    return "\n".join(lines) + "\n"


def intro(ctx: PageContext) -> str:
    return ctx.protocol.intro[ctx.lang] + "\n"


def tracks(ctx: PageContext) -> str:
    return render("tracks.md.j2", tracks=ctx.protocol.tracks, lang=ctx.lang)


def roles_menu(ctx: PageContext) -> str:
    """'Who are you?': one link per role, to its page."""
    return render("roles_menu.md.j2", roles=ctx.protocol.roles.values(), lang=ctx.lang, ctx=ctx, t=ctx.t)


def contact_ladder(ctx: PageContext) -> str:
    """Whom parents contact first, then, then; and the alternative."""
    s = ctx.protocol.settings
    roles = ctx.protocol.roles
    return render(
        "contact_ladder.md.j2",
        ladder=[roles[r] for r in s.contact_ladder],
        alternative=roles[s.contact_alternative],
        contacts=s.contacts,
        lang=ctx.lang,
        ctx=ctx,
        t=ctx.t,
    )


def version(ctx: PageContext) -> str:
    return render("version.md.j2", s=ctx.protocol.settings, lang=ctx.lang, t=ctx.t, date=format_date)


def setting(ctx: PageContext, name: str) -> str:
    """One school setting in running text, e.g. the student system's name or the retention term."""
    value = getattr(ctx.protocol.settings, name)
    return value[ctx.lang] if isinstance(value, dict) else str(value)


_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def format_date(value, lang: str) -> str:
    month = _MONTHS[lang].split()[value.month - 1]
    return f"{value.day} {month} {value.year}"


def contact(ctx: PageContext, role: str) -> str:
    """How to reach a role, from the school settings."""
    return ctx.protocol.settings.contacts[role][ctx.lang]


def form_title(ctx: PageContext, form: str) -> str:
    return f"# {ctx.protocol.forms[form].title[ctx.lang]}\n"


def form(ctx: PageContext, form: str) -> str:
    """A form's page: the download, the steps it belongs to, and its questions (from the form data)."""
    from generator.forms import render_form_page  # the forms package is only needed by form pages

    pdf = ctx.url(f"forms/{form}.pdf") if ctx.pdfs else None
    to_root = "" if ctx.lang == LANGUAGES[0] else "../"  # assets live once, at the site's root
    assets = {kind: ctx.url(f"{to_root}assets/{folder}/form-fill.{kind}") for kind, folder in FORM_ASSETS}
    return render_form_page(
        form,
        ctx.protocol,
        ctx.lang,
        pdf_href=pdf,
        forms=ctx.form_definitions,
        step_url=lambda role, step: ctx.url(ctx.protocol.roles[role].page, step),
        assets=assets,
    )


FORM_ASSETS = (("css", "stylesheets"), ("js", "javascripts"))  # form pages only: fill in, copy, print


def forms_list(ctx: PageContext) -> str:
    p = ctx.protocol
    return render(
        "forms_list.md.j2",
        forms=p.forms.values(),
        steps_for=p.steps_for_form,
        roles=p.roles,
        lang=ctx.lang,
        ctx=ctx,
        t=ctx.t,
    )


BOOKLET_FILE = "protocol.pdf"


def booklet_link(ctx: PageContext) -> str:
    """A download link to the printable booklet, which the build writes after the pages."""
    href = ctx.url(BOOKLET_FILE)
    return f'<a class="md-button" href="{href}" download>{ctx.t("booklet_link")} (PDF)</a>\n'
