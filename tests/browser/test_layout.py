"""What a reader sees on a phone (390 × 844) and a desktop (1280 × 900), light and dark, in both
languages: words kept whole in the home page's role cards, a form's tables at their own width in
their sideways scroll with the rows across them (decisions) wrapped to the screen and in view, and
the page title in the scrolled header legible."""

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


# Each row heading in a form page's tables (a step, an agreement) with the number of lines it takes;
# rows across the whole table (a decision) are the next test's.
ROW_LINES = """() => [...document.querySelectorAll('.form-fill table th[scope=row]:not([colspan])')].map(th => {
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


# Each row across a whole table (a decision, a role's heading): its text's left and right edge, and
# those of the page's text column.
ACROSS = """() => [...document.querySelectorAll('.form-fill table th[colspan] .form-row-text')].map(text => {
    const column = text.closest('.form-fill').getBoundingClientRect(), r = text.getBoundingClientRect();
    return {text: text.textContent.trim(), left: r.left, right: r.right, from: column.left, to: column.right}; })"""


SCROLL_TO_END = "() => document.querySelectorAll('.form-fill .md-typeset__scrollwrap').forEach(b => b.scrollBy(1e4, 0))"


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_a_decision_across_a_form_table_wraps_at_the_screen_and_stays_in_view_when_it_scrolls(screens, lang):
    page = screens[("phone", "light")].open(site_path(lang, "forms/case-overview.md"))
    rows = page.evaluate(ACROSS)
    assert any("?" in row["text"] for row in rows), rows  # the case overview's decisions
    for moment in ("before scrolling", "scrolled to the end"):
        outside = [row["text"] for row in rows if row["left"] < row["from"] - 1 or row["right"] > row["to"] + 1]
        assert not outside, f"{moment}, outside the text column: {outside}"
        page.evaluate(SCROLL_TO_END)
        rows = page.evaluate(ACROSS)


def channels(colour: str) -> list[float]:
    """'rgb(64, 81, 181)' or 'rgba(255, 255, 255, 0.7)' -> [r, g, b, alpha], r, g, b in 0..255."""
    values = [float(c) for c in colour[colour.index("(") + 1 : -1].split(",")]
    return values + [1.0] * (4 - len(values))


def contrast(text: str, background: str) -> float:
    """WCAG contrast ratio of a text colour (drawn with its alpha) on an opaque background."""
    *fg, alpha = channels(text)
    bg = channels(background)[:3]
    drawn = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True)]

    def luminance(rgb) -> float:
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(drawn), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The header's page title, shown once the page is scrolled past its heading: its colour, the
# opacity it is drawn with (its own and its parents'), and the header's background.
HEADER_TITLE = """() => { const title = document.querySelector('.md-header__title');
    const topic = title.querySelectorAll('.md-header__topic')[1]; const text = topic.querySelector('.md-ellipsis');
    let opacity = 1; for (let el = text; el; el = el.parentElement) opacity *= parseFloat(getComputedStyle(el).opacity);
    return {active: title.classList.contains('md-header__title--active'), text: text.textContent.trim(),
            colour: getComputedStyle(text).color, opacity,
            background: getComputedStyle(document.querySelector('.md-header')).backgroundColor}; }"""


# Resolves once every transition and animation in the header's title has finished.
TRANSITIONS_DONE = """() => Promise.all(document.querySelector('.md-header__title')
    .getAnimations({subtree: true}).map(a => a.finished))"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_title_in_the_scrolled_phone_header_has_a_contrast_of_at_least_4_5(screens, scheme, lang):
    page = screens[("phone", scheme)].open(site_path(lang, "roles/parent.md"))
    page.mouse.wheel(0, 2 * PHONE["height"])
    page.wait_for_function("() => document.querySelector('.md-header__title--active')")
    page.evaluate(TRANSITIONS_DONE)  # the title fades in (Material: 0.15 s opacity, 0.4 s slide)
    title = page.evaluate(HEADER_TITLE)
    assert title["text"] and title["opacity"] == 1, title
    ratio = contrast(title["colour"], title["background"])
    assert ratio >= 4.5, f"{scheme}, {lang}: the header's page title is {ratio:.2f}:1 ({title})"


# Each piece of a word in an element's text (split at spaces, hyphens and soft hyphens, where a
# line may break) and whether its first and last letters are drawn on different lines. (Of each
# letter, its last box: Chromium adds the hyphen drawn for a soft hyphen to the letter after it.)
WORD_LINES = """el => { const pieces = []; const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const top = (node, at) => { const range = document.createRange(); range.setStart(node, at);
        range.setEnd(node, at + 1); const boxes = [...range.getClientRects()]; return boxes[boxes.length - 1].top; };
    while (walk.nextNode()) { const node = walk.currentNode; const re = /[^\\s\\u00ad-]+/g; let m;
        while ((m = re.exec(node.data)))
            pieces.push([m[0], top(node, m.index) !== top(node, m.index + m[0].length - 1)]); }
    return pieces; }"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_role_card_on_the_home_page_breaks_a_word_in_two(screens, screen, lang):
    page = screens[(screen, "light")].open(site_path(lang, "index.md"))
    cards = page.locator(".role-menu a")
    assert cards.count() >= 7
    broken = [word for card in cards.all() for word, split in card.evaluate(WORD_LINES) if split]
    assert not broken, f"{screen}, {lang}: words broken across lines in the role cards: {broken}"
