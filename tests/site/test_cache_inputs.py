"""A cached result is made anew as soon as any of its inputs changes, the programs and libraries
outside Python included (generator/fileio.py environment(), generator/system.py): the data, a
page, a form template, a font, a stylesheet, the Graphviz `dot` program, the Pango and HarfBuzz
that WeasyPrint lays text out with. Each test keeps the real cache of one layer warm, changes one
input at a time and looks at what the layer gives: the chart on the filled page, the form's PDF,
the booklet. The last test is one real warm-cache build with another Graphviz on PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import fileio, system
from generator.booklet import Chapter, print_booklet
from generator.forms.builder import build_forms
from generator.handbook import load_handbook
from generator.site import forms, hooks
from tests.conftest import ROOT

MENTOR = "en/roles/mentor.md"
ANOTHER_PANGO = ("pango 1.99.0", "harfbuzz 99.0.0", "harfbuzz-subset present", "fontconfig 29900")


@pytest.fixture(autouse=True)
def fresh_system():
    """Each build asks for `dot` and the fonts anew (hooks.on_config); so does each test."""
    system.forget()
    yield
    system.forget()


def another_graphviz(folder: Path) -> str:
    """A `dot` that says it is another version and draws with a wide margin, as an upgraded
    Graphviz that draws differently would; returns a PATH that finds it first."""
    real = shutil.which("dot")
    assert real, "Graphviz's dot is not installed"
    folder.mkdir()
    wrapper = folder / "dot"
    wrapper.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-V" ]; then echo "dot - graphviz version 99.0.0 (a test)" >&2; exit 0; fi\n'
        f'exec {real} -Gpad=1.5 "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    return f"{folder}:{os.environ['PATH']}"


def chart_width(html: str) -> float:
    """The width of the first chart's drawing (its viewBox: 'x y width height')."""
    chart = BeautifulSoup(html, "html.parser").select_one("svg.flowchart__svg")
    return float(chart["viewbox"].split()[2])  # html.parser keeps attribute names in lower case


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_checked_pages_are_filled_again_after_a_data_file_a_page_or_the_dot_program_changed(
    data_copy, tmp_path, monkeypatch
):
    shutil.copy(ROOT / "mkdocs.yml", data_copy / "mkdocs.yml")
    computed = []
    real = hooks._load_and_check
    monkeypatch.setattr(hooks, "_load_and_check", lambda *args: computed.append(1) or real(*args))

    def filled() -> dict[str, str]:
        system.forget()  # as every build does
        pages = hooks.checked_pages(data_copy, data_copy / "docs", data_copy / "mkdocs.yml", True)[1]
        return {src: text for src, (_, text) in pages.items()}

    first = filled()
    assert filled() == first and len(computed) == 1  # nothing changed: the build cache's copy

    rewrite(data_copy / "protocol" / "roles" / "mentor.yml", "en: Receive the report\n", "en: Take the report\n")
    pages = filled()
    assert "Take the report" in pages[MENTOR] and "Take the report" not in first[MENTOR]

    about = data_copy / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added by the editor.\n", encoding="utf-8")
    assert "A sentence added by the editor." in filled()["en/about.md"]

    before = chart_width(filled()[MENTOR])
    monkeypatch.setenv("PATH", another_graphviz(tmp_path / "graphviz"))
    after = chart_width(filled()[MENTOR])
    assert after > before + 100  # 1.5 inches of margin on each side: drawn again by the other dot
    assert len(computed) == 4  # once, then once per change


def test_a_form_is_rendered_again_after_its_template_a_font_or_pango_changed(data_copy, monkeypatch):
    out = data_copy / "out"
    handbook = load_handbook(data_copy)
    pdf = out / "nl" / "incident-report.pdf"

    def render() -> bytes | None:
        """The PDF's bytes if it was rendered anew, None if the cached one was still good."""
        return pdf.read_bytes() if build_forms(handbook, out, ("nl",), ["incident-report"], jobs=1) else None

    first = render()
    assert first is not None and render() is None

    rewrite(data_copy / "forms" / "templates" / "form.html", "<header>\n", "<header>\n  <p>Concept</p>\n")
    templated = render()
    assert templated not in (None, first)

    fonts = data_copy / "forms" / "fonts"
    shutil.copy(fonts / "FormSans-Bold.ttf", fonts / "FormSans-Regular.ttf")  # another regular face
    bold = render()
    assert bold not in (None, templated)

    monkeypatch.setattr(system, "text_libraries", lambda: ANOTHER_PANGO)
    assert render() is not None  # laid out by another Pango: rendered again, not taken from the cache
    assert render() is None


