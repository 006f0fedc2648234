"""Files are written whole or not at all, with the same permissions everywhere; cached results are
keyed on everything that makes them, the code and templates included (generator/fileio.py)."""

from __future__ import annotations

import os
import stat

import pytest

from generator import fileio


def test_a_written_file_is_whole_and_readable_by_the_web_server(tmp_path):
    target = fileio.atomic_write(tmp_path / "site" / "a" / "page.html", "<p>één</p>")
    assert target.read_text(encoding="utf-8") == "<p>één</p>"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # not mkstemp's private 0600
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = fileio.atomic_write(tmp_path / "index.json", b"old")

    def full(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full)
    with pytest.raises(OSError, match="No space"):
        fileio.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.json"]


def test_the_cache_lives_in_the_project_being_built(tmp_path):
    cache = fileio.content_cache(tmp_path, "booklet", ".pdf")
    data, made = cache.get_or_make(["nl", "pages"], lambda: b"%PDF-1")
    assert made and data == b"%PDF-1"
    assert [p.relative_to(tmp_path).parts[:2] for p in (tmp_path / ".cache").rglob("*.pdf")] == [(".cache", "booklet")]
    assert cache.get_or_make(["nl", "pages"], lambda: pytest.fail("made again")) == (b"%PDF-1", False)


def test_an_edited_template_or_module_makes_the_cached_result_anew(tmp_path, monkeypatch):
    code = tmp_path / "generator"
    (code / "templates").mkdir(parents=True)
    template = code / "templates" / "booklet.html.j2"
    template.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    monkeypatch.setattr(fileio, "GENERATOR", code)
    cache = fileio.content_cache(tmp_path, "booklet", ".pdf")
    made = []
    cache.get_or_make(["nl"], lambda: made.append(1) or b"first")
    template.write_text("<h1 class=cover>{{ title }}</h1>", encoding="utf-8")  # the stale-booklet bug
    assert cache.get_or_make(["nl"], lambda: made.append(2) or b"second") == (b"second", True)
    (code / "booklet.py").write_text("# changed", encoding="utf-8")
    assert cache.get_or_make(["nl"], lambda: made.append(3) or b"third") == (b"third", True)
    assert made == [1, 2, 3]


def test_a_changed_input_file_or_folder_changes_the_key(tmp_path):
    (tmp_path / "css").mkdir()
    sheet = tmp_path / "css" / "booklet.css"
    sheet.write_text("body {}", encoding="utf-8")
    keys = {fileio.digest([tmp_path / "css"]), fileio.digest([sheet])}
    sheet.write_text("body { margin: 0 }", encoding="utf-8")
    keys |= {fileio.digest([tmp_path / "css"]), fileio.digest([sheet])}
    (tmp_path / "css" / "extra.css").write_text("", encoding="utf-8")
    keys.add(fileio.digest([tmp_path / "css"]))
    assert len(keys) == 5


def test_only_the_latest_entries_are_kept(tmp_path):
    cache = fileio.content_cache(tmp_path, "flowcharts", ".svg")
    for n in range(6):
        path = cache.path([n])
        cache.store(path, b"<svg/>")
        os.utime(path, ns=(n * 10**9, n * 10**9))
    cache.keep_latest(2)
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(cache.path([n]).name for n in (4, 5))


def test_by_content_reads_each_different_input_once_and_forgets_the_oldest():
    read = []
    remembered = fileio.by_content(lambda data: read.append(data) or data.upper())
    assert remembered(b"page one") == b"PAGE ONE" and remembered(b"page one") == b"PAGE ONE"
    assert remembered(b"page two") == b"PAGE TWO"
    assert read == [b"page one", b"page two"]


def test_by_content_keeps_only_the_latest_inputs(monkeypatch):
    monkeypatch.setattr(fileio, "BY_CONTENT_KEEP", 2)
    read = []
    remembered = fileio.by_content(lambda data: read.append(data) or len(data))
    for data in (b"a", b"bb", b"a", b"ccc", b"bb"):  # "a" used again, so "bb" is the oldest when "ccc" comes
        remembered(data)
    assert read == [b"a", b"bb", b"ccc", b"bb"]
