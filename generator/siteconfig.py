"""mkdocs.yml, read as MkDocs reads it (its YAML loader, `!ENV` tags resolved), and checked before
anything is built: by `python -m generator check` and by the build's on_config (generator.check).

The build would otherwise meet these mistakes only after MkDocs has started writing (a page missing
from the nav, a nav entry without a page), or not at all (a language block deleted: the English
site silently gone; `tr` added: a crash half-way). And some settings put markup or another website
onto every page (issue 18): a script in `site_name`, an outside `extra_javascript`, a font service,
a `javascript:` menu entry. Each mistake is one line: `mkdocs.yml: <key>: found …; expected …`.
To add a rule, write a function of a Site and add it to CHECKS.

Python tags (`!!python/name:…`) are read as text here, never run: the check only reads.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator import PRODUCT
from generator.errors import DataError, Problem, show
from generator.site.plugins import PLACEHOLDER

CONFIG = "mkdocs.yml"
HOOKS = "generator/site/hooks.py"  # the handbook's build steps, relative to the project
_MARKUP = re.compile(r"[<>]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# The school's keys live in protocol/settings.yml (generator.school), never here: key -> where.
SITE_NAME = "from protocol/settings.yml"  # MkDocs requires a site_name; the hooks put site_title there
SCHOOL_KEYS = {
    "site_name": "site_title in protocol/settings.yml",
    "site_description": "site_description in protocol/settings.yml",
    "copyright": "not needed: the footer shows the school and the edition from protocol/settings.yml",
}
ASSET_KEYS = ("extra_javascript", "extra_css")
ASSETS = "assets"  # docs/assets: the stylesheets, fonts and scripts
PLACEHOLDER_TEXT = "- {locale: xx, name: from protocol/settings.yml, default: true}"


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads it, without running anything: Python tags become text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")
_Loader.add_constructor("!relative", lambda loader, node: "!relative")
LOADER = get_yaml_loader(_Loader)  # + MkDocs' !ENV tag


def read_config(root: Path) -> dict:
    """mkdocs.yml of the project at root as data, or DataError with one line."""
    path = Path(root) / CONFIG
    if not path.is_file():
        raise DataError([Problem(CONFIG, "(file)", "no such file", f"the site's settings in {CONFIG}")])
    try:
        with path.open("rb") as fh:
            data = yaml_load(fh, LOADER)
    except ConfigurationError as exc:
        cause = exc.__context__
        mark = getattr(cause, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        what = getattr(cause, "problem", None) or str(exc).splitlines()[0]
        raise DataError([Problem(CONFIG, where, f"a YAML syntax error ({what})", "valid YAML")]) from None
    except UnicodeDecodeError as exc:
        found = f"bytes that are not UTF-8 at offset {exc.start}"
        raise DataError([Problem(CONFIG, "(file)", found, "a UTF-8 text file")]) from None
    if not isinstance(data, dict):
        raise DataError([Problem(CONFIG, "(top level)", show(data), "key: value settings")])
    return data


@dataclass(frozen=True)
class Site:
    root: Path
    config: dict
    docs_dir: Path
    pages: tuple[str, ...]  # the pages written by hand under docs/: "nl/about.md", …
    languages: tuple[str, ...] = ()  # protocol/settings.yml's language codes, the first the default

    @property
    def i18n(self) -> dict | None:
        plugins = self.config.get("plugins") or []
        if isinstance(plugins, dict):
            plugins = [{name: options} for name, options in plugins.items()]
        for plugin in plugins:
            if plugin == "i18n":
                return {}
            if isinstance(plugin, dict) and "i18n" in plugin:
                return plugin["i18n"] if isinstance(plugin["i18n"], dict) else {}
        return None

    def language_blocks(self) -> Iterator[tuple[str, dict]]:
        """(key prefix, block) for each language block of the i18n plugin."""
        for block in (self.i18n or {}).get("languages") or []:
            if isinstance(block, dict):
                yield f"plugins.i18n.languages[{block.get('locale')}]", block

    def scopes(self) -> Iterator[tuple[str, dict]]:
        """The settings at the top, then each language's overrides ("" and "plugins.i18n.languages[en].")."""
        yield "", self.config
        for prefix, block in self.language_blocks():
            yield prefix + ".", block

    def project_file(self, value: str) -> bool:
        """A path of a file in docs/ or in the theme's folder (overrides/): the site's own."""
        if _SCHEME.match(value) or value.startswith(("/", "\\")) or "\\" in value:
            return False
        path = posixpath.normpath(value)
        if path.startswith("../") or path == "..":
            return False
        theme = self.config.get("theme")
        folders = [self.docs_dir]
        if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
            folders.append(self.root / theme["custom_dir"])
        if path.startswith(f"{ASSETS}/"):  # a school without docs/assets: the product's (generator.site.product)
            folders.append(PRODUCT / "docs")
        return any((folder / path).is_file() for folder in folders)


