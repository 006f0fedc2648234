"""`python -m generator build [--offline] [--site-dir DIR]`: the site, put in place only when all of
it was made (`make build`, `make offline`).

`mkdocs build` empties site/ before it writes the new pages, so a build that stops half-way (a
strict-mode warning, an exception) leaves a damaged site: 379 files became 151, the compressed
copies and the English search gone. Here MkDocs builds into a fresh folder beside the target
(`.site.new-…`, on the same file system), then the compressed copies are written into it; only
when the pages, the PDFs, the booklets and the .gz/.br copies are all there does it take the
target's place (a rename; the old site is removed afterwards). On any failure the target is
left byte for byte as it was and the fresh folder is removed.

MkDocs' own warnings and errors are printed one line each, naming the file the editor wrote:
a link in a generated page (`en/roles/mentor.md`) is named in the step whose body holds it
(`protocol/roles/mentor.yml: steps[m-receive].body.en: …`), the nav in mkdocs.yml. The check
(generator.check, run by the build's on_config) refuses the same mistakes earlier, with the same
lines; this is for what it does not know.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from generator.errors import DataError, Problem
from generator.loader import REPO_ROOT
from generator.siteconfig import CONFIG, read_config, site_problems

REFUSED = 1


def main(argv: list[str] | None = None) -> int:
    about = "Build the site into a fresh folder; put it in place only when all of it was made."
    parser = argparse.ArgumentParser(prog="python -m generator build", description=about)
    parser.add_argument("--offline", action="store_true", help="the site for a file share (file://): site-offline/")
    parser.add_argument("--site-dir", type=Path, help="where the site goes (default: site/, or site-offline/)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the project (default: this checkout)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    root = args.root.resolve()
    if args.offline:
        os.environ["HANDBOOK_OFFLINE"] = "true"  # mkdocs.yml: the offline plugin, !ENV
    try:
        config = read_config(root)
    except DataError as exc:
        return refuse([str(p) for p in exc.problems], args.site_dir or root / "site")
    default = "site-offline" if args.offline else str(config.get("site_dir") or "site")
    target = (args.site_dir or root / default).resolve()  # a site/ that is a link: where it points
    problems = config_problems(root, config)
    if problems:
        return refuse([str(p) for p in problems], target)
    try:
        with editor_lines(root) as lines:
            count = build_in_place(target, lambda folder: make_site(root, folder, compress=not args.offline))
    except _Refused:
        return refuse(lines, target)
    print(f"{display(target)}: built and put in place{f', {count} compressed copies' if count else ''}.")
    return 0


def config_problems(root: Path, config: dict) -> list[Problem]:
    """mkdocs.yml's problems, before MkDocs reads it (a configuration error stops MkDocs before
    the handbook's own check would run)."""
    docs = root / str(config.get("docs_dir") or "docs")
    pages = [p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md"))] if docs.is_dir() else []
    from generator.errors import DataError
    from generator.languages import codes, read

    try:
        languages = codes(read(root))
    except DataError as exc:
        return exc.problems
    return site_problems(root, docs, pages, languages)


def refuse(lines: list[str], target: Path) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    print(f"The build was refused; {display(target)} is as it was.", file=sys.stderr)
    return REFUSED


class _Refused(Exception):
    """MkDocs stopped (a refused input, a strict-mode warning): its lines are already collected."""


def build_in_place(target: Path, make: Callable[[Path], int]) -> int:
    """Run make(folder) on a fresh folder beside target; put it in target's place when make
    returns. On any exception (also Ctrl-C, or a TERM signal) target is untouched and the fresh
    folder removed. Returns what make returned."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        with _terminate_as_exit():
            result = make(folder)
        folder.chmod(_folder_mode())  # mkdtemp makes it private; the web server reads a site
        replace(target, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return result


def _folder_mode() -> int:
    """The mode a folder gets from mkdir under the current umask (0o755 under 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def replace(target: Path, new: Path) -> None:
    """new takes target's place (renames on one file system); the old target is removed after."""
    if not target.exists() and not target.is_symlink():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)
        raise
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink()


@contextmanager
def _terminate_as_exit():
    """A TERM signal (a CI timeout, `kill`) ends the build as Ctrl-C does: through the clean-up."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a signal handler
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def make_site(root: Path, folder: Path, compress: bool) -> int:
    """Build the handbook into folder (MkDocs, strict), then its .gz/.br copies; the number of
    copies. Raises _Refused when MkDocs stopped."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        config = load_config(config_file=str(root / CONFIG), site_dir=str(folder), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as exc:  # read before MkDocs' log is ours: logged here
        logging.getLogger("mkdocs").error(str(exc))
        raise _Refused from None
    except Abort:  # its reasons are in the log
        raise _Refused from None
    if not compress:
        return 0
    from generator.site.compress import compress_site

    return len(compress_site(folder))


# ---------------------------------------------------------------- MkDocs' messages, one line each

_DOC_LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?P<kind>a link|an absolute link|an unrecognized relative link) "
    r"'(?P<href>[^']*)'(?P<rest>.*)$",
    re.S,
)
_OMITTED = re.compile(r"^The following pages exist in the docs directory, but are not included in the \"nav\"")
_NAV_MISSING = re.compile(r"^A reference to '(?P<path>[^']+)' is included in the 'nav' configuration")
_CONFIG_VALUE = re.compile(r"^Config value '(?P<key>[^']+)': (?P<rest>.*)$", re.S)
_NAV_ABSOLUTE = re.compile(r"^An absolute path to '(?P<path>[^']+)' is included in the 'nav'")


