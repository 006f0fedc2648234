"""PDF work after the pages, while `mkdocs serve` is running.

A changed step changes the forms that show it and the booklet; rendering those with WeasyPrint
takes several seconds, and the editor waiting for the page should not wait for them. Under
`mkdocs serve` (and only there) the hooks hand that work to one background process: the pages are
rebuilt and reloaded at once, and the PDFs follow a few seconds later (the previous ones are served
until then; a fresh checkout renders its forms before the first pages, since the pages link to them).
The worker runs at a lower priority, so on a machine with few cores the next page build goes first.
A process, not a thread: WeasyPrint is Python and would hold the interpreter lock the next page
build needs. `mkdocs build` and the tests keep doing everything before they finish, so a published
site is never missing a PDF. A failure in the background is logged as an error in the serve output.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

log = logging.getLogger("mkdocs.plugins.handbook")

_serving = False
_worker: ProcessPoolExecutor | None = None


def set_serving(command: str) -> None:
    """Called from on_startup: 'serve', 'build' or 'gh-deploy'."""
    global _serving
    _serving = command == "serve"


def serving() -> bool:
    return _serving


def run(label: str, work: Callable, *args: object) -> Future | None:
    """work(*args) in the background while serving (one job at a time, in order); at once otherwise.
    While serving, work must be a module-level function and args picklable."""
    global _worker
    if not _serving:
        work(*args)
        return None
    if _worker is None:
        _worker = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
        )
    try:
        future = _worker.submit(_afresh, work, *args)
    except BrokenProcessPool:  # the worker died (killed, out of memory): start afresh, do it now
        _worker = None
        work(*args)
        return None
    future.add_done_callback(lambda done: _report(label, done))
    return future


def _afresh(work: Callable, *args: object) -> object:
    """In the worker, which lives as long as `mkdocs serve`: `dot` and the fonts asked anew for the
    cache keys, as each build does (generator.system), then the work."""
    from generator import system

    system.forget()
    return work(*args)


def _lower_priority() -> None:
    """The worker yields the processor to the next page build (on a machine with few cores)."""
    if hasattr(os, "nice"):
        os.nice(10)


def _report(label: str, done: Future) -> None:
    if done.cancelled():
        return
    error = done.exception()
    if error is not None:  # shown in the serve output; the pages are already served
        log.error("%s could not be made in the background: %s", label, error)
    else:
        log.info("%s: made in the background", label)


def wait() -> None:
    """Finish every job handed over so far (on_shutdown, and tests)."""
    global _worker
    if _worker is not None:
        _worker.shutdown(wait=True)
        _worker = None
