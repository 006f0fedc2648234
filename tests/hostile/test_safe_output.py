"""Markup put into every kind of text of the data, and HTML a page shows as code or text, builds a
site in which it is only text: no element, attribute or link comes from them, in the parsed HTML
and in a real browser (no dialog, no request to another website)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests import localsite
from tests.conftest import ROOT, mkdocs
from tests.hostile.test_refused import apply

M = "protocol/roles/mentor.yml"
SCRIPT = "<script>alert('A1')</script>"
REDIRECT = '0;url=/?pwned-by-summary" http-equiv="refresh" x="'  # no "<" at all: an attribute breakout
EDITS = [
    (M, "nl: Melding ontvangen", f'nl: "Melding {SCRIPT} ontvangen"'),
    (M, "en: Receive the report", 'en: \'" onmouseover="alert(6)" x="\''),
    (
        M,
        re.compile(r"(?m)^    decision:\n      nl: .*$"),
        "    decision:\n      nl: '<img src=x onerror=alert(1)> klas?'",
    ),
    (M, re.compile(r'label: \{nl: "[^"]*"'), "label: {nl: '<img src=x onerror=alert(2)>'"),
    (M, re.compile(r"(?m)^  nl: De mentor is"), f"  nl: {REDIRECT}De mentor is"),
    (
        M,
        "Kom je er niet uit? Dan kun je naar een vertrouwenspersoon gaan.",
        "<iframe src=\"javascript:alert('A9')\"></iframe>",
    ),
    (
        "protocol/settings.yml",
        "short_name: ~",
        'short_name: \'ALASCA<img src="http://127.0.0.1:9/x.png" alt="">\'',
    ),
    (
        "protocol/settings.yml",
        "student_system: {nl: Magister,",
        "student_system: {nl: \"Magister </title> <script>alert('B3')</script>\",",
    ),
    ("protocol/settings.yml", "editor_email: ~", "editor_email: mailto:Pestprotocol@Alasca.NL"),
    (
        "protocol/settings.yml",
        "retention: ~",
        "retention: {nl: \"<script>alert('B5')</script> tot twee jaar\", en: two years}",
    ),
    ("forms/definitions/incident-report.yml", "nl: Melding van pesten", "nl: \"</title><script>alert('C1')</script>\""),
    ("protocol/labels.yml", 'report_problem: {nl: "', "report_problem: {nl: \"<script>alert('D2')</script>"),
    (
        "protocol/labels.yml",
        "not_found_title: {nl: Pagina niet gevonden",
        "not_found_title: {nl: \"<script>alert('D3')</script>\"",
    ),
]
# In a page: HTML that Markdown shows as text (code, an entity, a tag it does not read as one)
# and a link to another website, which is followed only when clicked (tests/hostile/
# test_unsafe_pages.py has the HTML and links a page may not hold).
PAGE_TEXT = """

## Examples

`<script>alert('E1')</script>` and &lt;iframe src="https://evil.example/"&gt; are shown as they are typed.

<img src=x onerror=alert("E2")>

    <iframe src="https://evil.example/indented"></iframe>

```html
<script src="https://stats.example.nl/matomo.js"></script>
```

Read more on [another website](https://evil.example/page)
or write to [the school](mailto:info@example.nl?subject=%3Cscript%3E).
"""
PAGE_EDITS = [(f"docs/{lang}/about.md", re.compile(r"\Z"), PAGE_TEXT) for lang in ("nl", "en")]
PAGES = [
    "",
    "roles/mentor/",
    "en/roles/mentor/",
    "roles/parent/",
    "records/",
    "forms/",
    "forms/incident-report/",
    "404.html",
    "en/404.html",
    "about/",
    "en/about/",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, site_builds) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/site/hooks.py", str(ROOT / "generator/site/hooks.py"))
    (root / "mkdocs.yml").write_text(config.replace("\n  - generator\n", "\n"), encoding="utf-8")
    for name in ("docs", "overrides", "protocol", "forms"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for file, old, new in EDITS + PAGE_EDITS:
        apply(root, file, old, new)
    result = mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_markup_in_the_data_makes_no_element_attribute_or_link_in_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            assert not [a for a in tag.attrs if a.startswith("on")], (page, tag)
            for attr in ("href", "src"):
                assert not str(tag.get(attr, "")).strip().lower().startswith(("javascript:", "data:text")), (page, tag)
        assert soup.find("iframe") is None, page
        # only the site's own policy (generator/site/csp.py); never a refresh from the data
        assert [m["http-equiv"] for m in soup.select("meta[http-equiv]")] == ["Content-Security-Policy"], page
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], page
        assert not soup.select('img[src^="http"]'), page


def test_the_texts_show_as_typed_and_the_e_mail_is_one_clean_mailto(hostile_site):
    soup = BeautifulSoup((hostile_site / "roles/mentor/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("h3#m-receive").get_text(" ", strip=True).startswith(f"1. Melding {SCRIPT} ontvangen")
    assert soup.select_one('meta[name="description"]')["content"].startswith(REDIRECT)
    assert soup.select_one("p.report-problem a")["href"].startswith("mailto:Pestprotocol@Alasca.NL?subject=")
    form = BeautifulSoup((hostile_site / "forms/incident-report/index.html").read_text(encoding="utf-8"), "html.parser")
    assert form.title.get_text().startswith("</title><script>alert('C1')</script> - ")
    assert form.h1.get_text().startswith("</title><script>alert('C1')</script>")


def test_html_in_a_page_as_code_or_text_shows_as_typed(hostile_site):
    soup = BeautifulSoup((hostile_site / "en/about/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    codes = [code.get_text() for code in article.find_all("code")]
    assert "<script>alert('E1')</script>" in codes
    assert any("https://stats.example.nl/matomo.js" in code for code in codes)
    assert '<img src=x onerror=alert("E2")>' in article.get_text()
    assert article.find("img") is None and article.find("script") is None


def test_no_dialog_fires_no_request_leaves_the_site_and_no_javascript_link_exists_in_a_real_browser(
    hostile_site, browser
):
    server, url = localsite.serve(hostile_site)
    url = url.rstrip("/") + "/"
    context = browser.new_context()
    outside: list[str] = []

    def route(route):
        if route.request.url.startswith((url, "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    try:
        dialogs, bad = _visit(context.new_page(), url)
    finally:
        context.close()
        localsite.stop(server)
    assert dialogs == []
    assert bad == []
    assert outside == []


def _visit(page, url: str) -> tuple[list[str], list[str]]:
    dialogs: list[str] = []
    bad: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in PAGES:
        page.goto(url + path, wait_until="load")
        page.hover("h1")
        if path.endswith("about/"):  # the page with the examples: every element a reader may point at
            for element in page.locator("article a, article p, article code, article img").all():
                element.dispatch_event("mouseover")
        if not page.url.startswith(url + path):
            bad.append(f"{path} went to {page.url}")
        js_links = page.eval_on_selector_all(
            "[href], [src]",
            "els => els.map(e => (e.getAttribute('href') || e.getAttribute('src') || '').trim().toLowerCase())"
            "  .filter(u => u.replace(/[\\s\\x00-\\x1f]/g, '').startsWith('javascript:')).length",
        )
        if js_links:
            bad.append(f"{path} has {js_links} javascript: links")
    return dialogs, bad
