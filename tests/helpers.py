"""What the test folders share: a built site's pages, parsed once; where each language's pages live;
which references of a site lead nowhere; and a search in the browser.

Fixtures live in the conftest.py files; plain functions used by more than one test module live here
(a test module never imports another test module).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from generator import languages as site_languages
from generator.handbook import form_files
from generator.pages.generated import form_pages
from generator.site import language
from tests import tiers

ROOT = Path(__file__).resolve().parent.parent
WILGENHOF = ROOT / "examples" / "wilgenhof"  # the second school: made up, three languages (README)
# The project's languages (protocol/settings.yml `languages:`), the first the default, at /.
LANGUAGES = site_languages.codes(site_languages.read(ROOT))


def site_prefix(lang: str) -> str:
    """'' for the default language, 'en/' for English (generator.site.language, the project's languages)."""
    return language.site_prefix(lang, LANGUAGES)


def split_src(src: str) -> tuple[str, str]:
    return language.split_src(src, LANGUAGES)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")


# ---------------------------------------------------------------- pages of a built site


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@lru_cache(maxsize=512)
def parsed(path: Path) -> BeautifulSoup:
    """A page of a built site as parsed HTML, parsed once per session. Read it, never change it:
    every test that reads the same page gets the same object."""
    assert path.is_file(), f"no page at {path}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url_path: str) -> BeautifulSoup:
    """The page at a site path ('en/roles/mentor', '/en/roles/mentor/'), from its index.html."""
    return parsed(site / url_path.strip("/") / "index.html")


# ---------------------------------------------------------------- where the languages live


def lang_prefix(lang: str) -> str:
    """Where a language lives in the site: Dutch at /, English at /en/ (generator's site_prefix)."""
    return "/" + site_prefix(lang)


def site_path(lang: str, page_src: str) -> str:
    """'en', 'roles/mentor.md' -> '/en/roles/mentor/' (the site uses directory URLs)."""
    stem = page_src.removesuffix(".md").removesuffix("index").rstrip("/")
    return lang_prefix(lang) + (f"{stem}/" if stem else "")


def page_urls(lang: str) -> list[str]:
    """Every handbook page of one language as a site path ('/roles/mentor/', '/en/roles/mentor/'):
    the pages under docs/ and the form pages the build makes from the form definitions."""
    docs = ROOT / "docs" / lang
    written = {md.relative_to(docs).as_posix() for md in docs.rglob("*.md")}
    generated = {src.split("/", 1)[1] for src in form_pages(form_files(ROOT), LANGUAGES) if src.startswith(f"{lang}/")}
    return [site_path(lang, page) for page in sorted(written | generated)]


ALL_PAGES = [url for lang in LANGUAGES for url in page_urls(lang)]


def url_path(url: str) -> str:
    """'http://127.0.0.1:8123/en/roles/mentor/#m-receive' -> '/en/roles/mentor/'."""
    return urlparse(url).path


# ---------------------------------------------------------------- references that lead nowhere

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


def broken_references(built_site: Path, site_url_of_config: str) -> list[str]:
    """Every link, image, stylesheet, script, PDF and #anchor of the site that leads nowhere."""
    broken = []
    for html in html_pages(built_site):
        rel = html.relative_to(built_site).as_posix()
        base = urljoin(SITE, rel)
        soup = parsed(html)
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
                elif url.fragment and file.suffix == ".html" and unquote(url.fragment) not in ids(file):
                    broken.append(f"{rel}: <{tag} {attr}={value}>: no id {url.fragment!r}")
    return broken


@cache
def ids(path: Path) -> frozenset[str]:
    """Every anchor a link may point at in a page: ids, and the names of <a name>."""
    soup = parsed(path)
    return frozenset(e["id"] for e in soup.find_all(id=True)) | frozenset(
        e["name"] for e in soup.find_all("a", attrs={"name": True})
    )


def _target(site: Path, path: str) -> Path:
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") else file


# ---------------------------------------------------------------- in the browser


ANSWERED = """words => { const asked = [...document.querySelectorAll('.md-search-result__item a')]
        .map(a => new URL(a.href).searchParams.get('h')).filter(Boolean);  // '' where no word is in the text
    return asked.length > 0 && asked.every(h => h === words); }"""


def search_results(page, words: str) -> list[str]:
    """Type words into Material's search box as a reader would; the results' URLs."""
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    # Results come from a worker, one answer per letter typed: wait for the answer to the whole words
    # (Material gives each result link ?h=<the query>), not one to the letters before them.
    page.wait_for_function(ANSWERED, arg=words)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


# ---------------------------------------------------------------- builds that must be refused


def project_copy(target: Path) -> Path:
    """What a build reads, copied (under 1 MB; a link out of the project would be refused:
    generator/symlinks.py). The code is the repository's own (hooks named by their path)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/site/hooks.py", str(ROOT / "generator/site/hooks.py"))
    (target / "mkdocs.yml").write_text(config.replace("\n  - generator\n", "\n"), encoding="utf-8")
    for name in ("docs", "protocol", "forms", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def site_digest(site: Path) -> str:
    """Every path and byte under site/: equal digests, an untouched site."""
    hasher = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        hasher.update(path.relative_to(site).as_posix().encode() + b"\0")
        if path.is_file():
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


def site_with_sentinel(root: Path) -> str:
    """A previous build's site/ (a sentinel and an English page) in the project; its digest."""
    site = root / "site"
    (site / "en").mkdir(parents=True)
    (site / "SENTINEL.txt").write_text("the site as it was", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    return site_digest(site)


def build_all(roots: list[Path]) -> dict[Path, dict]:
    """Build every project in one process (tests/hostile/build_many.py: one MkDocs import for
    all); project -> {"error": the exception's type or None, "message", "log": what MkDocs logged}."""
    tiers.require_slow("tests.helpers.build_all")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [sys.executable, "-m", "tests.hostile.build_many", *map(str, roots)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    results = {Path(r["dir"]): r for r in map(json.loads, run.stdout.splitlines())}
    return {root: results.get(root, {"error": "missing", "message": run.stderr[-2000:], "log": ""}) for root in roots}


def edit(path: Path, old: str | re.Pattern, new: str) -> None:
    """Replace `old` (a text or a pattern, which must be there) once in a file of a scratch copy."""
    text = path.read_text(encoding="utf-8")
    if isinstance(old, re.Pattern):
        assert old.search(text), f"{old.pattern!r} not in {path}"
        path.write_text(old.sub(lambda _: new, text, count=1), encoding="utf-8")
        return
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_lines(root: Path) -> tuple[int, list[str]]:
    """`python -m generator check --root root`, in-process: its exit code and its lines."""
    from generator.__main__ import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--root", str(root)])
    return code, err.getvalue().splitlines()


def data_texts(path: Path, lang: str) -> str:
    """The text of one language in a data file: every value under a `lang` key, one per line."""
    import yaml

    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(found)
