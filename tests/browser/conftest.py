"""Browser fixtures: the built site served on 127.0.0.1, one headless Chromium per session.

Debian's Chromium (/usr/bin/chromium) is driven by Playwright for Python; no browser is downloaded.
Every request a page makes is recorded: anything not on 127.0.0.1 is aborted and reported, and so
is every failed request and console error. axe-core comes from the npm registry into .cache/node/
(scripts/fetch-node-tools; `make test` runs it, and so does this file when it is missing).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests import localsite, node_tools
from tests.conftest import mkdocs

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# ---------------------------------------------------------------- browser


@dataclass
class Traffic:
    """What pages in one browser context asked for, and what went wrong."""

    allowed_prefixes: tuple[str, ...]
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def clear(self) -> None:
        for items in (self.requests, self.blocked, self.failed, self.console_errors):
            items.clear()

    def problems(self) -> list[str]:
        return (
            [f"request left the site: {u}" for u in self.blocked]
            + [f"failed request: {u}" for u in self.failed]
            + [f"console error: {m}" for m in self.console_errors]
        )


def is_local(url: str, allowed_prefixes: tuple[str, ...]) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return any(url.startswith(p) for p in allowed_prefixes)


def watch(context: BrowserContext, traffic: Traffic) -> None:
    """Record every request of a context; abort (and record) any that would leave the allowed origin."""

    def route(route):
        url = route.request.url
        if is_local(url, traffic.allowed_prefixes):
            route.continue_()
        else:
            traffic.blocked.append(url)
            route.abort()

    def on_response(response):
        if response.status >= 400:
            traffic.failed.append(f"{response.status} {response.url}")

    def on_failed(request):
        # ERR_ABORTED: blocked above, or cancelled because the page navigated away (not a fault).
        if request.url not in traffic.blocked and "ERR_ABORTED" not in (request.failure or ""):
            traffic.failed.append(f"{request.failure} {request.url}")

    def on_page(page: Page):
        page.on("console", lambda m: m.type == "error" and traffic.console_errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: traffic.console_errors.append(f"{page.url}: {e}"))

    context.route("**/*", route)
    context.on("request", lambda request: traffic.requests.append(request.url))  # file:// too
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    context.on("page", on_page)


@dataclass
class Tab:
    """One page in its own context, reused by every test that asks for the same kind."""

    page: Page
    traffic: Traffic
    base: str

    def open(self, path: str, wait_until: str = "load") -> Page:
        self.traffic.clear()
        self.page.goto(self.base + path, wait_until=wait_until)
        return self.page


def _tab(browser, base: str, **context_options) -> Tab:
    context = browser.new_context(**context_options)
    traffic = Traffic(allowed_prefixes=(base + "/",))
    watch(context, traffic)
    return Tab(context.new_page(), traffic, base)


@pytest.fixture(scope="session")
def light(browser, site_url) -> Tab:
    return _tab(browser, site_url, viewport=DESKTOP, color_scheme="light")


@pytest.fixture(scope="session")
def dark(browser, site_url) -> Tab:
    return _tab(browser, site_url, viewport=DESKTOP, color_scheme="dark")


@pytest.fixture(scope="session")
def phone(browser, site_url) -> Tab:
    return _tab(browser, site_url, viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True)


@pytest.fixture(scope="session")
def axe_source() -> str:
    node_tools.ensure()
    return node_tools.AXE.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the offline build (file://)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site-offline")
    os.environ["HANDBOOK_OFFLINE"] = "true"
    try:
        result = mkdocs("build", "--strict", "--site-dir", str(out))
    finally:
        del os.environ["HANDBOOK_OFFLINE"]
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def offline(browser, offline_site) -> Tab:
    return _tab(browser, offline_site.as_uri(), viewport=DESKTOP, color_scheme="light")


@pytest.fixture(scope="session")
def wilgenhof_url(wilgenhof_site) -> Iterator[str]:
    """The second school's site (examples/wilgenhof) served on 127.0.0.1 for its browser tests."""
    server, url = localsite.serve(wilgenhof_site)
    yield url
    localsite.stop(server)


@pytest.fixture(scope="session")
def wilgenhof_tabs(browser, wilgenhof_url) -> dict[str, Tab]:
    return {
        "light": _tab(browser, wilgenhof_url, viewport=DESKTOP, color_scheme="light"),
        "dark": _tab(browser, wilgenhof_url, viewport=DESKTOP, color_scheme="dark"),
    }
