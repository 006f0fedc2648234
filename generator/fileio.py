"""Files written whole or not at all, and one cache for everything the build may reuse.

- atomic_write(path, data): through a temporary file in the same folder and a rename, so a
  reader (the web server, the next build) sees the old file or the new one, never half of one;
  a failure leaves nothing behind. Every file gets the same permissions: what the umask allows
  for a new file (0644 as usual), not mkstemp's private 0600.
- by_content(read): read(data) remembered in memory by a digest of data, for work a build repeats
  on every page although most pages did not change.
- ContentCache: results kept under <project>/.cache/<kind>/, named by a digest of everything they
  depend on. The digest always holds the environment (`environment()`: the generator's code and
  templates, the Python version, every installed package's version, and the programs and
  libraries outside Python that shape the output: Graphviz's `dot`, Pango, HarfBuzz, fontconfig
  and its fonts, generator.system), so an edited template, a changed renderer, an upgraded
  WeasyPrint or another Graphviz never serves a stale result; the caller adds its own inputs (the
  chart's DOT text, the booklet's pages and the files it may load, a file's bytes). Every cache
  of the build keys on it: this one, the build's pickles (site/buildcache), the forms' manifest
  (forms/builder) and Material's compiled templates (site/templatecache). The cache lives in the
  project being built (the config's folder), not beside the code.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2

from generator import system

GENERATOR = Path(__file__).resolve().parent  # the code and templates that read the data
SITE_PACKAGES = Path(jinja2.__file__).resolve().parents[1]
SKIPPED_DIRS = {"__pycache__"}
SKIPPED_SUFFIXES = (".pyc", ".tmp")
BY_CONTENT_KEEP = 4096
T = TypeVar("T")


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write data (text as UTF-8) to path via a temporary file and a rename; returns path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def files_under(inputs: Iterable[Path]) -> list[Path]:
    """Every file of the given files and folders, in a stable order (no caches, no temporary files)."""
    found = []
    for item in map(Path, inputs):
        if item.is_file():
            found.append(item)
        elif item.is_dir():
            for folder, dirs, names in os.walk(item):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
                found.extend(Path(folder) / n for n in sorted(names) if not n.endswith(SKIPPED_SUFFIXES))
    return found


def installed() -> list[str]:
    """Every installed package and its version, as pip records them ('jinja2-3.1.6.dist-info', …)."""
    return sorted(p.name for p in SITE_PACKAGES.glob("*.dist-info"))


_environment: tuple[object, str] = (None, "")


def environment() -> str:
    """A digest of the generator's code and templates (their bytes), the Python version, the
    installed packages and what outside Python shapes the output (generator.system: `dot`,
    Pango, HarfBuzz, fontconfig's fonts). The code is hashed again only when a file's size or
    time changed, so this costs a folder walk; the system is asked once per build."""
    global _environment
    files = files_under([GENERATOR])
    signature = (
        sys.version,
        installed(),
        system.fingerprint(),
        [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files],
    )
    if _environment[0] != signature:
        digest = hashlib.sha256(repr(signature[:3]).encode())
        for path in files:
            digest.update(str(path.relative_to(GENERATOR)).encode() + b"\0" + path.read_bytes() + b"\0")
        _environment = (signature, digest.hexdigest())
    return _environment[1]


def digest(parts: Iterable[object]) -> str:
    """A digest of key parts: a file counts by its name and bytes, a folder by every file's path
    inside it and bytes (a missing one by its name); bytes and text as they are."""
    hasher = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            hasher.update(b"path\0" + part.name.encode())
            for path in files_under([part]):
                name = path.relative_to(part).as_posix() if path != part else ""
                hasher.update(b"\0file\0" + name.encode() + b"\0" + path.read_bytes())
        elif isinstance(part, bytes):
            hasher.update(b"bytes\0" + part)
        else:
            hasher.update(b"text\0" + str(part).encode("utf-8"))
        hasher.update(b"\0\0")
    return hasher.hexdigest()


@dataclass(frozen=True)
class ContentCache:
    """One kind of cached result of one project: <root>/.cache/<kind>/<prefix><digest><suffix>."""

    folder: Path
    suffix: str = ""
    prefix: str = ""

    def path(self, key_parts: Iterable[object]) -> Path:
        """Where the result for these inputs lives (the environment is always part of the key)."""
        return self.folder / f"{self.prefix}{digest([environment(), *key_parts])[:32]}{self.suffix}"

    def store(self, target: Path, data: bytes) -> None:
        atomic_write(target, data)

    def get_or_make(self, key_parts: Iterable[object], make: Callable[[], bytes]) -> tuple[bytes, bool]:
        """(the cached bytes, False), or (make()'s bytes, True) after storing them."""
        target = self.path(key_parts)
        try:
            data = target.read_bytes()
            os.utime(target)  # used now: keep_latest keeps it
            return data, False
        except FileNotFoundError:
            pass
        data = make()
        self.store(target, data)
        return data, True

    def keep_latest(self, count: int) -> None:
        """Remove all but the `count` most recently written entries."""
        entries = sorted(self.folder.glob(f"{self.prefix}*{self.suffix}"), key=_mtime, reverse=True)
        for old in entries[count:]:
            old.unlink(missing_ok=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:  # removed meanwhile by another build
        return 0


def by_content(read: Callable[[bytes], T]) -> Callable[[bytes], T]:
    """read(data), remembered for this process by a digest of data: what a build finds in a page
    or a script (its classes, its characters) is found again only in the pages that changed.
    Holds the results of the last few thousand different inputs."""
    known: OrderedDict[bytes, T] = OrderedDict()

    @functools.wraps(read)
    def remembered(data: bytes) -> T:
        key = hashlib.sha256(data).digest()
        if key in known:
            known.move_to_end(key)
        else:
            known[key] = read(data)
            if len(known) > BY_CONTENT_KEEP:
                known.popitem(last=False)
        return known[key]

    return remembered


def content_cache(root: Path, kind: str, suffix: str = "") -> ContentCache:
    """The cache of one kind (booklet, flowcharts, build …) of the project at root."""
    return ContentCache(Path(root) / ".cache" / kind, suffix)