def languages(site: Site) -> list[Problem]:
    """The languages are protocol/settings.yml's (the hooks give them to mkdocs-static-i18n:
    generator/site/plugins.py): mkdocs.yml keeps only the placeholder MkDocs needs to load, and
    each listed language has its pages in docs/<code>/ (no fallback to another language)."""
    i18n = site.i18n
    if i18n is None:
        return [Problem(CONFIG, "plugins", "no i18n plugin", "the i18n plugin (its languages come from the data)")]
    problems = []
    if i18n.get("languages") != PLACEHOLDER:
        expected = f"only the placeholder {PLACEHOLDER_TEXT}: the languages are in protocol/settings.yml (languages)"
        listed = i18n.get("languages")
        if isinstance(listed, list):
            locales = ", ".join(str(b.get("locale")) if isinstance(b, dict) else show(b) for b in listed)
            found = f"a list of languages ({locales})"
        else:
            found = show(listed)
        problems.append(Problem(CONFIG, "plugins.i18n.languages", found, expected))
    folders = {page.partition("/")[0] for page in site.pages if "/" in page}
    for lang in site.languages:
        if lang not in folders:
            first = site.languages[0]
            expected = f"the pages of every listed language in docs/<code>/ (copy docs/{first}/ and translate it)"
            problems.append(Problem(f"docs/{lang}/", "(file)", f"no pages for the listed language '{lang}'", expected))
    if i18n.get("docs_structure") != "folder":
        found = show(i18n.get("docs_structure"))
        problems.append(Problem(CONFIG, "plugins.i18n.docs_structure", found, "'folder': docs/nl/, docs/en/"))
    if i18n.get("fallback_to_default") is not False:
        found = show(i18n.get("fallback_to_default"))
        expected = "false: a page missing in one language fails, never shows another language's page"
        problems.append(Problem(CONFIG, "plugins.i18n.fallback_to_default", found, expected))
    return problems


def school(site: Site) -> list[Problem]:
    """The school's name, description, colours and logo are in protocol/settings.yml (site_title,
    site_description, colours, logo): one place. Left here, they would be a second place that
    silently wins or loses; so each is refused, naming where it lives now."""
    problems = []
    if "site_name" not in site.config:
        problems.append(Problem(CONFIG, "site_name", "nothing", f"{SITE_NAME!r} (MkDocs requires the key)"))
    for prefix, scope in site.scopes():
        for key, where in SCHOOL_KEYS.items():
            if key not in scope or (prefix == "" and key == "site_name" and scope[key] == SITE_NAME):
                continue
            expected = f"no {key} in {CONFIG}: it is {where}"
            if prefix == "" and key == "site_name":
                expected = (
                    f"{SITE_NAME!r} (MkDocs requires the key; the site's title is site_title in protocol/settings.yml)"
                )
            problems.append(Problem(CONFIG, prefix + key, show(scope[key]), expected))
        options = scope.get("theme")
        if not isinstance(options, dict):
            continue
        if "logo" in options:
            expected = (
                f"no theme.logo in {CONFIG}: the logo is logo in protocol/settings.yml (an image under docs/assets)"
            )
            problems.append(Problem(CONFIG, f"{prefix}theme.logo", show(options["logo"]), expected))
        palette = options.get("palette")
        entries = palette if isinstance(palette, list) else [palette]
        for i, entry in enumerate(entries):
            for kind in ("primary", "accent"):
                if isinstance(entry, dict) and kind in entry:
                    key = (
                        f"{prefix}theme.palette[{i}].{kind}"
                        if isinstance(palette, list)
                        else f"{prefix}theme.palette.{kind}"
                    )
                    expected = f"no colour in {CONFIG}: the colours are colours.{kind} in protocol/settings.yml"
                    problems.append(Problem(CONFIG, key, show(entry[kind]), expected))
    return problems


def texts(site: Site) -> list[Problem]:
    """Menu titles: plain text (the theme writes them into every page as HTML)."""
    problems = []
    for prefix, scope in site.scopes():
        found = []
        translations = scope.get("nav_translations")
        if isinstance(translations, dict):
            found += [(f"nav_translations.{k}", v) for k, v in translations.items()]
        for key, value in found:
            problem = _plain(value)
            if problem:
                problems.append(Problem(CONFIG, prefix + key, problem, "plain text, no markup (< or >)"))
    return problems


def site_url(site: Site) -> list[Problem]:
    problems = []
    for prefix, scope in site.scopes():
        value = scope.get("site_url")
        if value is None or value == "":
            continue
        if not isinstance(value, str) or not re.match(r"^https?://[^/\s]", value):
            expected = "the address of the handbook, starting with https:// (or http://)"
            problems.append(Problem(CONFIG, prefix + "site_url", show(value), expected))
    return problems


