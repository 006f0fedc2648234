"""The suite's two tiers: `pytest -m "not slow"` (`make test-fast`, after every edit) and the whole
suite (`make test`, in CI).

A test is slow when it builds a site with MkDocs, opens Chromium or draws filled forms as three PDF
viewers do (the fast tier keeps the forms' structure: fields, names, fonts, tags). Nobody marks it by hand:
tests/conftest.py marks every test that uses one of SLOW_FIXTURES, directly or through another
fixture (pytest's own closure of the fixtures a test needs), so a new test that reads the built
site or opens a page in the browser is slow by construction. A test or fixture that runs a build
itself (through `tests.conftest.mkdocs`, `tests.helpers.build_all` or MkDocs' `build`) asks for
`site_builds`; if it forgets, the build refuses to start in a fast test (`require_slow`), so the
fast tier cannot quietly grow a build.
"""

from __future__ import annotations

import pytest

# fixture -> why a test that uses it is slow
SLOW_FIXTURES = {
    "built_site": "the whole handbook built with `mkdocs build --strict` (once per session)",
    "offline_site": "the file-share build (HANDBOOK_OFFLINE=true), once per session",
    "browser": "Chromium, driven by Playwright",
    "site_copy": "a copy of the project made to be built in-process",
    "site_builds": "the test or its fixture runs MkDocs builds of its own",
    "viewers": "filled forms drawn by poppler, PDFium and MuPDF (tests/forms/test_rendering.py)",
}

_slow_test_running = True  # outside a test (a fixture of a slow test, a script): builds may run


def set_running(item: pytest.Item) -> None:
    global _slow_test_running
    _slow_test_running = item.get_closest_marker("slow") is not None


def require_slow(what: str) -> None:
    """Refuse a site build inside a test of the fast tier: the test must ask for `site_builds`."""
    if not _slow_test_running:
        pytest.fail(
            f"{what} in a test of the fast tier: a test or fixture that builds a site asks for the "
            "`site_builds` fixture (tests/tiers.py), which marks it slow",
            pytrace=False,
        )
