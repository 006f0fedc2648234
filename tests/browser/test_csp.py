"""Every kind of page works under its Content-Security-Policy (generator/site/csp.py): used as a
reader uses it (search opened, the helper answered, a form filled in and copied, the colour
scheme switched), Chromium reports no violation, over http and from file:// (the offline build,
whose search runs in the iframe-worker shim), in both languages."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP

# Every violation the page's documents report (frames included), and Chromium's console lines.
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""
PAGES = [
    # (path on the web server, what a reader does there)
    ("", "search helper scheme"),
    ("roles/mentor/", "search"),
    ("forms/", ""),
    ("forms/incident-report/", "form"),
    ("404.html", ""),
    ("en/", "search helper"),
    ("en/roles/coordinator/", "search"),
    ("en/forms/", ""),
    ("en/forms/case-overview/", "form"),
    ("en/404.html", ""),
]
OFFLINE_INDEXES = {"", "en/", "forms/", "en/forms/"}


def offline_path(path: str) -> str:
    """The same page in the offline build: roles/mentor/ -> roles/mentor.html, en/ -> en/index.html."""
    if path.endswith(".html"):
        return path
    return path + "index.html" if path in OFFLINE_INDEXES else path.rstrip("/") + ".html"


@pytest.fixture
def recording(browser):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    yield page, console
    context.close()


def use_like_a_reader(page, actions: str) -> None:
    if "search" in actions:
        page.click(".md-search__input")
        page.locator(".md-search__input").press_sequentially("mentor", delay=20)
        page.wait_for_selector(".md-search-result__item a", timeout=10_000)
        page.keyboard.press("Escape")
    if "helper" in actions:
        answers = page.locator("button.what-now__answer")  # made by what-now.js: it ran
        first = answers.first.inner_text()
        answers.first.click()  # the next question (or the steps) replaces the first
        page.wait_for_function(
            "t => ![...document.querySelectorAll('button.what-now__answer')].some(b => b.innerText === t)", arg=first
        )
    if "scheme" in actions:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    if "form" in actions:
        page.locator(".form-fill textarea").first.fill("Wat er gebeurde. What happened.")
        page.locator(".form-fill button[data-action=copy]").click()
        page.get_by_role("status").wait_for()


def violations(page, console: list[str]) -> list[str]:
    return page.evaluate("window.__violations") + [line for line in console if "Content Security Policy" in line]


def violations_when_used(recording, url: str, actions) -> list[str]:
    """Open a page that carries the policy, use it as a reader would: the violations reported."""
    page, console = recording
    page.goto(url, wait_until="load")
    assert page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null")
    use_like_a_reader(page, actions)
    return violations(page, console)


@pytest.mark.parametrize(("path", "actions"), PAGES)
def test_a_page_used_as_a_reader_uses_it_reports_no_csp_violation(recording, site_url, path, actions):
    assert violations_when_used(recording, f"{site_url}/{path}", actions) == []


@pytest.mark.parametrize(("path", "actions"), [p for p in PAGES if "404" not in p[0]])
def test_a_page_of_the_offline_build_reports_no_csp_violation_from_a_file_share(recording, offline_site, path, actions):
    url = f"{offline_site.as_uri()}/{offline_path(path)}"
    assert violations_when_used(recording, url, actions) == []


def test_the_policy_blocks_a_script_that_is_not_the_sites_own(recording, site_url):
    """The policy is a wall, not a label: a script put into a page afterwards does not run."""
    page, console = recording
    page.goto(f"{site_url}/en/about/", wait_until="load")
    ran = page.evaluate(
        """() => { window.__ran = false;
                   const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                   document.body.append(s); return window.__ran; }"""
    )
    assert ran is False
    assert any("script-src" in v for v in violations(page, console))
