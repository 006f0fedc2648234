"""Build timings: the handbook (site, forms, booklets) against a bare Material build of the same Markdown.

Each build runs `mkdocs build` in a fresh scratch copy of the project, so the clean build renders
every form and booklet anew (nothing in .cache/), and the later builds in the same copy are
rebuilds with nothing changed, measured in turns with the bare builds' rebuilds. The bare build: a
mkdocs.yml with only `theme: material` and one language's pages (docs/nl), no hooks and no i18n
(the markers stay HTML comments); the bare bilingual build adds mkdocs-static-i18n and both
languages' pages, as the handbook's sources are (markers unfilled); the bare published build has
the Markdown the handbook publishes, markers filled. Times are CPU seconds of the build process
(user + sys), which other work on a shared machine disturbs far less than wall-clock time.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "overrides", "protocol", "forms")


@dataclass
class Timings:
    clean: float
    rebuild: float
    site: Path
    bare_site: Path | None = None
    markdown: int = 0  # bytes of Markdown built
    config: Path | None = None  # its mkdocs.yml


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(config: Path, site: Path) -> float:
    """CPU seconds (user + sys) of one `mkdocs build --strict` (a new process, as a person runs it)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = _children_cpu()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = _children_cpu() - started
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed for {config}:\n{result.stderr[-3000:]}")
    return elapsed


def project_copy(scratch: Path) -> Path:
    """The project's sources in a scratch folder (no .cache/); the code is linked, not copied."""
    copy = scratch / "handbook"
    copy.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    for name in PROJECT_PARTS:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def bare_copy(scratch: Path, lang: str = "nl") -> Path:
    """One language's pages with a mkdocs.yml that has only Material: what the theme gives by itself."""
    copy = scratch / f"bare-{lang}"
    shutil.copytree(ROOT / "docs" / lang, copy / "docs")
    (copy / "mkdocs.yml").write_text(
        "site_name: Bare Material\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n", encoding="utf-8"
    )
    return copy


def bare_bilingual_copy(scratch: Path) -> Path:
    """Both language trees with Material and mkdocs-static-i18n only: the same Markdown as the
    handbook publishes, without its hooks, data, charts, forms and booklets."""
    copy = scratch / "bare-both"
    shutil.copytree(ROOT / "docs", copy / "docs")
    (copy / "mkdocs.yml").write_text(
        "site_name: Bare Material\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      languages:\n"
        "        - {locale: nl, name: Nederlands, default: true}\n        - {locale: en, name: English}\n",
        encoding="utf-8",
    )
    return copy


def bare_published_copy(scratch: Path) -> Path:
    """The Markdown the handbook publishes, with every marker filled from the data as its pages are
    built, under Material, mkdocs-static-i18n and the handbook's own Markdown extensions: no hooks,
    no overrides, no charts drawn, no forms, no booklet. A rebuild against this one is what the
    hooks cost; against bare_bilingual_copy (the sources, markers unfilled) it is hooks + content."""
    from mkdocs.utils.yaml import yaml_load

    from generator.check import check_handbook

    (scratch / "published").mkdir()
    copy = bare_bilingual_copy(scratch / "published")
    handbook = check_handbook(ROOT, ROOT / "docs", True)
    for src, (_, filled) in handbook.filled.items():
        page = copy / "docs" / src
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(filled, encoding="utf-8")
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        extensions = yaml_load(f)["markdown_extensions"]
    config = copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + yaml.safe_dump({"markdown_extensions": extensions}), encoding="utf-8"
    )
    return copy


def markdown_bytes(copy: Path) -> int:
    return sum(p.stat().st_size for p in (copy / "docs").rglob("*.md"))


def handbook(scratch: Path) -> Timings:
    """The handbook's clean build; its rebuild is measured by `rebuild_rounds`."""
    copy = project_copy(scratch)
    site = copy / "site"
    return Timings(mkdocs_build(copy / "mkdocs.yml", site), 0.0, site, config=copy / "mkdocs.yml")


def bare(scratch: Path, bilingual: bool = False, published: bool = False) -> Timings:
    """A bare build's clean build; its rebuild is measured by `rebuild_rounds`."""
    if published:
        copy = bare_published_copy(scratch)
    else:
        copy = bare_bilingual_copy(scratch) if bilingual else bare_copy(scratch)
    site = copy / "site"
    clean = mkdocs_build(copy / "mkdocs.yml", site)
    return Timings(clean, 0.0, site, markdown=markdown_bytes(copy), config=copy / "mkdocs.yml")


def rebuild_rounds(builds: list[Timings], rounds: int = 5) -> None:
    """Each build's rebuild with nothing changed, `rounds` times, taking turns (the handbook, then
    each bare build, then again), so that a busy or throttled moment of a shared machine falls on
    all of them alike; each gets the median of its runs."""
    runs: list[list[float]] = [[] for _ in builds]
    for _ in range(rounds):
        for build, times in zip(builds, runs, strict=True):
            times.append(mkdocs_build(build.config, build.site))
    for build, times in zip(builds, runs, strict=True):
        build.rebuild = statistics.median(times)
