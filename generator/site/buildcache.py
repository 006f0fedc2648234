"""The checked data and filled pages of the last build, reused while nothing they come from changed.

Loading and validating the protocol and form data and filling every page's markers is the
largest part of a rebuild with nothing changed, and its result depends only on files in the
project: the data (protocol/, forms/), the pages (docs/), mkdocs.yml, and the code and templates
that read them (generator/). `cached` keys a result on the bytes of all those files (and the
Python version and every installed package's version); while the key is the same the pickled result in .cache/build/ is
returned, and any change to any of them computes it anew. A computation that fails (broken data)
stores nothing, so the error shows again on every build until it is fixed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import jinja2

T = TypeVar("T")
SKIPPED = {"__pycache__"}
KEEP = 4  # entries per kind
SITE_PACKAGES = Path(jinja2.__file__).resolve().parents[1]


def installed() -> list[str]:
    """Every installed package and its version, as pip records them ('jinja2-3.1.6.dist-info', …)."""
    return sorted(p.name for p in SITE_PACKAGES.glob("*.dist-info"))


def _files(inputs: Iterable[Path]) -> list[Path]:
    found = []
    for item in inputs:
        if item.is_file():
            found.append(item)
        elif item.is_dir():
            for folder, dirs, names in os.walk(item):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED)
                found.extend(Path(folder) / n for n in sorted(names) if not n.endswith((".pyc", ".tmp")))
    return found


def key(inputs: Iterable[Path], *extra: object) -> str:
    """A digest of every input file's path and bytes, the extra values, Python and package versions."""
    digest = hashlib.sha256(repr((sys.version, installed(), extra)).encode())
    for path in _files(inputs):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached(kind: str, cache_dir: Path, inputs: Iterable[Path], compute: Callable[[], T], *extra: object) -> T:
    """compute(), or its result from the last call with the same inputs and extra values."""
    target = cache_dir / f"{kind}-{key(inputs, *extra)}.pickle"
    if target.is_file():
        try:
            return pickle.loads(target.read_bytes())
        except Exception:  # an unreadable or outdated pickle: compute anew
            pass
    value = compute()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, target)
    # The few latest entries of a kind stay (the site and the offline build differ in their
    # settings and take turns); older ones go, so the cache does not grow.
    entries = sorted(cache_dir.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
    return value