class _Lines(logging.Handler):
    """MkDocs' log: INFO as MkDocs prints it, every warning and error as the editor's lines."""

    def __init__(self, root: Path, lines: list[str]):
        super().__init__(logging.INFO)
        self.root, self.lines = root, lines

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno < logging.WARNING:
            print(f"INFO    -  {message}", file=sys.stderr)
            return
        for line in translate(message, self.root):
            if line not in self.lines:
                self.lines.append(line)


@contextmanager
def editor_lines(root: Path):
    """The lines MkDocs' warnings and errors become, collected while the block runs."""
    lines: list[str] = []
    logger = logging.getLogger("mkdocs")
    handler = _Lines(root, lines)
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def translate(message: str, root: Path) -> list[str]:
    """One of MkDocs' messages as lines naming the file the editor wrote (the handbook's own
    refusals, already one line per problem, pass as they are)."""
    if match := _DOC_LINK.match(message):
        return [str(_link_problem(match["src"], match["href"], match["kind"], match["rest"], root))]
    if _OMITTED.match(message):
        pages = [line.strip()[2:] for line in message.splitlines()[1:] if line.strip().startswith("- ")]
        return [
            str(Problem(CONFIG, "nav", f"no entry for the page {rest} (docs/{src})", f"add '- {rest}' to nav"))
            for src in pages
            for rest in [src.split("/", 1)[-1]]
        ]
    if match := _NAV_MISSING.match(message) or _NAV_ABSOLUTE.match(message):
        expected = "the path of a page in docs/<language>/, such as roles/mentor.md"
        return [str(Problem(CONFIG, "nav", f"'{match['path']}', which is not a page", expected))]
    if match := _CONFIG_VALUE.match(message):
        return [f"{CONFIG}: {match['key']}: {' '.join(match['rest'].split())}"]
    if message.startswith("The protocol data or a page is broken") or message.startswith("A form could not"):
        return message.splitlines()
    return [" ".join(message.split())]


def _link_problem(src: str, href: str, kind: str, rest: str, root: Path) -> Problem:
    from generator.pages.links import targets, where

    what = {"an absolute link": "an absolute path", "an unrecognized relative link": "no such file"}.get(kind)
    if what is None:
        found = re.search(r"target '([^']+)' is not found", rest)
        what = f"no such page ({found[1]})" if found else " ".join(rest.strip(" ,.").split())
    page = root / "docs" / src
    written = page.read_text(encoding="utf-8-sig") if page.is_file() else ""
    return where(src, f"docs/{src}", href, what, set(targets(written)), _protocol(root))


def _protocol(root: Path):
    from generator.handbook import load_handbook

    try:
        return load_handbook(root).protocol
    except DataError:
        return None


def display(path: Path) -> str:
    try:
        return f"{path.relative_to(Path.cwd())}/"
    except ValueError:
        return f"{path}/"
