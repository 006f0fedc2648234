"""<!-- protocol:contact-block role=<a public role> -->: how a public reader (a role with `audience:
public`: parents, students) reaches someone, near the top of their page, from protocol/settings.yml:
the first of `contact_ladder` and, for a reader addressed formally (`formal: true`, parents), the
rest of the ladder and the office; the alternative way in (`contact_alternative`) only when the
protocol has one. A fact the school has not filled in yet is left out, and the block says what to
do instead. No role id is written here: every role comes from the data."""

from __future__ import annotations

import re

from generator.errors import MarkerError
from generator.model import Text
from generator.pages.context import PageContext
from generator.pages.templating import render

HELPLINE = "0800-0432"  # De Kindertelefoon: free and anonymous, for children and young people up to 18
HELPLINE_SITE = "kindertelefoon.nl"  # shown as text, never a link: the site makes no request elsewhere


def tel_href(number: str) -> str:
    """'020 123 45 67' -> 'tel:0201234567': a phone number as a link (digits and a leading +)."""
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}" if digits else ""


def contact_of(ctx: PageContext, role: str) -> Text:
    """How to reach a role (settings.yml `contacts`); a role with no entry there is named as such."""
    contacts = ctx.protocol.settings.contacts
    if role not in contacts:
        raise MarkerError(
            "protocol/settings.yml",
            "contacts",
            f"no entry for {role!r} (entries: {', '.join(contacts)})",
            f"how to reach the {role} in nl and en, under contacts: {role}, for the page {ctx.lang}/{ctx.page}",
        )
    return contacts[role]


def contact_block(ctx: PageContext, role: str) -> str:
    reader = ctx.protocol.roles[role]  # a public role: the marker's argument is checked (markers.MARKERS)
    s = ctx.protocol.settings
    student = not reader.formal  # addressed with "je": the students' wording and their shorter block
    first, *after = s.contact_ladder

    def t(key: str) -> str:
        """The student's own wording where there is one ('je'), else the parents' ('u')."""
        own = f"{key}_student"
        return ctx.t(own) if student and own in ctx.protocol.labels else ctx.t(key)

    return (
        render(
            "contact_block.html.j2",
            reach=s.reach,
            # the school's words for parents (contacts.mentor); students' own, with settings' mentor_contact
            mentor=ctx.t("contact_mentor_how_student") if student else contact_of(ctx, first)[ctx.lang],
            # the alternative way in (contact_alternative): its row only when the protocol has one
            advisors=contact_of(ctx, s.contact_alternative)[ctx.lang] if s.contact_alternative else None,
            after_mentor=[] if student else [ctx.protocol.roles[r] for r in after],
            contacts=s.contacts,
            lang=ctx.lang,
            student=student,
            level=3 if student else 2,  # students: inside 'Who can you talk to?'
            english_page=ctx.lang == "en",
            helpline=HELPLINE,
            helpline_site=HELPLINE_SITE,
            tel=tel_href,
            t=t,
        ).strip()
        + "\n"
    )
