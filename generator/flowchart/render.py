"""Page-marker renderers for the charts: <!-- protocol:flowchart role=… --> on each role page and
<!-- protocol:overview-chart --> on the protocol page. Each returns one block of raw HTML."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.flowchart import svg
from generator.flowchart.dot import role_dot
from generator.flowchart.overview import handovers, overview_dot
from generator.pages.context import PageContext
from generator.pages.templating import render


def flowchart(ctx: PageContext, role: str) -> str:
    """A role's chart; its text equivalent is the role's step list on the same page (with the
    protocol's phases, under their headings, as the chart's clusters)."""
    the_role = ctx.protocol.roles[role]  # a role of the protocol (generator.pages.markers checks it)
    # Its words begin where the step list does: at its first phase's heading, or its first step.
    phase, nodes = ctx.protocol.phase_groups(role)[0]
    text_href = f"#{role}-{phase.id}" if phase else f"#{nodes[0].id}"
    drawing = Markup(svg.render(role_dot(ctx.protocol, role, ctx.lang, ctx.node_url), _project(ctx)))  # escaped
    return (
        render(
            "flowchart.html.j2",
            kind="role",
            id=f"chart-{role}",
            svg=drawing,
            caption=f"{ctx.t('chart')}: {the_role.title[ctx.lang]}",
            hint=ctx.t("chart_hint"),
            text_link=ctx.t("chart_text_link"),
            text_href=text_href,
            legend={
                "title": ctx.t_to(role, "legend"),
                "step": ctx.t_to(role, "legend_step"),
                "decision": ctx.t("legend_decision"),
                "handover": ctx.t("legend_handover_public" if the_role.public else "legend_handover"),
                "scroll": ctx.t("chart_scroll"),
            },
        )
        + "\n"
    )


def chart_link(ctx: PageContext, role: str) -> str:
    """Under a role page's summary: the steps come first, this jumps to the chart below them."""
    href = escape(f"#chart-{role}")
    return f'<p class="chart-jump"><a href="{href}">{escape(ctx.t("chart_view"))} ↓</a></p>\n'


def overview_chart(ctx: PageContext) -> str:
    """Who hands over to whom, as a chart and, right below it, in words."""
    protocol, lang = ctx.protocol, ctx.lang

    def link(role) -> str:
        return ctx.url(role.page)

    drawing = Markup(svg.render(overview_dot(protocol, lang, link), _project(ctx)))  # escaped by ElementTree
    figure = render(
        "flowchart.html.j2",
        kind="overview",
        id="chart-overview",
        svg=drawing,
        caption=ctx.t("overview_chart"),
        hint=ctx.t("overview_hint"),
        text_link=ctx.t("overview_text_link"),
        text_href="#chart-overview-words",
        legend=None,
    )
    rows = [
        (protocol.roles[source], [protocol.roles[t] for t in targets])
        for source, targets in handovers(protocol).items()
        if targets
    ]
    words = render(
        "overview_words.html.j2",
        id="chart-overview-words",
        rows=rows,
        link=link,
        label=lambda role: role.display_name(lang),
        title=ctx.t("overview_in_words"),
        hands_over=ctx.t("overview_hands_over"),
    )
    return figure + "\n" + words + "\n"


def _project(ctx: PageContext):
    """The project being built, whose .cache/flowcharts keeps the drawings (None: not cached on disk)."""
    return ctx.handbook.root if ctx.handbook else None
