"""The forms in the site: the PDFs, rendered (only what changed) into a cache before the pages
are built, and each form's page, generated from its definition (generator.pages.generated); both
are added to each language's files, so that pages can link to them and MkDocs checks those links.

Their nav is generated too: each form's page goes into the forms section of mkdocs.yml's nav,
after the overview, in the overview's order (the order of use), so a form page has its place in
the menu and a previous and next form. The section keeps Material's shape (the overview is its
index page), so the site's stylesheet can list the forms only while one is open: fourteen
entries on every page would be fourteen more stops for a keyboard reader.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from generator.fileio import atomic_write, content_cache
from generator.forms.output import output_path
from generator.handbook import Handbook
from generator.pages.forms_overview import forms_in_order_of_use
from generator.pages.generated import form_page_markdown, form_page_src
from generator.site.language import site_prefix


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "forms"


# Bytes of each rendered PDF, by (language, form id): the forms overview shows "Download PDF (38 KB)".
SIZES: dict[tuple[str, str], int] = {}


def render_all(handbook: Handbook) -> list[Path]:
    """Render every form in every language into the cache; returns the files written anew."""
    from generator.forms.builder import build_forms  # WeasyPrint and pikepdf: only when rendering

    written = build_forms(handbook, cache_dir(handbook.root), handbook.protocol.codes)
    record_sizes(handbook)
    return written


def render_changed(handbook: Handbook, inputs: list[Path], rendered: list[str], site_dir: str | None = None) -> None:
    """Render the forms whose inputs changed (nothing while the build cache knows them all); with
    site_dir, also put them into that served site (`mkdocs serve` renders them after the pages)."""
    from generator.site import buildcache

    cache = content_cache(handbook.root, "build").folder
    # keep=1: the PDFs in .cache/forms are those of the latest inputs; an undone edit renders again
    buildcache.cached("forms", cache, inputs, lambda: render_all(handbook), rendered, keep=1)
    if site_dir is not None:
        copy_to_site(handbook, Path(site_dir))


def all_rendered(handbook: Handbook) -> bool:
    """Every form has a PDF in the cache (maybe an older one): a page can link to each."""
    out = cache_dir(handbook.root)
    langs = handbook.protocol.codes
    return all(output_path(out, lang, form_id).is_file() for lang in langs for form_id in handbook.forms)


def copy_to_site(handbook: Handbook, site_dir: Path) -> None:
    """Put the forms rendered after the pages (`mkdocs serve`) where the served site has them."""
    for lang in handbook.protocol.codes:
        prefix = site_prefix(lang, handbook.protocol.codes)
        for form_id in handbook.forms:
            source = output_path(cache_dir(handbook.root), lang, form_id)
            target = site_dir / f"{prefix}forms/{form_id}.pdf"
            if source.is_file() and target.parent.is_dir():
                atomic_write(target, source.read_bytes())


def record_sizes(handbook: Handbook) -> None:
    """Note each rendered PDF's size in SIZES (also when a rebuild skipped render_all)."""
    for lang in handbook.protocol.codes:
        for form_id in handbook.forms:
            pdf = output_path(cache_dir(handbook.root), lang, form_id)
            if pdf.exists():
                SIZES[(lang, form_id)] = pdf.stat().st_size


def add_to_files(files: Files, handbook: Handbook, lang: str, config) -> None:
    """forms/<id>.pdf beside the form's page: /forms/<id>.pdf (Dutch), /en/forms/<id>.pdf (English)."""
    prefix = site_prefix(lang, handbook.protocol.codes)
    for form_id in handbook.forms:
        pdf = output_path(cache_dir(handbook.root), lang, form_id)
        file = File(
            f"{lang}/forms/{form_id}.pdf",
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=f"{prefix}forms/{form_id}.pdf",
        )
        file.abs_src_path = str(pdf)
        files.append(file)


def add_pages(files: Files, handbook: Handbook, lang: str, config) -> None:
    """Each form's page in the language being built, placed as mkdocs-static-i18n places a page of
    docs/<lang>/ (it has already sorted the files when this runs), with the other languages'
    pages as its alternates (the language switcher and the sitemap)."""
    added = []
    for form_id in handbook.forms:
        langs = handbook.protocol.codes
        versions = {other: _page_file(config, other, form_id, langs) for other in langs}
        page = versions[lang]
        page.alternates = versions  # what mkdocs-static-i18n gives each page
        page.locale = page.locale_alternate_of = page.localization = lang
        page.norm_src_uri = f"forms/{form_id}.md"
        files.append(page)
        added.append(page)
    plugin = config.plugins.get("i18n")
    sitemap = getattr(plugin, "i18n_files_per_language", {})  # its sitemap lists each language's pages
    if lang in sitemap:
        sitemap[lang] = [*sitemap[lang], *added]


def _page_file(config, lang: str, form_id: str, languages: tuple[str, ...]) -> File:
    prefix = site_prefix(lang, languages)
    name = f"forms/{form_id}"
    dest = f"{name}/index.html" if config.use_directory_urls else f"{name}.html"
    file = File(
        form_page_src(lang, form_id),
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        dest_uri=prefix + dest,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.generated_by = "generator/site/forms.py"
    file.content_string = form_page_markdown(form_id)
    return file


def add_to_nav(nav: Navigation, handbook: Handbook, lang: str, files: Files) -> None:
    """Each form's page after the overview in the nav's forms section (the section whose first
    page is forms/index.md), in the order of use; previous and next links follow the new order."""
    section = next((s for s in _get_by_type(nav.items, Section) if _is_forms_section(s)), None)
    if section is None:
        return  # no forms section in the nav: the pages are reached from the overview and the steps
    order = [form.id for group in forms_in_order_of_use(handbook.protocol) for form in group.forms]
    order += sorted(set(handbook.forms) - set(order))
    for form_id in order:
        page = files.get_file_from_path(form_page_src(lang, form_id)).page
        page.parent = section
        section.children.append(page)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)


def _is_forms_section(section: Section) -> bool:
    first = section.children[0] if section.children else None
    return isinstance(first, Page) and first.file.src_uri.endswith("forms/index.md")
