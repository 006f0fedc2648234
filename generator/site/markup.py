"""Material markup that is invalid HTML and sits outside every template block and partial.

Material's base.html gives its two hidden checkboxes (the drawer and search switches)
autocomplete="off", an attribute HTML allows only on text-like inputs (the Nu HTML Checker fails
every page on it). The attribute kept Firefox from restoring a checked switch after a reload;
Material's script already closes the drawer and search when a page loads, so nothing is lost.
Material's search box is a role="dialog" without a name (Lighthouse and axe's aria-dialog-name);
it gets the name Material already gives the search field, in the page's language ("Zoeken", "Search").
Each fix is an exact piece of Material's output; tests/site/test_html_valid.py notices when an
upgrade changes it.
"""

from __future__ import annotations

from html import escape

FIXES = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
)


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_FIELD_NAME = '<input type="text" class="md-search__input" name="query" aria-label="'


def fix(html: str) -> str:
    """The page with Material's known invalid markup made valid, and its search dialog named."""
    for old, new in FIXES:
        html = html.replace(old, new, 1)
    return name_search_dialog(html)


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the accessible name of its search field (already escaped)."""
    start = html.find(SEARCH_FIELD_NAME)
    if start < 0:
        return html
    start += len(SEARCH_FIELD_NAME)
    name = html[start : html.index('"', start)]
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)


PERMALINK_TITLE = 'title="{permalink}"'  # toc's permalink_title in mkdocs.yml: one setting for all languages


def permalink_titles(html: str, title: str) -> str:
    """The title of the headings' permalinks in the page's own language (from labels.yml)."""
    # tabindex -1: a permalink is for copying, not a tab stop before every heading's text (issue 9).
    # aria-hidden: its text "¶" is not part of the heading's name, nor a link of its own, for a
    # screen reader ("Wat kunt u verwachten? ¶", 12 links named "¶" on the parents' page: issue 19).
    # A mouse still finds it beside the heading, with its title as the tooltip.
    return html.replace(PERMALINK_TITLE, f'title="{escape(title, quote=True)}" tabindex="-1" aria-hidden="true"')
