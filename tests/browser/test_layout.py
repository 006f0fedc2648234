"""What a reader sees on a phone (390 × 844) and a desktop (1280 × 900), light and dark, in both
languages: a form's tables at their own width in their sideways scroll."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, _tab
from tests.helpers import site_path

LANGS = ("nl", "en")
SCREENS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def screens(browser, site_url):
    """A tab per screen and colour scheme: ('phone', 'dark') -> Tab."""
    tabs = {
        (screen, scheme): _tab(
            browser,
            site_url,
            viewport=size,
            color_scheme=scheme,
            is_mobile=screen == "phone",
            has_touch=screen == "phone",
        )
        for screen, size in SCREENS.items()
        for scheme in ("light", "dark")
    }
    yield tabs
    for tab in tabs.values():
        tab.page.context.close()


# Each row heading in a form page's tables (a step, an agreement, a decision across the row) with
# the number of lines it takes.
ROW_LINES = """() => [...document.querySelectorAll('.form-fill table th[scope=row]')].map(th => {
    const range = document.createRange(); range.selectNodeContents(th);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    return [th.textContent.trim(), tops.size]; })"""
SCROLLERS = """() => [...document.querySelectorAll('.form-fill table')].map(table => {
    const box = table.closest('.md-typeset__scrollwrap');
    return box && {wide: box.scrollWidth, shown: box.clientWidth, scrolls: getComputedStyle(box).overflowX}; })"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["case-overview", "conversation-victim"])
def test_a_form_tables_rows_wrap_on_a_phone_no_more_than_on_a_desktop_and_it_scrolls_sideways_on_its_own(
    screens, form, lang
):
    path = site_path(lang, f"forms/{form}.md")
    desktop = screens[("desktop", "light")].open(path).evaluate(ROW_LINES)
    page = screens[("phone", "light")].open(path)
    phone = page.evaluate(ROW_LINES)
    more = [(row, lines, wide) for (row, lines), (_, wide) in zip(phone, desktop, strict=True) if lines > wide]
    assert desktop and not more, f"rows on more lines than on a desktop (row, phone, desktop): {more}"
    for box in page.evaluate(SCROLLERS):  # wider than the phone, in a box that scrolls sideways
        assert box and box["wide"] > box["shown"] and box["scrolls"] == "auto", box
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert width[0] <= width[1], f"the page itself is {width[0]} px wide on a {width[1]} px screen"
