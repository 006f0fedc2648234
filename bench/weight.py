"""Bytes a reader downloads for a page: every response, loaded in headless Chromium with an empty
cache from bench/server.py (which sends the precompressed .gz copies). For each response, `raw` is
the body and `gzip` what came over the wire. Requests to other sites are blocked and counted, not
weighed (nothing here reaches them); the bare build's one such request is Google Fonts (Roboto)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.server import serve, stop
from tests.localsite import CHROMIUM, CHROMIUM_ARGS


@dataclass
class Part:
    raw: int = 0
    gzip: int = 0

    def add(self, raw: int, wire: int) -> None:
        self.raw += raw
        self.gzip += wire


@dataclass
class Weight:
    path: str
    requests: int
    external: int
    total: Part
    page: Part  # the HTML document itself
    index: Part  # the search index (and search worker), if the page asked for them
    font: Part  # .woff2 files

    @property
    def theme(self) -> Part:
        """Everything else: styles, scripts, icons."""
        return Part(
            self.total.raw - self.page.raw - self.index.raw - self.font.raw,
            self.total.gzip - self.page.gzip - self.index.gzip - self.font.gzip,
        )


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path ('/', '/en/roles/mentor/'), the 404 page left out."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


def weigh(site: Path, paths: list[str]) -> dict[str, Weight]:
    server, base = serve(site)
    weights = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                weights[path] = _weigh_one(browser, base, path)
            browser.close()
    finally:
        stop(server)
    return weights


def _weigh_one(browser, base: str, path: str) -> Weight:
    context = browser.new_context(is_mobile=True, viewport={"width": 390, "height": 844})  # empty cache
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
    weight = Weight(path, len(responses), len(external), Part(), Part(), Part(), Part())
    for response in responses:
        try:
            raw = len(response.body())
            wire = response.request.sizes()["responseBodySize"]
        except Exception:  # a redirect or an aborted request has no body
            continue
        weight.total.add(raw, wire)
        url = response.url.split("?")[0]
        if url == base + path:
            weight.page.add(raw, wire)
        elif "/search/search_index." in url or "/workers/search." in url:
            weight.index.add(raw, wire)
        elif url.endswith(".woff2"):
            weight.font.add(raw, wire)
    context.close()
    return weight
