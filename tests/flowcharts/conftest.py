"""Fixtures for the chart and helper tests.

The built site is the suite's one build per session (`built_site` in tests/conftest.py: the real
mkdocs.yml, `mkdocs build --strict` into a scratch folder); here it is served on 127.0.0.1 and a
free port, and opened in Debian's Chromium through Playwright (no browser is downloaded).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_protocol
from generator.model import Protocol
from generator.site.language import site_prefix
from tests.conftest import ROOT
from tests.localsite import CHROMIUM, CHROMIUM_ARGS

LANGS = ("nl", "en")


def lang_prefix(lang: str) -> str:
    """Where a language lives in the site: Dutch at /, English at /en/."""
    return "/" + site_prefix(lang)


def site_path(lang: str, page: str) -> str:
    """'en', 'roles/mentor.md' -> '/en/roles/mentor/' (the site uses directory URLs)."""
    stem = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return lang_prefix(lang) + (f"{stem}/" if stem else "")


class Site:
    """The built site on disk, read as parsed HTML; links resolved as a browser would."""

    def __init__(self, root: Path):
        self.root = root

    @functools.cache  # noqa: B019 - one instance per session
    def soup(self, path: str) -> BeautifulSoup:
        html = self.root / path.lstrip("/") / "index.html"
        assert html.is_file(), f"no page at {path} ({html})"
        return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")

    def resolve(self, from_path: str, href: str) -> tuple[str, str]:
        """A link on the page at `from_path` -> (the site path it leads to, its #fragment)."""
        target = urlparse(urljoin("http://site" + from_path, href))
        assert target.netloc == "site", f"{href!r} on {from_path} leaves the site"
        return target.path, target.fragment

    def check_link(self, from_path: str, href: str) -> None:
        """Fail unless the link leads to an existing page and, if it has one, an existing anchor."""
        path, fragment = self.resolve(from_path, href)
        page = self.soup(path)
        if fragment:
            assert page.find(id=fragment) is not None, f"{href!r} on {from_path}: no #{fragment} on {path}"


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    return load_protocol(ROOT)


@pytest.fixture(scope="session")
def site(built_site: Path) -> Site:
    return Site(built_site)


@pytest.fixture(scope="session")
def in_browser() -> Iterator[Callable[..., object]]:
    """Run `check(page)` in a fresh Chromium page: in_browser(check, java_script_enabled=False).

    Playwright's sync API allows one instance per thread, and tests/browser keeps its own open
    for the whole session; so this one lives in a thread of its own, and each check runs there.
    Every request off 127.0.0.1 is refused.
    """
    from playwright.sync_api import sync_playwright

    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
    state: dict = {}

    def start() -> None:
        state["playwright"] = sync_playwright().start()
        state["browser"] = state["playwright"].chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    def stop() -> None:
        state["browser"].close()
        state["playwright"].stop()

    def run(check: Callable[..., object], **context_options) -> object:
        def job() -> object:
            options = {"viewport": {"width": 1280, "height": 900}, **context_options}
            context = state["browser"].new_context(**options)
            context.route("**/*", _local_only)
            try:
                return check(context.new_page())
            finally:
                context.close()

        return worker.submit(job).result()

    worker.submit(start).result()
    yield run
    worker.submit(stop).result()
    worker.shutdown()


def _local_only(route) -> None:
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.abort()
