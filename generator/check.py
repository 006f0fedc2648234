"""Everything the build checks before it writes anything, in one place.

check_handbook() is called by the build (on_config, before MkDocs cleans site/) and by
`python -m generator check`, so both refuse the same inputs with the same one-line messages:
the protocol data (generator.loader), the form definitions (generator.forms), the pages under
docs/ (generator.pages.pagecheck) and every page's markers, filled once (generator.pages.markers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data as get_front_matter

from generator.errors import DataError, Problem
from generator.loader import load_protocol
from generator.model import Protocol
from generator.pages.context import PageContext
from generator.pages.markers import fill_markers
from generator.pages.pagecheck import page_problems
from generator.site.language import split_src


@dataclass(frozen=True)
class Handbook:
    protocol: Protocol
    definitions: dict
    filled: dict[str, tuple[str, str]]  # docs src -> (markdown as MkDocs reads it, markers filled)


def check_handbook(root: Path, docs_dir: Path | None = None, directory_urls: bool = True) -> Handbook:
    """The checked handbook, or DataError listing every problem found."""
    from generator.forms import load_definitions  # the forms package is only needed from here on
    from generator.forms.labels import load_labels

    root = Path(root)
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    problems: list[Problem] = []
    protocol = definitions = None
    try:
        protocol = load_protocol(root)
    except DataError as exc:
        problems.extend(exc.problems)
    try:
        definitions = load_definitions(root)
    except DataError as exc:
        problems.extend(exc.problems)
    try:
        load_labels(root)  # forms/labels.yml: the words on every form
    except DataError as exc:
        problems.extend(exc.problems)
    pages, found = page_problems(docs_dir)
    problems.extend(found)
    if problems:
        raise DataError(problems)
    filled = {}
    for page in pages:
        lang, path = split_src(page.src)
        ctx = PageContext(
            protocol, lang, path, pdfs=True, form_definitions=definitions, directory_urls=directory_urls, root=root
        )
        markdown, _ = get_front_matter(page.text)  # as MkDocs hands it to pages
        try:
            filled[page.src] = (markdown, fill_markers(markdown, ctx, page.file))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(list(dict.fromkeys(problems)))  # the same problem met on many pages: once
    return Handbook(protocol, definitions, filled)
