"""<!-- protocol:contact-block role=parent|student -->: how a parent or a student reaches someone,
near the top of their page, from protocol/settings.yml (contacts and reach). A fact the school has
not filled in yet is left out, and the block says what to do instead."""

from __future__ import annotations

import re

from generator.errors import MarkerError
from generator.model import Text
from generator.pages.context import PageContext
from generator.pages.templating import render

READERS = ("parent", "student")  # the readers whose page has a contact block
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
    s = ctx.protocol.settings
    student = role == "student"

    def t(key: str) -> str:
        """The student's own wording where there is one ('je'), else the parents' ('u')."""
        own = f"{key}_student"
        return ctx.t(own) if student and own in ctx.protocol.labels else ctx.t(key)

    return (
        render(
            "contact_block.html.j2",
            reach=s.reach,
            # the school's words for parents (contacts.mentor); students' own, with settings' mentor_contact
            mentor=ctx.t("contact_mentor_how_student") if student else contact_of(ctx, "mentor")[ctx.lang],
            advisors=contact_of(ctx, "confidential-advisor")[ctx.lang],
            after_mentor=[] if student else [ctx.protocol.roles[r] for r in s.contact_ladder if r != "mentor"],
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
