"""A rebuild with nothing changed does not redo work: markers filled while checking are reused,
Material's templates are compiled once per environment, and the fonts are cut once per set of
characters."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from generator.site import fonts, hooks, templatecache
from tests.conftest import ROOT

FONTS = ROOT / "docs" / "assets" / "fonts"


def test_a_page_filled_while_checking_is_not_filled_again(monkeypatch):
    source = "# Over\n\n<!-- protocol:version -->\n"
    build = hooks._Build(0, None, {"nl/about.md": (source, "# Over\n\nVersie 1\n")}, "")
    monkeypatch.setattr(hooks, "_build", build)
    monkeypatch.setattr(hooks, "fill_markers", lambda *args, **kwargs: pytest.fail("filled a second time"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="nl/about.md"))
    # MkDocs hands the hook the page's Markdown without its last newline
    assert hooks.on_page_markdown(source.rstrip("\n"), page, None, None) == "# Over\n\nVersie 1\n"


def test_templates_are_compiled_once_and_loaded_from_the_cache_by_the_next_build(tmp_path):
    templates = {"page.html": "{% for i in range(3) %}{{ i }}{% endfor %}"}
    first = templatecache.use_bytecode_cache(Environment(loader=DictLoader(templates)), tmp_path)
    assert first.get_template("page.html").render() == "012"
    cached = [p for p in (tmp_path / ".cache" / "jinja").rglob("*") if p.is_file()]
    assert len(cached) == 1
    second = templatecache.use_bytecode_cache(Environment(loader=DictLoader(templates)), tmp_path)
    compiled = []
    second.compile = lambda *args, **kwargs: compiled.append(args) or Environment.compile(second, *args, **kwargs)
    assert second.get_template("page.html").render() == "012"
    assert not compiled, "the second environment compiled the template again"


def test_templates_are_compiled_anew_for_another_environment_and_the_old_code_is_removed(tmp_path, monkeypatch):
    """Jinja's own key is the template's name and source; the compiled code also depends on the
    Jinja version and the environment's settings: the folder is the environment's (fileio)."""
    templates = {"page.html": "{{ 1 + 1 }}"}
    first = templatecache.use_bytecode_cache(Environment(loader=DictLoader(templates)), tmp_path)
    assert first.get_template("page.html").render() == "2"
    monkeypatch.setattr(templatecache, "environment", lambda: "an upgraded jinja2 or mkdocs-material" * 2)
    second = templatecache.use_bytecode_cache(Environment(loader=DictLoader(templates)), tmp_path)
    compiled = []
    second.compile = lambda *args, **kwargs: compiled.append(args) or Environment.compile(second, *args, **kwargs)
    assert second.get_template("page.html").render() == "2"
    assert compiled, "the code compiled for the other environment was used"
    assert [p.name for p in (tmp_path / ".cache" / "jinja").iterdir()] == ["an upgraded jinja2 or mkdocs-mat"]


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "assets" / "fonts").mkdir(parents=True)
    shutil.copy(FONTS / "atkinson-hyperlegible-latin-400-normal.woff2", site / "assets" / "fonts")
    (site / "index.html").write_text("<p>Één café &rarr; naïef</p>", encoding="utf-8")
    return site


def cmap(path: Path) -> set[str]:
    from fontTools.ttLib import TTFont

    return {chr(c) for c in TTFont(path).getBestCmap()}


def test_the_font_keeps_exactly_the_characters_the_pages_use_and_ascii(tiny_site, tmp_path):
    font = tiny_site / "assets" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2"
    full = cmap(font)
    assert {"É", "é", "ï", "ß", "ø"} <= full
    sizes = fonts.subset_site_fonts(tiny_site, tmp_path / "cache")
    kept = cmap(font)
    assert {"É", "é", "ï"} <= kept and fonts.ASCII <= kept | {" "}
    assert not {"ß", "ø"} & kept
    before, after = sizes[font.name]
    assert after == font.stat().st_size < before / 2


def test_a_second_build_takes_the_cut_font_from_the_cache(tiny_site, tmp_path, monkeypatch):
    font = tiny_site / "assets" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2"
    original = font.read_bytes()
    fonts.subset_site_fonts(tiny_site, tmp_path / "cache")
    cut = font.read_bytes()
    font.write_bytes(original)  # a new build copies the full font again
    monkeypatch.setattr(fonts, "subset_woff2", lambda *args: pytest.fail("cut the same font again"))
    fonts.subset_site_fonts(tiny_site, tmp_path / "cache")
    assert font.read_bytes() == cut


def test_an_edited_page_is_checked_again_without_reading_the_data_again(data_copy, monkeypatch):
    import generator.handbook

    cache = data_copy / ".cache" / "build"
    handbook, filled = hooks._load_and_check(data_copy, data_copy / "docs", True, cache)
    page = data_copy / "docs" / "nl" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    monkeypatch.setattr(generator.handbook, "load_handbook", lambda root: pytest.fail("read the data again"))
    again, refilled = hooks._load_and_check(data_copy, data_copy / "docs", True, cache)
    assert again.protocol == handbook.protocol
    assert "Een nieuwe zin." in refilled["nl/about.md"][1] and "Een nieuwe zin." not in filled["nl/about.md"][1]


def test_an_edited_data_file_is_read_again(data_copy, monkeypatch):
    import generator.handbook

    cache = data_copy / ".cache" / "build"
    hooks._load_and_check(data_copy, data_copy / "docs", True, cache)
    mentor = data_copy / "protocol" / "roles" / "mentor.yml"
    text = mentor.read_text(encoding="utf-8")
    assert "nl: Melding ontvangen\n" in text
    mentor.write_text(text.replace("nl: Melding ontvangen\n", "nl: Melding binnengekomen\n", 1), encoding="utf-8")
    loads = []
    real = generator.handbook.load_handbook
    monkeypatch.setattr(generator.handbook, "load_handbook", lambda root: loads.append(root) or real(root))
    _, filled = hooks._load_and_check(data_copy, data_copy / "docs", True, cache)
    assert loads == [data_copy]
    assert "Melding binnengekomen" in filled["nl/roles/mentor.md"][1]


def test_a_font_cut_a_day_later_is_byte_identical(monkeypatch):
    """The cut carries the source font's dates, not the build's: two machines publish the same bytes."""
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = (FONTS / "atkinson-hyperlegible-latin-400-normal.woff2").read_bytes()
    wanted = {ord(c) for c in "Pesten É é"}
    today = fonts.subset_woff2(data, wanted)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 86_400)
    assert fonts.subset_woff2(data, wanted) == today
