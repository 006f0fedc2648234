"""The checked data and filled pages of the last build, reused while nothing they come from changed.

Loading and validating the protocol and form data and filling every page's markers is the
largest part of a rebuild with nothing changed, and its result depends only on files in the
project: the data (protocol/, forms/), the pages (docs/), mkdocs.yml, and the code and templates
that read them. `cached` keys a result on the bytes of the given input files and the extra values;
generator.fileio adds the code, the templates, the Python version and every installed package's
version. While the key is the same the pickled result in .cache/build/ is returned, and any change
to any of them computes it anew. A computation that fails (broken data) stores nothing, so the
error shows again on every build until it is fixed.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from generator.fileio import ContentCache

T = TypeVar("T")
KEEP = 4  # entries per kind


def cached(
    kind: str, cache_dir: Path, inputs: Iterable[Path], compute: Callable[[], T], *extra: object, keep: int = KEEP
) -> T:
    """compute(), or its result from the last call with the same inputs and extra values. `keep`: how
    many entries of the kind stay; 1 for work done for its effect on other files (rendering the
    forms), which only the latest inputs describe: after an edit is undone, the earlier entry
    must not say the files are up to date, since they were made for the edit."""
    cache = ContentCache(Path(cache_dir), ".pickle", prefix=f"{kind}-")
    target = cache.path([*map(Path, inputs), repr(extra)])
    if target.is_file():
        try:
            return pickle.loads(target.read_bytes())
        except Exception:  # an unreadable or outdated pickle: compute anew
            pass
    value = compute()
    cache.store(target, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    # The few latest entries of a kind stay (the site and the offline build differ in their
    # settings and take turns); older ones go, so the cache does not grow.
    cache.keep_latest(keep)
    return value
