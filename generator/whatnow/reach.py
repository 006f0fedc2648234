"""A parent's or a student's outcome of the helper says how to reach whom it sends them to.

The readers' review (issue 19) found the student who would rather not go to the mentor told to
"talk to a confidential advisor" with no way to reach one. Each public outcome now lists how to
reach the roles it hands over to, from protocol/settings.yml (contacts, reach); while the school
has not filled in the confidential advisors, the words of the contact block say what to do
instead. Students also get De Kindertelefoon, as context (outside the school; its number and web
address as text, not a link that loads anything). Then links to the page's contact block and, for
parents, to what happens next. Staff outcomes get nothing: their pages say it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.flowchart.dot import CONTACT_ANCHOR, PUBLIC_ROLES
from generator.pages.contact import HELPLINE, HELPLINE_SITE, tel_href
from generator.pages.context import PageContext
from generator.whatnow.tree import Outcome


def reach(ctx: PageContext, outcome: Outcome) -> tuple[str, list[Markup]]:
    """A parent's or a student's outcome: how to reach whom it sends them to, from
    protocol/settings.yml (what to do instead while the school has not filled it in), and where
    their page says more. (title, lines); nothing for staff, whose pages say it."""
    if outcome.role not in PUBLIC_ROLES:
        return "", []
    s, t, student = ctx.protocol.settings, ctx.t, outcome.role == "student"
    page = ctx.protocol.roles[outcome.role].page
    whom = [node.role for node in outcome.items if node.role != outcome.role]
    lines: list[Markup] = []
    if "mentor" in whom:
        how = t("contact_mentor_how_student") if student else s.contacts["mentor"][ctx.lang]
        who = t("contact_mentor_student" if student else "contact_mentor")
        lines.append(Markup("<strong>{}:</strong> {}").format(who, how))
    if s.contact_alternative in whom:
        advisors = s.reach.confidential_advisors
        if advisors:
            how = Markup("; ").join(
                Markup(" · ").join(
                    [escape(a.name)]
                    + ([Markup('<a href="mailto:{0}">{0}</a>').format(a.email)] if a.email else [])
                    + ([Markup('<a href="{}">{}</a>').format(tel_href(a.phone), a.phone)] if a.phone else [])
                )
                for a in advisors
            )
        else:
            how = escape(t("contact_advisors_unknown_student" if student else "contact_advisors_unknown"))
        lines.append(Markup("<strong>{}:</strong> {}").format(t("contact_advisors"), how))
    if student:  # context, not the school's route: a free, anonymous helpline outside the school
        lines.append(
            Markup('<strong>{}:</strong> <a class="wn-reach__tel" href="{}">{}</a> ({}). {}').format(
                t("helpline"), tel_href(HELPLINE), HELPLINE, HELPLINE_SITE, t("helpline_text_student")
            )
        )
    contact = ctx.url(page, CONTACT_ANCHOR.removeprefix("#"))
    words = t("whatnow_all_contacts_student" if student else "contact_title")
    lines.append(Markup('<a href="{}">{}</a>').format(contact, words))
    if not student:
        lines.append(Markup('<a href="{}">{}</a>').format(ctx.url(page, "expect"), t("whatnow_expect_formal")))
    return t("whatnow_reach_student" if student else "whatnow_reach_formal"), lines
