"""The theme's file list, walked once per installed theme instead of on every build of every language.

Each build asks the theme's Jinja environment for every file in the theme folders
(`Files.add_files_from_theme` -> `env.list_templates(filter_func)`) and copies the static ones. For
Material that walk meets about 14,500 files, 14,000 of them icons under the hidden `.icons` folder,
and MkDocs's filter then looks at each name only to drop every hidden one: about a fifth of a
no-change rebuild, twice (once per language).

`list_once(theme)` wraps the theme's `get_env` so that its environment's `list_templates`
- reads an installed theme folder (inside site-packages) from .cache/theme, a list kept per
  installed package versions (generator.fileio's environment key), and walks it only when that
  list is missing; the project's own folders (overrides/) are walked every time, as they may
  change while serving;
- when given a filter that refuses hidden names, as MkDocs's does, leaves hidden names out before
  filtering, which gives the same list with about 500 filter calls instead of 14,500.
The result is the list MkDocs would get; tests/site/test_themefiles.py compares the two.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from generator.fileio import SITE_PACKAGES, content_cache

HIDDEN_SAMPLES = (".icons/x.svg", "a/.hidden/x.css", ".x")

_walked: dict[str, list[str]] = {}  # installed folder -> its files, for this process


def _walk(folder: str) -> list[str]:
    """Every file under folder, as a template name ('a/b.css'), as jinja2's FileSystemLoader lists it."""
    names = []
    for dirpath, _, filenames in os.walk(folder):
        for filename in filenames:
            names.append(os.path.join(dirpath, filename)[len(folder) :].strip(os.sep).replace(os.sep, "/"))
    return names


def _installed(folder: str, root: Path) -> list[str]:
    if folder not in _walked:
        cache = content_cache(root, "theme", ".json")
        target = cache.path([folder])
        try:
            _walked[folder] = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _walked[folder] = _walk(folder)
            cache.store(target, json.dumps(_walked[folder]).encode("utf-8"))
    return _walked[folder]


def _is_installed(folder: str) -> bool:
    return Path(folder).resolve().is_relative_to(SITE_PACKAGES)


def _hidden(name: str) -> bool:
    return name.startswith(".") or "/." in name


def listing(folders: list[str], root: Path, filter_func: Callable[[str], bool] | None = None) -> list[str]:
    """What jinja2's Environment.list_templates(filter_func=…) returns for these folders."""
    found: set[str] = set()
    for folder in folders:
        found.update(_installed(folder, root) if _is_installed(folder) else _walk(folder))
    names = sorted(found)
    if filter_func is None:
        return names
    if not any(filter_func(sample) for sample in HIDDEN_SAMPLES):
        names = [name for name in names if not _hidden(name)]
    return [name for name in names if filter_func(name)]


def list_once(theme, root: Path) -> None:
    """Make the theme's environments list their files through `listing` (idempotent)."""
    original = theme.get_env
    if getattr(original, "lists_once", False):
        return

    def get_env():
        env = original()
        folders = list(env.loader.searchpath)

        def list_templates(extensions=None, filter_func=None):
            if extensions is not None:  # not what MkDocs asks; jinja2's own answer
                return type(env).list_templates(env, extensions, filter_func)
            return listing(folders, root, filter_func)

        env.list_templates = list_templates
        return env

    get_env.lists_once = True
    theme.get_env = get_env
