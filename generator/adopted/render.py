"""The adopted text as a page, and a step's "Protocol: …" line. Data in, Markdown/HTML out."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.adopted.data import Block
from generator.model import Trace
from generator.pages.text import md_text

PAGE = "adopted.md"
_LIST = {"item": "ol", "bullet": "ul"}


def point_label(block: Block, lang: str, t) -> str:
    """'Mentor, punt 2' / 'Approach, paragraph 1': how a step's link names a passage."""
    word = t("trace_paragraph") if block.kind == "paragraph" else t("trace_point")
    return f"{block.section[lang]}, {word} {block.point}"


def passage_links(ctx, trace: Trace) -> str:
    """'Protocol: [Mentor, punt 2](…) · [Spoor 1, punt 1](…)': the passages a step carries out, as
    Markdown links to the adopted text; nothing when it cites none. Words from the data as text."""
    if not trace.source:
        return ""
    links = [
        f"[{md_text(point_label(ctx.protocol.adopted[pid], ctx.lang, ctx.t))}]({ctx.rel(PAGE, pid)})"
        for pid in trace.source
    ]
    return f"{md_text(ctx.t('trace_protocol'))}: " + " · ".join(links)


def trace_line(ctx, trace: Trace) -> Markup:
    """A step's origin as a Markdown paragraph: links to its passages, and/or the advice label.
    Words from the data go in as text (md_text); the result is Markup, written as it is."""
    parts = [passage_links(ctx, trace)] if trace.source else []
    if trace.advice:  # a decision or duty that is the school's advice (a step labels it in its text)
        parts.append(f"**{md_text(ctx.t('advice'))}:** {md_text(ctx.t('advice_title'))}")
    return Markup(" — ".join(parts) + "\n{: .trace }" if parts else "")


def adopted(ctx) -> str:
    """Marker <!-- protocol:adopted -->: the whole adopted text in the page's language, every
    passage with its id as anchor, headings as Markdown headings (so the table of contents works)."""
    lang, out, open_list = ctx.lang, [], None
    blocks = list(ctx.protocol.adopted.values())
    # Adopted in other languages only (a Dutch-only text on the English page): said once, above it,
    # not after every passage; each passage is still marked with its language.
    once = not any(block.shown(lang) == lang for block in blocks)
    t = _once(ctx.t) if once else ctx.t
    if once:
        out += [f'<p class="adopted-missing">{escape(ctx.t("adopted_text_not_in_this_language"))}</p>', ""]
    for i, block in enumerate(blocks):
        if block.kind in _LIST or block.kind == "sub":
            tag = _LIST.get(block.kind)
            if tag and open_list != tag:
                if open_list:
                    out.append(f"</{open_list}>")
                out.append(f'<{tag} class="adopted">')
                open_list = tag
            nxt = blocks[i + 1].kind if i + 1 < len(blocks) else None
            out.append(_item(block, lang, t, closes=nxt != "sub"))
            continue
        if open_list:
            out += [f"</{open_list}>", ""]
            open_list = None
        if block.is_heading:
            level = "##" if block.kind == "heading" else "###"
            shown = block.shown(lang)
            marked = f' lang="{shown}"' if shown != lang else ""  # adopted in another language only
            out += ["", f"{level} {md_text(block.text[shown])} {{#{block.id}{marked}}}", ""]
            if shown != lang and _note(block, lang, t):
                out += [f'<p class="adopted-missing">{_note(block, lang, t)}</p>', ""]
        else:
            out += [f'<p class="passage" id="{block.id}">{_text(block, lang, t)}</p>', ""]
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out) + "\n"


def _item(block: Block, lang: str, t, closes: bool) -> str:
    """One <li>; sub-bullets nest in an <ul> inside the bullet before them."""
    value = f' value="{escape(block.point)}"' if block.own_number and block.kind == "item" else ""
    li = f'<li class="passage" id="{block.id}"{value}>{_text(block, lang, t)}'
    if block.kind == "sub":
        first = block.point.endswith("a")
        return ('<ul class="adopted-sub">' if first else "") + li + "</li>" + ("</ul></li>" if closes else "")
    return li + ("</li>" if closes else "")


def _text(block: Block, lang: str, t) -> str:
    """The passage in the page's language; one the school did not adopt in it, as adopted (in the
    first language that has it, marked with lang="…") with a note saying so."""
    shown = block.shown(lang)
    if shown == lang:
        return str(escape(block.text[lang]))
    note = _note(block, lang, t)
    marked = f'<span lang="{shown}">{escape(block.text[shown])}</span>'
    return f'{marked} <span class="adopted-note">{note}</span>' if note else marked


def _note(block: Block, lang: str, t) -> str:
    """The note on a passage shown as adopted in another language: the label, then the school's
    own note (adopted.yml `missing:`). Once the page has said it for the whole text (_once), only
    the school's note."""
    note = block.missing.get(lang)
    label = t("not_in_this_language")
    said = f"<em>{escape(label)}.</em>" if label else ""
    return " ".join(part for part in (said, str(escape(note)) if note else "") if part)


def _once(t):
    """ctx.t with the per-passage note left out: the page says it once, above the text."""
    return lambda key: "" if key == "not_in_this_language" else t(key)
