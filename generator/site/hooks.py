"""MkDocs hooks (listed under `hooks:` in mkdocs.yml). Thin: each event calls one concern.

- on_startup / on_shutdown: under `mkdocs serve`, the PDFs are made after the pages (background.py).
- on_config: load and validate the protocol data and every page's markers, and render the PDF
  forms that changed into .cache/forms, before anything is written to the site (a broken file
  stops the build with one line per problem, and site/ is left as it was).
- on_page_markdown: fill the page's markers from the data.
- on_post_page: English pages search their own index; Material's invalid markup is made valid.
- on_files: add the rendered PDF forms and the generated form pages of the language being built.
- on_env: Material's templates compiled once, kept in .cache/jinja (not on every build).
- on_nav / on_page_content: remember each language's pages in navigation order, for the booklet;
  record which stylesheets and scripts each page needs.
- on_post_build: once every language is built, split the search index per language, print
  the booklet of each language, write the palette stylesheet, leave out Material's rules for
  classes no page uses, and cut the web fonts down to the characters the pages use.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator import booklet
from generator.decisions import adoption_line
from generator.errors import DataError
from generator.forms.output import FormBuildError
from generator.pages import render
from generator.pages.context import PageContext
from generator.pages.markers import fill_markers
from generator.site import (
    assets,
    background,
    buildcache,
    edition,
    fonts,
    forms,
    markup,
    meta,
    notfound,
    palette,
    search,
    templatecache,
    themecss,
)
from generator.site.language import current_build_language, split_src

_state: dict = {}
GENERATOR = Path(__file__).resolve().parent.parent  # the code and templates that read the data


def on_config(config):
    if _state.get("config_checked_for") == id(config) and "protocol" in _state:
        return config  # mkdocs-static-i18n runs on_config again for each further language
    root = Path(config.config_file_path).parent
    # Both steps are skipped while none of their inputs changed (buildcache: data, pages, code).
    inputs = [root / "protocol", root / "forms", Path(config.docs_dir), Path(config.config_file_path), GENERATOR]
    cache = root / ".cache" / "build"
    try:
        handbook, filled = buildcache.cached(
            "checked",
            cache,
            inputs,
            lambda: _load_and_check(root, Path(config.docs_dir), config.use_directory_urls),
            config.use_directory_urls,
        )
        rendered = sorted(p.relative_to(root).as_posix() for p in forms.cache_dir(root).rglob("*.pdf"))
        form_inputs = [*inputs[:2], GENERATOR]
        if background.serving() and forms.all_rendered(handbook):
            # `mkdocs serve` after an edit: the pages now, the changed forms a few seconds later.
            background.run("the PDF forms", forms.render_changed, handbook, form_inputs, rendered, config.site_dir)
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
    _state.update(
        protocol=protocol, handbook=handbook, filled=filled, config_checked_for=id(config), order={}, chapters={}
    )
    # Words for the theme overrides (404 page, "report a problem" link), in every language.
    config.extra["labels"] = {key: dict(text) for key, text in protocol.labels.items()}
    config.extra["editor_email"] = protocol.settings.editor_email
    config.extra["edition"] = edition.edition_lines(protocol)  # footer and printed pages
    # Material's palette stylesheet cut to the site's colours (overrides/main.html links it).
    material_css, site_css, _state["palette_css"] = palette.site_palette(config.theme.get("palette"))
    config.extra["palette_css"] = {"material": material_css, "site": site_css}
    return config


def _load_and_check(root: Path, docs_dir: Path, directory_urls: bool):
    from generator.check import check_handbook  # the schema checker's imports: only when data changed

    checked = check_handbook(root, docs_dir, directory_urls)
    return checked.handbook, checked.filled


def on_page_markdown(markdown, page, config, files):
    before, after = _state["filled"].get(page.file.src_uri, (None, None))
    if before is not None and markdown.rstrip() == before.rstrip():  # it arrives without its last newline
        return after  # filled while checking every page in on_config
    lang, path = split_src(page.file.src_uri)
    ctx = PageContext(
        _state["protocol"],
        lang,
        path,
        pdfs=True,
        directory_urls=config.use_directory_urls,
        handbook=_state["handbook"],
    )
    try:
        return fill_markers(markdown, ctx, f"docs/{page.file.src_uri}")
    except DataError as exc:
        raise PluginError(str(exc)) from None


def on_startup(command, dirty):
    background.set_serving(command)  # under `mkdocs serve`, PDFs are rendered after the pages


def on_shutdown():
    background.wait()


def on_env(env, config, files):
    return templatecache.use_bytecode_cache(env, Path(config.config_file_path).parent)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    lang = current_build_language(config)
    forms.add_to_files(files, _state["handbook"], lang, config)
    forms.add_pages(files, _state["handbook"], lang, config)  # each form's page, made from its definition
    return files


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made the nav of this language
def on_nav(nav, config, files):
    lang = current_build_language(config)
    forms.add_to_nav(nav, _state["handbook"], lang, files)  # the form pages, made from the definitions
    _state["order"][lang] = [split_src(p.file.src_uri)[1] for p in nav.pages]
    return nav


def on_page_content(html, page, config, files):
    lang, path = split_src(page.file.src_uri)
    html = markup.permalink_titles(html, _state["protocol"].labels["permalink"][lang])
    _state["chapters"].setdefault(lang, {})[path] = booklet.Chapter(path, page.title, html)
    meta.describe(page, html)  # <meta name="description">: front matter, or the first paragraph
    assets.choose(page, html)  # the page's own stylesheets and scripts (overrides/main.html)
    return html


def on_post_page(output, page, config):
    lang, _ = split_src(page.file.src_uri)
    return search.set_search_base(markup.fix(output), lang)


def on_post_template(output, template_name, config):
    output = markup.fix(output)  # the 404 page: Material's invalid markup made valid, as on every page
    if template_name == "404.html":  # kept per language, written by on_post_build (notfound)
        lang = current_build_language(config)
        output = search.set_search_base(output, lang)  # the English 404 searches the English pages
        _state.setdefault("not_found", {})[lang] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged search
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # an inner, per-language build: the index is not complete yet
    search.split_index(Path(config.site_dir))
    palette.write(Path(config.site_dir), config.extra["palette_css"]["site"], _state["palette_css"])
    for job in _booklet_jobs(config):
        # At once for `mkdocs build`; after the pages while serving (generator/site/background.py).
        background.run("the booklet", booklet.print_booklet, *job)
    # mkdocs-static-i18n keeps only the 404 page of the last language built: write each one.
    notfound.write_pages(Path(config.site_dir), _state.get("not_found", {}))
    cache = Path(config.config_file_path).parent / ".cache"
    themecss.trim_site(Path(config.site_dir), cache / "themecss")  # after every page, the 404s too, is written
    fonts.subset_site_fonts(Path(config.site_dir), cache / "fonts")


def _booklet_jobs(config) -> list[tuple]:
    """print_booklet's arguments for each language, taken now (a later build starts afresh)."""
    protocol = _state["protocol"]
    root = Path(config.config_file_path).parent
    s = protocol.settings
    jobs = []
    for lang, order in _state["order"].items():
        pages = _state["chapters"].get(lang, {})
        chapters = [pages[p] for p in order if p in pages and booklet.wanted(p)]
        labels = {k: v[lang] for k, v in protocol.labels.items()}
        version = adoption_line(protocol, lang, render.format_date)
        prefix = "" if lang == "nl" else lang
        target = Path(config.site_dir) / prefix / render.BOOKLET_FILE
        title = f"{s.school_name} · {labels['booklet_title']}"
        jobs.append((chapters, lang, title, labels["booklet_subtitle"], version, target, root / ".cache" / "booklet"))
    return jobs
