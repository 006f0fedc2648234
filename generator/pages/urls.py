"""URLs for raw HTML (charts, the helper, download buttons), which MkDocs does not rewrite.

They must be what the browser will resolve: with directory URLs (the served site) roles/mentor.md
is at roles/mentor/, without them (the offline build for file shares) at roles/mentor.html.
MkDocs' own `get_relative_url` does the path arithmetic. MkDocs' `File`/`Page` objects are not
used: the markers are filled in on_config, before MkDocs has made them, so that a broken data file
stops the build before anything is written.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url


def page_url(page: str, directory_urls: bool = True) -> str:
    """'roles/mentor.md' -> 'roles/mentor/' (or 'roles/mentor.html'); 'index.md' -> '' (or 'index.html')."""
    if not page.endswith(".md"):
        raise ValueError(f"found the page path {page!r}; expected a Markdown file such as 'roles/mentor.md'")
    stem = page[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(page: str, target: str, anchor: str | None = None, directory_urls: bool = True) -> str:
    """From the page (a .md path) to a target in the same language tree: a .md page or any other file."""
    here = page_url(page, directory_urls)
    there = page_url(target, directory_urls) if target.endswith(".md") else target
    fragment = f"#{anchor}" if anchor else ""
    if here == there:
        return fragment or "./"
    path = get_relative_url(there or "./", here or "./")
    if (there.endswith("/") or not there) and not path.endswith("/"):
        path += "/"  # a folder stays a folder: '../mentor/', not '../mentor'
    return path + fragment
