"""Precompressed copies of a built site, for a web server to send as they are.

`make build` (generator.build) runs it on the fresh site before it is put in place: beside
every HTML, CSS, JS, JSON, SVG and XML file it writes `<file>.gz` (gzip, level 9) and `<file>.br`
(Brotli, quality 10: 3 % larger than quality 11 and three times faster, about 2 s for the site).
nginx (`gzip_static on; brotli_static on;`) and Apache (mod_rewrite + mod_headers, see README)
then serve them without compressing anything per request. The copies are reproducible (no time
stamp or file name inside) and written atomically. `mkdocs serve` does not make them: its server
would not use them.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

import brotli

from generator.fileio import atomic_write

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml"})
ENCODINGS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=10),
}


def compressible(site_dir: Path) -> list[Path]:
    """Every file of the site a server should send compressed, in a stable order."""
    return sorted(p for p in site_dir.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def compress_file(path: Path) -> list[Path]:
    """Write path.gz and path.br beside path; return them."""
    data = path.read_bytes()
    written = []
    for suffix, compress in ENCODINGS.items():
        written.append(atomic_write(path.with_name(path.name + suffix), compress(data)))
    return written


def compress_site(site_dir: Path) -> list[Path]:
    """Precompress every compressible file of a built site; return the files written."""
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"{site_dir}: found no index.html; expected a built site (run mkdocs build first)")
    return [out for path in compressible(site_dir) for out in compress_file(path)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write .gz and .br copies beside a built site's text files.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    args = parser.parse_args(argv)
    written = compress_site(args.site_dir)
    print(f"{args.site_dir}: {len(written)} precompressed files (.gz and .br)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