def assets(site: Site) -> list[Problem]:
    """Every stylesheet and script a page loads is a file of the project: nothing from another site."""
    problems = []
    for prefix, scope in site.scopes():
        for key in ASSET_KEYS:
            items = scope.get(key) or []
            for i, item in enumerate(items if isinstance(items, list) else [items]):
                path = item.get("path") if isinstance(item, dict) else item
                if not (isinstance(path, str) and site.project_file(path)):
                    expected = (
                        "a file of the handbook under docs/ (such as assets/stylesheets/handbook.css); no other website"
                    )
                    problems.append(Problem(CONFIG, f"{prefix}{key}[{i}]", show(path), expected))
    return problems


def theme(site: Site) -> list[Problem]:
    """No font service (Material's default is Google Fonts) and a logo and icon from the project."""
    problems = []
    for prefix, scope in site.scopes():
        options = scope.get("theme")
        if not isinstance(options, dict):
            continue
        top = prefix == ""
        if (top or "font" in options) and options.get("font", None) is not False:
            expected = "false: the site uses its own fonts (docs/assets/fonts), never a font service"
            problems.append(Problem(CONFIG, f"{prefix}theme.font", show(options.get("font")), expected))
        for key in ("favicon",):  # the logo: protocol/settings.yml (school)
            value = options.get(key)
            if value is not None and not (isinstance(value, str) and site.project_file(value)):
                expected = "an image file of the handbook under docs/ (such as assets/logo.svg)"
                problems.append(Problem(CONFIG, f"{prefix}theme.{key}", show(value), expected))
    return problems


def folders(site: Site) -> list[Problem]:
    """The pages and the theme's files come from folders of the project: MkDocs publishes every
    file of docs_dir and theme.custom_dir. The one folder outside a school that it may name is the
    product's own overrides/ (a school in examples/<name>/ builds with the repository's theme)."""
    problems = []
    theme = site.config.get("theme")
    found = [("docs_dir", site.config.get("docs_dir", "docs"))]
    if isinstance(theme, dict) and "custom_dir" in theme:
        found.append(("theme.custom_dir", theme["custom_dir"]))
    for key, value in found:
        path = posixpath.normpath(value) if isinstance(value, str) else ""
        if key == "theme.custom_dir" and path and (site.root / path).resolve() == PRODUCT / "overrides":
            continue  # a school in examples/<name>/: the product's own theme folder (../../overrides)
        if not path or path.startswith(("/", "../", "\\")) or path in (".", "..") or _SCHEME.match(path):
            problems.append(Problem(CONFIG, key, show(value), "a folder inside the project, such as docs"))
    return problems


def extra(site: Site) -> list[Problem]:
    """No web statistics: the site collects no data (README)."""
    problems = []
    for prefix, scope in site.scopes():
        options = scope.get("extra")
        if isinstance(options, dict) and "analytics" in options:
            expected = "no analytics: the site collects no data and makes no request to another website"
            problems.append(Problem(CONFIG, f"{prefix}extra.analytics", show(options["analytics"]), expected))
    return problems


def hooks(site: Site) -> list[Problem]:
    """The handbook's own build steps are listed: without them, markers would go out unfilled."""
    listed = site.config.get("hooks") or []
    ours = (site.root / HOOKS).resolve(), (Path(__file__).parent / "site" / "hooks.py").resolve()
    for entry in listed if isinstance(listed, list) else [listed]:
        if isinstance(entry, str) and (entry == HOOKS or (site.root / entry).resolve() in ours):
            return []
    return [Problem(CONFIG, "hooks", show(listed), f"a list holding {HOOKS} (the handbook's build steps)")]


