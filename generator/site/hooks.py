"""MkDocs hooks (listed under `hooks:` in mkdocs.yml). Thin: each event calls one concern.

- on_config: load and validate the protocol data and every page's markers, before anything is
  written (a broken file stops the build with one line per problem, and site/ is left as it was).
- on_page_markdown: fill the page's markers from the data.
- on_post_page: English pages search their own index.
- on_post_build: split the search index per language, once every language is built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator.errors import DataError
from generator.loader import load_protocol
from generator.pages.context import PageContext
from generator.pages.markers import fill_markers
from generator.site import search
from generator.site.language import split_src

_state: dict = {}


def on_config(config):
    if _state.get("config_checked_for") == id(config) and "protocol" in _state:
        return config  # mkdocs-static-i18n runs on_config again for each further language
    try:
        protocol = load_protocol(Path(config.config_file_path).parent)
        _check_all_pages(Path(config.docs_dir), protocol)
    except DataError as exc:
        raise PluginError(f"The protocol data or a page is broken; nothing was written.\n{exc}") from None
    _state.update(protocol=protocol, config_checked_for=id(config))
    # Words for the theme overrides (404 page, "report a problem" link), in every language.
    config.extra["labels"] = {key: dict(text) for key, text in protocol.labels.items()}
    config.extra["editor_email"] = protocol.settings.editor_email
    return config


def _check_all_pages(docs_dir: Path, protocol) -> None:
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        lang, page = split_src(src)
        try:
            fill_markers(path.read_text(encoding="utf-8"), PageContext(protocol, lang, page), f"docs/{src}")
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)


def on_page_markdown(markdown, page, config, files):
    lang, path = split_src(page.file.src_uri)
    ctx = PageContext(_state["protocol"], lang, path)
    try:
        return fill_markers(markdown, ctx, f"docs/{page.file.src_uri}")
    except DataError as exc:
        raise PluginError(str(exc)) from None


def on_post_page(output, page, config):
    lang, _ = split_src(page.file.src_uri)
    return search.set_search_base(output, lang)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged search
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # an inner, per-language build: the index is not complete yet
    search.split_index(Path(config.site_dir))
