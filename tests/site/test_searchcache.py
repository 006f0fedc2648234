"""A page's search entries are read by Material once and reused while the page is the same, in this
process and by the next build (generator/site/searchcache.py); Material's own index is the reference."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from generator.site import searchcache

CONTENT = '<h1 id="mentor">Mentor</h1><p>Eerst praten.</p><h2 id="stap-1">1. Melding</h2><p>Neem het serieus.</p>'


def page(content: str = CONTENT, url: str = "roles/mentor/", meta: dict | None = None):
    toc = [SimpleNamespace(id="stap-1", url="#stap-1", title="1. Melding", children=[])]
    return SimpleNamespace(url=url, title="Mentor", content=content, toc=toc, meta=meta or {})


def build(root, pages, reads):
    """One language's build: a new index, wrapped as the hook does; returns its entries."""
    index = SearchIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    read = index.add_entry_from_context

    def counted(p):
        reads.append(p.url)
        read(p)

    index.add_entry_from_context = counted
    config = SimpleNamespace(plugins={"material/search": SimpleNamespace(search_index=index)})
    searchcache.remember(config, root)
    for p in pages:
        index.add_entry_from_context(p)
    return index.entries


def material(pages) -> list[dict]:
    index = SearchIndex(lang=["nl"], separator=" ", pipeline=[], fields={})
    for p in pages:
        index.add_entry_from_context(p)
    return index.entries


def new_process() -> None:
    """What a new `mkdocs build` process starts with: nothing remembered, nothing read from disk."""
    for remembered in (searchcache._known, searchcache._used, searchcache._loaded):
        remembered.clear()


@pytest.fixture(autouse=True)
def fresh_process():
    new_process()
    yield
    new_process()


def test_an_unchanged_page_gets_materials_entries_without_being_read_again(tmp_path):
    reads = []
    first = build(tmp_path, [page()], reads)
    assert first == material([page()]) and len(first) == 2
    second = build(tmp_path, [page()], reads)
    assert second == first and reads == ["roles/mentor/"]  # read by Material once


def test_a_changed_page_is_read_again(tmp_path):
    reads = []
    build(tmp_path, [page()], reads)
    changed = page(CONTENT.replace("serieus", "altijd serieus"))
    assert build(tmp_path, [changed], reads) == material([changed])
    assert len(reads) == 2


@pytest.mark.parametrize(
    "other", [page(url="roles/teacher/"), page(meta={"search": {"exclude": True}}), page(meta={"tags": ["x"]})]
)
def test_the_url_and_the_search_settings_are_part_of_what_makes_a_page_the_same(tmp_path, other):
    reads = []
    build(tmp_path, [page()], reads)
    assert build(tmp_path, [other], reads) == material([other])
    assert len(reads) == 2


def test_the_next_build_reads_the_entries_from_the_cache_not_the_pages(tmp_path):
    reads = []
    first = build(tmp_path, [page()], reads)
    searchcache.save(tmp_path)
    assert list((tmp_path / ".cache" / "search").glob("*.json"))
    new_process()
    assert build(tmp_path, [page()], reads) == first
    assert reads == ["roles/mentor/"]


def test_entries_handed_out_are_copies(tmp_path):
    reads = []
    build(tmp_path, [page()], reads)[0]["title"] = "changed by i18n"
    assert build(tmp_path, [page()], reads) == material([page()])
