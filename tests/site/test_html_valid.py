"""Every page is valid HTML (the Nu HTML Checker, errors only) and whole: every internal link,
image, stylesheet, script, PDF and #anchor resolves."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlparse

from tests import node_tools
from tests.helpers import CSS_URL, broken_references, html_pages


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


def test_every_internal_link_and_resource_resolves(built_site, site_url_of_config):
    broken = broken_references(built_site, site_url_of_config)
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:40])


def test_every_url_in_a_stylesheet_resolves(built_site):
    broken = []
    for css in (built_site / "assets" / "stylesheets").glob("*.css"):
        for value in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if value.startswith(("data:", "#")):
                continue
            target = (css.parent / urlparse(value).path).resolve()
            if not target.is_file():
                broken.append(f"{css.name}: url({value})")
    assert not broken, broken
