"""The theme's files are walked once per installed theme, and MkDocs gets the same list of static
files from the theme as without it (generator/site/themefiles.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.site import themefiles
from tests.helpers import ROOT


def theme_files(config) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path) for f in files)


@pytest.fixture
def config(tmp_path):
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def test_mkdocs_gets_the_same_theme_files_as_without_the_cache(config, tmp_path):
    plain = theme_files(config)
    assert len(plain) > 20 and any(src.startswith("assets/javascripts/bundle.") for src, _ in plain)
    themefiles.list_once(config.theme, tmp_path)
    assert theme_files(config) == plain  # walked and stored
    themefiles._walked.clear()  # as a new process: read from .cache/theme
    assert theme_files(config) == plain
    assert list((tmp_path / ".cache" / "theme").glob("*.json"))


def test_an_installed_theme_folder_is_walked_once_and_the_projects_own_folder_every_time(config, tmp_path, monkeypatch):
    themefiles.list_once(config.theme, tmp_path)
    theme_files(config)
    walked = []
    real_walk = os.walk
    monkeypatch.setattr(themefiles.os, "walk", lambda folder, *a, **k: walked.append(folder) or real_walk(folder))
    theme_files(config)
    assert [Path(f) for f in walked] == [ROOT / "overrides"]  # Material's 14,500 files: not again


def test_a_file_added_to_the_overrides_while_serving_is_listed_at_once(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "a.css").write_text("a{}", encoding="utf-8")
    assert themefiles.listing([str(overrides)], tmp_path) == ["assets/a.css"]
    (overrides / "assets" / "b.css").write_text("b{}", encoding="utf-8")
    assert themefiles.listing([str(overrides)], tmp_path) == ["assets/a.css", "assets/b.css"]


def test_hidden_names_are_left_out_only_for_a_filter_that_refuses_them(tmp_path):
    folder = tmp_path / "theme"
    (folder / ".icons").mkdir(parents=True)
    (folder / ".icons" / "x.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "main.css").write_text("", encoding="utf-8")
    everything = themefiles.listing([str(folder)], tmp_path, lambda name: True)
    assert everything == [".icons/x.svg", "main.css"]
    assert themefiles.listing([str(folder)], tmp_path, lambda name: not name.startswith(".")) == ["main.css"]
