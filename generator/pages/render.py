"""Renderers for the markers: each takes a PageContext and the marker's arguments, returns Markdown."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from generator.adopted.render import trace_line
from generator.flowchart.dot import CONTACT_ANCHOR, public_handover_label
from generator.model import Node, Part, Trace
from generator.pages.contact import contact_of
from generator.pages.context import PageContext
from generator.pages.origin import where_from
from generator.pages.templating import render
from generator.pages.text import md_body, md_text
from generator.site.language import site_prefix


def steps(ctx: PageContext, role: str) -> str:
    """A role's steps and decisions, numbered (by the protocol's own numbers where it has them),
    under its phases if it has them, each with its forms and where it leads."""
    protocol, lang = ctx.protocol, ctx.lang
    the_role = protocol.roles[role]

    def link(node_id: str) -> Markup:
        node = protocol.node(node_id)
        if node.role != role and the_role.public:
            # Public readers (parents, students) are told who helps next, and how to reach them (the contact
            # block), not sent into a staff procedure.
            return Markup(f"[{md_text(public_handover_label(protocol, role, node, lang))}]({CONTACT_ANCHOR})")
        return Markup(f"[{md_text(protocol.step_link_text(node, lang, on_role=role))}]({ctx.node_link(node)})")

    def form_line(form_id: str) -> Markup:
        title = md_text(protocol.forms[form_id].title[lang])
        form = md_text(ctx.t("form"))
        # No icon shortcode: mkdocs.yml has no emoji extension, and it printed as ':material-…:' (review F7).
        line = f"**{form}:** [{title}]({ctx.rel(f'forms/{form_id}.md')})"
        if ctx.pdfs:
            # On paper the PDF's address is printed after it (handbook.css: the site's address + data-print).
            where = f"{site_prefix(lang, protocol.codes)}forms/{form_id}.pdf"
            pdf = ctx.rel(f"forms/{form_id}.pdf")
            line += f' · [{md_text(ctx.t("download_pdf"))}]({pdf}){{ data-print="{where}" }}'
        return Markup(line)

    return render(
        "steps.md.j2",
        role=the_role,
        groups=protocol.phase_groups(role),
        protocol=protocol,
        lang=lang,
        t=ctx.t,
        link=link,
        form_line=form_line,
        body=lambda node: step_text(ctx, node),
        public=the_role.public,
        trace=lambda trace: where_from(ctx, trace) if the_role.public else trace_line(ctx, trace),
        step_trace=step_trace,
        forms_note=fill_system(ctx, ctx.t("forms_are_aids")) if any(n.forms for n in the_role.steps) else "",
    )


def step_text(ctx: PageContext, node: Node) -> Markup:
    """A step's text, part by part: the protocol's duty as it is (its passages are linked in the
    step's trace line), the school's advice labelled "Advies" where it stands, and a decision the
    protocol leaves to the school as the school's decision, or while it is open, said plainly."""
    blocks = [_part(ctx, part) for part in node.parts]
    return Markup("\n\n".join(blocks))


def _part(ctx: PageContext, part: Part) -> str:
    text = part.text[ctx.lang]
    if part.decision and part.open:
        return f"{md_text(text, block=True)}\n{{: .school-decision .open }}"
    if part.decision:
        return f"**{md_text(ctx.t('school_decision'))}:** {md_text(text)}\n{{: .school-decision }}"
    if part.is_advice:
        return f"**{md_text(ctx.t('advice'))}:** {md_body(text)}\n{{: .advice }}"
    return md_body(text)


def step_trace(node: Node) -> Trace:
    """The trace line under a step: its passages (advice is labelled in the text itself)."""
    return node.trace if node.is_decision else Trace(node.trace.source)


def fill_system(ctx: PageContext, text: str) -> str:
    return text.replace("{system}", ctx.protocol.settings.student_system[ctx.lang])


def role_title(ctx: PageContext, role: str) -> str:
    """The page's heading: the role's title from the data, so the nav and the page agree."""
    return f"# {md_text(ctx.protocol.roles[role].title[ctx.lang])}\n"


def role_summary(ctx: PageContext, role: str) -> str:
    return md_text(ctx.protocol.roles[role].summary[ctx.lang], block=True) + "\n"


class AbsentSection(Exception):
    """A marker for a section the protocol's data does not have (principles, tracks: both optional).
    Refused rather than left empty: the page's own heading above the marker would stand alone."""

    def __init__(self, section: str, file: str = "protocol/protocol.yml"):
        super().__init__(section)
        self.section, self.file = section, file


def principles(ctx: PageContext) -> str:
    p, lang = ctx.protocol, ctx.lang
    if not p.principles:
        raise AbsentSection("principles")
    lines = [md_text(p.principles_intro[lang], block=True), ""]
    lines += [f"{i}. {md_text(text[lang])}" for i, text in enumerate(p.principles, 1)]
    return "\n".join(lines) + "\n"


def intro(ctx: PageContext) -> str:
    return md_text(ctx.protocol.intro[ctx.lang], block=True) + "\n"


def tracks(ctx: PageContext) -> str:
    if not ctx.protocol.tracks:
        raise AbsentSection("tracks")
    return render("tracks.md.j2", tracks=ctx.protocol.tracks, lang=ctx.lang)


# Where a long word of a role's title may break in its card on the home page: a soft hyphen, shown
# as a hyphen only where the line breaks. The cards are narrower than "Vertrouwenspersoon" on a
# phone and a desktop, and a browser without Dutch hyphenation (Chromium here) breaks it anywhere.
# The words are data: `card_breaks: [vertrouwens|persoon]` in the role's file.


def card_title(title: str, breaks: tuple[str, ...] = ()) -> str:
    """'Vertrouwenspersoon' -> 'Vertrouwens\u00adpersoon' (each word of `breaks`, any case)."""
    for word in breaks:
        at = word.index("|")
        pattern = re.compile(re.escape(word.replace("|", "")), re.IGNORECASE)
        title = pattern.sub(lambda m, at=at: f"{m[0][:at]}\u00ad{m[0][at:]}", title)
    return title


def roles_menu(ctx: PageContext) -> str:
    """'Who are you?': one link per role, to its page."""
    return render(
        "roles_menu.md.j2", roles=ctx.protocol.roles.values(), lang=ctx.lang, ctx=ctx, t=ctx.t, card=card_title
    )


def contact_ladder(ctx: PageContext) -> str:
    """Whom parents contact first, then, then; and the alternative."""
    s = ctx.protocol.settings
    roles = ctx.protocol.roles
    return render(
        "contact_ladder.md.j2",
        ladder=[roles[r] for r in s.contact_ladder],
        alternative=roles[s.contact_alternative] if s.contact_alternative else None,
        contacts=s.contacts,
        lang=ctx.lang,
        ctx=ctx,
        t=ctx.t,
    )


def version(ctx: PageContext) -> str:
    return render("version.md.j2", s=ctx.protocol.settings, lang=ctx.lang, t=ctx.t, date=format_date)


# The settings a page may quote in running text (<!-- protocol:setting name=… -->): always there,
# one text or one per language. A school decision goes through the `decided` marker instead.
IN_TEXT = ("school_name", "student_system", "mentor_contact")


def setting(ctx: PageContext, name: str) -> str:
    """One school setting in running text, e.g. the student system's name."""
    value = getattr(ctx.protocol.settings, name)
    return md_text(value[ctx.lang] if isinstance(value, dict) else value)


def format_date(value, lang: str) -> str:
    """'1 september 2026', '1 September 2026': Babel's long day-month-year in the page's language."""
    from babel.dates import format_date as babel_date

    return babel_date(value, "d MMMM y", locale=lang)  # the language's own month names


def contact(ctx: PageContext, role: str) -> str:
    """How to reach a role, from the school settings."""
    return md_text(contact_of(ctx, role)[ctx.lang])


def form_title(ctx: PageContext, form: str) -> str:
    return f"# {md_text(ctx.protocol.forms[form].title[ctx.lang])}\n"


def form(ctx: PageContext, form: str) -> str:
    """A form's page: the download, the steps it belongs to, and its questions (from the form data)."""
    from generator.forms import render_form_page  # the forms package is only needed by form pages

    pdf = ctx.url(f"forms/{form}.pdf") if ctx.pdfs else None
    return render_form_page(
        ctx.handbook,
        form,
        ctx.lang,
        pdf_href=pdf,
        step_url=lambda role, step: ctx.url(ctx.protocol.roles[role].page, step),
    )


BOOKLET_FILE = "protocol.pdf"


def booklet_link(ctx: PageContext) -> str:
    """A download link to the printable booklet, which the build writes after the pages."""
    href = ctx.url(BOOKLET_FILE)
    return f'<a class="md-button" href="{escape(href)}" download>{escape(ctx.t("booklet_link"))} (PDF)</a>\n'
