"""Every page of the built site carries one Content-Security-Policy that allows only the site itself
(generator/site/csp.py): first in its head, no 'unsafe-inline' or 'unsafe-eval', each inline script
allowed by its hash only; and a script or style the theme does not write stops the build."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import material
import pytest

from generator.errors import DataError
from generator.site import csp
from tests.helpers import ROOT, html_pages, parsed

THEME_DIRS = [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]


def directives(policy: str) -> dict[str, list[str]]:
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_one_policy_first_in_its_head_allowing_only_the_site(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 60
    for path in pages:
        soup = parsed(path)
        metas = soup.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        first = soup.head.find_all(True, recursive=False)[:2]
        assert first[0].get("charset") == "utf-8" and first[1] is metas[0], path  # before any script or style
        policy = directives(metas[0]["content"])
        assert policy["default-src"] == ["'self'"]
        for name in ("object-src", "frame-src", "base-uri", "form-action"):
            assert policy[name] == ["'none'"], (path, name)
        assert policy["img-src"] == ["'self'", "data:"] and policy["connect-src"] == ["'self'"]
        sources = {source for values in policy.values() for source in values}
        allowed = {"'self'", "'none'", "'unsafe-hashes'", "data:"}  # no host, no 'unsafe-inline' or 'unsafe-eval'
        assert {s for s in sources if not s.startswith("'sha256-")} <= allowed, (path, sources)
        scripts = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert scripts, path
        assert sorted(policy["script-src"][1:]) == sorted({sha256(s.string) for s in scripts}), path


def test_an_inline_script_the_theme_does_not_write_is_refused(built_site):
    html = (built_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert csp.page_policy(html, THEME_DIRS, "en/about/index.html")  # as built: allowed
    injected = html.replace("</head>", "<script>alert(1)</script></head>", 1)
    with pytest.raises(DataError) as refused:
        csp.page_policy(injected, THEME_DIRS, "en/about/index.html")
    assert str(refused.value) == (
        "en/about/index.html: <script>: found an inline script that is not the theme's ('alert(1)'); "
        "expected no script but the site's own"
    )


def test_a_theme_script_with_one_value_changed_to_markup_is_refused(built_site):
    html = (built_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    changed = html.replace('__md_scope=new URL("../..",location)', '__md_scope=new URL("../.."+alert(1),location)', 1)
    assert changed != html
    with pytest.raises(DataError, match="an inline script that is not the theme's"):
        csp.page_policy(changed, THEME_DIRS, "en/about/index.html")


def test_a_style_attribute_with_an_outside_address_is_refused(built_site):
    html = (built_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    changed = html.replace("<article", '<article style="background: url(https://evil.example/x.png)"', 1)
    with pytest.raises(DataError, match="the style"):
        csp.page_policy(changed, THEME_DIRS, "en/about/index.html")
