"""Everything the build checks before it writes anything, in one place.

check_handbook() is called by the build (on_config, before MkDocs cleans site/) and by
`python -m generator check`, so both refuse the same inputs with the same one-line messages:
all the data, read once (generator.handbook: protocol, forms, labels, glossary), mkdocs.yml (its
languages, its nav against the pages, and the settings that would put markup or another website on
every page: generator.siteconfig), the pages under docs/ (generator.pages.pagecheck; no HTML and
only safe links: generator.pages.pagehtml), no symbolic link out of the project
(generator.symlinks), every page's markers, filled once (generator.pages.markers), and on the
filled pages the links to a page or file (generator.pages.links: where a step's body holds the
link, the step is named) and to a section (generator.pages.anchors): what MkDocs' strict build
would refuse after it has begun writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data as get_front_matter

from generator.errors import DataError, Problem
from generator.handbook import Handbook, form_files, load_handbook
from generator.languages import codes
from generator.languages import read as read_languages
from generator.model import Protocol
from generator.pages.anchors import anchor_problems
from generator.pages.context import PageContext
from generator.pages.generated import form_pages
from generator.pages.links import link_problems
from generator.pages.markers import fill_markers
from generator.pages.pagecheck import page_problems
from generator.pages.pagehtml import page_html_problems
from generator.site.language import split_src
from generator.siteconfig import site_problems
from generator.symlinks import refuse_outside_links


@dataclass(frozen=True)
class Checked:
    handbook: Handbook
    filled: dict[str, tuple[str, str]]  # docs src -> (markdown as MkDocs reads it, markers filled)

    @property
    def protocol(self) -> Protocol:
        return self.handbook.protocol


def check_handbook(
    root: Path,
    docs_dir: Path | None = None,
    directory_urls: bool = True,
    load: Callable[[Path], Handbook] = load_handbook,
) -> Checked:
    """The checked handbook and its filled pages, or DataError listing every problem found.
    `load` reads the data: load_handbook, or the build's cached copy of its result while the data
    files are unchanged (an edited page then checks only the pages)."""
    root = Path(root)
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    refuse_outside_links(root, [docs_dir])  # before any file is read: no file from outside the project
    languages = codes(read_languages(root))  # settings.yml's `languages:`: one line when it is broken
    problems: list[Problem] = []
    handbook = None
    try:
        handbook = load(root)
    except DataError as exc:
        problems.extend(exc.problems)
    generated = form_pages(form_files(root), languages)  # each form's page is made from its definition
    pages, found = page_problems(docs_dir, generated, languages)
    problems.extend(found)
    problems.extend(page_html_problems(pages, root))  # Markdown, not HTML: generator.pages.pagehtml
    problems.extend(site_problems(root, docs_dir, [page.src for page in pages if page.src not in generated], languages))
    if problems:
        raise DataError(problems)
    filled = {}
    for page in pages:
        lang, path = split_src(page.src, languages)
        ctx = PageContext(handbook.protocol, lang, path, pdfs=True, directory_urls=directory_urls, handbook=handbook)
        markdown, _ = get_front_matter(page.text)  # as MkDocs hands it to pages
        try:
            filled[page.src] = (markdown, fill_markers(markdown, ctx, page.file))
        except DataError as exc:
            problems.extend(exc.problems)
    if not problems:  # links: on the filled pages, whose links and sections are known now
        files = {page.src: page.file for page in pages}
        known = site_files(docs_dir, generated, handbook)
        written = {page.src: page.text for page in pages}
        linked = {src: (files[src], written[src], text) for src, (_, text) in filled.items()}
        problems.extend(link_problems(linked, known, handbook.protocol))
        problems.extend(anchor_problems({src: (files[src], text) for src, (_, text) in filled.items()}))
    if problems:
        raise DataError(list(dict.fromkeys(problems)))  # the same problem met on many pages: once
    return Checked(handbook, filled)


def site_files(docs_dir: Path, generated: dict, handbook: Handbook) -> set[str]:
    """Every file a page may link to, by its docs src: the files under docs/, the generated form
    pages, and each form's PDF beside its page (generator.site.forms)."""
    files = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()}
    pdfs = {f"{lang}/forms/{form_id}.pdf" for lang in handbook.protocol.codes for form_id in handbook.forms}
    return files | set(generated) | pdfs
