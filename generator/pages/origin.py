"""Where a step comes from, as parents and students read it: one compact line at the end of the
step, "Waar komt dit vandaan?" / "Where does this come from?", with the same links to the adopted
text and the same advice mark that staff pages show in the step (generator.adopted.render.trace_line).

A parent or a student reads what to do first; the sources are there for whoever wants them, not
in the reading line between what to do and what comes next (issue 19, readers' review finding 6).
The links stay links, each a tap target of at least 24 px (handbook.css, .trace--public).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.adopted.render import PAGE, point_label
from generator.model import Trace
from generator.pages.text import md_text


def where_from(ctx, trace: Trace) -> Markup:
    """The step's origin as one Markdown paragraph (class trace--public), or nothing."""
    parts = []
    if trace.source:
        links = [
            f"[{md_text(point_label(ctx.protocol.adopted[pid], ctx.lang, ctx.t))}]({ctx.rel(PAGE, pid)})"
            for pid in trace.source
        ]
        parts.append(f"{md_text(ctx.t('trace_protocol'))}: " + " · ".join(links))
    if trace.advice:  # alone: the step is the school's advice; beside a source: it adds some
        parts.append(md_text(ctx.t("trace_advice_also" if trace.source else "trace_advice_only")))
    if not parts:
        return Markup("")
    return Markup(f"**{md_text(ctx.t('trace_where'))}** " + " · ".join(parts) + "\n{: .trace .trace--public }")
