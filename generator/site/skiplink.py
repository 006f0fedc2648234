"""A second skip link on a page with a chart: "Ga naar het schema" / "Skip to the chart".

The chart comes after the steps; on the mentor's page a keyboard reached its first box after 136
Tabs (readers' review, issue 19). Material's skip link ("Ga naar inhoud") is the first Tab; this
one is the second (overrides/main.html, block header), and leads to the page's first chart.
The page's HTML is read only up to that chart (a streaming parser that stops there).
"""

from __future__ import annotations

from generator.site.firstmatch import FirstMatch


class _FirstChart(FirstMatch):
    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "figure" and "flowchart" in (values.get("class") or "").split() and values.get("id"):
            self.stop(values["id"])


def first_chart(html: str) -> str | None:
    """The id of the page's first chart (a <figure class="flowchart" id=…>), if it has one."""
    return _FirstChart.search(html)


def choose(page, html: str) -> None:
    """Record the chart the page's skip link leads to (overrides/main.html), or none."""
    page.meta["skip_to_chart"] = first_chart(html)
