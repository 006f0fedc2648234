"""Tests of the generator as a product: they hold for any school's protocol. Each works on a
scratch copy of the data (tests/conftest.py: data_copy, site_copy) that it changes the way another
school's editor would, with data alone. ALASCA's own content checks are in tests/alasca/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, WILGENHOF, html_pages

# The schools of this repository whose handbooks the generator's tests check (test_any_school.py):
# ALASCA's (the repository's own) and the made-up Wilgenhof College. `pytest --school PATH` (repeatable)
# checks another school's folder instead.
SCHOOLS = (ROOT, WILGENHOF)


@dataclass(frozen=True)
class School:
    """A school's folder and what every page of its site must show, read from its own data."""

    root: Path
    name: str
    short_name: str
    languages: tuple[str, ...]
    roles: tuple[str, ...]
    forms: tuple[str, ...]
    site_url: str

    @property
    def default(self) -> str:
        return self.languages[0]

    def prefix(self, lang: str) -> str:
        """Where a language lives in the site: the first at /, the others at /<code>/."""
        return "" if lang == self.default else lang

    def pages(self, site: Path, lang: str) -> list[Path]:
        """A language's HTML pages (the first language's without the other languages' folders)."""
        base = site / self.prefix(lang)
        others = set(self.languages) - {lang}
        return [p for p in html_pages(base) if lang != self.default or p.relative_to(base).parts[0] not in others]

    @classmethod
    def read(cls, root: Path) -> School:
        def load(path: Path):
            return yaml.safe_load(path.read_text(encoding="utf-8"))

        settings = load(root / "protocol" / "settings.yml")
        languages = tuple(lang["code"] for lang in settings.get("languages") or [{"code": "nl"}, {"code": "en"}])
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        site_url = next(
            (line.split(":", 1)[1].strip() for line in config.splitlines() if line.startswith("site_url:")), ""
        )
        return cls(
            root=root,
            name=settings["school_name"],
            short_name=settings.get("short_name") or settings["school_name"],
            languages=languages,
            roles=tuple(load(root / "protocol" / "protocol.yml")["roles"]),
            forms=tuple(sorted(p.stem for p in (root / "forms" / "definitions").glob("*.yml"))),
            site_url=(site_url or "http://127.0.0.1:8000/").rstrip("/") + "/",
        )


def schools(config: pytest.Config) -> list[Path]:
    given = config.getoption("school")
    return [Path(p).resolve() for p in given] if given else list(SCHOOLS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "school" in metafunc.fixturenames:
        roots = schools(metafunc.config)
        ids = [root.name if root != ROOT else "alasca" for root in roots]
        metafunc.parametrize("school", roots, ids=ids, indirect=True, scope="session")


@pytest.fixture(scope="session")
def school(request: pytest.FixtureRequest) -> School:
    return School.read(request.param)


@pytest.fixture(scope="session")
def every_school(request: pytest.FixtureRequest) -> list[School]:
    return [School.read(root) for root in schools(request.config)]


@pytest.fixture(scope="session")
def school_site(school: School, site_builds, tmp_path_factory: pytest.TempPathFactory, request) -> Path:
    """The school's site, built once per session with --strict (ALASCA's is the session's built_site)."""
    if school.root == ROOT:
        return request.getfixturevalue("built_site")
    if school.root == WILGENHOF:
        return request.getfixturevalue("wilgenhof_site")
    from tests.conftest import mkdocs

    out = tmp_path_factory.mktemp(f"site-{school.root.name}")
    result = mkdocs("build", "--strict", "-f", str(school.root / "mkdocs.yml"), "--site-dir", str(out), cwd=school.root)
    assert result.returncode == 0, f"{school.root}: mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out
