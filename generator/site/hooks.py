"""MkDocs hooks (listed under `hooks:` in mkdocs.yml). Thin: each event calls one concern.

- on_startup / on_shutdown: under `mkdocs serve`, the PDFs are made after the pages (background.py).
- on_serve: a saved file is reported by the system at once, not found by polling (watching.py);
  a refused edit shows its one-line problems in the browser until it is repaired (serveerrors.py).
- on_config: refuse a symbolic link out of the project (generator/symlinks.py); load and
  validate the protocol data and every page's markers, and render the PDF forms that changed
  into .cache/forms, before anything is written to the site (a broken file stops the build with
  one line per problem, and site/ is left as it was); give mkdocs-static-i18n, the theme and
  search the data's languages (plugins.py: mkdocs.yml names none).
- on_page_markdown: fill the page's markers from the data.
- on_post_page: English pages search their own index; Material's invalid markup is made valid;
  a Content-Security-Policy in every page, the 404 pages too (csp.py).
- on_files: add the rendered PDF forms and the generated form pages of the language being built.
- on_env: Material's templates compiled once, kept in .cache/jinja (not on every build).
- on_nav / on_page_content: remember each language's pages in navigation order, for the booklet;
  record which stylesheets and scripts each page needs; refuse a page whose HTML breaks the rule
  (article.py: no script, outside request or unsafe link, whatever put it there).
- on_post_build: once every language is built, split the search index per language, print
  the booklet of each language, write the palette stylesheet, leave out Material's rules for
  classes no page uses, and cut the web fonts down to the characters the pages use; then refuse
  the build if any page or PDF shows a reader something that is not prose (prose.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator import PRODUCT, booklet, school, symlinks, system
from generator.errors import DataError
from generator.fileio import content_cache
from generator.forms.output import FormBuildError
from generator.forms.render import templates_dir
from generator.handbook import Handbook
from generator.pages.context import PageContext
from generator.pages.markers import fill_markers
from generator.site import (
    article,
    assets,
    background,
    buildcache,
    csp,
    edition,
    fonts,
    forms,
    markup,
    meta,
    notfound,
    palette,
    plugins,
    product,
    prose,
    search,
    serveerrors,
    skiplink,
    templatecache,
    themecss,
    watching,
)
from generator.site.language import current_build_language, split_src


@dataclass
class _Build:
    """What one build (all its languages) carries from event to event."""

    config_id: int  # mkdocs-static-i18n runs on_config again for each further language: same config
    handbook: Handbook  # all the data, read and checked once (generator.handbook)
    filled: dict[str, tuple[str, str]]  # docs src -> (its Markdown, markers filled), from on_config
    palette_css: str  # the trimmed palette stylesheet, written after the build
    order: dict[str, list[str]] = field(default_factory=dict)  # lang -> page paths in nav order
    chapters: dict[str, dict[str, booklet.Chapter]] = field(default_factory=dict)  # lang -> path -> page
    not_found: dict[str, str] = field(default_factory=dict)  # lang -> its rendered 404 page
    # PDF work handed to background.run once every page is written: (label, function, *args)
    after_pages: list[tuple] = field(default_factory=list)


_build: _Build | None = None


def on_config(config):
    global _build
    root = Path(config.config_file_path).parent
    if _build is not None and _build.config_id == id(config):
        # mkdocs-static-i18n runs on_config again for each further language: the school's title,
        # description, colours and logo in that language (settings.yml; generator.school)
        school.apply(config, _build.handbook.protocol.settings, current_build_language(config))
        return config
    system.forget()  # a new build: `dot` and the fonts asked again for the cache keys (fileio)
    # Both steps are skipped while none of their inputs changed (buildcache: data, pages; the
    # code, templates, packages, Graphviz, Pango and fonts are always part of the key: fileio).
    try:
        # no file from outside the project: not even read (the check below also walks docs/)
        docs, config_file = Path(config.docs_dir), Path(config.config_file_path)
        theme_dir = config.theme.custom_dir or root / "overrides"
        symlinks.refuse_outside_links(root, [docs, theme_dir, product.assets_dir(docs)])
        handbook, filled = checked_pages(root, docs, config_file, config.use_directory_urls)
        rendered = sorted(p.relative_to(root).as_posix() for p in forms.cache_dir(root).rglob("*.pdf"))
        # and, as for every cache, the environment; for a school in examples/, the product's
        # print.css, fonts and templates (generator.product_path) too
        product_forms = [p for p in (handbook.forms_dir, templates_dir(root)) if not p.is_relative_to(root)]
        form_inputs = [root / "protocol", root / "forms", *product_forms]
        later = []
        if background.serving() and forms.all_rendered(handbook):
            # `mkdocs serve` after an edit: the pages now, the changed forms once they are written.
            later.append(("the PDF forms", forms.render_changed, handbook, form_inputs, rendered, config.site_dir))
        else:
            forms.render_changed(handbook, form_inputs, rendered)
        forms.record_sizes(handbook)  # for the forms overview, also when render_all was skipped
        # The forms overview shows each PDF's size: filled again (on_page_markdown) now that they exist.
        filled = {src: pair for src, pair in filled.items() if "protocol:forms-list" not in pair[0]}
    except DataError as exc:
        raise PluginError(f"The protocol data or a page is broken; nothing was written.\n{exc}") from None
    except FormBuildError as exc:
        raise PluginError(f"A form could not be rendered; nothing was written.\n{exc}") from None
    protocol = handbook.protocol
    # The first build is the default language's (the first of settings.yml): before the palette below
    school.apply(config, protocol.settings, protocol.default_language)
    # The languages of settings.yml into mkdocs-static-i18n, Material and search, with the words
    # mkdocs.yml had per language (nav sections, palette toggles) from labels.yml (plugins.py).
    plugins.configure_languages(config, protocol)
    # Words for the theme overrides (404 page, "report a problem" link), in every language.
    config.extra["labels"] = {key: dict(text) for key, text in protocol.labels.items()}
    config.extra["editor_email"] = protocol.settings.editor_email
    config.extra["default_language"] = protocol.default_language  # at / (overrides: 404, switcher)
    config.extra["edition"] = edition.edition_lines(protocol)  # footer and printed pages
    # Material's palette stylesheet cut to the site's colours (overrides/main.html links it).
    material_css, site_css, palette_css = palette.site_palette(config.theme.get("palette"))
    config.extra["palette_css"] = {"material": material_css, "site": site_css}
    _build = _Build(id(config), handbook, filled, palette_css, after_pages=later)
    return config


def checked_pages(root: Path, docs_dir: Path, config_file: Path, directory_urls: bool) -> tuple[Handbook, dict]:
    """The checked data and filled pages (check_handbook), or the build cache's copy while none of
    their inputs changed: the data, the pages, mkdocs.yml, the site's kind of links, and, as for
    every cache, the environment (generator.fileio: code, packages, Graphviz, Pango, fonts)."""
    cache = content_cache(root, "build").folder
    inputs = [root / "protocol", root / "forms", docs_dir, config_file]
    if root.resolve() != PRODUCT:  # a school in examples/: its mkdocs.yml inherits the product's
        inputs.append(PRODUCT / config_file.name)
    return buildcache.cached(
        "checked", cache, inputs, lambda: _load_and_check(root, docs_dir, directory_urls, cache), directory_urls
    )


def _load_and_check(root: Path, docs_dir: Path, directory_urls: bool, cache: Path):
    from generator.check import check_handbook  # its imports (the schema checker): only on a change
    from generator.handbook import load_handbook

    def load(root: Path) -> Handbook:  # the data alone: kept while only pages (docs/) changed
        return buildcache.cached("handbook", cache, [root / "protocol", root / "forms"], lambda: load_handbook(root))

    checked = check_handbook(root, docs_dir, directory_urls, load)
    return checked.handbook, checked.filled


def on_page_markdown(markdown, page, config, files):
    before, after = _build.filled.get(page.file.src_uri, (None, None))
    if before is not None and markdown.rstrip() == before.rstrip():  # it arrives without its last newline
        return after  # filled while checking every page in on_config
    lang, path = split_src(page.file.src_uri, _build.handbook.protocol.codes)
    ctx = PageContext(
        _build.handbook.protocol,
        lang,
        path,
        pdfs=True,
        directory_urls=config.use_directory_urls,
        handbook=_build.handbook,
    )
    try:
        return fill_markers(markdown, ctx, f"docs/{page.file.src_uri}")
    except DataError as exc:
        raise PluginError(str(exc)) from None


def on_startup(command, dirty):
    background.set_serving(command)  # under `mkdocs serve`, PDFs are rendered after the pages


def on_serve(server, config, builder):
    watching.use_native_observer(server)
    serveerrors.show_in_browser(server, config.site_dir)  # a refused edit: its lines in the browser
    return server


def on_shutdown():
    background.wait()


def on_env(env, config, files):
    return templatecache.use_bytecode_cache(env, Path(config.config_file_path).parent)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    lang = current_build_language(config)
    product.add_assets(files, config, lang)  # a school without docs/assets: the product's
    forms.add_to_files(files, _build.handbook, lang, config)
    forms.add_pages(files, _build.handbook, lang, config)  # each form's page, made from its definition
    return files


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made the nav of this language
def on_nav(nav, config, files):
    lang = current_build_language(config)
    forms.add_to_nav(nav, _build.handbook, lang, files)  # the form pages, made from the definitions
    _build.order[lang] = [split_src(p.file.src_uri, _build.handbook.protocol.codes)[1] for p in nav.pages]
    return nav


def on_page_content(html, page, config, files):
    try:  # the second wall: what reached the article keeps the rule the pages were checked by
        article.check(html, article.source_of(page, config.docs_dir), page.file.dest_uri)
    except DataError as exc:
        raise PluginError(f"A page's HTML breaks the site's rule; the build stopped.\n{exc}") from None
    lang, path = split_src(page.file.src_uri, _build.handbook.protocol.codes)
    html = markup.permalink_titles(html, _build.handbook.protocol.labels["permalink"][lang])
    _build.chapters.setdefault(lang, {})[path] = booklet.Chapter(path, page.title, html)
    meta.describe(page, html)  # <meta name="description">: front matter, or the first paragraph
    assets.choose(page, html)  # the page's own stylesheets and scripts (overrides/main.html)
    skiplink.choose(page, html)  # a page with a chart: a skip link to it (overrides/main.html)
    return html


def on_post_page(output, page, config):
    codes = _build.handbook.protocol.codes
    lang, _ = split_src(page.file.src_uri, codes)
    return _with_policy(search.set_search_base(markup.fix(output), lang, codes[0]), config, page.file.dest_uri)


def on_post_template(output, template_name, config):
    output = markup.fix(output)  # the 404 page: Material's invalid markup made valid, as on every page
    if template_name == "404.html":  # kept per language, written by on_post_build (notfound)
        lang = current_build_language(config)
        output = search.set_search_base(output, lang, _build.handbook.protocol.codes[0])  # its own pages
        output = _with_policy(output, config, f"{lang}/404.html")
        _build.not_found[lang] = output
    return output


def _with_policy(html: str, config, name: str) -> str:
    """The page with its Content-Security-Policy (csp.py): the browser runs only the site's own."""
    try:
        return csp.add_policy(html, config.theme.dirs, name)
    except DataError as exc:
        raise PluginError(
            f"A page holds a script or style that is not the site's own; the build stopped.\n{exc}"
        ) from None


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged search
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # an inner, per-language build: the index is not complete yet
    site_dir = Path(config.site_dir)
    codes = _build.handbook.protocol.codes
    search.split_index(site_dir, codes)
    palette.write(site_dir, config.extra["palette_css"]["site"], _build.palette_css)
    root = _build.handbook.root
    # mkdocs-static-i18n keeps only the 404 page of the last language built: write each one.
    notfound.write_pages(site_dir, _build.not_found, codes)
    themecss.trim_site(site_dir, content_cache(root, "themecss", ".css"))  # after every page, the 404s too
    fonts.subset_site_fonts(site_dir, content_cache(root, "fonts").folder)
    cache, assets = content_cache(root, "booklet", ".pdf"), product.assets_dir(Path(config.docs_dir))
    for lang, order in _build.order.items():  # the printable booklet of each language
        pages = _build.chapters.get(lang, {})
        chapters = [pages[path] for path in order if path in pages]
        _build.after_pages.append(
            ("the booklet", booklet.write_for, lang, _build.handbook.protocol, chapters, site_dir, cache, assets)
        )
    # At once for `mkdocs build`. While serving, in the background (generator/site/background.py),
    # handed over only now that the pages are written, so the PDFs never slow the page build down.
    for label, work, *args in _build.after_pages:
        background.run(label, work, *args)
    cache.keep_latest(4 * len(codes))  # this build's and the other kind's (site, offline), and spares
    # Last: nothing but words reaches a reader, in any page or PDF (generator/site/prose.py).
    problems = prose.site_problems(site_dir, content_cache(root, "prose", ".json"))
    if problems:
        raise PluginError(f"Text that is not prose would reach a reader:\n{prose.lines(problems)}")
