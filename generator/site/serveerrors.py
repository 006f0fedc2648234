"""Under `mkdocs serve`, a refused edit shows its message in the browser until it is repaired.

When a rebuild fails, MkDocs' LiveReloadServer logs "The server will appear stuck until build
errors are resolved" and holds every page request until a build succeeds: the browser waits, with
no word of what is wrong. `show_in_browser` wraps the server's builder instead. A failed rebuild
writes its lines (the one-line problems MkDocs logged, e.g. "protocol/roles/mentor.yml: …") to a
page in the served folder and counts as a finished build, so open pages reload; every page request
is then answered with that page, until a rebuild succeeds. The page carries MkDocs' live-reload
script like every served page, so it turns back into the handbook by itself once the file is
saved repaired. The terminal shows the same lines; for a bug in the generator (an exception that
is not MkDocs' own) it also prints the traceback. Only the server's public parts are used: its
`builder`, `mount_path` and WSGI application (`get_app`/`set_app`).
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from markupsafe import escape

from generator.fileio import atomic_write

log = logging.getLogger("mkdocs.plugins.handbook")
PAGE = ".build-refused.html"  # in the served folder, beside the handbook's pages


class _Lines(logging.Handler):
    """What MkDocs and the hooks log as a warning or an error during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += [line for line in record.getMessage().splitlines() if line.strip()]


def show_in_browser(server, site_dir: str) -> None:
    """From now on, a failed rebuild of `server` shows its lines on every page until one succeeds."""
    build, page = server.builder, Path(site_dir) / PAGE
    refused: list[str] = []  # the last build's lines while it is refused; empty once one succeeds

    def builder(*args, **kwargs):
        lines = _Lines()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(lines)
        try:
            build(*args, **kwargs)
        except Exception as exc:  # every failure is shown; for a bug, its traceback is printed too
            from mkdocs.exceptions import MkDocsException

            shown = lines.lines or [str(exc)]
            if not isinstance(exc, MkDocsException):  # a bug, not a refused edit
                traceback.print_exc()
                shown += [f"{type(exc).__name__}: {exc} (a bug in the generator; its traceback is in the terminal)"]
            refused[:] = shown
            atomic_write(page, error_page(shown))
            log.error("The build was refused; every page in the browser shows why until it is repaired.")
            return  # a finished build to the server: open pages reload and show the lines
        finally:
            logger.removeHandler(lines)
        refused.clear()

    server.builder = builder
    serve = server.get_app()

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if refused and not path.startswith("/livereload/") and path.endswith(("/", ".html")):
            environ = {**environ, "PATH_INFO": server.mount_path + PAGE}
        return serve(environ, start_response)

    server.set_app(application)


def error_page(lines: list[str]) -> str:
    """A plain page with the lines, in both languages (it is for the editor, who may read either)."""
    shown = "\n".join(str(escape(line)) for line in lines)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Niet gebouwd · Not built</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; color: #1a1a1a; padding: 1rem; }}
</style>
</head>
<body>
<main>
<h1>Het handboek is niet opnieuw gebouwd</h1>
<p>Herstel wat hieronder staat en sla het bestand op: deze pagina laadt dan vanzelf opnieuw.</p>
<h2 lang="en">The handbook was not rebuilt</h2>
<p lang="en">Fix what is named below and save the file: this page then reloads by itself.</p>
<pre lang="en">{shown}</pre>
</main>
</body>
</html>
"""
