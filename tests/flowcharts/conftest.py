"""Fixtures for the chart and helper tests.

The built site is the suite's one build per session (`built_site` in tests/conftest.py: the real
mkdocs.yml, `mkdocs build --strict` into a scratch folder); here it is read as parsed HTML, or
served on 127.0.0.1 and a free port and opened in the session's Chromium (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.helpers import LANGUAGES, page

LANGS = LANGUAGES


class Site:
    """The built site on disk, read as parsed HTML; links resolved as a browser would."""

    def __init__(self, root: Path):
        self.root = root

    def soup(self, path: str) -> BeautifulSoup:
        return page(self.root, path)  # parsed once per session (tests/helpers.py)

    def resolve(self, from_path: str, href: str) -> tuple[str, str]:
        """A link on the page at `from_path` -> (the site path it leads to, its #fragment)."""
        target = urlparse(urljoin("http://site" + from_path, href))
        assert target.netloc == "site", f"{href!r} on {from_path} leaves the site"
        return target.path, target.fragment

    def check_link(self, from_path: str, href: str) -> None:
        """Fail unless the link leads to an existing page and, if it has one, an existing anchor."""
        path, fragment = self.resolve(from_path, href)
        found = self.soup(path)
        if fragment:
            assert found.find(id=fragment) is not None, f"{href!r} on {from_path}: no #{fragment} on {path}"


@pytest.fixture(scope="session")
def site(built_site: Path) -> Site:
    return Site(built_site)


@pytest.fixture(scope="session")
def in_browser(browser) -> Callable[..., object]:
    """Run `check(page)` in a fresh page of the session's Chromium: in_browser(check,
    java_script_enabled=False). Every request off 127.0.0.1 is refused."""

    def run(check: Callable[..., object], **context_options) -> object:
        options = {"viewport": {"width": 1280, "height": 900}, **context_options}
        context = browser.new_context(**options)
        context.route("**/*", _local_only)
        try:
            return check(context.new_page())
        finally:
            context.close()

    return run


def _local_only(route) -> None:
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.abort()