def nav(site: Site) -> list[Problem]:
    """The menu lists every page of docs/ and only pages of docs/, by their path in a language
    folder (roles/mentor.md: docs/nl/roles/mentor.md and docs/en/roles/mentor.md)."""
    problems = []
    per_lang: dict[str, set[str]] = {lang: set() for lang in site.languages}
    strays: dict[str, int] = {}  # docs/<folder>/ that is not a language -> pages in it
    for page in site.pages:
        lang, _, rest = page.partition("/")
        if lang in per_lang and rest:
            per_lang[lang].add(rest)
        else:
            folder = f"docs/{lang}/" if rest else f"docs/{page}"
            strays[folder] = strays.get(folder, 0) + 1
    for folder, count in strays.items():
        found = f"{count} page(s) outside the language folders"
        expected = f"pages only in docs/{'/, docs/'.join(site.languages)}/ (the languages of protocol/settings.yml)"
        problems.append(Problem(folder, "(file)", found, expected))
    navs: dict[str, list[str]] = {}  # key of a nav tree -> the languages that use it
    trees = {"nav": site.config.get("nav")}
    for prefix, block in site.language_blocks():
        if block.get("locale") in site.languages and "nav" in block:
            trees[f"{prefix}.nav"] = block["nav"]
            navs.setdefault(f"{prefix}.nav", []).append(block["locale"])
    with_pages = [lang for lang in site.languages if per_lang[lang]]  # one without: named once (languages)
    navs["nav"] = [lang for lang in with_pages if not any(lang in langs for langs in navs.values())]
    for key, langs in navs.items():
        pages = {lang: per_lang[lang] for lang in langs}
        listed, meant = set(), set()
        for entry_key, title, target in _nav_entries(trees[key], key):
            if title is not None and (problem := _plain(title)):
                problems.append(Problem(CONFIG, entry_key, problem, "a plain menu title, no markup (< or >)"))
            if target is None:
                continue  # a section: its entries follow
            problem, guess = _nav_target(target, pages)
            if problem:
                problems.append(Problem(CONFIG, entry_key, *problem))
                meant.add(guess)
            else:
                listed.add(posixpath.normpath(target))
        every = set().union(*pages.values()) if pages else set()
        for rest in sorted(every - listed - meant):
            files = " and ".join(f"docs/{lang}/{rest}" for lang in langs if rest in per_lang[lang])
            found = f"no entry for the page {rest} ({files})"
            problems.append(Problem(CONFIG, key, found, f"every page of docs/ in the menu: add '- {rest}' to {key}"))
    return problems


def nav_section_names(site: Site) -> list[Problem]:
    """A menu section is named by a key of protocol/labels.yml (nav_roles), which gives its name in
    every language (generator/site/plugins.py): a section named in words would read the same in all."""
    from generator.yamlio import read_yaml

    try:
        labels = read_yaml(site.root / "protocol" / "labels.yml", site.root)
    except DataError:
        return []  # the data's own check names what is wrong with the file
    if not isinstance(labels, dict):
        return []
    problems = []
    for key, title, target in _nav_entries(site.config.get("nav"), "nav"):
        if title is not None and target is None and title not in labels and not _MARKUP.search(title):
            expected = "a key of protocol/labels.yml, such as nav_roles, that names the section in every language"
            problems.append(Problem(CONFIG, key, f"the section name {title!r}", expected))
    return problems


def _nav_entries(tree: object, key: str) -> Iterator[tuple[str, str | None, object]]:
    """(key, title or None, target or None for a section) for every entry of a nav tree."""
    if tree is None:
        return
    if not isinstance(tree, list):
        yield key, None, tree
        return
    for i, item in enumerate(tree):
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, list):
                yield f"{key}[{i}]", str(title), None
                yield from _nav_entries(value, f"{key}.{title}")
            else:
                yield f"{key}[{i}]", str(title), value
        else:
            yield f"{key}[{i}]", None, item


def _nav_target(target: object, pages: dict[str, set[str]]) -> tuple[tuple[str, str] | None, str | None]:
    """(found, expected) when a nav entry leads nowhere in some language, and the page it may have
    meant (which is then not reported as missing from the menu as well)."""
    every = sorted(set().union(*pages.values())) if pages else []
    expected = "the path of a page in docs/<language>/, such as roles/mentor.md; no other website"
    if not isinstance(target, str):
        return (show(target), expected), None
    if _SCHEME.match(target) or target.startswith(("//", "/", "\\")):
        return (f"the link {show(target)}", expected), None
    path = posixpath.normpath(target)
    missing = [f"docs/{lang}/{path}" for lang, known in pages.items() if path not in known]
    if not missing:
        return None, None
    guess = next(iter(difflib.get_close_matches(path, every, n=1)), None)
    if guess:
        expected = f"the path of a page in docs/<language>/, such as {guess}"
    return (f"{show(target)}, which is not a page ({' and '.join(missing)}: no such file)", expected), guess


def _plain(value: object) -> str | None:
    if isinstance(value, str) and _MARKUP.search(value):
        return f"markup ({show(value)})"
    if value is not None and not isinstance(value, str | int | float):
        return show(value)
    return None


CHECKS: list[Callable[[Site], list[Problem]]] = [
    languages,
    nav,
    nav_section_names,
    school,
    texts,
    site_url,
    folders,
    assets,
    theme,
    extra,
    hooks,
]


def site_problems(root: Path, docs_dir: Path, pages: list[str], languages: tuple[str, ...]) -> list[Problem]:
    """Every problem of mkdocs.yml; pages: the pages written by hand under docs_dir ('nl/about.md');
    languages: the language codes of protocol/settings.yml."""
    try:
        config = read_config(root)
    except DataError as exc:
        return exc.problems
    site = Site(Path(root), config, Path(docs_dir), tuple(pages), tuple(languages))
    return [problem for check in CHECKS for problem in check(site)]
