"""WeasyPrint, made safe for text from the data: it reads only the project's own files.

Every PDF the project makes (the booklet, the forms) is rendered with
- ProjectFetcher: a URL fetcher that serves `file:` URLs inside the folders it is given (the
  stylesheets, fonts and images of the project) and refuses everything else: no network, no
  `file:` outside those folders, no `data:` URLs. A refused URL is recorded in `refused` and is,
  to WeasyPrint, a resource that failed to load (a warning; the forms render strictly, so there
  it stops the render).
- fonts(): WeasyPrint's font configuration, whose temporary `weasyprint-*` folder (the
  @font-face files) is removed when the render ends, not whenever the object is collected.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit


def project_fetcher(*allowed: Path):
    """A WeasyPrint URL fetcher that reads files under `allowed` and nothing else."""
    from weasyprint.urls import URLFetcher  # imported late: WeasyPrint is slow to import

    class ProjectFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)
            self.allowed = [Path(a).resolve() for a in allowed]
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if self.permits(url):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"not one of the project's own files: {url}")

        def permits(self, url: str) -> bool:
            parts = urlsplit(url)
            if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
                return False
            path = Path(unquote(parts.path)).resolve()
            return path.is_file() and any(path.is_relative_to(folder) for folder in self.allowed)

    return ProjectFetcher()


@contextmanager
def fonts() -> Iterator[object]:
    """A FontConfiguration whose temporary folder is gone when the block ends."""
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    try:
        yield config
    finally:
        folder = getattr(config, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
