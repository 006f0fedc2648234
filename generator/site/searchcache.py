"""Material's search entries of a page, reused while the page is the same.

Material's search plugin reads every built page again with Python's HTML parser to cut it into
sections (`SearchIndex.add_entry_from_context`, on every page of every build): about a seventh of
a no-change rebuild, and as much again while serving, where one edit changes one page or a few.
`remember(config, root)`, called when a language's build starts, wraps that method of the
plugin's index: a page whose URL, title, HTML, table of contents and search settings are the same
as in an earlier build gets the entries it got then; any other page is read by Material as
always. The entries are kept in memory (serving) and in .cache/search (the next `mkdocs build`),
under a key that also holds the code and every installed package's version (generator.fileio).
`save(root)` writes the entries this build used, so the file does not grow.
tests/site/test_searchcache.py compares a built index with the cache and without it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from generator.fileio import content_cache, digest

_known: dict[str, list[dict]] = {}  # page key -> its entries, from earlier builds
_used: dict[str, list[dict]] = {}  # page key -> its entries, this build
_loaded: set[Path] = set()


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def page_key(page) -> str:
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    parts = [page.url, str(page.title), page.content, _toc(page.toc), meta]
    return digest([json.dumps(parts, default=str, sort_keys=True)])


def _cache_file(root: Path) -> Path:
    return content_cache(root, "search", ".json").path(["entries"])


def remember(config, root: Path) -> None:
    """Wrap this language's search index (idempotent); a site without the search plugin: nothing."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if index is None or getattr(index.add_entry_from_context, "remembers", False):
        return
    if root not in _loaded:
        _loaded.add(root)
        try:
            _known.update(json.loads(_cache_file(root).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    read = index.add_entry_from_context

    def add_entry_from_context(page):
        key = page_key(page)
        if key in _known:
            index.entries.extend(copy.deepcopy(_known[key]))
        else:
            first = len(index.entries)
            read(page)
            _known[key] = copy.deepcopy(index.entries[first:])
        _used[key] = _known[key]

    add_entry_from_context.remembers = True
    index.add_entry_from_context = add_entry_from_context


def save(root: Path) -> None:
    """Keep the entries of this build's pages for the next build; forget the rest."""
    if not _used:
        return
    cache = content_cache(root, "search", ".json")
    cache.store(_cache_file(root), json.dumps(_used, ensure_ascii=False).encode("utf-8"))
    cache.keep_latest(2)
    _known.clear()
    _known.update(_used)
    _used.clear()
