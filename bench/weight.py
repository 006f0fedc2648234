"""Bytes a reader downloads for a page: every response body, loaded in headless Chromium with an
empty cache. Requests to other sites are blocked and counted, not weighed (nothing here reaches them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.localsite import CHROMIUM, CHROMIUM_ARGS, serve, stop


@dataclass
class Weight:
    path: str
    bytes: int
    requests: int
    external: int
    page: int = 0  # the HTML document itself
    index: int = 0  # the search index (Material fetches it on every page load)

    @property
    def theme(self) -> int:
        """Everything else: styles, scripts, fonts, icons."""
        return self.bytes - self.page - self.index


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path ('/', '/en/roles/mentor/'), the 404 page left out."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


def weigh(site: Path, paths: list[str]) -> list[Weight]:
    server, base = serve(site)
    weights = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                weights.append(_weigh_one(browser, base, path))
            browser.close()
    finally:
        stop(server)
    return weights


def _weigh_one(browser, base: str, path: str) -> Weight:
    context = browser.new_context()  # a new context: an empty cache
    responses, external = [], []

    def route(route):
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    page.goto(base + path, wait_until="networkidle")
    weight = Weight(path, 0, len(responses), len(external))
    for response in responses:
        try:
            size = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            continue
        weight.bytes += size
        if response.url == base + path:
            weight.page += size
        elif response.url.endswith("/search/search_index.json"):
            weight.index += size
    context.close()
    return weight
