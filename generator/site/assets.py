"""Per-page stylesheets and scripts: a page loads only what its content uses.

A page that shows a flowchart loads the chart's stylesheet and script; the home page, which holds
the "What do I do now?" helper, loads the helper's script; a form's page loads the fill-in
stylesheet and script; every other page loads none of them.
`choose` looks at the page's HTML for the element each asset serves and puts the asset paths in
`page.meta["assets"]`; `overrides/main.html` writes them into the page (stylesheets in the head
after the theme's, scripts after Material's bundle).

To give a new kind of content its own asset, add a row to ASSETS: the start of the element's
opening tag as the templates write it (`generator/templates/*.j2`, `forms/templates/page.html`),
and the asset's path under `docs/`. tests/site/test_page_assets.py checks that every listed asset
exists and who loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Asset:
    needs: str  # the page loads the asset when its HTML contains this (a template's opening tag)
    path: str  # under docs/, as in extra_css / extra_javascript

    @property
    def kind(self) -> str:
        return "stylesheets" if self.path.endswith(".css") else "scripts"


ASSETS: tuple[Asset, ...] = (
    # flowchart.html.j2, overview_words.html.j2, what_now.html.j2: styles for charts and the helper
    Asset('<figure class="flowchart', "assets/stylesheets/flowchart.css"),
    Asset('<div class="flowchart-words"', "assets/stylesheets/flowchart.css"),
    Asset('<div class="wn-question"', "assets/stylesheets/flowchart.css"),
    # a chart wider than a phone opens at its start
    Asset('<figure class="flowchart', "assets/javascripts/flowchart.js"),
    # "What do I do now?" one question at a time (what_now.html.j2; the page works without it)
    Asset('<div class="wn-question"', "assets/javascripts/what-now.js"),
    # a form's page (forms/templates/page.html): fill in on screen, copy as a note, print
    Asset('<div class="form-fill"', "assets/stylesheets/form-fill.css"),
    Asset('<div class="form-fill"', "assets/javascripts/form-fill.js"),
)


@dataclass
class PageAssets:
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


def needed(html: str, assets: tuple[Asset, ...] = ASSETS) -> PageAssets:
    """The assets a page with this HTML uses, each once, in the order of ASSETS."""
    chosen = PageAssets()
    for asset in assets:
        paths = getattr(chosen, asset.kind)
        if asset.path not in paths and asset.needs in html:
            paths.append(asset.path)
    return chosen


def choose(page, html: str) -> None:
    """Record the page's own assets in its meta, for overrides/main.html."""
    chosen = needed(html)
    page.meta["assets"] = {"stylesheets": chosen.stylesheets, "scripts": chosen.scripts}


def every_path(assets: tuple[Asset, ...] = ASSETS) -> set[str]:
    return {asset.path for asset in assets}
