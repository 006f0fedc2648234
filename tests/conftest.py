"""Shared fixtures: a scratch copy of the repository's data, one built site per test session, the
protocol, and one headless Chromium per session (Debian's /usr/bin/chromium, driven by Playwright;
no browser is downloaded). Plain helper functions are in tests/helpers.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from tests import localsite, tiers
from tests.helpers import ROOT, WILGENHOF

DATA_DIRS = ("protocol", "forms", "docs")  # what `python -m generator check` reads, with mkdocs.yml


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run mkdocs from the venv the tests run in; output captured as text."""
    tiers.require_slow("`mkdocs " + " ".join(args) + "`")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--school",
        action="append",
        metavar="PATH",
        help="a school's folder (its mkdocs.yml, protocol/, docs/, forms/) for tests/generator/test_any_school.py; "
        "repeatable; default: every school of this repository",
    )


# ---------------------------------------------------------------- tiers (tests/tiers.py)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark `slow` every test that needs a built site or Chromium (through any fixture), and
    `browser` those that need Chromium: `pytest -m "not slow"` is the fast tier."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & tiers.SLOW_FIXTURES.keys():
            item.add_marker(pytest.mark.slow)
        if "browser" in needs:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    tiers.set_running(item)  # before the item's fixtures are set up: they may build


def pytest_configure(config: pytest.Config) -> None:
    """MkDocs' in-process build refuses to run in a fast test, as `mkdocs()` and `build_all` do."""
    import mkdocs.commands.build as mkdocs_build

    build = mkdocs_build.build
    if getattr(build, "checks_tier", False):
        return

    def checked(*args, **kwargs):
        tiers.require_slow("MkDocs' build()")
        return build(*args, **kwargs)

    checked.checks_tier = True
    mkdocs_build.build = checked


@pytest.fixture(scope="session")
def site_builds() -> None:
    """Asked for by a test or fixture that runs MkDocs builds itself (`mkdocs()`, `build_all`): it
    does nothing but put the test in the slow tier."""


# ---------------------------------------------------------------- data and sites


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the data (protocol/, forms/, docs/, mkdocs.yml) to break on purpose; returns the copy's root."""
    for name in DATA_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A copy of everything a build needs (config, docs, data, overrides, forms) in a scratch folder."""
    return make_site_copy(tmp_path)


def make_site_copy(tmp_path: Path) -> Path:
    """site_copy's copy, for fixtures of a wider scope."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = "generator/site/hooks.py"
    assert hooks in config
    config = config.replace(hooks, str(ROOT / hooks)).replace("\n  - generator\n", f"\n  - {ROOT / 'generator'}\n")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("docs", "overrides", "protocol", "forms"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.fixture(scope="session")
def protocol():
    """The school's protocol as the build loads it (read-only: tests that change data use data_copy)."""
    from generator.loader import load_protocol

    return load_protocol(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict into a scratch folder."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "--site-dir", str(out))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a free port) for the browser tests."""
    server, url = localsite.serve(built_site)
    yield url
    localsite.stop(server)


@pytest.fixture(scope="session")
def browser():
    """The session's one Chromium. Playwright's sync API allows one instance per thread, so every
    browser test (tests/browser, tests/flowcharts, tests/hostile) opens its contexts in this one."""
    from playwright.sync_api import sync_playwright

    tiers.require_slow("Chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=localsite.CHROMIUM, args=localsite.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url_of_config() -> str:
    """site_url from mkdocs.yml (read as MkDocs reads it: !ENV and !!python tags included), ending in '/'."""
    with open(ROOT / "mkdocs.yml", "rb") as config:
        return yaml_load(config)["site_url"].rstrip("/") + "/"


@pytest.fixture(scope="session")
def wilgenhof_site(site_builds, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/wilgenhof built once per session as the README builds it (`make build
    SCHOOL=examples/wilgenhof` runs `python -m generator build --root examples/wilgenhof`), into a
    scratch folder: the product's theme, assets, templates and code, the school's files alone."""
    import subprocess
    import sys

    from tests import tiers

    tiers.require_slow("`python -m generator build --root examples/wilgenhof`")
    out = tmp_path_factory.mktemp("site-wilgenhof") / "site"
    command = [sys.executable, "-m", "generator", "build", "--root", str(WILGENHOF), "--site-dir", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(command[1:])} failed:\n{result.stderr[-4000:]}"
    return out
