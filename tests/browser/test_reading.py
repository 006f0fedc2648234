"""What a reader does: switch language, search, walk a page with the keyboard, read on a phone."""

from __future__ import annotations

import pytest

from tests.helpers import ALL_PAGES, search_results, url_path


@pytest.mark.parametrize(
    ("start", "lang", "expected"),
    [
        ("/roles/mentor/", "en", "/en/roles/mentor/"),
        ("/en/roles/mentor/", "nl", "/roles/mentor/"),
        ("/", "en", "/en/"),
        ("/en/forms/incident-report/", "nl", "/forms/incident-report/"),
    ],
)
def test_the_language_switcher_lands_on_the_same_page_in_the_other_language(light, start, lang, expected):
    page = light.open(start)
    page.hover(".md-select")
    page.click(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_load_state("networkidle")
    assert url_path(page.url) == expected
    assert page.get_attribute("html", "lang") == lang
    assert not light.traffic.problems(), light.traffic.problems()


@pytest.mark.parametrize(
    ("start", "words", "in_english"),
    [
        ("/en/roles/mentor/", "bully", True),
        ("/en/", "mentor", True),
        ("/roles/mentor/", "mentor", False),
        ("/", "gepest", False),
    ],
)
def test_search_finds_pages_in_the_readers_language_only(light, start, words, in_english):
    page = light.open(start)
    results = search_results(page, words)
    assert results, f"no results for {words!r} on {start}"
    paths = [url_path(url) for url in results]
    if in_english:
        assert all(p.startswith("/en/") for p in paths), paths
    else:
        assert not any(p.startswith("/en/") for p in paths), paths
    light.traffic.clear()
    page.goto(results[0], wait_until="networkidle")
    assert page.title()  # the first result opens a real page
    assert not light.traffic.problems(), light.traffic.problems()


# One step of the walk, run in the page after each Tab, in one call (a round trip per step, not seven):
# - first two animation frames, so the scroll that moving the focus caused has fired its scroll event
#   and Material's handlers have run. Its "Back to top" button joins the tab order on a scroll up and
#   leaves it, blurred, on a scroll down (mountBackToTop); read before that, the walk found the button
#   focused and then blurred under its feet, or not at all, as the machine's speed decided (issue 17:
#   "Back to top" without a visible focus, under load only);
# - then where the focus is (null once it has left the page), and the element that shows it: the focused
#   element itself or, for a visually hidden radio button (Material's colour-scheme switch), the visible
#   label of its group; null when nothing on screen shows it;
# - then that element's outline and shadow while focused and after a blur (the next Tab goes on from it).
STEP = """async () => {
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const visible = e => e && e.getClientRects().length > 0 &&
        [...e.getClientRects()].some(r => r.width >= 1 && r.height >= 1) &&
        getComputedStyle(e).visibility !== 'hidden';
    const shownBy = visible(el) ? el : el.type === 'radio' && el.parentElement
        ? [...el.parentElement.querySelectorAll(':scope > label')].find(visible) || null : null;
    const style = e => { const s = getComputedStyle(e);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|'); };
    const focused = shownBy && style(shownBy);
    el.blur();
    const blurred = shownBy && style(shownBy);
    return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), skip: el.classList.contains('md-skip'),
            nav: !!el.closest('.md-sidebar--primary'),
            article: [...document.querySelectorAll('article a[href]')].indexOf(el),
            text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60), focused, blurred}; }"""


def focus_indicator(focused: str | None, blurred: str | None) -> bool:
    """Whether the element showed a visible focus ring that went away when it lost focus."""
    if focused is None:
        return False
    style, width, _, shadow = focused.split("|")
    ring = (style != "none" and float(width.removesuffix("px") or 0) >= 1.5) or shadow != "none"
    return ring and focused != blurred


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/en/roles/mentor/", "/roles/parent/"])
def test_a_role_page_can_be_walked_with_the_keyboard_with_a_visible_focus(light, dark, scheme, path):
    tab = {"light": light, "dark": dark}[scheme]
    page = tab.open(path)
    visible_links = page.eval_on_selector_all(
        "article a[href]:not([tabindex='-1'])", "links => links.filter(a => a.getClientRects().length > 0).length"
    )
    walk = []
    for _ in range(600):
        page.keyboard.press("Tab")
        info = page.evaluate(STEP)
        if info is None:  # past the last element: focus left the page
            break
        info["indicator"] = focus_indicator(info.pop("focused"), info.pop("blurred"))
        walk.append(info)
    assert walk and walk[0]["skip"], f"the first Tab does not reach the skip link: {walk[:1]}"
    first_nav = next((i for i, w in enumerate(walk) if w["nav"]), None)
    first_article = next((i for i, w in enumerate(walk) if w["article"] >= 0), None)
    assert first_nav is not None and first_article is not None and first_nav < first_article, "navigation first"
    reached = [w["article"] for w in walk if w["article"] >= 0]
    assert reached == sorted(reached), "links in the text are reached in reading order"
    assert len(set(reached)) == visible_links, f"reached {len(set(reached))} of {visible_links} links in the text"
    no_indicator = [f"{w['tag']} {w['href']} {w['text']!r}" for w in walk if not w["indicator"]]
    assert not no_indicator, "focus not visible on:\n" + "\n".join(no_indicator[:20])
    if page.locator("article a[href$='.pdf']").count():
        assert any((w["href"] or "").endswith(".pdf") for w in walk), "the form links are reached"
    if page.locator("article svg a").count():
        chart_links = page.eval_on_selector_all("article a[href]", "ls => ls.map(a => !!a.closest('svg'))")
        assert any(chart_links[w["article"]] for w in walk if w["article"] >= 0), "the chart nodes are reached"


def test_the_skip_link_moves_the_keyboard_into_the_text(light):
    page = light.open("/en/roles/mentor/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('article')")


@pytest.mark.parametrize("path", ALL_PAGES)
def test_a_phone_never_scrolls_sideways(phone, path):
    page = phone.open(path, wait_until="load")
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert width[0] <= width[1], f"{path}: {width[0]} px wide on a {width[1]} px screen"
