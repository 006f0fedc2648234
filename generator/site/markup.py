"""Material markup that is invalid HTML and sits outside every template block and partial.

Material's base.html gives its two hidden checkboxes (the drawer and search switches)
autocomplete="off", an attribute HTML allows only on text-like inputs (the Nu HTML Checker fails
every page on it). The attribute kept Firefox from restoring a checked switch after a reload;
Material's script already closes the drawer and search when a page loads, so nothing is lost.
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


def fix(html: str) -> str:
    """The page with Material's known invalid markup made valid."""
    for old, new in FIXES:
        html = html.replace(old, new, 1)
    return html


PERMALINK_TITLE = 'title="{permalink}"'  # toc's permalink_title in mkdocs.yml: one setting for all languages


def permalink_titles(html: str, title: str) -> str:
    """The title of the headings' permalinks in the page's own language (from labels.yml)."""
    # tabindex -1: a permalink is for copying, not a tab stop before every heading's text (issue 9)
    return html.replace(PERMALINK_TITLE, f'title="{escape(title, quote=True)}" tabindex="-1"')
