"""Every page is valid HTML (the Nu HTML Checker, errors only) and whole: every internal link,
image, stylesheet, script, PDF and #anchor resolves."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from tests import node_tools
from tests.site.test_site import html_pages

SITE = "http://site/"
REFERENCES = (
    ("a", "href"),
    ("a", "xlink:href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("use", "href"),
)


def test_every_page_is_valid_html(built_site):
    node_tools.ensure()
    java = shutil.which("java")
    assert java, "java is missing: run scripts/ensure-system-packages test (it installs default-jre-headless)"
    pages = [str(p) for p in html_pages(built_site)]
    result = subprocess.run(
        [java, "-jar", str(node_tools.VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{urlparse(m.get('url', '')).path.removeprefix(str(built_site))}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:40])


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(e["id"] for e in soup.find_all(id=True)) | frozenset(
        e["name"] for e in soup.find_all("a", attrs={"name": True})
    )


def _target(site: Path, path: str) -> Path:
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") else file


def test_every_internal_link_and_resource_resolves(built_site, site_url_of_config):
    broken = broken_references(built_site, site_url_of_config)
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:40])


def broken_references(built_site: Path, site_url_of_config: str) -> list[str]:
    """Every link, image, stylesheet, script, PDF and #anchor of the site that leads nowhere."""
    broken = []
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        base = urljoin(SITE, rel)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in REFERENCES:
            for element in soup.find_all(tag):
                value = element.get(attr)
                if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                    continue
                if value.startswith(site_url_of_config):  # canonical links: absolute, on this site
                    value = "/" + value.removeprefix(site_url_of_config)
                url = urlparse(urljoin(base, value))
                if url.netloc != "site":
                    continue  # another website: not fetched by the page (test_site checks that)
                if rel.endswith("404.html") and not value.startswith(("/", "#")) and tag != "a":
                    continue  # a 404 page is served at any depth; its assets use absolute paths
                file = _target(built_site, url.path)
                if not file.is_file():
                    broken.append(f"{rel}: <{tag} {attr}={value}>: no {file.relative_to(built_site)}")
                elif url.fragment and file.suffix == ".html" and unquote(url.fragment) not in _ids(file):
                    broken.append(f"{rel}: <{tag} {attr}={value}>: no id {url.fragment!r}")
    return broken


def test_every_url_in_a_stylesheet_resolves(built_site):
    from tests.site.test_site import CSS_URL

    broken = []
    for css in (built_site / "assets" / "stylesheets").glob("*.css"):
        for value in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if value.startswith(("data:", "#")):
                continue
            target = (css.parent / urlparse(value).path).resolve()
            if not target.is_file():
                broken.append(f"{css.name}: url({value})")
    assert not broken, broken