def test_the_forms_are_rendered_again_for_another_graphviz_pango_or_font_set(data_copy, tmp_path, monkeypatch):
    """The build's marker for the forms (site/forms.py) is keyed on the environment too."""
    renders = []
    monkeypatch.setattr(forms, "render_all", lambda handbook: renders.append(1))
    handbook = load_handbook(data_copy)
    inputs = [data_copy / "protocol", data_copy / "forms"]

    def build() -> None:
        system.forget()
        forms.render_changed(handbook, inputs, [])

    build()
    build()
    assert len(renders) == 1
    monkeypatch.setattr(system, "text_libraries", lambda: ANOTHER_PANGO)
    build()
    monkeypatch.setattr(system, "fonts", lambda: ("/usr/share/fonts/a-new-font.ttf 1000 1",))
    build()
    monkeypatch.setenv("PATH", another_graphviz(tmp_path / "graphviz"))
    build()
    assert len(renders) == 4


def test_the_booklet_is_printed_again_after_a_stylesheet_a_font_it_loads_or_pango_changed(
    data_copy, tmp_path, monkeypatch
):
    assets = data_copy / "docs" / "assets"
    cache = fileio.content_cache(data_copy, "booklet", ".pdf")
    chapters = [Chapter("about.md", "Over", "<h1>Over dit protocol</h1><p>Iedereen op school.</p>")]
    target = tmp_path / "site" / "protocol.pdf"

    def booklet() -> bytes | None:
        """The booklet's bytes if it was printed anew, None if the cached one was still good."""
        printed = print_booklet(chapters, "nl", "ALASCA", "Pestprotocol", "Versie 1", target, cache, assets)
        return target.read_bytes() if printed else None

    first = booklet()
    assert first is not None and booklet() is None

    (assets / "stylesheets" / "booklet.css").open("a", encoding="utf-8").write("\nh1 { font-size: 40pt }\n")
    styled = booklet()
    assert styled not in (None, first)

    fonts = assets / "fonts"  # fonts.css, which booklet.css imports, names these files
    bold_face = fonts / "atkinson-hyperlegible-latin-700-normal.woff2"
    for style in ("400-normal", "400-italic"):
        shutil.copy(bold_face, fonts / f"atkinson-hyperlegible-latin-{style}.woff2")
    bold = booklet()
    assert bold not in (None, styled)

    monkeypatch.setattr(system, "text_libraries", lambda: ANOTHER_PANGO)
    assert booklet() is not None
    assert booklet() is None


def test_the_environment_names_the_dot_program_the_text_libraries_and_the_fonts(tmp_path, monkeypatch):
    keys = {fileio.environment()}
    monkeypatch.setenv("PATH", another_graphviz(tmp_path / "graphviz"))
    system.forget()
    assert "99.0.0" in system.graphviz() and str(tmp_path) in system.graphviz()
    keys.add(fileio.environment())
    monkeypatch.setattr(system, "text_libraries", lambda: ANOTHER_PANGO)
    keys.add(fileio.environment())
    monkeypatch.setattr(system, "fonts", lambda: ("/usr/share/fonts/a-new-font.ttf 1000 1",))
    keys.add(fileio.environment())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    keys.add(fileio.environment())
    assert len(keys) == 5


def test_the_text_libraries_and_fonts_are_those_weasyprint_uses():
    from weasyprint.text.ffi import harfbuzz, pango

    pango_version, harfbuzz_version, _, _ = system.text_libraries()
    major, minor, micro = (int(n) for n in pango_version.split()[1].split("."))
    assert pango.pango_version() == major * 10000 + minor * 100 + micro
    major, minor, micro = (int(n) for n in harfbuzz_version.split()[1].split("."))
    assert harfbuzz.hb_version_atleast(major, minor, micro) and not harfbuzz.hb_version_atleast(major, minor, micro + 1)
    assert any(entry.startswith(("/usr/share/fonts/", "/usr/local/share/fonts/")) for entry in system.fonts())


def test_a_warm_build_draws_the_charts_again_with_another_graphviz(built_site, site_copy, tmp_path):
    """The review's case (code-2026-12-07, F6): the build cache held the filled pages with the old
    drawings, so a warm build published them until .cache/build was deleted. (With another
    Graphviz every cached result is made anew, the forms too: about 25 s of CPU.)"""
    shutil.copytree(ROOT / ".cache", site_copy / ".cache", ignore=shutil.ignore_patterns("node"))  # warm
    path = another_graphviz(tmp_path / "graphviz")
    env = dict(os.environ, PATH=path, NO_MKDOCS_2_WARNING="1")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=site_copy,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    page = "en/roles/mentor/index.html"
    before = chart_width((built_site / page).read_text(encoding="utf-8"))
    assert chart_width((site / page).read_text(encoding="utf-8")) > before + 100
