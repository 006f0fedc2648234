"""`make build` writes .gz and .br copies beside every text file of the site
(generator/site/compress.py), and each one unpacks to exactly its original."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import brotli
import pytest

from generator.site.compress import SUFFIXES, compress_site, compressible


@pytest.fixture(scope="module")
def compressed_site(built_site: Path, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("compressed") / "site"
    shutil.copytree(built_site, copy)
    compress_site(copy)
    return copy


def test_every_html_css_js_json_svg_and_xml_file_gets_a_gz_and_a_br_copy(compressed_site):
    originals = compressible(compressed_site)
    assert {p.suffix for p in originals} >= {".html", ".css", ".js", ".json", ".xml"}
    missing = [
        str(p.relative_to(compressed_site)) + suffix
        for p in originals
        for suffix in (".gz", ".br")
        if not p.with_name(p.name + suffix).is_file()
    ]
    assert not missing, missing[:20]


def test_each_compressed_copy_unpacks_to_its_original(compressed_site):
    for path in compressible(compressed_site):
        original = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original, path


def test_pdfs_and_fonts_are_left_uncompressed(compressed_site):
    others = [p for p in compressed_site.rglob("*") if p.is_file() and p.suffix in (".pdf", ".woff2")]
    assert others
    assert not [p for p in others if p.with_name(p.name + ".gz").exists()]
    assert ".pdf" not in SUFFIXES


def test_compressing_twice_gives_the_same_bytes(compressed_site):
    page = compressed_site / "index.html"
    before = [page.with_name(page.name + s).read_bytes() for s in (".gz", ".br")]
    compress_site(compressed_site)
    assert [page.with_name(page.name + s).read_bytes() for s in (".gz", ".br")] == before
    assert not list(compressed_site.rglob("*.gz.gz")), "a second run must not compress its own output"


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path):
    (tmp_path / "notes.html").write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(SystemExit, match="expected a built site"):
        compress_site(tmp_path)
    assert not list(tmp_path.glob("*.gz"))
